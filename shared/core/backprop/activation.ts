import { KEY, OP, type Recorder } from './trace';
import type { Activation, Tensor } from './types';

/** a = f(z) */
export function activate(kind: Activation, z: number): number {
  switch (kind) {
    case 'relu':
      return z > 0 ? z : 0;
    case 'sigmoid':
      return 1 / (1 + Math.exp(-z));
    case 'tanh':
      return Math.tanh(z);
    default:
      return z;
  }
}

/** f'(z) from z and a = f(z): ReLU 1 if z > 0 else 0 (PyTorch's choice at 0); σ' = a(1 - a); tanh' = 1 - a². */
export function activationDerivative(kind: Activation, z: number, a: number): number {
  switch (kind) {
    case 'relu':
      return z > 0 ? 1 : 0;
    case 'sigmoid':
      return a * (1 - a);
    case 'tanh':
      return 1 - a * a;
    default:
      return 1;
  }
}


/** Element-wise activation; no steps for `none` (the activated map is the conv output). */
export function activationForward(kind: Activation, conv: Tensor, recorder: Recorder): Tensor {
  const data = conv.data.map((z) => activate(kind, z));
  if (kind !== 'none') {
    const key = kind === 'relu' ? KEY.activationRelu : KEY.activation;
    for (let k = 0; k < data.length && recorder.recording; k++) {
      recorder.begin();
      recorder.term(k, -1);
      recorder.end(OP.activation, key, k);
    }
  }
  return { shape: [...conv.shape], data };
}

/** dL/dz = dL/da · f'(z); for `none` dL/dz = dL/da and no steps are recorded. */
export function activationBackward(kind: Activation, conv: Tensor, activated: Tensor, gradActivated: Tensor, recorder: Recorder): Tensor {
  const data = gradActivated.data.map((g, k) => g * activationDerivative(kind, conv.data[k]!, activated.data[k]!));
  if (kind !== 'none') {
    for (let k = 0; k < data.length && recorder.recording; k++) {
      const derivative = activationDerivative(kind, conv.data[k]!, activated.data[k]!);
      recorder.begin();
      recorder.term(k, recorder.coefficient(derivative));
      recorder.end(OP.grad_activation, KEY.gradActivation, k);
    }
  }
  return { shape: [...conv.shape], data };
}
