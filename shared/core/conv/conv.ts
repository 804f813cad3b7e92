import { num, type Recorder } from '../backprop/trace';
import type { Pair, Tensor } from '../backprop/types';

/**
 * One info record of a 2-D convolution (cf. tfjs conv_util computeConv2DInfo): shapes,
 * padding, dilation and the effective kernel, computed once and read by forward,
 * backward and the views.
 */
export interface ConvInfo {
  channels: number;
  height: number;
  width: number;
  filters: number;
  kernel: Pair;
  stride: Pair;
  padding: Pair;
  dilation: Pair;
  /** (k - 1) * d + 1 */
  effectiveKernel: Pair;
  /** floor((H + 2p - (k - 1) d - 1) / s) + 1, PyTorch's Conv2d output size. */
  outHeight: number;
  outWidth: number;
}

export function convInfo(inputShape: readonly number[], filterShape: readonly number[], stride: Pair, padding: Pair, dilation: Pair): ConvInfo {
  const [channels = 0, height = 0, width = 0] = inputShape;
  const [filters = 0, , kh = 0, kw = 0] = filterShape;
  const effectiveKernel: Pair = [(kh - 1) * dilation[0] + 1, (kw - 1) * dilation[1] + 1];
  const outHeight = Math.floor((height + 2 * padding[0] - effectiveKernel[0]) / stride[0]) + 1;
  const outWidth = Math.floor((width + 2 * padding[1] - effectiveKernel[1]) / stride[1]) + 1;
  return { channels, height, width, filters, kernel: [kh, kw], stride, padding, dilation, effectiveKernel, outHeight, outWidth };
}

/**
 * Forward: z[f,i,j] = b[f] + Σ_{c,u,v} x[c, i·s_h - p_h + u·d_h, j·s_w - p_w + v·d_w] · w[f,c,u,v]
 * (cross-correlation, zero padding, as torch.nn.functional.conv2d). One step per output cell
 * with every product of its window (padding cells included, as zeros).
 */
export function convForward(info: ConvInfo, input: Tensor, filters: Tensor, bias: readonly number[], recorder: Recorder): Tensor {
  const { channels: C, height: H, width: W, filters: F, outHeight: OH, outWidth: OW } = info;
  const [kh, kw] = info.kernel;
  const [sh, sw] = info.stride;
  const [ph, pw] = info.padding;
  const [dh, dw] = info.dilation;
  const x = input.data;
  const w = filters.data;
  const out = new Array<number>(F * OH * OW);
  for (let f = 0; f < F; f++) {
    const b = bias[f] ?? 0;
    for (let i = 0; i < OH; i++) {
      for (let j = 0; j < OW; j++) {
        const record = recorder.recording;
        let sum = 0;
        if (!record) {
          for (let c = 0; c < C; c++) {
            for (let u = 0; u < kh; u++) {
              const y = i * sh - ph + u * dh;
              if (y < 0 || y >= H) continue;
              const rowBase = (c * H + y) * W;
              const wBase = ((f * C + c) * kh + u) * kw;
              for (let v = 0; v < kw; v++) {
                const xx = j * sw - pw + v * dw;
                if (xx < 0 || xx >= W) continue;
                sum += x[rowBase + xx]! * w[wBase + v]!;
              }
            }
          }
        } else {
          const terms = C * kh * kw;
          const aAt = new Array<number>(terms);
          const aValues = new Array<number>(terms);
          const bAt = new Array<number>(terms);
          const bValues = new Array<number>(terms);
          const partialSums = new Array<number>(terms);
          let k = 0;
          for (let c = 0; c < C; c++) {
            for (let u = 0; u < kh; u++) {
              const y = i * sh - ph + u * dh;
              const rowInside = y >= 0 && y < H;
              for (let v = 0; v < kw; v++) {
                const xx = j * sw - pw + v * dw;
                const inside = rowInside && xx >= 0 && xx < W;
                const xi = inside ? (c * H + y) * W + xx : -1;
                const wi = ((f * C + c) * kh + u) * kw + v;
                const xv = inside ? x[xi]! : 0;
                const wv = w[wi]!;
                sum += xv * wv;
                aAt[k] = xi;
                aValues[k] = xv;
                bAt[k] = wi;
                bValues[k] = wv;
                partialSums[k] = sum;
                k++;
              }
            }
          }
          const top = i * sh - ph;
          const left = j * sw - pw;
          recorder.push({
            phase: 'forward',
            op: 'conv',
            out: 'conv',
            at: (f * OH + i) * OW + j,
            index: [f, i, j],
            value: sum + b,
            a: 'input',
            aAt,
            aValues,
            b: 'filters',
            bAt,
            bValues,
            partialSums,
            add: { tensor: 'bias', at: f, value: b },
            text:
              `Filter ${f} over the window at rows ${top}..${top + (kh - 1) * dh}, columns ${left}..${left + (kw - 1) * dw}` +
              `${C > 1 ? ` of all ${C} channels` : ''}: ${terms} products sum to ${num(sum)}; plus bias ${num(b)} gives z = ${num(sum + b)}.`,
          });
        }
        out[(f * OH + i) * OW + j] = sum + b;
      }
    }
  }
  return { shape: [F, OH, OW], data: out };
}

