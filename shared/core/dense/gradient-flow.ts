import type { Cooperation } from '../cooperation';
import { numberToLatex } from '../expr/print';
import type { StepDerivation, StepExplanation } from '../optim/explain';
import { derivativeAt, derivativeBound, type Activation } from './activation';
import { internalFailure, IssueCollector, type DenseFailure } from './issues';
import { lossAndGradient, type LossName } from './loss';
import { backwardLayer, createWorkspace, forwardLayer, nestedParameters, type MlpLayout, type Workspace } from './mlp';
import { frobenius, histogram, meanStd, spectralNorm, type Histogram } from './numbers';
import { buildParameters, checkBatchMemory, DENSE_LIMITS, drawData, NETWORK_FIELDS, nestedData, readData, readLoss, readNetwork, type DataSet, type NetworkConfig } from './spec';

/**
 * The gradient-flow lab's numbers (Q2c): one batch forward and backward through a deep MLP,
 * and per layer what the plots show, with the bound that explains them.
 */

/** A checked gradient-flow case. */
export interface GradientFlowCase {
  network: NetworkConfig;
  data: DataSet;
  loss: LossName;
}

export const GRADIENT_FLOW_FIELDS = [...NETWORK_FIELDS, 'data', 'loss'] as const;

/** Work of one forward + backward: batch rows times parameters. */
export const MAX_GRADIENT_FLOW_WORK = 1e9;
/** Without `data`: 128 samples drawn from seed 0. */
export const DEFAULT_GRADIENT_FLOW_DATA = { samples: 128, seed: 0 } as const;

/** Reads a gradient-flow case (the `gradient-flow` command's document). Never throws. */
export function checkGradientFlowCase(value: unknown): { ok: true; value: GradientFlowCase } | DenseFailure {
  try {
    const c = new IssueCollector();
    const doc = c.object(value, '');
    if (!doc) return c.failure();
    c.onlyFields(doc, '', GRADIENT_FLOW_FIELDS);
    const loss = readLoss(c, doc.loss);
    const network = readNetwork(c, doc);
    if (!network || c.failed) return c.failure();
    const data = doc.data === undefined ? drawData(DEFAULT_GRADIENT_FLOW_DATA.samples, DEFAULT_GRADIENT_FLOW_DATA.seed, network.sizes[0]!, network.sizes.at(-1)!, loss) : readData(c, doc.data, 'data', network.sizes, loss);
    if (!data || c.failed) return c.failure();
    checkBatchMemory(c, network.sizes, data.rows, 'data');
    const parameters = parameterCount(network.sizes);
    if (data.rows * parameters > MAX_GRADIENT_FLOW_WORK) {
      c.add('data', 'too_much_work', { value: data.rows * parameters, max: MAX_GRADIENT_FLOW_WORK, measure: 'samples_x_parameters' });
    }
    if (c.failed) return c.failure();
    return { ok: true, value: { network, data, loss } };
  } catch (error) {
    return internalFailure('gradientFlow (check)', error);
  }
}

export function parameterCount(sizes: readonly number[]): number {
  let count = 0;
  for (let l = 0; l + 1 < sizes.length; l++) count += (sizes[l]! + 1) * sizes[l + 1]!;
  return count;
}

/** What the view plots for one Linear layer (hidden layers, then the output layer). */
export interface FlowLayer {
  /** 1-based */
  layer: number;
  kind: 'hidden' | 'output';
  units: number;
  fan_in: number;
  /** population std of W_l */
  weight_std: number;
  /** ||W_l||_2, the largest singular value */
  weight_spectral_norm: number;
  /** of a_l = phi(z_l) (the output layer: z_L) over the batch, population std */
  activation_mean: number;
  activation_std: number;
  /** tanh: |a| > 0.97; sigmoid: |a - 0.5| > 0.47 (hidden layers) */
  saturated_fraction?: number;
  /** relu, leaky relu: z <= 0 (hidden layers) */
  inactive_fraction?: number;
  /** ||dL/dW_l||_F */
  grad_weight_norm: number;
  grad_bias_norm: number;
  /** ||dL/dz_l||_F over the batch (L the batch-mean loss) */
  delta_norm: number;
  /** std(dL/dW_l) / std(W_l); null when std(W_l) is 0 */
  grad_to_weight: number | null;
  /** of the layer's output values (tanh on [-1, 1], sigmoid on [0, 1], otherwise their range) */
  histogram: Histogram;
}

export interface GradientFlowBound {
  /** sup |phi'| */
  derivativeBound: number;
  /** ||delta_L|| prod_{l=2..L} sup|phi'| ||W_l||_2 */
  value: number;
  /** ||delta_1|| */
  measured: number;
  holds: boolean;
  /** `derivative`, `step`, `factor:l` (l = 2..L), `bound`, `measured`, `gain:l`: formula, numbers filled in, result */
  derivations: StepExplanation;
}

