export interface FormulaPanelProps {
  title: string;
  /** LaTeX built from the step's data (never user text). */
  latex: string | null;
  /** The step in words, or why there is no formula. */
  text: string;
  onClose: () => void;
}
