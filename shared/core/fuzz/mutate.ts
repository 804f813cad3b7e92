/**
 * Payload mutation for the core's fuzz (`npm run fuzz`, shared/core/fuzz/fuzz.test.ts): start
 * from a valid payload and break it the ways a file, a stale project or a buggy caller could
 * (a field dropped, replaced by null / NaN / a huge number / text / an array, a type swapped,
 * a piece of another payload grafted in, a deep path changed). Every choice comes from the
 * project's seeded generator, so a seed and a case number give the same payload everywhere.
 *
 * Values are limited to what could reach the core at all: what structured clone carries
 * (JSON, undefined, NaN, ±Infinity, -0, bigint, holes, dates, typed arrays, maps).
 */

export type Random = () => number;
export type PathPart = string | number;

/** Junk a schema would refuse: each is tried where any value was. */
function junkValues(): unknown[] {
  return [
    null,
    undefined,
    Number.NaN,
    Infinity,
    -Infinity,
    0,
    -0,
    -1,
    1,
    0.5,
    -2.5,
    1e9,
    -1e9,
    2 ** 31,
    2 ** 53,
    Number.MAX_VALUE,
    Number.MIN_VALUE,
    '',
    'x',
    '1',
    '3x3',
    'NaN',
    '__proto__',
    'constructor',
    'toString',
    'hasOwnProperty',
    '\u0000',
    '۱۲',
    'a'.repeat(20_000),
    true,
    false,
    [],
    {},
    [null],
    [[]],
    [1, 2],
    [1, 2, 3, 4, 5],
    { a: 1 },
    // eslint-disable-next-line no-sparse-arrays -- holes survive structured clone
    [, 1],
    10n,
    new Date(0),
    new Uint8Array(3),
    new Map([['a', 1]]),
    nested(3000),
  ];
}

/** [[[...]]] `depth` deep: recursion without a limit overflows the stack on it. */
function nested(depth: number): unknown {
  let value: unknown = [1];
  for (let i = 0; i < depth; i++) value = [value];
  return value;
}

const JUNK = junkValues();
/** Names of Object.prototype members: lookups by a field's value must not find them. */
const PROTOTYPE_KEYS = ['__proto__', 'constructor', 'toString', 'valueOf', 'hasOwnProperty'];

const pick = <T>(random: Random, items: readonly T[]): T => items[Math.floor(random() * items.length)]!;

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value) && Object.getPrototypeOf(value) === Object.prototype;

/** A copy of the JSON-like tree (plain objects and arrays, holes and cycles kept); other values are shared. */
export function cloneTree<T>(value: T, copies = new Map<unknown, unknown>()): T {
  if (copies.has(value)) return copies.get(value) as T;
  if (Array.isArray(value)) {
    const copy = new Array(value.length);
    copies.set(value, copy);
    for (let i = 0; i < value.length; i++) if (i in value) copy[i] = cloneTree(value[i], copies);
    return copy as T;
  }
  if (isPlainObject(value)) {
    const copy: Record<string, unknown> = {};
    copies.set(value, copy);
    // defineProperty: a "__proto__" key stays an own field, as JSON.parse makes it
    for (const key of Object.keys(value)) Object.defineProperty(copy, key, { value: cloneTree(value[key], copies), enumerable: true, writable: true, configurable: true });
    return copy as T;
  }
  return value;
}

/** Everything the examples contain, to graft and to draw names from. */
export interface Dictionary {
  /** Subtrees of every example (small ones), grafted in place of a value. */
  subtrees: unknown[];
  strings: string[];
  keys: string[];
}

/** Subtrees larger than this are not grafted: a preset network in place of a kernel is not more telling than a small one, only slower. */
const MAX_GRAFT_NODES = 80;

function countNodes(value: unknown, limit: number): number {
  let count = 0;
  const stack = [value];
  while (stack.length > 0 && count <= limit) {
    const node = stack.pop();
    count++;
    if (Array.isArray(node)) stack.push(...node);
    else if (isPlainObject(node)) stack.push(...Object.values(node));
  }
  return count;
}

export function buildDictionary(examples: readonly unknown[]): Dictionary {
  const subtrees: unknown[] = [];
  const strings = new Set<string>();
  const keys = new Set<string>();
  const visit = (value: unknown) => {
    if (countNodes(value, MAX_GRAFT_NODES) <= MAX_GRAFT_NODES) subtrees.push(value);
    if (typeof value === 'string') strings.add(value);
    if (Array.isArray(value)) value.forEach(visit);
    else if (isPlainObject(value)) {
      for (const [key, child] of Object.entries(value)) {
        keys.add(key);
        visit(child);
      }
    }
  };
  examples.forEach(visit);
  return { subtrees, strings: [...strings], keys: [...keys] };
}

interface Node {
  path: PathPart[];
  value: unknown;
}

