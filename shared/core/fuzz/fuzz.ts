import { createRandom } from '../random';
import { onCaughtError } from '../internal-error';
import { buildDictionary, cloneTree, mutatePayload, showValue, type Dictionary, type Random } from './mutate';

/**
 * The core's promise, checked by mutation: "the core never throws", for any payload at all.
 * Each case mutates one of a method's examples (mutate.ts) and calls the method; a returned
 * value of any kind passes (error values are the point), a thrown exception or a rejected
 * promise fails, except a cancellation the fuzz itself asked for, and so does an error one of
 * the core's last nets caught (shared/core/internal-error.ts): a net keeps the app alive, but
 * what it caught is a bug all the same. Asynchronous methods get a
 * cooperation like the worker's (shared/protocol/dispatch.ts), which sometimes cancels.
 */

/** A method under fuzz: called as the worker calls it, with the payload and a cooperation. */
export type FuzzTarget = (payload: unknown, cooperation: { checkpoint(): Promise<void> }) => unknown;

export interface FuzzFinding {
  method: string;
  /** Case number: with the seed, it rebuilds the payload (`fuzzCase`). */
  index: number;
  mutations: string[];
  payload: unknown;
  /** `TypeError: Cannot read properties of null (reading 'data')` */
  error: string;
  /** First stack frame of the throw, when known. */
  at: string;
  /** The payload after greedy shrinking, when asked for. */
  minimal?: unknown;
}

export interface MethodReport {
  method: string;
  calls: number;
  /** Thrown exceptions and rejected promises (a cancellation the fuzz asked for is not one). */
  throws: number;
  /** Calls whose error a last net of the core caught (answered with a typed error, but a bug). */
  caught: number;
  /** Calls that ended in the cancellation the fuzz asked for. */
  cancelled: number;
  milliseconds: number;
  callsPerSecond: number;
  /** The slowest call and what its payload was. */
  slowest: { milliseconds: number; mutations: string[] };
  /** The first findings (at most `keepFindings`). */
  findings: FuzzFinding[];
}

export interface FuzzOptions {
  seed: number;
  /** Mutated payloads per method. */
  count: number;
  /** Findings kept per method (default 5). */
  keepFindings?: number;
  /** Shrink each kept finding to a smaller payload that throws the same way (default false). */
  shrink?: boolean;
  /** Clock in milliseconds (default Date.now). */
  now?: () => number;
  /** First case number (default 0): a run picks up after a case that hung. */
  start?: number;
  /** Told each case number before its call, with the report so far (a watchdog names the case that hangs and keeps the counts). */
  onCase?: (index: number, report: Readonly<MethodReport>) => void;
}

/** The cancellation a cooperation throws (the shape of shared/protocol's CoreError 'cancelled', which the core cannot import). */
export class FuzzCancelled extends Error {
  readonly code = 'cancelled';
  constructor() {
    super('cancelled');
    this.name = 'CoreError';
  }
}

function isCancellation(error: unknown): boolean {
  return error instanceof FuzzCancelled;
}

function describeError(error: unknown): { error: string; at: string } {
  if (error instanceof Error) {
    const frame = (error.stack ?? '').split('\n').find((line) => line.trim().startsWith('at '));
    return { error: `${error.name}: ${error.message}`, at: frame?.trim().replace(/^at /, '') ?? '' };
  }
  return { error: `non-Error thrown: ${showValue(error, 80)}`, at: '' };
}

/** 32-bit FNV-1a of a method name, so each method draws its own stream from one seed. */
function hashName(name: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < name.length; i++) hash = Math.imul(hash ^ name.charCodeAt(i), 0x01000193) >>> 0;
  return hash;
}

/** The generator of case `index` of `method` under `seed`: every case can be rebuilt alone. */
function caseRandom(seed: number, method: string, index: number): Random {
  const mix = createRandom((seed ^ hashName(method)) >>> 0);
  const base = Math.floor(mix() * 4294967296);
  return createRandom((base + Math.imul(index, 0x9e3779b9)) >>> 0);
}