export interface GradientFlowResult {
  ok: true;
  loss: number;
  sizes: number[];
  activation: Activation;
  parameters: number;
  samples: number;
  layers: FlowLayer[];
  bound: GradientFlowBound;
  /** With `tensors`: what was used, so anyone can recompute. */
  tensors?: { weights: number[][][]; biases: number[][]; x: number[][]; y: number[][] | number[] };
}

export interface GradientFlowRequest {
  case: unknown;
  /** Histogram bins, 2..200 (default 30). */
  bins?: number;
  /** Include weights, biases, x, y in the result (the CLI does). */
  tensors?: boolean;
}

export const DEFAULT_HISTOGRAM_BINS = 30;

/** Above this many multiply-adds per layer the run yields between layers (so a cancel is seen). */
const LAYER_WORK_PER_CHECKPOINT = 1 << 20;

/** Forward, loss and backward of one batch, yielding between layers when they are large. */
export async function forwardBackward(layout: MlpLayout, activation: Activation, params: Float64Array, data: DataSet, ws: Workspace, grads: Float64Array, cooperation?: Cooperation): Promise<number> {
  const rows = data.rows;
  const big = cooperation && rows * layout.parameterCount > LAYER_WORK_PER_CHECKPOINT;
  for (let l = 0; l < layout.layers; l++) {
    forwardLayer(layout, activation, params, data.x, rows, ws, l, null);
    if (big) await cooperation.checkpoint();
  }
  const loss = lossAndGradient(data.targets, ws.z[layout.layers - 1]!, rows, null, ws.delta[layout.layers - 1]!);
  for (let l = layout.layers - 1; l >= 0; l--) {
    backwardLayer(layout, activation, params, data.x, rows, ws, grads, l);
    if (big) await cooperation.checkpoint();
  }
  return loss;
}

/** Gradient-flow numbers of a case. Asynchronous and cooperative; never throws except `cancelled` from the checkpoint. */
export async function gradientFlow(request: GradientFlowRequest, cooperation?: Cooperation): Promise<GradientFlowResult | DenseFailure> {
  const checked = checkGradientFlowCase((request as { case?: unknown } | undefined)?.case);
  if (!checked.ok) return checked;
  const bins = Number.isInteger(request.bins) && request.bins! >= 2 && request.bins! <= 200 ? request.bins! : DEFAULT_HISTOGRAM_BINS;
  try {
    return await computeGradientFlow(checked.value, bins, request.tensors === true, cooperation);
  } catch (error) {
    if (isCancellation(error)) throw error;
    return internalFailure('gradientFlow', error);
  }
}

/** The dispatcher's cancellation (a CoreError with code `cancelled`) passes through; anything else is a bug. */
export function isCancellation(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: unknown }).code === 'cancelled';
}

export async function computeGradientFlow(flowCase: GradientFlowCase, bins: number, tensors: boolean, cooperation?: Cooperation): Promise<GradientFlowResult> {
  const { network, data } = flowCase;
  const { layout, params } = buildParameters(network);
  const ws = createWorkspace(layout, data.rows, false);
  const grads = new Float64Array(layout.parameterCount);
  const loss = await forwardBackward(layout, network.activation, params, data, ws, grads, cooperation);
  const layers: FlowLayer[] = [];
  const rows = data.rows;
  for (let l = 0; l < layout.layers; l++) {
    const inSize = layout.sizes[l]!;
    const units = layout.sizes[l + 1]!;
    const hidden = l < layout.layers - 1;
    const w = layout.weightOffset[l]!;
    const b = layout.biasOffset[l]!;
    const count = rows * units;
    const act = ws.act[l]!;
    const z = ws.z[l]!;
    const weights = meanStd(params, w, inSize * units);
    const gradWeights = meanStd(grads, w, inSize * units);
    const activations = meanStd(act, 0, count);
    const entry: FlowLayer = {
      layer: l + 1,
      kind: hidden ? 'hidden' : 'output',
      units,
      fan_in: inSize,
      weight_std: weights.std,
      weight_spectral_norm: spectralNorm(params, w, units, inSize),
      activation_mean: activations.mean,
      activation_std: activations.std,
      grad_weight_norm: frobenius(grads, w, inSize * units),
      grad_bias_norm: frobenius(grads, b, units),
      delta_norm: frobenius(ws.delta[l]!, 0, count),
      grad_to_weight: weights.std > 0 ? gradWeights.std / weights.std : null,
      histogram: histogram(act, count, bins, hidden ? activationRange(network.activation) : null),
    };
    if (hidden) {
      const share = activityShare(network.activation, z, act, count);
      if (share) entry[share.key] = share.value;
    }
    layers.push(entry);
    if (cooperation && rows * units * inSize > LAYER_WORK_PER_CHECKPOINT) await cooperation.checkpoint();
  }
  const result: GradientFlowResult = {
    ok: true,
    loss,
    sizes: [...layout.sizes],
    activation: network.activation,
    parameters: layout.parameterCount,
    samples: rows,
    layers,
    bound: explainBound(network.activation, layers, ws, layout, rows),
  };
  if (tensors) result.tensors = { ...nestedParameters(layout, params), ...nestedData(data, layout.sizes[0]!) };
  return result;
}

