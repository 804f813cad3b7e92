import type { OptimizeResult } from '../../../../shared/core/optim/index';

export type Trace = Extract<OptimizeResult, { ok: true }>;

/** A clicked number: its step (1-based) and its key in the core's step explanation (`grad:a`, `y:0`, ...). */
export interface StepCell {
  step: number;
  key: string;
}

export interface StepTableProps {
  trace: Trace;
  /** Steps shown (rows 1..cursor). */
  cursor: number;
  selected: StepCell | null;
  onSelect: (cell: StepCell) => void;
}
