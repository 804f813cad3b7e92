import type { Step, TensorName, Trace } from '../../../shared/core/backprop/types';

/**
 * What the stepper shows at a step (issue 10, requirement 4: a stepper that builds up). At
 * step 0 (index -1, before the first step) only the case's given values are on screen; each
 * step fills the one cell it writes. A tensor's steps are consecutive, one per cell in
 * flat-index order (`Trace.firstStep`), so "the cells shown" is a count: cells 0 … count-1.
 * Pure: the view and the tests read the same answer from the trace's data.
 */

/** The case's own values: on screen from the start, never computed by a step. */
const GIVEN: ReadonlySet<TensorName> = new Set(['input', 'filters', 'bias', 'target']);

export interface RevealOptions {
  /** "Show all": every cell of every tensor at once. */
  showAll?: boolean;
  /**
   * The current step's cell is still on its way (its animation is running): shown as of the
   * step before, so the cell fills when the animation reaches it.
   */
  arriving?: boolean;
}

/**
 * How many cells of `tensor` (of `size` cells, flat order) are shown at step `index` (-1:
 * before the first step). Cells no recorded step writes (past a truncated trace's end) are
 * shown from the last step on; a tensor no step writes at all (an identity stage such as
 * a = z without an activation) likewise.
 */
export function shownCells(trace: Pick<Trace, 'length' | 'firstStep'>, tensor: TensorName, size: number, index: number, options: RevealOptions = {}): number {
  if (options.showAll || GIVEN.has(tensor)) return size;
  const through = options.arriving ? index - 1 : index;
  if (trace.length > 0 && through >= trace.length - 1) return size;
  const first = trace.firstStep[tensor];
  if (first === undefined) return 0;
  return Math.max(0, Math.min(size, through - first + 1));
}

/** Shown cell counts of every tensor listed, at step `index`. */
export function shownAt(trace: Pick<Trace, 'length' | 'firstStep'>, sizes: Partial<Record<TensorName, number>>, index: number, options: RevealOptions = {}): Partial<Record<TensorName, number>> {
  const shown: Partial<Record<TensorName, number>> = {};
  for (const [tensor, size] of Object.entries(sizes) as [TensorName, number][]) shown[tensor] = shownCells(trace, tensor, size, index, options);
  return shown;
}

/** The box of cells a step reads from one tensor (its window), as [top, left, bottom, right] rows and columns of one map, or null. */
export interface CellBox {
  map: number;
  top: number;
  left: number;
  bottom: number;
  right: number;
}

/**
 * The smallest box around the cells `at` of a tensor of shape [..., rows, cols] (-1 entries,
 * padding, are skipped); the map is that of the first cell. Null when no cell is given.
 */
export function boxOf(at: ArrayLike<number>, shape: readonly number[]): CellBox | null {
  const rows = shape.length >= 2 ? shape[shape.length - 2]! : 1;
  const cols = shape[shape.length - 1] ?? 1;
  let box: CellBox | null = null;
  for (let k = 0; k < at.length; k++) {
    const cell = at[k]!;
    if (cell < 0) continue;
    const map = Math.floor(cell / (rows * cols));
    const row = Math.floor(cell / cols) % rows;
    const col = cell % cols;
    if (!box) box = { map, top: row, left: col, bottom: row, right: col };
    else if (map === box.map) {
      box.top = Math.min(box.top, row);
      box.bottom = Math.max(box.bottom, row);
      box.left = Math.min(box.left, col);
      box.right = Math.max(box.right, col);
    }
  }
  return box;
}

/**
 * Which of a step's operand tensors the moving window is drawn over: the input X under a conv
 * cell and under a dL/dW cell's sum (the window of X this weight met), the map a pool reads,
 * dL/dz under dL/dX's flipped kernel; none for a given number (a coefficient).
 */
export function windowTensor(step: Pick<Step, 'op' | 'a' | 'b'>): TensorName | null {
  const tensor = step.op === 'grad_filter' ? step.b : step.a;
  return tensor === undefined || tensor === 'coefficient' ? null : tensor;
}
