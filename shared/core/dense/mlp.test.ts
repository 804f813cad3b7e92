import { describe, expect, it } from 'vitest';
import { createRandom, normalSample } from '../random';
import { ACTIVATIONS, type Activation } from './activation';
import { lossAndGradient, type LossName, type Targets } from './loss';
import { multiplyTransposed } from './kernels';
import { backward, createWorkspace, evaluateOutputs, forward, mlpLayout, type MlpLayout } from './mlp';

/**
 * Backward against central finite differences of an independent forward written here (plain
 * nested loops, the textbook formulas): every dL/dW, dL/db and dL/dz of small networks, for
 * every activation, both losses, with and without a dropout mask.
 */
function phi(activation: Activation, z: number): number {
  switch (activation) {
    case 'linear':
      return z;
    case 'sigmoid':
      return 1 / (1 + Math.exp(-z));
    case 'tanh':
      return Math.tanh(z);
    case 'relu':
      return Math.max(0, z);
    case 'leaky_relu':
      return z > 0 ? z : 0.01 * z;
    case 'gelu': {
      // Phi by Simpson's rule on [0, |z|], independent of the engine's erf
      const steps = 2000;
      const h = Math.abs(z) / steps;
      let s = 0;
      for (let k = 0; k <= steps; k++) s += (k === 0 || k === steps ? 1 : k % 2 ? 4 : 2) * Math.exp(-0.5 * (k * h) ** 2);
      const area = (s * h) / 3 / Math.sqrt(2 * Math.PI);
      return z * (0.5 + Math.sign(z) * area);
    }
  }
}

/** The batch-mean loss with one pre-activation z_l[n][j] moved by `shift`. */
function referenceLoss(layout: MlpLayout, activation: Activation, params: Float64Array, x: Float64Array, rows: number, targets: Targets, masks: (Float64Array | null)[], shift?: { layer: number; row: number; unit: number; by: number }): number {
  let input: number[][] = Array.from({ length: rows }, (_, n) => Array.from(x.subarray(n * layout.sizes[0]!, (n + 1) * layout.sizes[0]!)));
  for (let l = 0; l < layout.layers; l++) {
    const inSize = layout.sizes[l]!;
    const outSize = layout.sizes[l + 1]!;
    const next: number[][] = [];
    for (let n = 0; n < rows; n++) {
      const row: number[] = [];
      for (let j = 0; j < outSize; j++) {
        let z = params[layout.biasOffset[l]! + j]!;
        for (let i = 0; i < inSize; i++) z += params[layout.weightOffset[l]! + j * inSize + i]! * input[n]![i]!;
        if (shift && shift.layer === l && shift.row === n && shift.unit === j) z += shift.by;
        const hidden = l < layout.layers - 1;
        const mask = hidden ? masks[l]?.[n * outSize + j] ?? 1 : 1;
        row.push(hidden ? phi(activation, z) * mask : z);
      }
      next.push(row);
    }
    input = next;
  }
  return lossAndGradient(targets, Float64Array.from(input.flat()), rows, null, null);
}

function randomCase(sizes: number[], loss: LossName, rows: number, seed: number) {
  const random = createRandom(seed);
  const layout = mlpLayout(sizes);
  const params = Float64Array.from({ length: layout.parameterCount }, () => 0.8 * normalSample(random));
  const x = Float64Array.from({ length: rows * sizes[0]! }, () => normalSample(random));
  const k = sizes.at(-1)!;
  const values = loss === 'mse' ? Float64Array.from({ length: rows * k }, () => normalSample(random)) : Float64Array.from({ length: rows }, () => Math.floor(random() * k));
  return { layout, params, x, targets: { loss, values, outputs: k } satisfies Targets };
}

