/**
 * Plain-data types of a conv + pooling backprop case, its tensors and its trace. Every
 * tensor is flat, row-major, with its shape beside it, so results cross the worker
 * boundary cheaply and a view indexes them without nesting.
 */

export type Activation = 'none' | 'relu' | 'sigmoid' | 'tanh';
export type PoolType = 'none' | 'max' | 'avg' | 'globalmax' | 'globalavg';
export type Ties = 'first' | 'split';
export type Pair = readonly [number, number];

/** A number or [h, w], as typed in a case file (PyTorch's int-or-tuple arguments). */
export type IntOrPair = number | readonly [number, number];

/** A nested grid as typed: [C][H][W] or [H][W] for the input, [F][C][kh][kw] or [kh][kw] for filters. */
export type NestedGrid = number | readonly NestedGrid[];

export interface PoolSpecInput {
  type: PoolType;
  kernel?: IntOrPair;
  stride?: IntOrPair;
  padding?: IntOrPair;
}

export type UpstreamInput = number | NestedGrid | { loss: 'mse'; target: NestedGrid };

/** A case exactly as the CLI reads it (see shared/protocol/backprop-schema.ts). */
export interface BackpropCaseInput {
  input: NestedGrid;
  filters: NestedGrid;
  bias?: readonly number[];
  stride?: IntOrPair;
  padding?: IntOrPair;
  dilation?: IntOrPair;
  activation?: Activation;
  pool?: PoolSpecInput;
  upstream?: UpstreamInput;
  ties?: Ties;
}

/** A flat row-major tensor. */
export interface Tensor {
  shape: number[];
  data: number[];
}

/** The pooling of a checked case, with every default filled in. */
export interface PoolGeometry {
  type: PoolType;
  kernel: Pair;
  stride: Pair;
  padding: Pair;
}

/** A checked case: tensors flat, every default filled in (one info record for all steps). */
export interface BackpropCase {
  input: Tensor; // [C, H, W]
  filters: Tensor; // [F, C, kh, kw]
  bias: number[]; // [F]
  stride: Pair;
  padding: Pair;
  dilation: Pair;
  activation: Activation;
  pool: PoolGeometry;
  /** dL/d(output) given directly (a constant or a grid), or mean squared error to a target. */
  upstream: { kind: 'constant'; value: number } | { kind: 'grid'; grad: Tensor } | { kind: 'mse'; target: Tensor };
  ties: Ties;
  /** Whether the input / filters were typed as plain 2-D grids (their gradients are given back the same way). */
  inputWas2d: boolean;
  filtersWere2d: boolean;
}

/** A field or cell of the case and what is wrong with it; `path` is like ['input', 0, 2]. */
export interface CaseIssue {
  path: (string | number)[];
  message: string;
}

/** Size limits of an editable case (UI and CLI). The bench runs the core with larger ones. */
export interface CaseLimits {
  maxChannels: number;
  maxFilters: number;
  /** Largest height or width of the input. */
  maxSize: number;
}

export const CASE_LIMITS: CaseLimits = { maxChannels: 8, maxFilters: 8, maxSize: 32 };

export type TensorName =
  | 'input'
  | 'filters'
  | 'bias'
  | 'conv'
  | 'activated'
  | 'pooled'
  | 'target'
  | 'grad_pooled'
  | 'grad_activated'
  | 'grad_conv'
  | 'grad_filters'
  | 'grad_bias'
  | 'grad_input'
  /** The scalar loss (mean squared error). */
  | 'loss'
  /** Numbers that are not cells of a tensor: a derivative f'(z), a routing weight 1/k², 2/N. */
  | 'coefficient';

export type StepOp =
  | 'conv'
  | 'activation'
  | 'pool_max'
  | 'pool_avg'
  | 'loss'
  | 'grad_output'
  | 'grad_pool'
  | 'grad_activation'
  | 'grad_filter'
  | 'grad_bias'
  | 'grad_input';

/**
 * What a step does, as a message key and its parameters: the view words it through its
 * catalog (every language), numbers formatted there. Keys are listed in STEP_TEXT_KEYS.
 */
