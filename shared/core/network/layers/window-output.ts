import { outputDerivation, term, type AxisTerm } from '../derivation';
import { formatLatex as n, formatPlain as p } from '../format';
import { poolOutputSize } from '../geometry';
import type { Derivation, Pair, WindowGeometry } from '../info';

/**
 * Output size of a conv or pooling layer, per axis:
 * floor((H + 2p - d(k - 1) - 1)/s) + 1, or with ceil_mode ceil(...) + 1 minus one when the
 * last window would start in the padding (PyTorch `pooling_output_shape_pad_lr`).
 */
export function windowOutputDerivation(outputShape: readonly number[], inputSize: Pair, geometry: WindowGeometry, ceilMode: boolean): Derivation {
  const symmetric = geometry.padding.top === geometry.padding.bottom && geometry.padding.left === geometry.padding.right;
  const padLatex = symmetric ? '2p' : 'p_{before} + p_{after}';
  const [open, close] = ceilMode ? ['\\lceil', '\\rceil'] : ['\\lfloor', '\\rfloor'];
  const formula = `${open} (H + ${padLatex} - d(k-1) - 1)/s ${close} + 1`;
  const axis = (index: 0 | 1): AxisTerm => {
    const size = inputSize[index];
    const before = index === 0 ? geometry.padding.top : geometry.padding.left;
    const after = index === 0 ? geometry.padding.bottom : geometry.padding.right;
    const [kernel, stride, dilation] = [geometry.kernel[index], geometry.stride[index], geometry.dilation[index]];
    const padding = symmetric ? { latex: `2 \\cdot ${n(before)}`, plain: `2*${p(before)}` } : { latex: `${n(before)} + ${n(after)}`, plain: `${p(before)} + ${p(after)}` };
    const inner = {
      latex: `(${n(size)} + ${padding.latex} - ${n(dilation)} \\cdot (${n(kernel)} - 1) - 1)/${n(stride)}`,
      plain: `(${p(size)} + ${padding.plain} - ${p(dilation)}*(${p(kernel)} - 1) - 1)/${p(stride)}`,
    };
    const { size: result, droppedLastWindow } = poolOutputSize(size, before, after, geometry.effectiveKernel[index], stride, ceilMode);
    if (ceilMode && droppedLastWindow) {
      const withoutNote = `ceil(${inner.plain}) + 1 - 1`;
      return { ...term(`\\lceil ${inner.latex} \\rceil + 1 - 1`, `${withoutNote} (the last window would start in the padding)`, result), dropped: { before: withoutNote } };
    }
    return ceilMode
      ? term(`\\lceil ${inner.latex} \\rceil + 1`, `ceil(${inner.plain}) + 1`, result)
      : term(`\\lfloor ${inner.latex} \\rfloor + 1`, `floor(${inner.plain}) + 1`, result);
  };
  return outputDerivation(formula, outputShape, axis(0), axis(1));
}
