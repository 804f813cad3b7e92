export interface AppHeaderProps {
  projectName: string;
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
