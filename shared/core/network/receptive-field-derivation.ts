import { axisDerivation, term, withNote, withPrefix, type AxisTerm, type DerivationReason } from './derivation';
import { formatLatex as n, formatPlain as p } from './format';
import type { ComputedLayerInfo, Derivation, DerivationNote, DerivationValues, Pair, ReceptiveField } from './info';
import { dependencyProgression, spanWidth, type AxisSpread, type UnitSpan } from './receptive-field';

const BOTH = [0, 1] as const;

function perAxis(build: (axis: 0 | 1) => AxisTerm): [AxisTerm, AxisTerm] {
  return [build(0), build(1)];
}

/** A number as an operand after a minus or plus sign: negatives in parentheses. */
function operand(value: number): { latex: string; plain: string } {
  return value < 0 ? { latex: `(${n(value)})`, plain: `(${p(value)})` } : { latex: n(value), plain: p(value) };
}

/**
 * The dilated kernel first, where a kernel is dilated: "k_eff = (3 - 1)*2 + 1 = 5; " (per axis
 * when the axes differ), so the 5 in "13 + (5 - 1)*4" has a source.
 */
function effectiveKernelStep(record: ComputedLayerInfo): { latex: string; plain: string } | undefined {
  const geometry = record.geometry!;
  if (geometry.dilation[0] === 1 && geometry.dilation[1] === 1) return undefined;
  const [height, width] = perAxis((a) => {
    const [k, d] = [geometry.kernel[a], geometry.dilation[a]];
    return d === 1 ? term(n(k), p(k), k) : term(`(${n(k)} - 1) \\cdot ${n(d)} + 1`, `(${p(k)} - 1)*${p(d)} + 1`, geometry.effectiveKernel[a]);
  });
  const equation = (axis: AxisTerm, sep: { latex: string; plain: string }) => {
    const result = p(axis.value);
    return axis.plain === result
      ? { latex: n(axis.value), plain: result }
      : { latex: `${axis.latex} ${sep.latex} ${n(axis.value)}`, plain: `${axis.plain} ${sep.plain} ${result}` };
  };
  const equals = { latex: '=', plain: '=' };
  if (height.latex === width.latex && height.value === width.value) {
    const both = equation(height, equals);
    return { latex: `k_{eff} = ${both.latex}; \\quad `, plain: `k_eff = ${both.plain}; ` };
  }
  const h = equation(height, equals);
  const w = equation(width, equals);
  return { latex: `k_{eff,h} = ${h.latex},\\ k_{eff,w} = ${w.latex}; \\quad `, plain: `k_eff,h = ${h.plain}; k_eff,w = ${w.plain}; ` };
}

function afterKernelStep(derivation: Derivation, step: { latex: string; plain: string } | undefined): Derivation {
  if (!step) return derivation;
  return {
    ...withPrefix(derivation, step.plain),
    formula: `${derivation.formula}, \\quad k_{eff} = (k - 1)\\,d + 1`,
    substituted: step.latex + derivation.substituted,
  };
}

function isPartial(spread: readonly [AxisSpread, AxisSpread]): boolean {
  return BOTH.some((a) => !spread[a].exhaustive);
}

function partialNote(spread: readonly [AxisSpread, AxisSpread]): string {
  return isPartial(spread) ? '; of the units nearest the two ends only: the pattern of units is too long to examine them all' : '';
}

/** A note as text and as a code with values. */
export interface NoteText {
  text: string;
  code: DerivationNote;
}

/** Unit (0, 0), as a value (its digits are numbers). */
const ORIGIN = { origin: '(0, 0)' };

function note(text: string, code: DerivationNote['code'], values: DerivationValues = {}): NoteText {
  return { text, code: { code, values } };
}

function addNote(derivation: Derivation, noted: NoteText | undefined): Derivation {
  return noted ? withNote(derivation, noted.text, noted.code) : derivation;
}

