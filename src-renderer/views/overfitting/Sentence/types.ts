/** A number of a sentence that opens its derivation. */
export interface SentenceNumber {
  value: number;
  /** as written in the sentence */
  text: string;
  /** accessible name: what the number is */
  label: string;
  onOpen: (anchor: HTMLElement) => void;
  testid?: string;
}

export interface SentenceProps {
  /** The message, its clickable numbers written as `slot(name)` (see sentence.ts). */
  text: string;
  numbers: Record<string, SentenceNumber>;
}
