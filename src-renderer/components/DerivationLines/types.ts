import type { DerivationMessage } from '../../../shared/core/network/info';

/** What every derivation the core produces has in common (network numbers, optimizer steps). */
export interface DerivationLike {
  /** Symbolic formula, LaTeX */
  formula: string;
  /** The formula with numbers filled in, LaTeX */
  substituted: string;
  /** The result, LaTeX */
  result: string;
  /** The whole line as plain text (copy, screen readers), English */
  text: string;
  /** `text` as codes with values, phrased in the current language (network layers send it; optimizer steps do not). */
  message?: DerivationMessage;
}

export interface DerivationLinesProps {
  derivation: DerivationLike;
  /** Prefix of the data-testid hooks: `<prefix>-formula`, `<prefix>-substituted`, `<prefix>-text`. */
  testidPrefix: string;
}
