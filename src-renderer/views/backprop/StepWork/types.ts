import type { Activation, TensorName } from '../../../../shared/core/backprop/types';
import type { StepWork } from '../step-work';

export interface StepWorkProps {
  /** The current step's arithmetic, or null (before the first step, or everything shown). */
  work: StepWork | null;
  activation: Activation;
  /** Terms written so far while the step animates (Infinity: all). */
  termsShown: number;
  /** The result has reached its cell (the "= value" part is shown). */
  arrived: boolean;
  /** What to say when there is no step. */
  emptyText: string;
  /** A number of the line was clicked: its cell's formula. */
  onNumber: (tensor: TensorName, at: number) => void;
}