/** Case `index` of `method` under `seed`: which example, how it was mutated, and the payload. */
export function fuzzCase(method: string, examples: readonly unknown[], dictionary: Dictionary, seed: number, index: number): { payload: unknown; mutations: string[]; random: Random } {
  const random = caseRandom(seed, method, index);
  const exampleIndex = Math.floor(random() * examples.length);
  const { payload, mutations } = mutatePayload(examples[exampleIndex], random, dictionary);
  return { payload, mutations: [`example ${exampleIndex}`, ...mutations], random };
}

type Outcome = { kind: 'ok' } | { kind: 'cancelled' } | { kind: 'threw'; error: unknown } | { kind: 'caught'; where: string; error: unknown };

/** One call as the worker makes it; a cooperation that cancels at checkpoint `cancelAt` (never when -1). */
async function callOnce(target: FuzzTarget, payload: unknown, cancelAt: number): Promise<Outcome> {
  let checkpoints = 0;
  const cooperation = {
    checkpoint(): Promise<void> {
      if (cancelAt >= 0 && checkpoints++ >= cancelAt) return Promise.reject(new FuzzCancelled());
      return Promise.resolve();
    },
  };
  let caught: { where: string; error: unknown } | undefined;
  const stopListening = onCaughtError((where, error) => (caught ??= { where, error }));
  try {
    const result = target(payload, cooperation);
    if (typeof result === 'object' && result !== null && typeof (result as { then?: unknown }).then === 'function') await result;
    return caught ? { kind: 'caught', ...caught } : { kind: 'ok' };
  } catch (error) {
    return isCancellation(error) ? { kind: 'cancelled' } : { kind: 'threw', error };
  } finally {
    stopListening();
  }
}

/**
 * Greedy shrinking: simplify the payload, then drop or simplify its fields and items, while the
 * call still throws (or trips a net) at the same place `at` (the first stack frame).
 */
export async function shrinkPayload(target: FuzzTarget, payload: unknown, at: string, budget = 400): Promise<unknown> {
  let current = payload;
  let tries = 0;
  const throwsSame = async (candidate: unknown) => {
    tries++;
    const outcome = await callOnce(target, candidate, -1);
    return (outcome.kind === 'threw' || outcome.kind === 'caught') && describeError(outcome.error).at === at;
  };
  const simpler = [undefined, null, 0, 1, '', [], {}];
  // Breadth first, so a whole field goes before its parts; after a success the walk goes on from the same place.
  for (const candidate of simpler) {
    if (tries >= budget || typeof current !== 'object' || current === null) break;
    if (await throwsSame(candidate)) current = candidate;
  }
  let position = 0;
  let paths = listPaths(current);
  while (position < paths.length && tries < budget) {
    let simplified = false;
    for (const candidate of candidatesAt(current, paths[position]!, simpler)) {
      if (tries >= budget) break;
      if (await throwsSame(candidate)) {
        current = candidate;
        simplified = true;
        break;
      }
    }
    if (simplified) paths = listPaths(current);
    else position++;
  }
  return current;
}

function listPaths(root: unknown, limit = 300): (string | number)[][] {
  const paths: (string | number)[][] = [];
  const queue: { path: (string | number)[]; value: unknown }[] = [{ path: [], value: root }];
  const seen = new Set<unknown>();
  while (queue.length > 0 && paths.length < limit) {
    const { path, value } = queue.shift()!;
    if (path.length > 0) paths.push(path);
    if (typeof value === 'object' && value !== null) {
      if (seen.has(value)) continue;
      seen.add(value);
    }
    if (Array.isArray(value)) value.forEach((child, i) => queue.push({ path: [...path, i], value: child }));
    else if (typeof value === 'object' && value !== null && Object.getPrototypeOf(value) === Object.prototype) {
      for (const key of Object.keys(value)) queue.push({ path: [...path, key], value: (value as Record<string, unknown>)[key] });
    }
  }
  return paths;
}

