import { describe, expect, it } from 'vitest';
import { parseReceptiveFieldAnswer } from './parse-answer';

describe('parseReceptiveFieldAnswer', () => {
  it.each([
    ['11', 11],
    ['11x11', 11],
    ['11 × 11', 11],
    ['13*13 px', 13],
    ['121 px', 11],
    ['169 pixels', 13],
    ['۱۱', 11],
    ['1,225 px', 35],
    ['4900 px', 70],
  ])('%s -> %d', (text, expected) => expect(parseReceptiveFieldAnswer(text)).toBe(expected));

  it.each(['', 'abc', '11x13', '120 px', '1 2 3'])('%s -> null', (text) => expect(parseReceptiveFieldAnswer(text)).toBeNull());
});
