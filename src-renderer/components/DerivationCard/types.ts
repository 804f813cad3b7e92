import type { DerivationLike } from '../DerivationLines';

export interface DerivationCardProps {
  heading: string;
  /** Heading level in the page's outline. */
  level: 2 | 3;
  /** null while loading; undefined when the core has none for this number. */
  derivation: DerivationLike | null | undefined;
  /** Why the core could not answer (shown instead of the derivation). */
  failure: string | null;
  /** What to say while loading, and when there is no derivation. */
  loading: string;
  unavailable: string;
  /** data-testid of the card; `<testidPrefix>-close` and DerivationLines' hooks use the prefix. */
  testid: string;
  testidPrefix: string;
  onClose: () => void;
}
