import type { BuilderState } from '../../../lib/state/builder.svelte';

export interface SettingsSolverProps {
  builder: BuilderState;
  /** The selected layer's input and output size (height), to fill the fields with one press. */
  fromLayer: { index: number; input: number; output: number } | null;
}
