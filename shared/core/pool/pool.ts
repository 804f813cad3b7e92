import { KEY, OP, type Recorder } from '../backprop/trace';
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
 * window sum by kh·kw, padding zeros included (count_include_pad = true). `none` is the
 * identity and records no forward steps.
 */
export function poolForward(pool: PoolGeometry, activated: Tensor, ties: Ties, recorder: Recorder): PoolForward {
  const [F = 0, H = 0, W = 0] = activated.shape;
  const a = activated.data;
  if (pool.type === 'none') {
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
  let tiedWindows = 0;
  for (let f = 0; f < F; f++) {
    for (let i = 0; i < PH; i++) {
      for (let j = 0; j < PW; j++) {
        const p = (f * PH + i) * PW + j;
        const record = recorder.recording;
        if (record) recorder.begin();
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
              // `>` keeps the first maximum in row-major order.
              if (value > best || first < 0) {
                best = value;
                first = k;
                tied = [k];
              } else if (value === best) {
                tied.push(k);
              }
              if (record) recorder.term(k, -1);
            }
          }
          out[p] = best;
          argmax![p] = first - f * H * W;
          if (tied.length > 1) tiedWindows++;
          const winners = ties === 'split' ? tied : [first];
          targets[p] = winners;
          weights[p] = 1 / winners.length;
          if (record) recorder.end(OP.pool_max, tied.length > 1 ? (ties === 'split' ? KEY.poolMaxTieSplit : KEY.poolMaxTieFirst) : KEY.poolMax, p);
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
              if (record) recorder.term(k, -1);
            }
          }
          const divisor = kh * kw;
          out[p] = sum / divisor;
          targets[p] = inside;
          weights[p] = 1 / divisor;
          if (record) recorder.end(OP.pool_avg, KEY.poolAvg, p);
        }
      }
    }
  }
  return { pooled: { shape: [F, PH, PW], data: out }, argmax: argmax ? { shape: [F, PH, PW], data: argmax } : null, routing: { targets, weights }, tiedWindows };
}

/**
 * dL/da[k] = Σ over the pooled cells p whose gradient goes to k of dL/dp · share: to the
 * winner(s) only for max pooling, 1/(kh·kw) to every cell of the window for average pooling.
 * One step per activated cell, its terms (dL/dp, share) for each window that routes to it.
 */
export function poolBackward(pool: PoolGeometry, activatedShape: readonly number[], routing: PoolRouting, gradPooled: Tensor, recorder: Recorder): Tensor {
  const size = activatedShape.reduce((product, n) => product * n, 1);
  const grad = new Array<number>(size).fill(0);
  const g = gradPooled.data;
  const record = recorder.recording;
  // Routing is stored by window; the steps need it by cell: count, then fill (no array per cell).
  const counts = record ? new Int32Array(size + 1) : null;
  for (let p = 0; p < routing.targets.length; p++) {
    const share = routing.weights[p]!;
    for (const k of routing.targets[p]!) {
      grad[k] = grad[k]! + g[p]! * share;
      if (counts) counts[k + 1]!++;
    }
  }
  if (!counts) return { shape: [...activatedShape], data: grad };
  for (let k = 0; k < size; k++) counts[k + 1]! += counts[k]!;
  const sources = new Int32Array(counts[size]!);
  const fill = counts.slice(0, size);
  for (let p = 0; p < routing.targets.length; p++) for (const k of routing.targets[p]!) sources[fill[k]!++] = p;
  const isMax = pool.type === 'max' || pool.type === 'globalmax';
  // Each window's share is stored once, as a coefficient its terms refer to.
  const shareAt = new Int32Array(routing.weights.length).fill(-1);
  for (let k = 0; k < size && recorder.recording; k++) {
    recorder.begin();
    for (let s = counts[k]!; s < counts[k + 1]!; s++) {
      const p = sources[s]!;
      if (shareAt[p]! < 0) shareAt[p] = recorder.coefficient(routing.weights[p]!);
      recorder.term(p, shareAt[p]!);
    }
    const windows = counts[k + 1]! - counts[k]!;
    const key = pool.type === 'none' ? KEY.gradPoolNone : isMax ? (windows === 0 ? KEY.gradPoolMaxNone : KEY.gradPoolMax) : windows === 0 ? KEY.gradPoolAvgNone : KEY.gradPoolAvg;
    recorder.end(OP.grad_pool, key, k);
  }
  return { shape: [...activatedShape], data: grad };
}
