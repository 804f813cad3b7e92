import { nest } from './gradient-check';
import type { BackpropResult, Tensor } from './types';

/**
 * The CLI's JSON: every tensor nested like the case's own grids. `grad_input` and
 * `grad_filters` take the form the input and filters were typed in ([H][W] / [kh][kw] stays
 * 2-D); the maps (conv, activated, pooled and their gradients) are always [F][H][W].
 */
export function backpropToJson(result: Extract<BackpropResult, { ok: true }>): Record<string, unknown> {
  const { tensors, case: c } = result;
  const asGiven = (tensor: Tensor, was2d: boolean) => (was2d ? nest(tensor.data, tensor.shape.slice(-2)) : nest(tensor.data, tensor.shape));
  return {
    conv: nest(tensors.conv.data, tensors.conv.shape),
    activated: nest(tensors.activated.data, tensors.activated.shape),
    pooled: nest(tensors.pooled.data, tensors.pooled.shape),
    argmax: tensors.argmax ? nest(tensors.argmax.data, tensors.argmax.shape) : null,
    loss: tensors.loss,
    grad_pooled: nest(tensors.grad_pooled.data, tensors.grad_pooled.shape),
    grad_activated: nest(tensors.grad_activated.data, tensors.grad_activated.shape),
    grad_conv: nest(tensors.grad_conv.data, tensors.grad_conv.shape),
    grad_filters: asGiven(tensors.grad_filters, c.filtersWere2d),
    grad_bias: [...tensors.grad_bias.data],
    grad_input: asGiven(tensors.grad_input, c.inputWas2d),
  };
}