describe('MLP backward against finite differences', () => {
  for (const activation of ACTIVATIONS) {
    for (const loss of ['mse', 'cross_entropy'] as const) {
      for (const dropout of [0, 0.4]) {
        it(`${activation}, ${loss}${dropout ? ', dropout 0.4 (mask fixed)' : ''}: dL/dW, dL/db, dL/dz`, () => {
          const rows = 5;
          const { layout, params, x, targets } = randomCase([3, 4, 5, 3], loss, rows, 7 + ACTIVATIONS.indexOf(activation));
          const ws = createWorkspace(layout, rows, dropout > 0);
          const output = forward(layout, activation, params, x, rows, ws, dropout ? { rate: dropout, random: createRandom(3) } : null);
          const loss0 = lossAndGradient(targets, output, rows, null, ws.delta[layout.layers - 1]!);
          const grads = new Float64Array(layout.parameterCount);
          backward(layout, activation, params, x, rows, ws, grads);
          const masks = ws.mask.map((mask) => (mask ? Float64Array.from(mask) : null));
          expect(loss0).toBeCloseTo(referenceLoss(layout, activation, params, x, rows, targets, masks), 6);
          const h = 1e-5;
          for (let p = 0; p < layout.parameterCount; p++) {
            const plus = Float64Array.from(params);
            const minus = Float64Array.from(params);
            plus[p] = plus[p]! + h;
            minus[p] = minus[p]! - h;
            const numeric = (referenceLoss(layout, activation, plus, x, rows, targets, masks) - referenceLoss(layout, activation, minus, x, rows, targets, masks)) / (2 * h);
            expect(grads[p]).toBeCloseTo(numeric, 6);
          }
          for (let l = 0; l < layout.layers; l++) {
            for (let n = 0; n < rows; n++) {
              for (let j = 0; j < layout.sizes[l + 1]!; j++) {
                const up = referenceLoss(layout, activation, params, x, rows, targets, masks, { layer: l, row: n, unit: j, by: h });
                const down = referenceLoss(layout, activation, params, x, rows, targets, masks, { layer: l, row: n, unit: j, by: -h });
                expect(ws.delta[l]![n * layout.sizes[l + 1]! + j]).toBeCloseTo((up - down) / (2 * h), 6);
              }
            }
          }
        });
      }
    }
  }
});

describe('MLP forward', () => {
  it('a hand-worked 2-2-1 ReLU network: z1 = W1 x + b1, a1 = relu(z1), y = W2 a1 + b2', () => {
    const layout = mlpLayout([2, 2, 1]);
    // W1 = [[1, -1], [2, 0.5]], b1 = [0, -1], W2 = [[3, -2]], b2 = [0.5]
    const params = Float64Array.of(1, -1, 2, 0.5, 0, -1, 3, -2, 0.5);
    const x = Float64Array.of(1, 2, -1, 0);
    // x = (1, 2): z1 = (-1, 2), a1 = (0, 2), y = -4 + 0.5 = -3.5; x = (-1, 0): z1 = (-1, -3), a1 = 0, y = 0.5
    const ws = createWorkspace(layout, 2, false);
    expect(Array.from(forward(layout, 'relu', params, x, 2, ws))).toEqual([-3.5, 0.5]);
    expect(Array.from(ws.z[0]!)).toEqual([-1, 2, -1, -3]);
    expect(Array.from(evaluateOutputs(layout, 'relu', params, x, 2))).toEqual([-3.5, 0.5]);
  });

  it('losses: mse is the mean over every output, cross-entropy the batch mean of log-sum-exp minus the target logit', () => {
    const mse = lossAndGradient({ loss: 'mse', values: Float64Array.of(1, 0, 0, 0), outputs: 2 }, Float64Array.of(3, 1, 0, -1), 2, null, null);
    expect(mse).toBe((4 + 1 + 0 + 1) / 4);
    const gradient = new Float64Array(4);
    const ce = lossAndGradient({ loss: 'cross_entropy', values: Float64Array.of(0, 1), outputs: 2 }, Float64Array.of(0, 0, 1, 3), 2, null, gradient);
    expect(ce).toBeCloseTo((Math.log(2) + (Math.log(Math.exp(1) + Math.exp(3)) - 3)) / 2, 15);
    expect(gradient[0]).toBeCloseTo((0.5 - 1) / 2, 15);
    expect(gradient[3]).toBeCloseTo((Math.exp(3) / (Math.exp(1) + Math.exp(3)) - 1) / 2, 15);
  });

  it('evaluation in chunks equals the batched forward, bit for bit, past the chunk size', () => {
    const { layout, params, x } = randomCase([3, 7, 5, 2], 'mse', 600, 3);
    const ws = createWorkspace(layout, 600, false);
    expect(Array.from(evaluateOutputs(layout, 'tanh', params, x, 600))).toEqual(Array.from(forward(layout, 'tanh', params, x, 600, ws)));
  });

  it('the blocked kernel computes A B^T for every shape remainder (rows and columns not multiples of 4), bit for bit the plain loop', () => {
    const random = createRandom(9);
    for (const [rows, columns, depth] of [[1, 1, 1], [3, 5, 7], [2, 4, 3], [5, 9, 1], [4, 3, 0], [4, 4, 6], [7, 9, 5], [8, 12, 3], [13, 6, 11]] as const) {
      const a = Float64Array.from({ length: rows * depth }, () => normalSample(random));
      const b = Float64Array.from({ length: columns * depth }, () => normalSample(random));
      const c = new Float64Array(rows * columns);
      multiplyTransposed(a, 0, rows, b, 0, columns, depth, c);
      for (let r = 0; r < rows; r++) {
        for (let q = 0; q < columns; q++) {
          let s = 0;
          for (let k = 0; k < depth; k++) s += a[r * depth + k]! * b[q * depth + k]!;
          expect(c[r * columns + q]).toBe(s);
        }
      }
    }
  });
});