/** Nodes of the tree, breadth first (at most `limit`, so a long array costs no more than a short one). */
function nodesOf(root: unknown, limit = 2000): Node[] {
  const nodes: Node[] = [{ path: [], value: root }];
  const seen = new Set<unknown>();
  for (let i = 0; i < nodes.length && nodes.length < limit; i++) {
    const { path, value } = nodes[i]!;
    if (typeof value === 'object' && value !== null) {
      if (seen.has(value)) continue;
      seen.add(value);
    }
    if (Array.isArray(value)) {
      for (let k = 0; k < value.length && nodes.length < limit; k++) nodes.push({ path: [...path, k], value: value[k] });
    } else if (isPlainObject(value)) {
      for (const key of Object.keys(value)) if (nodes.length < limit) nodes.push({ path: [...path, key], value: value[key] });
    }
  }
  return nodes;
}

/** `problem.data.rows[1][0]` */
export function formatPath(path: readonly PathPart[]): string {
  if (path.length === 0) return 'payload';
  return path.map((part, i) => (typeof part === 'number' ? `[${part}]` : /^[A-Za-z_$][\w$]*$/.test(part) ? `${i === 0 ? '' : '.'}${part}` : `[${JSON.stringify(part)}]`)).join('');
}

/** A value in a line: NaN, undefined, 10n and holes as written in JavaScript; long text and deep trees cut. */
export function showValue(value: unknown, budget = 120): string {
  const out: string[] = [];
  let used = 0;
  const write = (text: string) => {
    out.push(text);
    used += text.length;
  };
  const open = new Set<unknown>();
  const show = (node: unknown, depth: number): void => {
    if (used > budget) return write('…');
    if (open.has(node)) return write('<cycle>');
    if (node === undefined) return write('undefined');
    if (typeof node === 'number') return write(Object.is(node, -0) ? '-0' : String(node));
    if (typeof node === 'bigint') return write(`${node}n`);
    if (typeof node === 'string') return write(node.length > 40 ? `${JSON.stringify(node.slice(0, 12))}… (${node.length} characters)` : JSON.stringify(node));
    if (node === null || typeof node === 'boolean') return write(String(node));
    if (node instanceof Date) return write(`Date(${node.getTime()})`);
    if (ArrayBuffer.isView(node)) return write(`${node.constructor.name}(${(node as unknown as ArrayLike<number>).length})`);
    if (node instanceof Map) return write(`Map(${node.size})`);
    if (depth > 6) return write(Array.isArray(node) ? '[…]' : '{…}');
    open.add(node);
    try {
      showContainer(node, depth);
    } finally {
      open.delete(node);
    }
  };
  const showContainer = (node: unknown, depth: number): void => {
    if (Array.isArray(node)) {
      write('[');
      for (let i = 0; i < node.length; i++) {
        if (i > 0) write(', ');
        if (used > budget) return write(`… ${node.length} items]`);
        if (i in node) show(node[i], depth + 1);
        else write('<hole>');
      }
      return write(']');
    }
    if (typeof node === 'object' && node !== null) {
      write('{');
      const keys = Object.keys(node);
      for (let i = 0; i < keys.length; i++) {
        if (i > 0) write(', ');
        if (used > budget) {
          write(`… ${keys.length} fields`);
          break;
        }
        const key = keys[i]!;
        write(`${/^[A-Za-z_$][\w$]*$/.test(key) ? key : JSON.stringify(key)}: `);
        show((node as Record<string, unknown>)[key], depth + 1);
      }
      return write('}');
    }
    return write(String(node));
  };
  show(value, 0);
  const text = out.join('');
  return text.length > budget + 40 ? `${text.slice(0, budget)}…` : text;
}

function setAt(root: unknown, path: readonly PathPart[], value: unknown): unknown {
  if (path.length === 0) return value;
  const parent = getAt(root, path.slice(0, -1)) as Record<PathPart, unknown>;
  parent[path[path.length - 1]!] = value;
  return root;
}

function getAt(root: unknown, path: readonly PathPart[]): unknown {
  let node = root;
  for (const part of path) node = (node as Record<PathPart, unknown>)[part];
  return node;
}

function deleteAt(root: unknown, path: readonly PathPart[]): unknown {
  const parent = getAt(root, path.slice(0, -1));
  const last = path[path.length - 1]!;
  if (Array.isArray(parent) && typeof last === 'number') parent.splice(last, 1);
  else delete (parent as Record<PathPart, unknown>)[last];
  return root;
}

/** A replacement for a number: its neighbours, its negation and its scalings (the sizes stay ones the core must refuse or handle, not ones it must compute for minutes). */
function tweakNumber(random: Random, value: number): number {
  return pick(random, [value + 1, value - 1, -value, value * 2, value * 1000, value / 2, value + 0.5, 0, value * 1e6, Math.trunc(value / 3)]);
}

