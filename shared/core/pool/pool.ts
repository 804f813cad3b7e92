import { num, type Recorder } from '../backprop/trace';
import type { Pair, PoolGeometry, Tensor, Ties } from '../backprop/types';

/** Output size of one pooling axis: floor((n + 2p - k) / s) + 1 (PyTorch, ceil_mode false). */
export function poolOutputSize(size: number, kernel: number, stride: number, padding: number): number {
  return Math.floor((size + 2 * padding - kernel) / stride) + 1;
}

/** Global pools are one window over the whole map; `none` is the identity (1x1, stride 1). */
export function resolvePool(pool: PoolGeometry, height: number, width: number): { kernel: Pair; stride: Pair; padding: Pair } {
  if (pool.type === 'globalmax' || pool.type === 'globalavg') return { kernel: [height, width], stride: [height, width], padding: [0, 0] };
  if (pool.type === 'none') return { kernel: [1, 1], stride: [1, 1], padding: [0, 0] };
  return { kernel: pool.kernel, stride: pool.stride, padding: pool.padding };
}

/** What the forward pass keeps for the backward one: where each pooled cell's gradient goes. */
export interface PoolRouting {
  /** For each pooled cell: the flat indices (into the activated map) that receive its gradient. */
  targets: number[][];
  /** For each pooled cell: the share each target gets (1 for a single max winner, 1/n among n tied, 1/(kh·kw) for average). */
  weights: number[];
}

export interface PoolForward {
  pooled: Tensor;
  argmax: Tensor | null;
  routing: PoolRouting;
  /** Max pooling windows whose maximum is reached by more than one cell. */
  tiedWindows: number;
}

/**
 * Max pooling takes the largest cell of each window (padding cells never win: PyTorch pads
 * with -inf); ties go to the first maximum in row-major order, as PyTorch does, or with
 * `split` the gradient is shared equally among the tied cells. Average pooling divides the
 * window sum by kh·kw, padding zeros included (count_include_pad = true).
 */
export function poolForward(pool: PoolGeometry, activated: Tensor, ties: Ties, recorder: Recorder): PoolForward {
  const [F = 0, H = 0, W = 0] = activated.shape;
  const a = activated.data;
  if (pool.type === 'none') {
    // The identity: no forward steps; the backward pass still shows each cell's gradient.
    const targets = a.map((_, k) => [k]);
    return { pooled: { shape: [F, H, W], data: [...a] }, argmax: null, routing: { targets, weights: a.map(() => 1) }, tiedWindows: 0 };
  }
  const { kernel, stride, padding } = resolvePool(pool, H, W);
  const [kh, kw] = kernel;
  const [sh, sw] = stride;
  const [ph, pw] = padding;
  const PH = poolOutputSize(H, kh, sh, ph);
  const PW = poolOutputSize(W, kw, sw, pw);
  const isMax = pool.type === 'max' || pool.type === 'globalmax';
  const out = new Array<number>(F * PH * PW);
  const argmax = isMax ? new Array<number>(F * PH * PW) : null;
  const targets: number[][] = new Array(F * PH * PW);
  const weights = new Array<number>(F * PH * PW);
  const global = pool.type === 'globalmax' || pool.type === 'globalavg';
  let tiedWindows = 0;
  for (let f = 0; f < F; f++) {
    for (let i = 0; i < PH; i++) {
      for (let j = 0; j < PW; j++) {
        const p = (f * PH + i) * PW + j;
        const record = recorder.recording;
        const aAt: number[] = [];
        const aValues: number[] = [];
        const partialSums: number[] = [];
        const top = i * sh - ph;
        const left = j * sw - pw;
        if (isMax) {
          let best = -Infinity;
          let first = -1;
          let tied: number[] = [];
          for (let u = 0; u < kh; u++) {
            const y = top + u;
            if (y < 0 || y >= H) continue;
            for (let v = 0; v < kw; v++) {
              const x = left + v;
              if (x < 0 || x >= W) continue;
              const k = (f * H + y) * W + x;
              const value = a[k]!;
              if (record) {
                aAt.push(k);
                aValues.push(value);
              }
              // `>` keeps the first maximum in row-major order; NaN never wins.
              if (value > best || first < 0) {
                best = value;
                first = k;
                tied = [k];
              } else if (value === best) {
                tied.push(k);
              }
            }
          }
          out[p] = best;
          if (tied.length > 1) tiedWindows++;
          argmax![p] = first - f * H * W;
          const winners = ties === 'split' ? tied : [first];
          targets[p] = winners;
          weights[p] = 1 / winners.length;
          if (record) {
            const where = (k: number) => `(${Math.floor((k % (H * W)) / W)}, ${k % W})`;
            const tieText =
              tied.length > 1
                ? ties === 'split'
                  ? ` ${tied.length} cells tie; the gradient will be shared equally among them.`
                  : ` ${tied.length} cells tie; the first in row-major order wins, as in PyTorch.`
                : '';
            recorder.push({
              phase: 'forward',
              op: 'pool_max',
              out: 'pooled',
              at: p,
              index: [f, i, j],
              value: best,
              a: 'activated',
              aAt,
              aValues,
              winners,
              text: `${global ? `Global max of map ${f}` : `Max of the ${kh}x${kw} window at rows ${top}..${top + kh - 1}, columns ${left}..${left + kw - 1} of map ${f}`}: ${num(best)} at ${where(first)}.${tieText}`,
            });
          }
        } else {
          let sum = 0;
          const inside: number[] = [];
          for (let u = 0; u < kh; u++) {
            const y = top + u;
            if (y < 0 || y >= H) continue;
            for (let v = 0; v < kw; v++) {
              const x = left + v;
              if (x < 0 || x >= W) continue;
              const k = (f * H + y) * W + x;
              sum += a[k]!;
              inside.push(k);
              if (record) {
                aAt.push(k);
                aValues.push(a[k]!);
                partialSums.push(sum);
              }
            }
          }
          const divisor = kh * kw;
          out[p] = sum / divisor;
          targets[p] = inside;
          weights[p] = 1 / divisor;
          if (record) {
            recorder.push({
              phase: 'forward',
              op: 'pool_avg',
              out: 'pooled',
              at: p,
              index: [f, i, j],
              value: sum / divisor,
              a: 'activated',
              aAt,
              aValues,
              partialSums,
              divisor,
              text: `${global ? `Global average of map ${f}` : `Average of the ${kh}x${kw} window at rows ${top}..${top + kh - 1}, columns ${left}..${left + kw - 1} of map ${f}`}: sum ${num(sum)} / ${divisor}${inside.length < divisor ? ` (padding zeros count)` : ''} = ${num(sum / divisor)}.`,
            });
          }
        }
      }
    }
  }
  return { pooled: { shape: [F, PH, PW], data: out }, argmax: argmax ? { shape: [F, PH, PW], data: argmax } : null, routing: { targets, weights }, tiedWindows };
}

