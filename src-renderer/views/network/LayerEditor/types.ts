import type { LayerIssue } from '../../../../shared/core/network/info';
import type { NetworkSpec } from '../../../../shared/core/network/spec';
import type { FieldDescriptor, FieldValue } from './fields';

export interface LayerEditorProps {
  /** The project's current spec (what the user edits, not the last summarized one). */
  spec: NetworkSpec;
  /** 1-based layer being edited; 0 when there is none. */
  selected: number;
  onSelect: (layerNumber: number) => void;
  /** Engine issues of each layer by 1-based number, for the current spec only. */
  issuesByLayer: ReadonlyMap<number, readonly LayerIssue[]>;
}

export interface FieldInputProps {
  /** Unique DOM id (label target). */
  id: string;
  label: string;
  field: FieldDescriptor;
  /** The spec's value (undefined: omitted, the default applies). */
  value: unknown;
  /** Engine messages about this field. */
  issues: readonly string[];
  onCommit: (value: FieldValue) => void;
  /** Ends an undo step (the field lost focus). */
  onSeal: () => void;
  testid: string;
}
