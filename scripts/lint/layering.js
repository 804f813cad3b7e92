// @ts-check
/**
 * ESLint rule enforcing STYLE.md's import rules, in the manner of VS Code's
 * `code-layering` rule: folder names are the layers, and each layer lists what it may
 * import. A violation says which layer imported what, and what that layer may use.
 */
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..', '..');

/** Layers in match order (most specific first). */
const layers = [
  {
    name: 'shared/core',
    dir: 'shared/core',
    mayImport: ['shared/core'],
    packages: [],
    why: 'the numeric core is pure TypeScript that runs the same in the worker, the browser and tests: it imports nothing outside shared/core',
  },
  {
    name: 'shared/protocol',
    dir: 'shared/protocol',
    mayImport: ['shared/core', 'shared/protocol'],
    packages: ['zod'],
    why: 'shared/protocol holds messages and schemas: it may use shared/core and zod only',
  },
  {
    name: 'shared/project',
    dir: 'shared/project',
    mayImport: ['shared/core', 'shared/protocol', 'shared/project'],
    packages: ['zod'],
    why: 'shared/project holds the file format: it may use shared/core, shared/protocol and zod only',
  },
  {
    name: 'src-main',
    dir: 'src-main',
    mayImport: ['shared', 'src-main'],
    packages: ['electron', 'node:*', 'zod'],
    why: 'the main process may use shared/, electron, node:* and zod, never src-renderer',
  },
  {
    name: 'src-renderer',
    dir: 'src-renderer',
    mayImport: ['shared', 'src-renderer'],
    packages: ['svelte', 'svelte/*', 'd3', 'd3-*', 'katex', 'katex/*', 'zod'],
    why: 'the renderer may use shared/, svelte, d3, katex and zod; never src-main, electron or node:* (it reaches the core only through lib/core-client)',
  },
];

/** Inside src-renderer, only lib/core-client may import runtime values of shared/core (e.g. to host it in a Web Worker). */
const rendererCoreValueAllowed = ['src-renderer/lib/core-client'];
/**
 * What the renderer may read directly: plain data (layer type lists, preset networks) and the
 * seeded generator behind the grids' "random integers" fill (no numbers a student studies).
 */
const rendererCoreDataModules = ['shared/core/network/spec', 'shared/core/network/presets', 'shared/core/random'];

/**
 * Tests sit next to the code (STYLE habit 5) and run in Node: besides their layer's own
 * imports they may use the test tools and the independent oracles.
 */
const testPackages = ['vitest', 'fast-check', '@tensorflow/*', 'mathjs', 'ml-matrix', 'node:*'];

/** @param {string} rel */
function isTestFile(rel) {
  return /\.(test|property\.test|test-helper)\.ts$/.test(rel);
}

/** @param {string} rel */
function layerOf(rel) {
  return layers.find((layer) => rel === layer.dir || rel.startsWith(`${layer.dir}/`));
}

/** @param {string} spec @param {string[]} patterns */
function packageAllowed(spec, patterns) {
  return patterns.some((pattern) =>
    pattern.endsWith('*') ? spec.startsWith(pattern.slice(0, -1)) : spec === pattern || spec.startsWith(`${pattern}/`),
  );
}

/** @param {string} rel @param {string} dir */
function within(rel, dir) {
  return rel === dir || rel.startsWith(`${dir}/`) || rel.startsWith(`${dir}.`);
}

/** @type {import('eslint').Rule.RuleModule} */
export const layeringRule = {
  meta: {
    type: 'problem',
    docs: { description: "Enforce STYLE.md's layer import rules" },
    schema: [],
    messages: {
      layer: "Layering: {{from}} may not import '{{target}}'. {{why}}.",
      rendererCore:
        "Layering: src-renderer may import only types from shared/core (here '{{target}}'); numbers come from the core through lib/core-client.",
    },
  },
  create(context) {
    const file = path.relative(root, context.filename).split(path.sep).join('/');
    const layer = layerOf(file);
    if (!layer) return {};

    /** @param {import('estree').Node} node @param {string} source @param {boolean} typeOnly */
    function check(node, source, typeOnly) {
      if (source.startsWith('.') || source.startsWith('/')) {
        const target = path.relative(root, path.resolve(path.dirname(context.filename), source)).split(path.sep).join('/');
        const allowed = layer.mayImport.some((dir) => within(target, dir));
        if (!allowed) {
          context.report({ node, messageId: 'layer', data: { from: layer.name, target: source, why: layer.why } });
          return;
        }
        if (
          layer.name === 'src-renderer' &&
          within(target, 'shared/core') &&
          !typeOnly &&
          !rendererCoreValueAllowed.some((dir) => within(file, dir)) &&
          !rendererCoreDataModules.some((mod) => target === mod || target === `${mod}.ts`)
        ) {
          context.report({ node, messageId: 'rendererCore', data: { target: source } });
        }
        return;
      }
      if (!packageAllowed(source, layer.packages) && !(isTestFile(file) && packageAllowed(source, testPackages))) {
        context.report({ node, messageId: 'layer', data: { from: layer.name, target: source, why: layer.why } });
      }
    }

    return {
      ImportDeclaration(node) {
        const typeOnly =
          /** @type {any} */ (node).importKind === 'type' ||
          (node.specifiers.length > 0 && node.specifiers.every((s) => /** @type {any} */ (s).importKind === 'type'));
        check(node, String(node.source.value), typeOnly);
      },
      ExportNamedDeclaration(node) {
        if (node.source) check(node, String(node.source.value), /** @type {any} */ (node).exportKind === 'type');
      },
      ExportAllDeclaration(node) {
        check(node, String(node.source.value), /** @type {any} */ (node).exportKind === 'type');
      },
      ImportExpression(node) {
        if (node.source.type === 'Literal' && typeof node.source.value === 'string') check(node, node.source.value, false);
      },
    };
  },
};
