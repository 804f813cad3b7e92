import type { Pair, WindowGeometry } from './info';

/**
 * Output sizes of windowed layers, per axis, exactly as PyTorch computes them
 * (aten/src/ATen/native/ConvUtils.h, Pool.h, and the ConvTranspose2d docs).
 */

/** (k - 1) * d + 1: the span of a dilated kernel. */
export function effectiveKernelSize(kernel: number, dilation: number): number {
  return (kernel - 1) * dilation + 1;
}

/** Convolution: floor((H + p_before + p_after - d(k - 1) - 1) / s) + 1. */
export function convOutputSize(input: number, padBefore: number, padAfter: number, effectiveKernel: number, stride: number): number {
  return Math.floor((input + padBefore + padAfter - effectiveKernel) / stride) + 1;
}

/**
 * Pooling (PyTorch `pooling_output_shape_pad_lr`): floor, or with ceil_mode
 * ceil((H + 2p - d(k - 1) - 1) / s) + 1, then drop the last window if it starts in the
 * padding: if (out - 1) s >= H + p_before, out -= 1.
 */
export function poolOutputSize(
  input: number,
  padBefore: number,
  padAfter: number,
  effectiveKernel: number,
  stride: number,
  ceilMode: boolean,
): { size: number; droppedLastWindow: boolean } {
  const span = input + padBefore + padAfter - effectiveKernel;
  let size = Math.floor((span + (ceilMode ? stride - 1 : 0)) / stride) + 1;
  let droppedLastWindow = false;
  if (ceilMode && (size - 1) * stride >= input + padBefore) {
    size -= 1;
    droppedLastWindow = true;
  }
  return { size, droppedLastWindow };
}

/** Transposed convolution: (H - 1) s - 2p + d(k - 1) + output_padding + 1. */
export function transposedOutputSize(
  input: number,
  stride: number,
  padding: number,
  dilation: number,
  kernel: number,
  outputPadding: number,
): number {
  return (input - 1) * stride - 2 * padding + dilation * (kernel - 1) + outputPadding + 1;
}

/**
 * PyTorch padding="same" (Conv2d.__init__): total = d(k - 1) per axis, before = total // 2,
 * the odd pixel goes after (bottom / right).
 */
export function samePadding(kernel: Pair, dilation: Pair): WindowGeometry['padding'] {
  const totalHeight = dilation[0] * (kernel[0] - 1);
  const totalWidth = dilation[1] * (kernel[1] - 1);
  const top = Math.floor(totalHeight / 2);
  const left = Math.floor(totalWidth / 2);
  return { top, bottom: totalHeight - top, left, right: totalWidth - left };
}

export function symmetricPadding(padding: Pair): WindowGeometry['padding'] {
  return { top: padding[0], bottom: padding[0], left: padding[1], right: padding[1] };
}

export function windowGeometry(
  kernel: Pair,
  stride: Pair,
  dilation: Pair,
  padding: WindowGeometry['padding'],
): WindowGeometry {
  return {
    kernel,
    stride,
    dilation,
    effectiveKernel: [effectiveKernelSize(kernel[0], dilation[0]), effectiveKernelSize(kernel[1], dilation[1])],
    padding,
  };
}

/** Padding before each axis [top, left] and after [bottom, right]. */
export function paddingBefore(geometry: WindowGeometry): Pair {
  return [geometry.padding.top, geometry.padding.left];
}

export function paddingAfter(geometry: WindowGeometry): Pair {
  return [geometry.padding.bottom, geometry.padding.right];
}
