import { describe, expect, it } from 'vitest';
import { sentenceParts, slot } from './sentence';

describe('sentence parts', () => {
  it('splits a filled-in message at its slots, keeping the text (and bidi isolates) around them', () => {
    const text = `At epoch 4 the loss is \u2068${slot('train')}\u2069 and ${slot('validation')}.`;
    expect(sentenceParts(text)).toEqual([
      { kind: 'text', text: 'At epoch 4 the loss is \u2068' },
      { kind: 'number', name: 'train' },
      { kind: 'text', text: '\u2069 and ' },
      { kind: 'number', name: 'validation' },
      { kind: 'text', text: '.' },
    ]);
    expect(sentenceParts('no numbers')).toEqual([{ kind: 'text', text: 'no numbers' }]);
  });
});
