import { productTerm, scalarDerivation } from './derivation';
import type { ComputedLayerInfo, Derivation, Quantity } from './info';
import { ruleFor } from './layers/registry';
import type { NetworkSpec } from './spec';
import { traceNetwork } from './summarize';
import { reportCaughtError } from '../internal-error';

const QUANTITY_ORDER: readonly Quantity[] = ['output', 'params', 'macs', 'memory', 'rf_size', 'rf_jump', 'rf_center'];

/** Output activations at float32: 4 bytes per unit. */
function memoryDerivation(record: ComputedLayerInfo): Derivation {
  return scalarDerivation('memory', 'memory', '4 \\cdot \\prod \\text{output shape}', productTerm([4, ...record.outputShape]), ' bytes');
}

/**
 * How every number of layer `index` (1-based, as `LayerInfo.index`) was obtained: one
 * derivation per quantity, in the order output, params, macs, memory, rf_size, rf_jump,
 * rf_center. Empty for layers that are not computed, have errors, or do not exist. Runs the
 * network only up to that layer.
 */
export function explainLayer(spec: NetworkSpec, index: number): Derivation[] {
  try {
    if (!Number.isSafeInteger(index) || index < 1) return [];
    const trace = traceNetwork(spec, index);
    const record = trace.summary.layers[index - 1];
    const rule = record && ruleFor(record.type);
    if (!record || record.status !== 'ok' || !rule || !trace.inputOfLastLayer || !trace.lastLayer) return [];
    const derivations = [...rule.explain(trace.lastLayer, record, trace.inputOfLastLayer), memoryDerivation(record)];
    return QUANTITY_ORDER.flatMap((quantity) => derivations.filter((derivation) => derivation.quantity === quantity));
  } catch (error) {
    reportCaughtError('explain', error);
    return [];
  }
}