/** The values of "unit (0, 1) sees input rows 0 to 5 and columns 2 to 7; of the units nearest ...". */
function seesValues(spread: readonly [AxisSpread, AxisSpread], unit: string): DerivationValues {
  const [rows, columns] = [spread[0].widest, spread[1].widest];
  return {
    unit,
    rows: rows.first > rows.last ? 'none' : 'some',
    row_first: p(rows.first),
    row_last: p(rows.last),
    columns: columns.first > columns.last ? 'none' : 'some',
    column_first: p(columns.first),
    column_last: p(columns.last),
    partial: isPartial(spread) ? 'ends' : 'all',
  };
}

function unitName(spread: readonly [AxisSpread, AxisSpread], pick: (axis: AxisSpread) => UnitSpan): string {
  return `(${pick(spread[0]).unit}, ${pick(spread[1]).unit})`;
}

function spanText(span: UnitSpan, what: string): string {
  return span.first > span.last ? `no ${what}` : `${what} ${p(span.first)} to ${p(span.last)}`;
}

/**
 * Where the units of the layer's input differ, no recurrence holds: every unit's exact span is
 * composed from the spans of the cells it reads. The size is the widest unit's span,
 * last - first + 1; the centre the middle of unit (0, 0)'s span; the jump the layer's own rule,
 * now the average spacing.
 */
function exactSpanDerivations(record: ComputedLayerInfo, jump: Derivation, extraNote?: NoteText): Derivation[] {
  const spread = record.fieldSpread;
  const result = record.receptiveField;
  const size = perAxis((a) => {
    const { first, last } = spread[a].widest;
    if (first > last) return term('0', '0', 0);
    const low = operand(first);
    return term(`${n(last)} - ${low.latex} + 1`, `${p(last)} - ${low.plain} + 1`, spanWidth(first, last));
  });
  const center = perAxis((a) => {
    const { first, last } = spread[a].origin;
    if (first > last) return term(n(result.center[a]), p(result.center[a]), result.center[a]);
    const high = operand(last);
    return term(`(${n(first)} + ${high.latex})/2`, `(${p(first)} + ${high.plain})/2`, result.center[a]);
  });
  const widest = unitName(spread, (axis) => axis.widest);
  const sees = `unit ${widest} sees input ${spanText(spread[0].widest, 'rows')} and ${spanText(spread[1].widest, 'columns')}`;
  const partial = partialNote(spread);
  const seen = seesValues(spread, widest);
  const sizeNote = result.varies
    ? note(` (units differ: the largest exact span over units, ${sees}${partial})`, 'exact_varies', seen)
    : note(` (the exact span of every unit, moved by the jump: ${sees}${partial})`, 'exact_same', seen);
  const originSeen = BOTH.every((a) => spread[a].origin.first <= spread[a].origin.last);
  const centerNote = originSeen
    ? note(' (the centre of the exact span of unit (0, 0))', 'origin_centre', ORIGIN)
    : note(" (unit (0, 0) sees nothing along some axis: its centre there is where the units' spacing puts it)", 'origin_empty', ORIGIN);
  const spacing = result.varies ? note(' (the average spacing of units, which differ)', 'average_spacing') : undefined;
  return [
    addNote(addNote(axisDerivation('rf_size', 'r', '\\max_u\\,(\\text{last}(u) - \\text{first}(u) + 1)', ...size), sizeNote), extraNote),
    addNote(addNote(jump, spacing), extraNote),
    addNote(addNote(axisDerivation('rf_center', 'c', '\\tfrac{1}{2}\\,(\\text{first}(0) + \\text{last}(0))', ...center), centerNote), extraNote),
  ];
}

