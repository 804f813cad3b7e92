/**
 * A translated sentence with some of its values clickable: the message is filled in with
 * markers (`slot(name)`) where those values go, then split at the markers, so each language
 * keeps its own word order around the numbers.
 */
const OPEN = '\uE000';
const CLOSE = '\uE001';

export type SentencePart = { kind: 'text'; text: string } | { kind: 'number'; name: string };

export const slot = (name: string): string => `${OPEN}${name}${CLOSE}`;

export function sentenceParts(text: string): SentencePart[] {
  const parts: SentencePart[] = [];
  const pattern = new RegExp(`${OPEN}(\\w+)${CLOSE}`, 'g');
  let last = 0;
  for (const match of text.matchAll(pattern)) {
    if (match.index > last) parts.push({ kind: 'text', text: text.slice(last, match.index) });
    parts.push({ kind: 'number', name: match[1]! });
    last = match.index + match[0].length;
  }
  if (last < text.length) parts.push({ kind: 'text', text: text.slice(last) });
  return parts;
}
