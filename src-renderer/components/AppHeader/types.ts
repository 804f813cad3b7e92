import type { AppearanceState } from '../../lib/state/appearance.svelte';
import type { LocaleState } from '../../lib/state/locale.svelte';

export interface AppHeaderProps {
  projectName: string;
  /** The language switch and the digits setting (Persian only). */
  locale: LocaleState;
  /** The theme switch (light / dark / system) and the motion setting. */
  appearance: AppearanceState;
  dirty: boolean;
  /** File buttons appear in the browser; Electron has the native File menu. */
  showFileActions: boolean;
  busy: boolean;
  canUndo: boolean;
  canRedo: boolean;
  onNew: () => void;
  onOpen: () => void;
  onSave: () => void;
  onSaveAs: () => void;
  onUndo: () => void;
  onRedo: () => void;
}
