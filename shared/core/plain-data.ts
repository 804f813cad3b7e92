/**
 * Whether a value can be written as JSON: JSON.stringify throws on a cycle or a bigint and
 * overflows the stack on very deep nesting, all of which structured clone (the worker's
 * transport) lets through. Returns what is wrong and where, e.g. `layers[0].type refers back
 * to a value that contains it`, or null for JSON data. Never throws.
 */
export function jsonDataProblem(value: unknown, maxDepth = 64): string | null {
  const containers: unknown[] = [];
  const where = (path: readonly (string | number)[]) =>
    path.length === 0 ? 'the value' : path.map((part, i) => (typeof part === 'number' ? `[${part}]` : i === 0 ? part : `.${part}`)).join('');
  const visit = (node: unknown, path: (string | number)[]): string | null => {
    if (typeof node === 'bigint') return `${where(path)} is a bigint (${node}n), not a number`;
    if (typeof node !== 'object' || node === null) return null;
    if (containers.includes(node)) return `${where(path)} refers back to a value that contains it`;
    if (containers.length >= maxDepth) return `${where(path)} is nested more than ${maxDepth} levels deep`;
    containers.push(node);
    try {
      if (Array.isArray(node)) {
        for (let i = 0; i < node.length; i++) {
          const problem = visit(node[i], [...path, i]);
          if (problem) return problem;
        }
      } else {
        for (const key of Object.keys(node)) {
          const problem = visit((node as Record<string, unknown>)[key], [...path, key]);
          if (problem) return problem;
        }
      }
      return null;
    } finally {
      containers.pop();
    }
  };
  return visit(value, []);
}