/**
 * dL/da[k] = Σ over the pooled cells p whose gradient goes to k of dL/dp · share: to the
 * winner(s) only for max pooling, 1/(kh·kw) to every cell of the window for average pooling.
 */
export function poolBackward(pool: PoolGeometry, activatedShape: readonly number[], routing: PoolRouting, gradPooled: Tensor, recorder: Recorder): Tensor {
  const size = activatedShape.reduce((product, n) => product * n, 1);
  const [, H = 0, W = 0] = activatedShape;
  const grad = new Array<number>(size).fill(0);
  const g = gradPooled.data;
  const record = recorder.recording;
  const sources: number[][] | null = record ? Array.from({ length: size }, () => []) : null;
  for (let p = 0; p < routing.targets.length; p++) {
    const share = routing.weights[p]!;
    for (const k of routing.targets[p]!) {
      grad[k] = grad[k]! + g[p]! * share;
      sources?.[k]!.push(p);
    }
  }
  if (sources) {
    const isMax = pool.type === 'max' || pool.type === 'globalmax';
    for (let k = 0; k < size; k++) {
      if (!recorder.recording) break;
      const from = sources[k]!;
      let sum = 0;
      const partialSums = from.map((p) => (sum += g[p]! * routing.weights[p]!));
      const f = Math.floor(k / (H * W));
      const y = Math.floor((k % (H * W)) / W);
      const x = k % W;
      let text: string;
      if (pool.type === 'none') text = `No pooling: dL/da at (${y}, ${x}) of map ${f} is the output gradient ${num(grad[k]!)}.`;
      else if (from.length === 0) text = isMax ? `a at (${y}, ${x}) of map ${f} wins no window: its gradient is 0.` : `a at (${y}, ${x}) of map ${f} is in no window: its gradient is 0.`;
      else if (isMax) text = `a at (${y}, ${x}) of map ${f} is the maximum of ${from.length} window${from.length > 1 ? 's' : ''}: it receives ${from.length > 1 ? 'their gradients' : 'its gradient'}${from.some((p) => routing.weights[p] !== 1) ? ' (shared among tied cells)' : ''}, ${num(grad[k]!)}.`;
      else text = `a at (${y}, ${x}) of map ${f} is in ${from.length} window${from.length > 1 ? 's' : ''}: each passes back dL/dp / ${Math.round(1 / routing.weights[from[0]!]!)}; total ${num(grad[k]!)}.`;
      recorder.push({
        phase: 'backward',
        op: 'grad_pool',
        out: 'grad_activated',
        at: k,
        index: [f, y, x],
        value: grad[k]!,
        a: 'grad_pooled',
        aAt: from,
        aValues: from.map((p) => g[p]!),
        b: 'coefficient',
        bAt: from.map(() => -1),
        bValues: from.map((p) => routing.weights[p]!),
        partialSums,
        text,
      });
    }
  }
  return { shape: [...activatedShape], data: grad };
}
