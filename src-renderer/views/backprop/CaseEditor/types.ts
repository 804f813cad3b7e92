import type { EditableCase, FieldError } from '../../../lib/state/backprop.svelte';

export interface CaseEditorProps {
  edit: EditableCase;
  errors: readonly FieldError[];
  /** [F, PH, PW] of the output for the current sizes, or null. */
  outputShape: readonly [number, number, number] | null;
  /** A new case; edits with the same `coalesceKey` merge into one undo step. */
  onChange: (next: EditableCase, coalesceKey: string | null) => void;
}