export interface StepText {
  key: StepTextKey;
  params: Record<string, number | string>;
}

export const STEP_TEXT_KEYS = [
  'conv',
  'activation',
  'activationRelu',
  'poolMax',
  'poolMaxTieFirst',
  'poolMaxTieSplit',
  'poolAvg',
  'loss',
  'gradOutputGiven',
  'gradOutputMse',
  'gradPoolNone',
  'gradPoolMax',
  'gradPoolMaxNone',
  'gradPoolAvg',
  'gradPoolAvgNone',
  'gradActivation',
  'gradFilter',
  'gradBias',
  'gradInput',
  'gradInputNone',
] as const;
export type StepTextKey = (typeof STEP_TEXT_KEYS)[number];

/**
 * One step of the trace: the cell it writes, which tensors it reads, and where its operands
 * are. The operands live in the trace's columns (`Trace.operands`), positions `start` to
 * `start + count - 1`: term k is `aValues[k] * bValues[k]` when `b` is present, else
 * `aValues[k]`; `aAt` / `bAt` are flat indices into the named tensors (-1: a padding cell,
 * value 0, or a coefficient); `partialSums[k]` is the running sum after term k.
 */
export interface Step {
  phase: 'forward' | 'backward';
  op: StepOp;
  /** The tensor and flat index written by this step, and the index as [channel, row, column] (or [f, c, u, v]). */
  out: TensorName;
  at: number;
  index: number[];
  value: number;
  a: TensorName;
  b?: TensorName;
  start: number;
  count: number;
  /** Added after the sum (the bias of a conv cell). */
  add?: { tensor: TensorName; at: number; value: number };
  /** Divided after the sum (the window size of an average pool, with count_include_pad; N of a mean). */
  divisor?: number;
  /** Max pooling: the flat indices (into `a`) of the winners that receive the gradient. */
  winners?: number[];
  /** What happens, in words. */
  text: StepText;
}

/** The operands of every step, column by column (typed arrays: cheap to build and to send to the view). */
export interface TraceOperands {
  aAt: Int32Array;
  aValues: Float64Array;
  bAt: Int32Array;
  bValues: Float64Array;
  partialSums: Float64Array;
}

/** Limits on the trace so a large case cannot flood the worker channel. */
export interface TraceLimits {
  maxSteps: number;
  /** Operands summed over all steps. */
  maxTerms: number;
}

export const TRACE_LIMITS: TraceLimits = { maxSteps: 60_000, maxTerms: 1_500_000 };

export interface Trace {
  steps: Step[];
  operands: TraceOperands;
  /** Set when the limits stopped recording: the tensors are complete, the trace is not. */
  truncated: { afterSteps: number; limit: 'steps' | 'operands'; max: number } | null;
}

/** Every tensor of a case, forward and backward. */
export interface BackpropTensors {
  input: Tensor;
  filters: Tensor;
  bias: Tensor;
  conv: Tensor;
  activated: Tensor;
  pooled: Tensor;
  /** Max and global max pooling: for each pooled cell, the flat index h*W + w of its (first) winner within its channel of the activated map (PyTorch's return_indices). */
  argmax: Tensor | null;
  target: Tensor | null;
  loss: number | null;
  grad_pooled: Tensor;
  grad_activated: Tensor;
  grad_conv: Tensor;
  grad_filters: Tensor;
  grad_bias: Tensor;
  grad_input: Tensor;
}

export type BackpropResult =
  | { ok: true; case: BackpropCase; tensors: BackpropTensors; trace: Trace }
  | { ok: false; issues: CaseIssue[] };

/** Central finite differences against the analytic gradients. */
export interface GradientCheck {
  /** Largest |analytic - numeric| over the cells checked, and where. */
  maxError: number;
  worst: { tensor: 'grad_input' | 'grad_filters' | 'grad_bias'; at: number; analytic: number; numeric: number } | null;
  checked: number;
  total: number;
  step: number;
  /** Max pooling ties or ReLU at 0 make the loss non-differentiable there: finite differences may disagree. */
  kinks: number;
}
