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

/**
 * What can be wrong with a field or cell of a case (shared/core/backprop/case.ts emits each;
 * shared/messages/en-backprop-issues.ts phrases each, word for word the English `message`).
 */
export type CaseIssueCode =
  | 'not_an_object'
  | 'unknown_field'
  | 'grid_required'
  | 'grid_not_grid'
  | 'grid_depth'
  | 'not_a_number'
  | 'not_an_array'
  | 'empty_level'
  | 'level_length'
  | 'too_many_channels'
  | 'input_too_large'
  | 'too_many_filters'
  | 'kernel_too_large'
  | 'filter_channels'
  | 'filter_channels_2d'
  | 'bias_not_array'
  | 'bias_length'
  | 'not_int_or_pair'
  | 'not_one_of'
  | 'conv_output_empty'
  | 'pool_not_object'
  | 'pool_type_required'
  | 'pool_kernel_required'
  | 'pool_padding_too_large'
  | 'pool_output_empty'
  | 'pool_takes_no'
  | 'upstream_not_finite'
  | 'not_output_grid'
  | 'output_grid_shape'
  | 'loss_not_mse'
  | 'target_required'
  | 'upstream_invalid'
  | 'unreadable';

/**
 * A field or cell of the case and what is wrong with it; `path` is like ['input', 0, 2].
 * `message` is the English; `code` and `values` let the app and the CLI phrase it in any language.
 */
export interface CaseIssue {
  path: (string | number)[];
  code: CaseIssueCode;
  values: Readonly<Record<string, string | number>>;
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

/** The ops of a trace, in pipeline order; a step's `op` column holds the index into this list. */
export const STEP_OPS = [
  'conv',
  'activation',
  'pool_max',
  'pool_avg',
  'loss',
  'grad_output',
  'grad_pool',
  'grad_activation',
  'grad_filter',
  'grad_bias',
  'grad_input',
] as const;
export type StepOp = (typeof STEP_OPS)[number];

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
 * One step of the trace, as `traceStep(source, i)` reads it from the trace's columns: the
 * cell it writes, which tensors it reads, and where its operands are: positions `start` to
 * `start + count - 1` of the trace's operand columns. `stepOperands(source, step)` gives them
 * with their values: term k is `aValues[k] * bValues[k]` when `b` is present, else
 * `aValues[k]`; `partialSums[k]` is the running sum after term k.
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

/**
 * The steps, column by column (struct of arrays): a 150,000-step trace is four typed arrays,
 * not 150,000 objects, so it is cheap to build, to send to the view and to keep. Step i
 * writes cell `at[i]` of its op's tensor (the value is that tensor's cell); its operands are
 * positions `start[i]` to `start[i + 1] - 1` of `Trace.operands` (`start` has one entry more
 * than there are steps).
 */
export interface TraceSteps {
  /** Index into STEP_OPS. */
  op: Uint8Array;
  /** Index into STEP_TEXT_KEYS. */
  key: Uint8Array;
  at: Int32Array;
  start: Int32Array;
}

/**
 * Where every step's operands are, column by column: term k reads cell `aAt[k]` of the
 * step's tensor `a` and `bAt[k]` of its tensor `b`. -1 is a padding cell (value 0) or no
 * operand; for the tensor 'coefficient' the index is into `Trace.coefficients`. The numbers
 * themselves live once, in the result's tensors (a trace is references, not copies).
 */
export interface TraceOperands {
  aAt: IndexColumn;
  bAt: IndexColumn;
}

/** Cell indices: 16-bit when every tensor of the case has at most 32,768 cells (half the bytes to build and send), else 32-bit. */
export type IndexColumn = Int16Array | Int32Array;

/** One step's operands with their values and running sums, as `stepOperands` gives them. */
export interface StepOperands {
  aAt: Int32Array;
  aValues: Float64Array;
  bAt: Int32Array;
  bValues: Float64Array;
  partialSums: Float64Array;
}

/**
 * The geometry a step's words and indices are read with (one info record for all steps):
 * shapes, the conv's stride, padding and dilation, the bias, the pooling as resolved (global
 * pools as one window over the map, `none` as 1x1), the activation and the tie rule.
 */
export interface TraceInfo {
  inputShape: [number, number, number];
  filterShape: [number, number, number, number];
  convShape: [number, number, number];
  pooledShape: [number, number, number];
  stride: Pair;
  padding: Pair;
  dilation: Pair;
  bias: number[];
  activation: Activation;
  pool: PoolGeometry;
  ties: Ties;
}

/** Limits on the trace so a large case cannot flood the worker channel. */
export interface TraceLimits {
  maxSteps: number;
  /** Operands summed over all steps. */
  maxTerms: number;
}

export const TRACE_LIMITS: TraceLimits = { maxSteps: 60_000, maxTerms: 1_500_000 };

/**
 * The forward and backward pass as data: read a step with `traceStep(result, i)`, its
 * operands with `stepOperands(result, step)`, a cell's step with `stepOfCell`.
 */
export interface Trace {
  /** How many steps were recorded. */
  length: number;
  steps: TraceSteps;
  operands: TraceOperands;
  /** Numbers that are not cells of a tensor (a derivative f'(z), a routing share 1/k², a given dL/dy), referenced by operands of tensor 'coefficient'. */
  coefficients: Float64Array;
  info: TraceInfo;
  /** The first step writing each tensor: a tensor's steps are consecutive, one per cell in flat-index order. */
  firstStep: Partial<Record<TensorName, number>>;
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
