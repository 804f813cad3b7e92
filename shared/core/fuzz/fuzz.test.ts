/* eslint-disable layerwise/layering -- the test checks the fuzz examples against the worker's schemas (shared/protocol); the fuzz itself imports only the core */
import { describe, expect, it } from 'vitest';
import { corePayloadSchemas } from '../../protocol/dispatch';
import { createCore } from '../index';
import { reportCaughtError } from '../internal-error';
import { FUZZ_EXAMPLES } from './examples';
import { fuzzCase, fuzzCore, shrinkPayload, type MethodReport } from './fuzz';
import { buildDictionary, showValue } from './mutate';

const table = FUZZ_EXAMPLES as unknown as Record<string, readonly unknown[]>;
const methods = Object.keys(table);
/** Payloads per method from the fixed seed, and from a fresh seed each run (`npm run fuzz` runs 10,000). */
const FIXED_SEED = 1;
const FIXED_COUNT = 300;
const FRESH_COUNT = 100;
// A fresh seed each run widens what `npm test` covers over time; a failure prints it.
const FRESH_SEED = Date.now() % 2 ** 32;

function failures(report: MethodReport, seed: number): string {
  const lines = report.findings.map((finding) => `case ${finding.index}: ${finding.error} at ${finding.at}\n  made by ${finding.mutations.join('; ')}\n  payload ${showValue(finding.payload, 300)}`);
  return `${report.method}: ${report.throws} throws and ${report.caught} caught by a net in ${report.calls} calls; reproduce with npm run fuzz -- --seed ${seed} --method ${report.method}\n${lines.join('\n')}`;
}

describe('the fuzz table (shared/core/fuzz/examples.ts)', () => {
  it('has examples for every method of the core: a method without any fails here', () => {
    expect(Object.keys(table).sort()).toEqual(Object.keys(createCore()).sort());
    for (const method of methods) expect(table[method]!.length, method).toBeGreaterThan(0);
  });

  it.each(methods)('%s: every example is a payload the worker accepts, and the core answers it with no error value', async (method) => {
    const core = createCore() as unknown as Record<string, (payload: unknown) => unknown>;
    const schema = (corePayloadSchemas as Record<string, { safeParse(value: unknown): { success: boolean; error?: unknown } }>)[method]!;
    for (const [k, example] of table[method]!.entries()) {
      expect(schema.safeParse(example).success, `${method} example ${k}`).toBe(true);
      const result = (await core[method]!(example)) as { ok?: boolean } | unknown[];
      expect(Array.isArray(result) ? result.length > 0 : result.ok !== false, `${method} example ${k}: ${showValue(result, 300)}`).toBe(true);
    }
  });
});

describe('mutation', () => {
  const dictionary = buildDictionary(Object.values(table).flat());

  it('gives the same payload for the same seed and case, and others for other cases', () => {
    const first = fuzzCase('optimize', table.optimize!, dictionary, 7, 12);
    const again = fuzzCase('optimize', table.optimize!, dictionary, 7, 12);
    expect(again.mutations).toEqual(first.mutations);
    expect(showValue(again.payload, 10_000)).toBe(showValue(first.payload, 10_000));
    const others = new Set(Array.from({ length: 50 }, (_, index) => showValue(fuzzCase('optimize', table.optimize!, dictionary, 7, index).payload, 10_000)));
    expect(others.size).toBeGreaterThan(40);
  });

  it('drops fields, puts junk, tweaks, swaps types, grafts, makes cycles and replaces the whole payload', () => {
    const made = Array.from({ length: 600 }, (_, index) => fuzzCase('backprop', table.backprop!, dictionary, 3, index).mutations.join('; ')).join('\n');
    for (const kind of [/; delete case\./, /\(junk\)/, /\(tweak\)/, /\(type swap\)/, /\(graft\)/, /\(a cycle\)/, /payload ← /, /← null/, /← NaN/, /← undefined/, /← 10n/]) expect(made).toMatch(kind);
  });
});

describe('the fuzz counts what a method does', () => {
  const examples = { a: [{ x: 1 }] };
  const run = (method: (payload: unknown, cooperation: { checkpoint(): Promise<void> }) => unknown) => fuzzCore({ a: method }, examples, { seed: 5, count: 40 }).then(([report]) => report!);

  it('a throw, a rejected promise and an error a last net caught are findings; an error value is not', async () => {
    expect(await run(() => ({ ok: false, message: 'bad payload' }))).toMatchObject({ calls: 40, throws: 0, caught: 0 });
    const throwing = await run(() => {
      throw new TypeError('boom');
    });
    expect(throwing).toMatchObject({ calls: 40, throws: 40, caught: 0 });
    expect(throwing.findings[0]).toMatchObject({ method: 'a', error: 'TypeError: boom' });
    expect(await run(() => Promise.reject(new RangeError('late')))).toMatchObject({ throws: 40 });
    const netted = await run(() => {
      reportCaughtError('a', new Error('hidden'));
      return { ok: false, message: 'the run failed' };
    });
    expect(netted).toMatchObject({ throws: 0, caught: 40 });
    expect(netted.findings[0]!.error).toBe('caught by the a net: Error: hidden');
  });

  it('an asynchronous method is sometimes cancelled at a checkpoint, and a cancellation is no finding', async () => {
    const report = await run(async (_payload, cooperation) => {
      for (let i = 0; i < 10; i++) await cooperation.checkpoint();
      return { ok: true };
    });
    expect(report.throws).toBe(0);
    expect(report.cancelled).toBeGreaterThan(0);
    expect(report.cancelled).toBeLessThan(40);
  });

  it('shrinks a finding to a smaller payload that throws at the same place', async () => {
    const target = (payload: unknown) => {
      const problem = (payload as { problem?: { seed?: unknown; epochs?: unknown } } | null)?.problem;
      if (typeof problem?.seed !== 'number' && problem?.epochs === 1) throw new Error('no seed');
      return { ok: true };
    };
    const { seed: _seed, ...withoutSeed } = FUZZ_EXAMPLES.optimize[0]!.problem;
    const payload = { problem: withoutSeed };
    const at = await throwSite(target, payload);
    // everything but the one field the throw needs is gone
    expect(await shrinkPayload(target, payload, at)).toEqual({ problem: { epochs: 1 } });
  });
});

/** The first stack frame of the target's throw on a payload. */
async function throwSite(target: (payload: unknown) => unknown, payload: unknown): Promise<string> {
  try {
    await target(payload);
  } catch (error) {
    return ((error as Error).stack ?? '').split('\n').find((line) => line.trim().startsWith('at '))!.trim().replace(/^at /, '');
  }
  throw new Error('the target did not throw');
}

describe('the core never throws, for any payload at all', () => {
  it.each(methods)(`%s: ${FIXED_COUNT} mutated payloads (seed ${FIXED_SEED})`, async (method) => {
    const [report] = await fuzzCore(createCore(), table, { seed: FIXED_SEED, count: FIXED_COUNT, methods: [method] });
    expect(report!.calls).toBe(FIXED_COUNT);
    expect(report!.throws + report!.caught, failures(report!, FIXED_SEED)).toBe(0);
  });

  it.each(methods)(`%s: ${FRESH_COUNT} mutated payloads (a fresh seed, ${FRESH_SEED})`, async (method) => {
    const [report] = await fuzzCore(createCore(), table, { seed: FRESH_SEED, count: FRESH_COUNT, methods: [method] });
    expect(report!.throws + report!.caught, failures(report!, FRESH_SEED)).toBe(0);
  });
});