function activationRange(activation: Activation): [number, number] | null {
  if (activation === 'tanh') return [-1, 1];
  if (activation === 'sigmoid') return [0, 1];
  return null;
}

/** Saturated share (tanh |a| > 0.97, sigmoid |a - 0.5| > 0.47) or inactive share (relu, leaky relu: z <= 0). */
function activityShare(activation: Activation, z: Float64Array, a: Float64Array, count: number): { key: 'saturated_fraction' | 'inactive_fraction'; value: number } | null {
  let hits = 0;
  switch (activation) {
    case 'tanh':
      for (let k = 0; k < count; k++) if (Math.abs(a[k]!) > 0.97) hits++;
      return { key: 'saturated_fraction', value: hits / count };
    case 'sigmoid':
      for (let k = 0; k < count; k++) if (Math.abs(a[k]! - 0.5) > 0.47) hits++;
      return { key: 'saturated_fraction', value: hits / count };
    case 'relu':
    case 'leaky_relu':
      for (let k = 0; k < count; k++) if (z[k]! <= 0) hits++;
      return { key: 'inactive_fraction', value: hits / count };
    default:
      return null;
  }
}

/** A number as shown in a derivation: 4 significant digits, LaTeX (1.234 \times 10^{-7}). */
function shown(value: number): string {
  if (!Number.isFinite(value)) return Number.isNaN(value) ? '\\text{NaN}' : value > 0 ? '\\infty' : '-\\infty';
  return numberToLatex(Number(value.toPrecision(4)));
}

function plain(value: number): string {
  return Number.isFinite(value) ? String(Number(value.toPrecision(4))) : String(value);
}

function line(formula: string, substituted: string, value: number, text: string): StepDerivation {
  return { formula, substituted, result: shown(value), text: `${text} = ${plain(value)}` };
}

const DERIVATIVE_LATEX: Record<Activation, { formula: string; text: string }> = {
  sigmoid: { formula: "\\sigma'(z) = \\sigma(z)\\,(1 - \\sigma(z)) \\le \\tfrac{1}{4}", text: "sigma'(z) = sigma(z)(1 - sigma(z)) <= 1/4" },
  tanh: { formula: "\\tanh'(z) = 1 - \\tanh^{2} z \\le 1", text: "tanh'(z) = 1 - tanh(z)^2 <= 1" },
  relu: { formula: "\\operatorname{relu}'(z) \\in \\{0, 1\\}", text: "relu'(z) ∈ {0, 1}" },
  leaky_relu: { formula: "\\operatorname{leaky}'(z) \\in \\{0.01, 1\\}", text: "leaky_relu'(z) ∈ {0.01, 1}" },
  linear: { formula: "\\varphi'(z) = 1", text: "phi'(z) = 1" },
  gelu: { formula: "\\operatorname{gelu}'(z) = \\Phi(z) + z\\,\\varphi(z) \\le \\Phi(\\sqrt{2}) + \\sqrt{2}\\,\\varphi(\\sqrt{2})", text: "gelu'(z) = Phi(z) + z phi(z) <= Phi(sqrt 2) + sqrt 2 phi(sqrt 2)" },
};

/**
 * The bound that explains the plots, with this network's numbers: backward,
 * delta_{l-1} = (delta_l W_l) * phi'(z_{l-1}), so ||delta_{l-1}|| <= c ||W_l||_2 ||delta_l|| with
 * c = sup|phi'| (1/4 for sigmoid), hence ||delta_1|| <= ||delta_L|| prod_{l=2..L} c ||W_l||_2.
 * Beside it, the typical per-layer ratio for zero-mean weights (the variance argument behind
 * Xavier and He initialisation): ||delta_{l-1}|| / ||delta_l|| ~ sqrt(n_{l-1} Var(W_l) E[phi'(z_{l-1})^2]),
 * which shows that the weight scale, not the activation alone, decides vanishing or exploding.
 */