/**
 * dL/dW[f,c,u,v] = Σ_{i,j} dZ[f,i,j] · x[c, i·s_h - p_h + u·d_h, j·s_w - p_w + v·d_w]:
 * the gradient at each output times the input pixel that weight saw there.
 */
export function convBackwardFilters(info: ConvInfo, input: Tensor, gradConv: Tensor, recorder: Recorder): Tensor {
  const { channels: C, height: H, width: W, filters: F, outHeight: OH, outWidth: OW } = info;
  const [kh, kw] = info.kernel;
  const [sh, sw] = info.stride;
  const [ph, pw] = info.padding;
  const [dh, dw] = info.dilation;
  const x = input.data;
  const g = gradConv.data;
  const out = new Array<number>(F * C * kh * kw);
  for (let f = 0; f < F; f++) {
    for (let c = 0; c < C; c++) {
      for (let u = 0; u < kh; u++) {
        for (let v = 0; v < kw; v++) {
          const wi = ((f * C + c) * kh + u) * kw + v;
          let sum = 0;
          if (!recorder.recording) {
            for (let i = 0; i < OH; i++) {
              const y = i * sh - ph + u * dh;
              if (y < 0 || y >= H) continue;
              const rowBase = (c * H + y) * W;
              const gBase = (f * OH + i) * OW;
              for (let j = 0; j < OW; j++) {
                const xx = j * sw - pw + v * dw;
                if (xx < 0 || xx >= W) continue;
                sum += g[gBase + j]! * x[rowBase + xx]!;
              }
            }
          } else {
            const aAt: number[] = [];
            const aValues: number[] = [];
            const bAt: number[] = [];
            const bValues: number[] = [];
            const partialSums: number[] = [];
            for (let i = 0; i < OH; i++) {
              const y = i * sh - ph + u * dh;
              for (let j = 0; j < OW; j++) {
                const xx = j * sw - pw + v * dw;
                const inside = y >= 0 && y < H && xx >= 0 && xx < W;
                const xi = inside ? (c * H + y) * W + xx : -1;
                const gi = (f * OH + i) * OW + j;
                const xv = inside ? x[xi]! : 0;
                sum += g[gi]! * xv;
                aAt.push(gi);
                aValues.push(g[gi]!);
                bAt.push(xi);
                bValues.push(xv);
                partialSums.push(sum);
              }
            }
            recorder.push({
              phase: 'backward',
              op: 'grad_filter',
              out: 'grad_filters',
              at: wi,
              index: [f, c, u, v],
              value: sum,
              a: 'grad_conv',
              aAt,
              aValues,
              b: 'input',
              bAt,
              bValues,
              partialSums,
              text: `dL/dw[${f}][${c}][${u}][${v}]: each of the ${OH * OW} outputs of filter ${f} passes back its gradient dL/dz times the input pixel this weight multiplied there; they sum to ${num(sum)}.`,
            });
          }
          out[wi] = sum;
        }
      }
    }
  }
  return { shape: [F, C, kh, kw], data: out };
}

