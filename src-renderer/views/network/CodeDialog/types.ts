import type { NetworkSpec } from '../../../../shared/core/network/spec';
import type { BuilderState } from '../../../lib/state/builder.svelte';

export interface CodeDialogProps {
  mode: 'import' | 'export';
  builder: BuilderState;
  /** The current input shape (kept when pasted code does not state one). */
  input: readonly number[];
  /** File name stem for downloads. */
  name: string;
  onClose: () => void;
  /**
   * A successful import: the caller replaces the network (one undoable step); the dialog
   * then closes itself, or stays open to say the code was read as another language.
   */
  onImport: (spec: NetworkSpec) => void;
}
