import { axisDerivation, term, type AxisTerm } from './derivation';
import { formatLatex as n, formatPlain as p } from './format';
import type { Derivation, Pair, ReceptiveField, WindowGeometry } from './info';
import type { AxisSpread, UnitDependency } from './receptive-field';

const BOTH = [0, 1] as const;

function perAxis(build: (axis: 0 | 1) => AxisTerm): [AxisTerm, AxisTerm] {
  return [build(0), build(1)];
}

/** r = r_prev + (k_eff - 1) j_prev;  j = j_prev s;  c = c_prev + ((k_eff - 1)/2 - p) j_prev. */
export function windowReceptiveFieldDerivations(previous: ReceptiveField, geometry: WindowGeometry, result: ReceptiveField): Derivation[] {
  const before: Pair = [geometry.padding.top, geometry.padding.left];
  const size = perAxis((a) =>
    term(
      `${n(previous.size[a])} + (${n(geometry.effectiveKernel[a])} - 1) \\cdot ${n(previous.jump[a])}`,
      `${p(previous.size[a])} + (${p(geometry.effectiveKernel[a])} - 1)*${p(previous.jump[a])}`,
      result.size[a],
    ),
  );
  const jump = perAxis((a) =>
    term(`${n(previous.jump[a])} \\cdot ${n(geometry.stride[a])}`, `${p(previous.jump[a])}*${p(geometry.stride[a])}`, result.jump[a]),
  );
  const center = perAxis((a) =>
    term(
      `${n(previous.center[a])} + ((${n(geometry.effectiveKernel[a])} - 1)/2 - ${n(before[a])}) \\cdot ${n(previous.jump[a])}`,
      `${p(previous.center[a])} + ((${p(geometry.effectiveKernel[a])} - 1)/2 - ${p(before[a])})*${p(previous.jump[a])}`,
      result.center[a],
    ),
  );
  return [
    axisDerivation('rf_size', 'r', 'r_{prev} + (k_{eff} - 1)\\,j_{prev}', ...size),
    axisDerivation('rf_jump', 'j', 'j_{prev} \\cdot s', ...jump),
    axisDerivation('rf_center', 'c', 'c_{prev} + \\left(\\frac{k_{eff} - 1}{2} - p_{before}\\right) j_{prev}', ...center),
  ];
}

/** Layers that see one unit at a time keep their input's receptive field. */
export function passThroughReceptiveFieldDerivations(receptiveField: ReceptiveField, why: string): Derivation[] {
  const keep = (quantity: 'rf_size' | 'rf_jump' | 'rf_center', symbol: string, values: Pair): Derivation => {
    const [h, w] = perAxis((a) => term(n(values[a]), p(values[a]), values[a]));
    const derivation = axisDerivation(quantity, symbol, `${symbol}_{prev}`, h, w);
    return { ...derivation, text: `${derivation.text} (${why})` };
  };
  return [keep('rf_size', 'r', receptiveField.size), keep('rf_jump', 'j', receptiveField.jump), keep('rf_center', 'c', receptiveField.center)];
}

/** Whole-axis mixing: r = r_prev + (H - 1) j_prev, c = c_prev + (H - 1)/2 j_prev, j = 0. */
export function wholeAxisReceptiveFieldDerivations(
  previous: ReceptiveField,
  axes: readonly [boolean, boolean],
  extent: Pair,
  result: ReceptiveField,
  note?: string,
): Derivation[] {
  const mixes = (a: 0 | 1): boolean => axes[a] && previous.jump[a] !== 0;
  const size = perAxis((a) =>
    mixes(a)
      ? term(`${n(previous.size[a])} + (${n(extent[a])} - 1) \\cdot ${n(previous.jump[a])}`, `${p(previous.size[a])} + (${p(extent[a])} - 1)*${p(previous.jump[a])}`, result.size[a])
      : term(n(previous.size[a]), p(previous.size[a]), result.size[a]),
  );
  const jump = perAxis((a) => (axes[a] ? term('0', '0', 0) : term(n(previous.jump[a]), p(previous.jump[a]), result.jump[a])));
  const center = perAxis((a) =>
    mixes(a)
      ? term(`${n(previous.center[a])} + \\frac{${n(extent[a])} - 1}{2} \\cdot ${n(previous.jump[a])}`, `${p(previous.center[a])} + (${p(extent[a])} - 1)/2*${p(previous.jump[a])}`, result.center[a])
      : term(n(previous.center[a]), p(previous.center[a]), result.center[a]),
  );
  const whole = BOTH.every((a) => axes[a]);
  const alreadyWhole = BOTH.every((a) => !axes[a] || previous.jump[a] === 0);
  note ??= alreadyWhole
    ? ' (the input is already seen as a whole)'
    : whole
      ? ' (every unit sees the whole input: all units of the previous layer)' : ' (each unit sees the whole width: Linear acts on the last axis)';
  const withNote = (derivation: Derivation): Derivation => ({ ...derivation, text: derivation.text + note });
  return [
    withNote(axisDerivation('rf_size', 'r', 'r_{prev} + (H - 1)\\,j_{prev}', ...size)),
    withNote(axisDerivation('rf_jump', 'j', '0', ...jump)),
    withNote(axisDerivation('rf_center', 'c', 'c_{prev} + \\frac{H - 1}{2}\\,j_{prev}', ...center)),
  ];
}

/**
 * Layers whose units differ (transposed conv, adaptive pooling): the largest field is
 * r = r_prev + (i_last - i_first) j_prev for the widest unit, whose inputs are i_first..i_last.
 */
export function spreadReceptiveFieldDerivations(
  previous: ReceptiveField,
  spread: readonly [AxisSpread, AxisSpread],
  jumpFormula: { latex: string; terms: [AxisTerm, AxisTerm] },
  dependencyOf: readonly [(unit: number) => UnitDependency, (unit: number) => UnitDependency],
  result: ReceptiveField,
): Derivation[] {
  const size = perAxis((a) => {
    const { widest } = spread[a];
    if (widest.first > widest.last) return term('0', '0', 0);
    return term(
      `${n(previous.size[a])} + (${n(widest.last)} - ${n(widest.first)}) \\cdot ${n(previous.jump[a])}`,
      `${p(previous.size[a])} + (${p(widest.last)} - ${p(widest.first)})*${p(previous.jump[a])}`,
      result.size[a],
    );
  });
  const center = perAxis((a) => {
    const first = dependencyOf[a](0);
    if (first.first > first.last) return term(n(result.center[a]), p(result.center[a]), result.center[a]);
    return term(
      `${n(previous.center[a])} + \\frac{${n(first.first)} + ${n(first.last)}}{2} \\cdot ${n(previous.jump[a])}`,
      `${p(previous.center[a])} + (${p(first.first)} + ${p(first.last)})/2*${p(previous.jump[a])}`,
      result.center[a],
    );
  });
  const widestUnits = BOTH.map((a) => `${spread[a].widest.unit}`).join(', ');
  const sizeDerivation = axisDerivation('rf_size', 'r', '\\max_o \\; r_{prev} + (i_{last}(o) - i_{first}(o))\\,j_{prev}', ...size);
  const sizeNote = result.varies ? ` (largest, at output unit (${widestUnits}); units differ)` : '';
  const centerDerivation = axisDerivation('rf_center', 'c', 'c_{prev} + \\frac{i_{first}(0) + i_{last}(0)}{2}\\,j_{prev}', ...center);
  return [
    { ...sizeDerivation, text: sizeDerivation.text + sizeNote },
    axisDerivation('rf_jump', 'j', jumpFormula.latex, ...jumpFormula.terms),
    centerDerivation,
  ];
}