/** dL/db[f] = Σ_{i,j} dZ[f,i,j]: the bias is added to every output of its filter. */
export function convBackwardBias(info: ConvInfo, gradConv: Tensor, recorder: Recorder): Tensor {
  const { filters: F, outHeight: OH, outWidth: OW } = info;
  const plane = OH * OW;
  const out = new Array<number>(F);
  for (let f = 0; f < F; f++) {
    let sum = 0;
    const record = recorder.recording;
    const aAt: number[] = [];
    const aValues: number[] = [];
    const partialSums: number[] = [];
    for (let k = 0; k < plane; k++) {
      const value = gradConv.data[f * plane + k]!;
      sum += value;
      if (record) {
        aAt.push(f * plane + k);
        aValues.push(value);
        partialSums.push(sum);
      }
    }
    out[f] = sum;
    if (record) {
      recorder.push({
        phase: 'backward',
        op: 'grad_bias',
        out: 'grad_bias',
        at: f,
        index: [f],
        value: sum,
        a: 'grad_conv',
        aAt,
        aValues,
        partialSums,
        text: `dL/db[${f}]: the bias is added to all ${plane} outputs of filter ${f} (dz/db = 1), so its gradient is the sum of their dL/dz: ${num(sum)}.`,
      });
    }
  }
  return { shape: [F], data: out };
}

/**
 * dL/dX[c,y,x] = Σ_{f,u,v} dZ[f,i,j] · w[f,c,u,v] over the (i, j) with i·s_h - p_h + u·d_h = y and
 * j·s_w - p_w + v·d_w = x: the full convolution of dZ (dilated by the stride) with the
 * flipped kernel.
 */
export function convBackwardInput(info: ConvInfo, filters: Tensor, gradConv: Tensor, recorder: Recorder): Tensor {
  const { channels: C, height: H, width: W, filters: F, outHeight: OH, outWidth: OW } = info;
  const [kh, kw] = info.kernel;
  const [sh, sw] = info.stride;
  const [ph, pw] = info.padding;
  const [dh, dw] = info.dilation;
  const w = filters.data;
  const g = gradConv.data;
  const out = new Array<number>(C * H * W);
  for (let c = 0; c < C; c++) {
    for (let y = 0; y < H; y++) {
      for (let xx = 0; xx < W; xx++) {
        const record = recorder.recording;
        const aAt: number[] = [];
        const aValues: number[] = [];
        const bAt: number[] = [];
        const bValues: number[] = [];
        const partialSums: number[] = [];
        let sum = 0;
        for (let f = 0; f < F; f++) {
          for (let u = 0; u < kh; u++) {
            const rowOffset = y + ph - u * dh;
            if (rowOffset < 0 || rowOffset % sh !== 0) continue;
            const i = rowOffset / sh;
            if (i >= OH) continue;
            for (let v = 0; v < kw; v++) {
              const colOffset = xx + pw - v * dw;
              if (colOffset < 0 || colOffset % sw !== 0) continue;
              const j = colOffset / sw;
              if (j >= OW) continue;
              const gi = (f * OH + i) * OW + j;
              const wi = ((f * C + c) * kh + u) * kw + v;
              sum += g[gi]! * w[wi]!;
              if (record) {
                aAt.push(gi);
                aValues.push(g[gi]!);
                bAt.push(wi);
                bValues.push(w[wi]!);
                partialSums.push(sum);
              }
            }
          }
        }
        const at = (c * H + y) * W + xx;
        out[at] = sum;
        if (record) {
          recorder.push({
            phase: 'backward',
            op: 'grad_input',
            out: 'grad_input',
            at,
            index: [c, y, xx],
            value: sum,
            a: 'grad_conv',
            aAt,
            aValues,
            b: 'filters',
            bAt,
            bValues,
            partialSums,
            text:
              aAt.length === 0
                ? `dL/dx[${c}][${y}][${xx}]: no window uses this pixel (stride or dilation skips it), so its gradient is 0.`
                : `dL/dx[${c}][${y}][${xx}]: ${aAt.length === 1 ? 'the 1 output whose window covers' : `the ${aAt.length} outputs whose windows cover`} this pixel pass${aAt.length === 1 ? 'es' : ''} back dL/dz times the weight that met it (the flipped kernel); they sum to ${num(sum)}.`,
          });
        }
      }
    }
  }
  return { shape: [C, H, W], data: out };
}
