import type { Snippet } from 'svelte';

/** The page of a regression lab (bias-variance, double descent): title, settings card beside the results. */
export interface LabLayoutProps {
  title: string;
  caption: string;
  /** the worker failed (not bad settings): shown as an error banner */
  failure: string | null;
  /** prefix of the hooks: `${prefix}-failed`, `${prefix}-settings`, `${prefix}-reset` */
  prefix: string;
  onReset: () => void;
  /** a newer answer is on its way */
  pending: boolean;
  /** the settings' fields, one column */
  settings: Snippet;
  /** the results column */
  children: Snippet;
  testid: string;
}
