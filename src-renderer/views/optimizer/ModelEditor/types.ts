import type { ModelView } from '../../../../shared/core/optim/index';

export interface ModelEditorProps {
  /** The model text as typed (saved even while it does not parse). */
  model: string;
  /** Initial parameter values, by name. */
  params: Record<string, number>;
  /** The core's reading of the model for the last run (null while it does not parse). */
  view: ModelView | null;
  /** The model's error and its 0-based position, if the core refused it. */
  error: { message: string; position: number } | null;
  onModel: (text: string) => void;
  onParam: (name: string, value: number) => void;
}
