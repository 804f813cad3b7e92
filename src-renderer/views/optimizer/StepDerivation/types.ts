import type { StepDerivation } from '../../../../shared/core/optim/index';

export interface StepDerivationProps {
  step: number;
  /** The number's key, shown in the heading (e.g. "grad:a" as "dL/da"). */
  label: string;
  /** null while loading; undefined when the core has none for this number. */
  derivation: StepDerivation | null | undefined;
  failure: string | null;
  onClose: () => void;
}
