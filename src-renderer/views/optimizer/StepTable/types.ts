import type { OptimizeResult } from '../../../../shared/core/optim/index';

export type Trace = Extract<OptimizeResult, { ok: true }>;

/** A clicked number: its step (1-based) and its key in the core's step explanation (`grad:a`, `y:0`, ...). */
export interface StepCell {
  step: number;
  key: string;
}

/** Columns that fold away when the table is wider than its box; the new parameters never do. */
export type ColumnGroup = 'forward' | 'dy' | 'grad' | 'state';
/** The order they fold in: the per-parameter partials first, the optimizer's state last. */
export const COLLAPSE_ORDER: readonly ColumnGroup[] = ['dy', 'forward', 'grad', 'state'];

export interface StepTableProps {
  trace: Trace;
  /** Steps shown (rows 1..cursor). */
  cursor: number;
  /** The step being animated (its numbers appear as the animation reaches them), or 0. */
  animatedStep: number;
  /** How many of its numbers are shown: 0 forward only, 1 + gradient, 2 + state, 3 all. */
  revealed: 0 | 1 | 2 | 3;
  selected: StepCell | null;
  onSelect: (cell: StepCell) => void;
}
