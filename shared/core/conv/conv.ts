import { KEY, OP, type Recorder } from '../backprop/trace';
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
          // Operand columns written in place (no call per product): read them after `reserve`.
          let k = recorder.reserve(C * kh * kw);
          const aAt = recorder.aAt;
          const bAt = recorder.bAt;
          for (let c = 0; c < C; c++) {
            for (let u = 0; u < kh; u++) {
              const y = i * sh - ph + u * dh;
              const rowInside = y >= 0 && y < H;
              const rowBase = (c * H + y) * W;
              const wBase = ((f * C + c) * kh + u) * kw;
              for (let v = 0; v < kw; v++) {
                const xx = j * sw - pw + v * dw;
                const inside = rowInside && xx >= 0 && xx < W;
                const xi = inside ? rowBase + xx : -1;
                const xv = inside ? x[xi]! : 0;
                sum += xv * w[wBase + v]!;
                aAt[k] = xi;
                bAt[k] = wBase + v;
                k++;
              }
            }
          }
          recorder.commit(C * kh * kw);
          recorder.end(OP.conv, KEY.conv, (f * OH + i) * OW + j);
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
            let k = recorder.reserve(OH * OW);
            const aAt = recorder.aAt;
            const bAt = recorder.bAt;
            for (let i = 0; i < OH; i++) {
              const y = i * sh - ph + u * dh;
              const rowInside = y >= 0 && y < H;
              const rowBase = (c * H + y) * W;
              const gBase = (f * OH + i) * OW;
              for (let j = 0; j < OW; j++) {
                const xx = j * sw - pw + v * dw;
                const inside = rowInside && xx >= 0 && xx < W;
                const xi = inside ? rowBase + xx : -1;
                const xv = inside ? x[xi]! : 0;
                sum += g[gBase + j]! * xv;
                aAt[k] = gBase + j;
                bAt[k] = xi;
                k++;
              }
            }
            recorder.commit(OH * OW);
            recorder.end(OP.grad_filter, KEY.gradFilter, wi);
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
      if (record) recorder.term(f * plane + k, -1);
    }
    out[f] = sum;
    if (record) {
      recorder.end(OP.grad_bias, KEY.gradBias, f);
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
  // The output row i that kernel row u reaches from input row y (y + p - u·d = i·s), or -1; the same for columns.
  const rowOf = new Int32Array(H * kh);
  for (let y = 0; y < H; y++) {
    for (let u = 0; u < kh; u++) {
      const offset = y + ph - u * dh;
      rowOf[y * kh + u] = offset >= 0 && offset % sh === 0 && offset / sh < OH ? offset / sh : -1;
    }
  }
  const colOf = new Int32Array(W * kw);
  for (let xx = 0; xx < W; xx++) {
    for (let v = 0; v < kw; v++) {
      const offset = xx + pw - v * dw;
      colOf[xx * kw + v] = offset >= 0 && offset % sw === 0 && offset / sw < OW ? offset / sw : -1;
    }
  }
  for (let c = 0; c < C; c++) {
    for (let y = 0; y < H; y++) {
      for (let xx = 0; xx < W; xx++) {
        const record = recorder.recording;
        let k = 0;
        if (record) {
          recorder.begin();
          k = recorder.reserve(F * kh * kw);
        }
        const aAt = recorder.aAt;
        const bAt = recorder.bAt;
        let terms = 0;
        let sum = 0;
        for (let f = 0; f < F; f++) {
          for (let u = 0; u < kh; u++) {
            const i = rowOf[y * kh + u]!;
            if (i < 0) continue;
            const gBase = (f * OH + i) * OW;
            const wBase = ((f * C + c) * kh + u) * kw;
            for (let v = 0; v < kw; v++) {
              const j = colOf[xx * kw + v]!;
              if (j < 0) continue;
              sum += g[gBase + j]! * w[wBase + v]!;
              terms++;
              if (record) {
                aAt[k] = gBase + j;
                bAt[k] = wBase + v;
                k++;
              }
            }
          }
        }
        if (record) recorder.commit(terms);
        const at = (c * H + y) * W + xx;
        out[at] = sum;
        if (record) {
          recorder.end(OP.grad_input, terms === 0 ? KEY.gradInputNone : KEY.gradInput, at);
        }
      }
    }
  }
  return { shape: [C, H, W], data: out };
}