/** The root with the node at `path` removed, then replaced by each simpler value (simpler than what is there). */
function candidatesAt(root: unknown, path: (string | number)[], simpler: unknown[]): unknown[] {
  const out: unknown[] = [];
  const edit = (change: (parent: Record<string | number, unknown>, key: string | number) => void) => {
    const copy = cloneTree(root);
    let parent = copy as Record<string | number, unknown>;
    for (const part of path.slice(0, -1)) parent = parent[part] as Record<string | number, unknown>;
    change(parent, path[path.length - 1]!);
    out.push(copy);
  };
  edit((parent, key) => (Array.isArray(parent) ? parent.splice(key as number, 1) : delete parent[key]));
  let node: unknown = root;
  for (const part of path) node = (node as Record<string | number, unknown>)[part];
  const isContainer = typeof node === 'object' && node !== null;
  // Only toward the front of the list, so shrinking ends.
  const rank = simpler.findIndex((value) => Object.is(value, node) || (Array.isArray(value) && Array.isArray(node) && node.length === 0));
  for (const value of rank >= 0 ? simpler.slice(0, rank) : simpler) {
    // a container may become a leaf; a leaf only becomes a simpler leaf
    if (!isContainer && typeof value === 'object' && value !== null) continue;
    edit((parent, key) => (parent[key] = Array.isArray(value) ? [] : typeof value === 'object' && value !== null ? {} : value));
  }
  return out;
}

/** Fuzzes one method: `count` mutated payloads of its examples. */
export async function fuzzMethod(method: string, target: FuzzTarget, examples: readonly unknown[], options: FuzzOptions, dictionary: Dictionary = buildDictionary(examples)): Promise<MethodReport> {
  if (examples.length === 0) throw new Error(`the fuzz has no example payload of ${method}; add some to FUZZ_EXAMPLES (shared/core/fuzz/examples.ts)`);
  const now = options.now ?? Date.now;
  const keep = options.keepFindings ?? 5;
  const report: MethodReport = { method, calls: 0, throws: 0, caught: 0, cancelled: 0, milliseconds: 0, callsPerSecond: 0, slowest: { milliseconds: 0, mutations: [] }, findings: [] };
  const started = now();
  for (let index = options.start ?? 0; index < options.count; index++) {
    report.milliseconds = now() - started;
    options.onCase?.(index, report);
    const { payload, mutations, random } = fuzzCase(method, examples, dictionary, options.seed, index);
    // One asynchronous call in eight is cancelled at an early checkpoint, as a caller would.
    const cancelAt = random() < 0.125 ? Math.floor(random() * 4) : -1;
    const before = now();
    const outcome = await callOnce(target, payload, cancelAt);
    const took = now() - before;
    report.calls++;
    if (took > report.slowest.milliseconds) report.slowest = { milliseconds: took, mutations };
    if (outcome.kind === 'cancelled') report.cancelled++;
    if (outcome.kind !== 'threw' && outcome.kind !== 'caught') continue;
    if (outcome.kind === 'threw') report.throws++;
    else report.caught++;
    if (report.findings.length >= keep) continue;
    const described = describeError(outcome.error);
    const error = outcome.kind === 'caught' ? `caught by the ${outcome.where} net: ${described.error}` : described.error;
    const at = described.at;
    const finding: FuzzFinding = { method, index, mutations, payload, error, at };
    // A payload the throw is already known from adds nothing: keep one finding per place.
    if (report.findings.some((known) => known.at === at && known.error === error)) continue;
    if (options.shrink) finding.minimal = await shrinkPayload(target, payload, at);
    report.findings.push(finding);
  }
  report.milliseconds = now() - started;
  report.callsPerSecond = report.milliseconds > 0 ? (report.calls * 1000) / report.milliseconds : report.calls;
  return report;
}

/** Fuzzes every method of the table on the core: `core[method]` with `table[method]`'s examples (the mutation dictionary draws on all of them). */
export async function fuzzCore(core: object, table: Readonly<Record<string, readonly unknown[]>>, options: FuzzOptions & { methods?: readonly string[] }): Promise<MethodReport[]> {
  const dictionary = buildDictionary(Object.values(table).flat());
  const methods = options.methods ?? Object.keys(table);
  const reports: MethodReport[] = [];
  for (const method of methods) {
    const fn = (core as Record<string, unknown>)[method];
    if (typeof fn !== 'function') throw new Error(`the core has no method ${method}`);
    const target: FuzzTarget = (payload, cooperation) => (fn as FuzzTarget).call(core, payload, cooperation);
    reports.push(await fuzzMethod(method, target, table[method] ?? [], options, dictionary));
  }
  return reports;
}
