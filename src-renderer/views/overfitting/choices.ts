import type { Activation } from '../../../shared/core/dense/activation';
import type { OverfittingToolState } from '../../../shared/protocol/overfitting-schema';

/** The choices of the lab's selects, in menu order (the renderer takes only types from the core, so the lists are written out; the project schema checks them). */
export const DATASET_NAMES: readonly OverfittingToolState['dataset'][] = ['moons', 'circles', 'xor', 'spiral', 'blobs', 'regression'];
export const TRUTH_NAMES: readonly OverfittingToolState['truth'][] = ['sin', 'cubic', 'step'];
export const ACTIVATION_NAMES: readonly Activation[] = ['relu', 'leaky_relu', 'tanh', 'sigmoid', 'gelu'];
