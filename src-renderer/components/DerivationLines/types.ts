/** What every derivation the core produces has in common (network numbers, optimizer steps). */
export interface DerivationLike {
  /** Symbolic formula, LaTeX */
  formula: string;
  /** The formula with numbers filled in, LaTeX */
  substituted: string;
  /** The result, LaTeX */
  result: string;
  /** The whole line as plain text (copy, screen readers) */
  text: string;
}

export interface DerivationLinesProps {
  derivation: DerivationLike;
  /** Prefix of the data-testid hooks: `<prefix>-formula`, `<prefix>-substituted`, `<prefix>-text`. */
  testidPrefix: string;
}
