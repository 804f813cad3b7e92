import { say, type Recorder } from '../backprop/trace';
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
 * with every product of its window (padding cells included, as zeros at index -1).
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
        let sum = 0;
        if (!recorder.recording) {
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
          recorder.begin();
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
                recorder.term(xi, xv, wi, wv, sum);
              }
            }
          }
          const top = i * sh - ph;
          const left = j * sw - pw;
          recorder.end({
            phase: 'forward',
            op: 'conv',
            out: 'conv',
            at: (f * OH + i) * OW + j,
            index: [f, i, j],
            value: sum + b,
            a: 'input',
            b: 'filters',
            add: { tensor: 'bias', at: f, value: b },
            text: say('conv', { f, top, bottom: top + (kh - 1) * dh, left, right: left + (kw - 1) * dw, channels: C, terms: C * kh * kw, sum, bias: b, value: sum + b }),
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
            recorder.begin();
            for (let i = 0; i < OH; i++) {
              const y = i * sh - ph + u * dh;
              for (let j = 0; j < OW; j++) {
                const xx = j * sw - pw + v * dw;
                const inside = y >= 0 && y < H && xx >= 0 && xx < W;
                const xi = inside ? (c * H + y) * W + xx : -1;
                const gi = (f * OH + i) * OW + j;
                const xv = inside ? x[xi]! : 0;
                sum += g[gi]! * xv;
                recorder.term(gi, g[gi]!, xi, xv, sum);
              }
            }
            recorder.end({
              phase: 'backward',
              op: 'grad_filter',
              out: 'grad_filters',
              at: wi,
              index: [f, c, u, v],
              value: sum,
              a: 'grad_conv',
              b: 'input',
              text: say('gradFilter', { f, c, u, v, terms: OH * OW, value: sum }),
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
    if (record) recorder.begin();
    for (let k = 0; k < plane; k++) {
      const value = gradConv.data[f * plane + k]!;
      sum += value;
      if (record) recorder.term(f * plane + k, value, -1, 0, sum);
    }
    out[f] = sum;
    if (record) {
      recorder.end({
        phase: 'backward',
        op: 'grad_bias',
        out: 'grad_bias',
        at: f,
        index: [f],
        value: sum,
        a: 'grad_conv',
        text: say('gradBias', { f, terms: plane, value: sum }),
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
        if (record) recorder.begin();
        let terms = 0;
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
              terms++;
              if (record) recorder.term(gi, g[gi]!, wi, w[wi]!, sum);
            }
          }
        }
        const at = (c * H + y) * W + xx;
        out[at] = sum;
        if (record) {
          recorder.end({
            phase: 'backward',
            op: 'grad_input',
            out: 'grad_input',
            at,
            index: [c, y, xx],
            value: sum,
            a: 'grad_conv',
            b: 'filters',
            text: terms === 0 ? say('gradInputNone', { c, y, x: xx }) : say('gradInput', { c, y, x: xx, terms, value: sum }),
          });
        }
      }
    }
  }
  return { shape: [C, H, W], data: out };
}
