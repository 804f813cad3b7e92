import type { Snippet } from 'svelte';

export interface BannerProps {
  /** error: red, role=alert; warning: amber; info: neutral, role=status. */
  tone: 'error' | 'warning' | 'info';
  heading: string;
  detail?: string;
  /** A second line, e.g. what did not change. */
  note?: string;
  /** Shows a dismiss button when given. */
  onDismiss?: () => void;
  /** Extra actions (e.g. Restart). */
  actions?: Snippet;
  testid?: string;
}