function tweakString(random: Random, value: string, dictionary: Dictionary): unknown {
  return pick(random, ['', value + value, value.slice(1), value.toUpperCase(), ` ${value}`, `${value}\n`, pick(random, dictionary.strings), pick(random, PROTOTYPE_KEYS), Number(value)]);
}

function tweakArray(random: Random, value: unknown[]): unknown {
  const last = value[value.length - 1];
  const grown = Array.from({ length: Math.min(64, Math.max(4, value.length * 4)) }, (_, i) => cloneTree(value[i % Math.max(1, value.length)]));
  return pick(random, [[], value.slice(1), value.slice(0, -1), [...value, cloneTree(last)], [...value].reverse(), [value], value[0], grown, { ...value }]);
}

function tweakObject(random: Random, value: Record<string, unknown>, dictionary: Dictionary): unknown {
  const copy = cloneTree(value);
  const key = pick(random, [...dictionary.keys, ...PROTOTYPE_KEYS, 'unknown_field']);
  Object.defineProperty(copy, key, { value: cloneTree(pick(random, [...JUNK, ...dictionary.subtrees])), enumerable: true, writable: true, configurable: true });
  return pick(random, [copy, Object.values(value), {}, [value]]);
}

/** Another type holding the same thing: 3 → "3", "3" → 3, [a, b] → {0: a, 1: b}, {a: 1} → [1], true → 1. */
function swapType(random: Random, value: unknown): unknown {
  if (typeof value === 'number') return pick(random, [String(value), [value], value !== 0, { value }]);
  if (typeof value === 'string') return pick(random, [Number(value), value.length, [value], value === '' ? null : value.split('')]);
  if (typeof value === 'boolean') return pick(random, [String(value), Number(value), [value]]);
  if (Array.isArray(value)) return pick(random, [{ ...value }, value.length, String(value), value.join(',')]);
  if (isPlainObject(value)) return pick(random, [Object.values(value), Object.keys(value), showValue(value, 200)]);
  return pick(random, [{}, [], '', 0]);
}

/** One mutation of the tree at a random node; returns the new root and what was done. */
function mutateOnce(root: unknown, random: Random, dictionary: Dictionary): { root: unknown; description: string } {
  const nodes = nodesOf(root);
  // Leaves and inner nodes alike: the first node is the payload itself.
  const { path, value } = pick(random, nodes);
  const where = formatPath(path);
  const roll = random();
  if (path.length > 0 && roll < 0.15) return { root: deleteAt(root, path), description: `delete ${where}` };
  if (path.length > 0 && roll < 0.18) {
    // A cycle (structured clone carries them): the node becomes one of its ancestors.
    const depth = Math.floor(random() * path.length);
    return { root: setAt(root, path, getAt(root, path.slice(0, depth))), description: `${where} ← ${formatPath(path.slice(0, depth))} (a cycle)` };
  }
  let replacement: unknown;
  let how: string;
  if (roll < 0.45) {
    replacement = cloneTree(pick(random, JUNK));
    how = 'junk';
  } else if (roll < 0.7) {
    if (typeof value === 'number') replacement = tweakNumber(random, value);
    else if (typeof value === 'string') replacement = tweakString(random, value, dictionary);
    else if (typeof value === 'boolean') replacement = !value;
    else if (Array.isArray(value)) replacement = tweakArray(random, value);
    else if (isPlainObject(value)) replacement = tweakObject(random, value, dictionary);
    else replacement = cloneTree(pick(random, JUNK));
    how = 'tweak';
  } else if (roll < 0.85) {
    replacement = swapType(random, value);
    how = 'type swap';
  } else {
    replacement = cloneTree(pick(random, dictionary.subtrees));
    how = 'graft';
  }
  return { root: setAt(root, path, replacement), description: `${where} ← ${showValue(replacement, 60)} (${how})` };
}

/**
 * A mutated copy of `example`: usually one to three mutations at random paths (deeper
 * changes build on earlier ones), sometimes the whole payload replaced. `mutations` says what
 * was done, in order, for the report.
 */
export function mutatePayload(example: unknown, random: Random, dictionary: Dictionary): { payload: unknown; mutations: string[] } {
  const roll = random();
  if (roll < 0.02) return { payload: cloneTree(example), mutations: ['(the example as it is)'] };
  if (roll < 0.05) {
    // No payload at all is the commonest junk of a buggy caller, so it gets a third of these.
    const kind = random();
    const payload = cloneTree(kind < 1 / 3 ? pick(random, [null, undefined]) : kind < 2 / 3 ? pick(random, JUNK) : pick(random, dictionary.subtrees));
    return { payload, mutations: [`payload ← ${showValue(payload, 60)}`] };
  }
  let root = cloneTree(example);
  const mutations: string[] = [];
  let count = 1;
  while (count < 6 && random() < 0.45) count++;
  for (let i = 0; i < count; i++) {
    const next = mutateOnce(root, random, dictionary);
    root = next.root;
    mutations.push(next.description);
  }
  return { payload: root, mutations };
}