function explainBound(activation: Activation, layers: FlowLayer[], ws: Workspace, layout: MlpLayout, rows: number): GradientFlowBound {
  const c = derivativeBound(activation);
  const last = layers.length;
  const deltaL = layers[last - 1]!.delta_norm;
  const delta1 = layers[0]!.delta_norm;
  const derivations: StepExplanation = {};
  const cLatex = activation === 'sigmoid' ? '\\tfrac{1}{4}' : shown(c);
  derivations.derivative = line(`c = \\sup_z |\\varphi'(z)|,\\quad ${DERIVATIVE_LATEX[activation].formula}`, cLatex, c, `c = sup |phi'|; ${DERIVATIVE_LATEX[activation].text}; c`);
  derivations.step = {
    formula: "\\delta_{l-1} = (\\delta_l W_l) \\odot \\varphi'(z_{l-1}) \\;\\Rightarrow\\; \\lVert \\delta_{l-1} \\rVert \\le c\\, \\lVert W_l \\rVert_2\\, \\lVert \\delta_l \\rVert",
    substituted: `c = ${cLatex}`,
    result: shown(c),
    text: `delta_(l-1) = (delta_l W_l) * phi'(z_(l-1)), so ||delta_(l-1)|| <= c ||W_l||_2 ||delta_l||, c = ${plain(c)}`,
  };
  let value = deltaL;
  const factors: string[] = [];
  const factorsText: string[] = [];
  for (let l = 2; l <= last; l++) {
    const norm = layers[l - 1]!.weight_spectral_norm;
    const factor = c * norm;
    value *= factor;
    factors.push(shown(factor));
    factorsText.push(plain(factor));
    derivations[`factor:${l}`] = line(`c\\,\\lVert W_{${l}} \\rVert_2`, `${cLatex} \\cdot ${shown(norm)}`, factor, `c ||W_${l}||_2 = ${plain(c)} * ${plain(norm)}`);
  }
  const product = last >= 2 ? `\\prod_{l=2}^{${last}} c\\,\\lVert W_l \\rVert_2` : '';
  derivations.bound = line(
    `\\lVert \\delta_1 \\rVert \\le \\lVert \\delta_{${last}} \\rVert ${product}`,
    [shown(deltaL), ...factors].join(' \\cdot '),
    value,
    `||delta_1|| <= ||delta_${last}|| * ${last >= 2 ? `prod_(l=2..${last}) c ||W_l||_2` : '1'} = ${[plain(deltaL), ...factorsText].join(' * ')}`,
  );
  const holds = delta1 <= value * (1 + 1e-9) || !Number.isFinite(value);
  derivations.measured = {
    formula: '\\lVert \\delta_1 \\rVert_F \\text{ (measured)}',
    substituted: `${shown(delta1)} ${holds ? '\\le' : '>'} ${shown(value)}`,
    result: shown(delta1),
    text: `||delta_1|| measured = ${plain(delta1)} ${holds ? '<=' : '>'} ${plain(value)}`,
  };
  for (let l = 2; l <= last; l++) {
    const below = l - 2; // 0-based index of layer l-1
    const fanIn = layout.sizes[l - 1]!;
    const variance = layers[l - 1]!.weight_std ** 2;
    const count = rows * layout.sizes[l - 1]!;
    const z = ws.z[below]!;
    const a = ws.act[below]!;
    let squares = 0;
    for (let k = 0; k < count; k++) {
      const d = derivativeAt(activation, z[k]!, a[k]!);
      squares += d * d;
    }
    const meanSquare = squares / count;
    const predicted = Math.sqrt(fanIn * variance * meanSquare);
    const measured = layers[below]!.delta_norm / layers[l - 1]!.delta_norm;
    derivations[`gain:${l}`] = {
      formula: `\\frac{\\lVert \\delta_{${l - 1}} \\rVert}{\\lVert \\delta_{${l}} \\rVert} \\approx \\sqrt{n_{${l - 1}}\\,\\operatorname{Var}(W_{${l}})\\,\\mathbb{E}[\\varphi'(z_{${l - 1}})^{2}]}`,
      substituted: `\\sqrt{${fanIn} \\cdot ${shown(variance)} \\cdot ${shown(meanSquare)}} = ${shown(predicted)}\\quad(\\text{measured } ${shown(measured)})`,
      result: shown(predicted),
      text: `||delta_${l - 1}|| / ||delta_${l}|| ~ sqrt(${fanIn} * ${plain(variance)} * ${plain(meanSquare)}) = ${plain(predicted)} (measured ${plain(measured)})`,
    };
  }
  return { derivativeBound: c, value, measured: delta1, holds, derivations };
}

/** The engine limits a view states beside its sliders. */
export const GRADIENT_FLOW_LIMITS = { depth: DENSE_LIMITS.maxDepth, width: DENSE_LIMITS.maxWidth, samples: DENSE_LIMITS.maxSamples, work: MAX_GRADIENT_FLOW_WORK } as const;
