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
  testid: string;
}
