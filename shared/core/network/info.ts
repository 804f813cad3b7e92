import type { LayerIssueCode } from './issues';
import type { AxisMap, AxisSpread } from './receptive-field';
import type { LayerType } from './spec';

/** [height, width] */
export type Pair = [number, number];

/**
 * Receptive field of the units of one layer, per axis [height, width], in input pixels (pixel
 * centres at 0..H-1). Each unit sees an exact interval of input pixels, padding counted as in
 * the recurrence r = r_prev + (k_eff - 1) j_prev; when units differ (transposed conv, adaptive
 * pooling whose input does not divide, and the layers after them) `size` is the widest unit's
 * exact interval and `center` and `jump` place the units nominally.
 */
export interface ReceptiveField {
  /** Pixels of the input one unit sees along each axis, a whole number: the largest over the units when `varies`. */
  size: Pair;
  /**
   * Input pixels between neighbouring units ("jump", the effective stride). When `varies` it is
   * their average spacing (fractional after a transposed conv, e.g. 1/2). 0 along an axis every unit sees whole.
   */
  jump: Pair;
  /**
   * Centre of output unit (0, 0) in input pixel coordinates: the middle of its exact interval
   * (when it sees nothing, as some transposed-conv outputs, where it would lie on the units' spacing).
   * When `varies`, unit (y, x) lies near, not at, centre + (y, x) jump.
   */
  center: Pair;
  /** True once a unit sees the whole input (after flatten, linear on a vector, global pooling or a 1x1 adaptive pool). */
  global: boolean;
  /** True when the units of this layer differ in the interval they see, beyond a move by the jump; `size` is then the largest. */
  varies: boolean;
}

/** Geometry of a windowed layer (conv, transposed conv, pooling), computed once. */
export interface WindowGeometry {
  kernel: Pair;
  stride: Pair;
  dilation: Pair;
  /** (kernel - 1) * dilation + 1 */
  effectiveKernel: Pair;
  /** Padding on each side, as PyTorch applies it ("same" may be asymmetric: the extra pixel goes at the end). */
  padding: { top: number; bottom: number; left: number; right: number };
  /** Only for convtranspose2d */
  outputPadding?: Pair;
  ceilMode?: boolean;
  groups?: number;
}

/** Parameters as PyTorch's `parameters()` counts them, and buffers, which it does not. */
export interface ParamCount {
  /** Parameters (weights, biases, batch norm's gamma and beta): all trainable, as a spec freezes nothing. */
  trainable: number;
  /**
   * Buffers: BatchNorm's running mean and variance (2C). They are state, not parameters, so they
   * are never in a parameter count or total (Keras lists its moving mean and variance as
   * "non-trainable params"; PyTorch and torchinfo do not count them). num_batches_tracked is not counted.
   */
  buffers: number;
}

/** A problem with one layer, as data (code + values) so any language can phrase it; `message` is the English text. */
export interface LayerIssue {
  code: LayerIssueCode;
  /** The offending field, when there is one ("kernel", "padding", ...). */
  field?: string;
  values: Record<string, string | number>;
  /** e.g. "layer 4 (conv2d): dilated kernel 5 is larger than the padded input 3x3" */
  message: string;
}

interface LayerInfoBase {
  /** 1-based position in the stack */
  index: number;
  type: LayerType;
}

export interface ComputedLayerInfo extends LayerInfoBase {
  status: 'ok';
  inputShape: number[];
  outputShape: number[];
  params: ParamCount;
  /** Multiply-accumulates of conv, transposed conv and linear (bias excluded, as torch-scan and fvcore). 0 for other layers. */
  macs: number;
  /** 2 * macs */
  flops: number;
  /** Output activation memory at float32: 4 bytes * product(outputShape). */
  memoryBytes: number;
  /** Receptive field of the layer's input units (needed to explain this layer's numbers). */
  inputReceptiveField: ReceptiveField;
  receptiveField: ReceptiveField;
  /** Present for conv2d, convtranspose2d, maxpool2d, avgpool2d. */
  geometry?: WindowGeometry;
  /** How a unit reads the cells of its input, per axis (engine-only; the region code walks it). */
  axes: [AxisMap, AxisMap];
  /** The widest unit and unit 0 behind `receptiveField`, per axis (engine-only; derivations name them). */
  fieldSpread: [AxisSpread, AxisSpread];
}