/** r = r_prev + (k_eff - 1) j_prev;  j = j_prev s;  c = c_prev + ((k_eff - 1)/2 - p) j_prev (exact spans when the input's units differ). */
export function windowReceptiveFieldDerivations(record: ComputedLayerInfo): Derivation[] {
  const previous = record.inputReceptiveField;
  const result = record.receptiveField;
  const geometry = record.geometry!;
  const jump = perAxis((a) =>
    term(`${n(previous.jump[a])} \\cdot ${n(geometry.stride[a])}`, `${p(previous.jump[a])}*${p(geometry.stride[a])}`, result.jump[a]),
  );
  const jumpDerivation = axisDerivation('rf_jump', 'j', 'j_{prev} \\cdot s', ...jump);
  if (previous.varies) return exactSpanDerivations(record, jumpDerivation);
  const before: Pair = [geometry.padding.top, geometry.padding.left];
  const size = perAxis((a) =>
    term(
      `${n(previous.size[a])} + (${n(geometry.effectiveKernel[a])} - 1) \\cdot ${n(previous.jump[a])}`,
      `${p(previous.size[a])} + (${p(geometry.effectiveKernel[a])} - 1)*${p(previous.jump[a])}`,
      result.size[a],
    ),
  );
  const center = perAxis((a) =>
    term(
      `${n(previous.center[a])} + ((${n(geometry.effectiveKernel[a])} - 1)/2 - ${n(before[a])}) \\cdot ${n(previous.jump[a])}`,
      `${p(previous.center[a])} + ((${p(geometry.effectiveKernel[a])} - 1)/2 - ${p(before[a])})*${p(previous.jump[a])}`,
      result.center[a],
    ),
  );
  const kernelStep = effectiveKernelStep(record);
  return [
    afterKernelStep(axisDerivation('rf_size', 'r', 'r_{prev} + (k_{eff} - 1)\\,j_{prev}', ...size), kernelStep),
    jumpDerivation,
    afterKernelStep(axisDerivation('rf_center', 'c', 'c_{prev} + \\left(\\frac{k_{eff} - 1}{2} - p_{before}\\right) j_{prev}', ...center), kernelStep),
  ];
}

/** Layers that see one unit at a time keep their input's receptive field. */
export function passThroughReceptiveFieldDerivations(receptiveField: ReceptiveField, why: string, whyCode: DerivationReason): Derivation[] {
  const { code: reason, ...reasonValues } = whyCode;
  const keep = (quantity: 'rf_size' | 'rf_jump' | 'rf_center', symbol: string, values: Pair): Derivation => {
    const [h, w] = perAxis((a) => term(n(values[a]), p(values[a]), values[a]));
    const derivation = axisDerivation(quantity, symbol, `${symbol}_{prev}`, h, w);
    return withNote(derivation, ` (${why})`, { code: 'why', values: { reason, ...reasonValues } });
  };
  return [keep('rf_size', 'r', receptiveField.size), keep('rf_jump', 'j', receptiveField.jump), keep('rf_center', 'c', receptiveField.center)];
}

/** Whole-axis mixing: r = r_prev + (H - 1) j_prev, c = c_prev + (H - 1)/2 j_prev, j = 0 (exact spans when the input's units differ). */
export function wholeAxisReceptiveFieldDerivations(record: ComputedLayerInfo, axes: readonly [boolean, boolean], extent: Pair, given?: NoteText): Derivation[] {
  const previous = record.inputReceptiveField;
  const result = record.receptiveField;
  const whole = BOTH.every((a) => axes[a]);
  const alreadyWhole = BOTH.every((a) => !axes[a] || previous.jump[a] === 0);
  const wholeNote =
    given ??
    (alreadyWhole
      ? note(' (the input is already seen as a whole)', 'already_whole')
      : whole
        ? note(' (every unit sees the whole input: all units of the previous layer)', 'whole_input')
        : note(' (each unit sees the whole width: Linear acts on the last axis)', 'whole_width'));
  const jump = perAxis((a) => (axes[a] ? term('0', '0', 0) : term(n(previous.jump[a]), p(previous.jump[a]), result.jump[a])));
  const jumpDerivation = axisDerivation('rf_jump', 'j', '0', ...jump);
  if (previous.varies) return exactSpanDerivations(record, jumpDerivation, wholeNote);
  const mixes = (a: 0 | 1): boolean => axes[a] && previous.jump[a] !== 0;
  const size = perAxis((a) =>
    mixes(a)
      ? term(`${n(previous.size[a])} + (${n(extent[a])} - 1) \\cdot ${n(previous.jump[a])}`, `${p(previous.size[a])} + (${p(extent[a])} - 1)*${p(previous.jump[a])}`, result.size[a])
      : term(n(previous.size[a]), p(previous.size[a]), result.size[a]),
  );
  const center = perAxis((a) =>
    mixes(a)
      ? term(`${n(previous.center[a])} + \\frac{${n(extent[a])} - 1}{2} \\cdot ${n(previous.jump[a])}`, `${p(previous.center[a])} + (${p(extent[a])} - 1)/2*${p(previous.jump[a])}`, result.center[a])
      : term(n(previous.center[a]), p(previous.center[a]), result.center[a]),
  );
  return [
    addNote(axisDerivation('rf_size', 'r', 'r_{prev} + (H - 1)\\,j_{prev}', ...size), wholeNote),
    addNote(jumpDerivation, wholeNote),
    addNote(axisDerivation('rf_center', 'c', 'c_{prev} + \\frac{H - 1}{2}\\,j_{prev}', ...center), wholeNote),
  ];
}

