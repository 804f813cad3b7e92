import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createCore } from '../index';
import { onCaughtError } from '../internal-error';

/**
 * The dense core methods never throw on junk: any payload comes back as a result or as
 * issues at fields (each with a code and an English message), never as an exception.
 */
const core = createCore();

const junkValue = fc.oneof(
  fc.constantFrom(0, 1, 2, -1, 3, 1e9, -1e9, 0.5, Number.NaN, Infinity, -Infinity, null, true, '', 'relu', 'tanh', 'mse', 'cross_entropy', 'xavier_uniform', 'adam', 'sgd'),
  fc.integer({ min: -5, max: 20 }),
  fc.double(),
  fc.string({ maxLength: 6 }),
  fc.array(fc.integer({ min: -2, max: 6 }), { maxLength: 4 }),
  fc.array(fc.array(fc.double({ min: -3, max: 3 }), { maxLength: 3 }), { maxLength: 3 }),
  fc.anything({ maxDepth: 2 }),
);

/** Objects with the real field names (so the readers go deep) and junk values, or anything at all. */
function junkDocument(keys: readonly string[]) {
  return fc.oneof(fc.anything({ maxDepth: 3 }), fc.dictionary(fc.constantFrom(...keys), junkValue, { maxKeys: keys.length }));
}

const networkKeys = ['input_dim', 'widths', 'depth', 'width', 'output_dim', 'activation', 'init', 'gain', 'seed', 'weights', 'biases'];

/** Values that hold names or what the user typed; every other value is a number or a vocabulary token. */
const FREE_VALUES = new Set(['got', 'detail', 'known', 'allowed', 'accepted', 'name', 'names', 'other', 'alternative', 'scheme', 'parameter']);

function expectAnswer(result: unknown) {
  expect(typeof result).toBe('object');
  const answer = result as { ok: boolean; issues?: { field: string; code: string; message: string; values: Record<string, unknown> }[] };
  expect(typeof answer.ok).toBe('boolean');
  if (!answer.ok) {
    expect(answer.issues!.length).toBeGreaterThan(0);
    for (const issue of answer.issues!) {
      expect(typeof issue.field).toBe('string');
      expect(typeof issue.code).toBe('string');
      expect(issue.message.length).toBeGreaterThan(0);
      expect(issue.message).not.toContain('undefined');
      // no English in the values: another language phrases the same code and values
      for (const [key, value] of Object.entries(issue.values)) {
        if (!FREE_VALUES.has(key)) expect(typeof value === 'number' || /^(> )?[a-z0-9_]+$/.test(String(value))).toBe(true);
      }
    }
  }
}

describe('dense core methods on junk', () => {
  it('gradientFlow', async () => {
    await fc.assert(
      fc.asyncProperty(junkDocument([...networkKeys, 'data', 'loss']), fc.anything(), async (document, extra) => {
        expectAnswer(await core.gradientFlow({ case: document }));
        expectAnswer(await core.gradientFlow(extra as never));
      }),
      { numRuns: 300 },
    );
  });

  it('trainNetwork', async () => {
    await fc.assert(
      fc.asyncProperty(junkDocument([...networkKeys, 'data', 'loss', 'optimizer', 'epochs', 'batch_size', 'shuffle', 'dropout', 'early_stopping', 'per_step']), fc.anything(), async (document, extra) => {
        expectAnswer(await core.trainNetwork({ run: document }));
        expectAnswer(await core.trainNetwork(extra as never));
      }),
      { numRuns: 300 },
    );
  });

  it('linearRegions', async () => {
    await fc.assert(
      fc.asyncProperty(junkDocument([...networkKeys, 'preset', 'domain']), fc.anything(), async (document, extra) => {
        expectAnswer(await core.linearRegions({ net: document, polygons: true }));
        expectAnswer(await core.linearRegions(extra as never));
      }),
      { numRuns: 300 },
    );
  });

  it('sameBudget', async () => {
    await fc.assert(
      fc.asyncProperty(junkDocument(['target', 'domain', 'depth', 'width', 'budget', 'activation', 'init', 'seed', 'optimizer', 'samples', 'grid']), fc.anything(), async (document, extra) => {
        // epochs kept small: a valid junk document trains
        const withEpochs = typeof document === 'object' && document !== null && !Array.isArray(document) ? { ...document, epochs: 2 } : document;
        expectAnswer(await core.sameBudget({ comparison: withEpochs }));
        expectAnswer(await core.sameBudget(extra as never));
      }),
      { numRuns: 200 },
    );
  });

  it('valid-looking documents with nested junk in the data and weights', async () => {
    await fc.assert(
      fc.asyncProperty(junkValue, junkValue, junkValue, async (x, y, weights) => {
        expectAnswer(await core.trainNetwork({ run: { input_dim: 2, widths: [3], data: { x, y, validation: { x: y, y: x } }, optimizer: { type: 'adam' }, epochs: 2, weights } }));
        expectAnswer(await core.gradientFlow({ case: { input_dim: 2, widths: [3], data: { x, y }, weights, biases: x } }));
        expectAnswer(await core.linearRegions({ net: { input_dim: 2, widths: [3], weights, domain: x } }));
      }),
      { numRuns: 300 },
    );
  });

  it('what escapes the checks is answered as an internal issue and reported to the last-net listeners, so the fuzz counts it', async () => {
    const caught: string[] = [];
    const stop = onCaughtError((where, error) => caught.push(`${where}: ${(error as Error).message}`));
    try {
      // a getter that throws cannot come through structured clone: it stands for a bug past the checks
      const exploding = Object.defineProperty({}, 'input_dim', { enumerable: true, get: () => { throw new Error('boom'); } });
      const answers = [
        await core.gradientFlow({ case: exploding }),
        await core.trainNetwork({ run: exploding }),
        await core.linearRegions({ net: exploding }),
        await core.sameBudget({ comparison: Object.defineProperty({}, 'target', { enumerable: true, get: () => { throw new Error('boom'); } }) }),
      ];
      for (const answer of answers) expect(answer).toMatchObject({ ok: false, issues: [{ field: '', code: 'internal', values: { detail: 'boom' } }] });
      expect(caught).toEqual(['gradientFlow (check): boom', 'trainNetwork (check): boom', 'linearRegions (check): boom', 'sameBudget (check): boom']);
    } finally {
      stop();
    }
  });
});