export interface ErrorLayerInfo extends LayerInfoBase {
  status: 'error';
  inputShape?: number[];
  issues: LayerIssue[];
}

export interface NotComputedLayerInfo extends LayerInfoBase {
  status: 'not_computed';
}

export type LayerInfo = ComputedLayerInfo | ErrorLayerInfo | NotComputedLayerInfo;

export interface NetworkSummary {
  input: number[];
  /** Problems with the input shape itself (then every layer is not computed). */
  inputIssues: LayerIssue[];
  layers: LayerInfo[];
  /** Sums over the computed layers. */
  totals: {
    /** Parameters, as PyTorch's `parameters()` counts them (buffers excluded). */
    params: number;
    /** The same: every parameter of a spec is trainable. */
    trainableParams: number;
    /** Buffers (batch norm's running statistics), outside `params`. */
    buffers: number;
    macs: number;
    flops: number;
    memoryBytes: number;
  };
  /** True when the input and every layer computed. */
  ok: boolean;
}

/** A computed layer as the app and the CLI receive it: its numbers, without the engine's working fields. */
export type ComputedLayerOverview = Omit<ComputedLayerInfo, 'inputReceptiveField' | 'geometry' | 'axes' | 'fieldSpread'>;
export type LayerOverview = ComputedLayerOverview | ErrorLayerInfo | NotComputedLayerInfo;

/**
 * What `summarize` answers across threads: the summary with lean layer records (about half the
 * objects of `NetworkSummary` to copy, which the renderer pays on every edit of a long network).
 */
export interface NetworkOverview extends Omit<NetworkSummary, 'layers'> {
  layers: LayerOverview[];
}

/** Which number of a layer a derivation explains. */
export type Quantity = 'output' | 'params' | 'macs' | 'memory' | 'rf_size' | 'rf_jump' | 'rf_center';

/** How one number was obtained: a formula, the same with values filled in, and the result. */
export interface Derivation {
  quantity: Quantity;
  /** Symbolic formula, LaTeX, e.g. "(C_{in} K_h K_w / g + 1) C_{out}" */
  formula: string;
  /** The same with numbers, LaTeX, e.g. "(3 \\cdot 7 \\cdot 7 / 1 + 1) \\cdot 32" */
  substituted: string;
  /** The result as shown, e.g. "4{,}736" in LaTeX or plain "4,736" in `resultText` */
  result: string;
  /** Plain-text version of the whole line for copy, CLI and screen readers. */
  text: string;
  /**
   * `text` as codes with values, for the renderer and the CLI to phrase in their language
   * (shared/messages/derivations.ts; English word for word `text`). Values that are math
   * (equations, shapes, symbols) stay as they are in every language.
   */
  message: DerivationMessage;
}

/** Codes of a derivation's line (the English templates are in shared/messages/en-derivations.ts). */
export type DerivationCode = 'scalar' | 'symbol' | 'symbol_axes' | 'output' | 'output_vector' | 'output_axes' | 'zero' | 'same';

/** Codes of the notes after a derivation's line ("(the average spacing of units, which differ)"). */
export type DerivationNoteCode =
  | 'why'
  | 'exact_varies'
  | 'exact_same'
  | 'average_spacing'
  | 'origin_centre'
  | 'origin_empty'
  | 'flattened'
  | 'already_whole'
  | 'whole_input'
  | 'whole_width'
  | 'spread_largest'
  | 'origin_reads_none';

export type DerivationValues = Readonly<Record<string, string | number>>;

export interface DerivationNote {
  code: DerivationNoteCode;
  values: DerivationValues;
}

/** A derivation's line as a code with values, and the notes that follow it, in order. */
export interface DerivationMessage {
  code: DerivationCode;
  values: DerivationValues;
  notes: readonly DerivationNote[];
}