/**
 * Layers whose units differ (transposed conv, adaptive pooling): on an input whose units agree,
 * unit o reading input units i_first..i_last sees r_prev + (i_last - i_first) j_prev pixels; the
 * largest is reported, at the widest unit. On an input whose units differ, the exact spans.
 */
export function spreadReceptiveFieldDerivations(record: ComputedLayerInfo, jumpFormula: { latex: string; terms: [AxisTerm, AxisTerm] }): Derivation[] {
  const previous = record.inputReceptiveField;
  const result = record.receptiveField;
  const spread = record.fieldSpread;
  const jumpDerivation = axisDerivation('rf_jump', 'j', jumpFormula.latex, ...jumpFormula.terms);
  if (previous.varies) return exactSpanDerivations(record, jumpDerivation);
  const inputs = (a: 0 | 1, unit: number) => {
    const cells = dependencyProgression(record.axes[a], unit);
    return { first: cells.first, last: cells.first + (cells.count - 1) * cells.step, none: cells.count === 0 };
  };
  const size = perAxis((a) => {
    const read = inputs(a, spread[a].widest.unit);
    if (read.none) return term('0', '0', 0);
    const low = operand(read.first);
    return term(
      `${n(previous.size[a])} + (${n(read.last)} - ${low.latex}) \\cdot ${n(previous.jump[a])}`,
      `${p(previous.size[a])} + (${p(read.last)} - ${low.plain})*${p(previous.jump[a])}`,
      result.size[a],
    );
  });
  const center = perAxis((a) => {
    const read = inputs(a, 0);
    if (read.none) return term(n(result.center[a]), p(result.center[a]), result.center[a]);
    const high = operand(read.last);
    return term(
      `${n(previous.center[a])} + \\frac{${n(read.first)} + ${high.latex}}{2} \\cdot ${n(previous.jump[a])}`,
      `${p(previous.center[a])} + (${p(read.first)} + ${high.plain})/2*${p(previous.jump[a])}`,
      result.center[a],
    );
  });
  const widest = unitName(spread, (axis) => axis.widest);
  const sizeNote = result.varies
    ? note(` (largest, at output unit ${widest}; units differ${partialNote(spread)})`, 'spread_largest', { unit: widest, partial: isPartial(spread) ? 'ends' : 'all' })
    : undefined;
  const originReads = BOTH.every((a) => !inputs(a, 0).none);
  const centerNote = originReads ? undefined : note(" (unit (0, 0) reads no input along some axis: its centre there is where the units' spacing puts it)", 'origin_reads_none', ORIGIN);
  return [
    addNote(axisDerivation('rf_size', 'r', '\\max_o \\; r_{prev} + (i_{last}(o) - i_{first}(o))\\,j_{prev}', ...size), sizeNote),
    jumpDerivation,
    addNote(axisDerivation('rf_center', 'c', 'c_{prev} + \\frac{i_{first}(0) + i_{last}(0)}{2}\\,j_{prev}', ...center), centerNote),
  ];
}
