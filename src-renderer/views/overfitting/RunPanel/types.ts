import type { LabSetup } from '../../../../shared/core/overfitting/lab';
import type { RunTrace } from '../../../lib/state';
import type { Onset } from '../../../../shared/core/overfitting/onset';
import type { Surface } from '../../../../shared/core/overfitting/lab';

export interface RunPanelProps {
  heading: string;
  /** the remedies of this run in words (empty for the baseline) */
  subtitle?: string;
  setup: LabSetup;
  trace: RunTrace;
  /** the epoch shown */
  cursor: number;
  /** the y range shared by both runs' charts */
  yDomain: [number, number];
  surface: Surface | null;
  onset: Onset | null;
  /** hidden widths and parameter count of the run (from the settings until the result names them) */
  widths: number[];
  /** show the remedies' numbers (dropout rate, weight decay) as clickable numbers */
  remedyNumbers?: boolean;
  /** opens the derivation of one of the run's numbers at an epoch */
  onExplain: (anchor: HTMLElement, epoch: number, quantity: RunQuantity) => void;
  testid: string;
}

/** The numbers of a run the core derives (keys of its explanation). */
export type RunQuantity = 'train_loss' | 'validation_loss' | 'onset' | 'best_epoch' | 'dropout' | 'weight_decay';
