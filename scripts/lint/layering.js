import path from 'node:path';
// @ts-check
/**
 * ESLint rule enforcing STYLE.md's import rules, in the manner of VS Code's
 * `code-layering` rule: folder names are the layers, and each layer lists what it may
 * import. A violation says which layer imported what, and what that layer may use.
 */

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
    name: 'shared/messages',
    dir: 'shared/messages',
    mayImport: ['shared/core', 'shared/protocol', 'shared/project', 'shared/messages'],
    typesOnlyFrom: ['shared/core', 'shared/protocol', 'shared/project'],
    packages: [],
    why: 'shared/messages phrases engine messages (codes with values) for the renderer and the CLI alike: it may use itself and only the types of shared/core, shared/protocol and shared/project, so the renderer runs no core code through it',
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

/**
 * The core modules the renderer may run, each with its reason; a value import of any other
 * path of shared/core from src-renderer fails. Everything else the renderer shows comes from
 * the core through lib/core-client. `scope` limits a module to part of the renderer.
 */
const rendererCoreModules = [
  {
    module: 'shared/core/index',
    scope: 'src-renderer/lib/core-client',
    why: 'the Web Worker adapter hosts the whole core off the UI thread in browser mode, the same core the Electron worker runs',
  },
  {
    module: 'shared/core/backprop/trace',
    why: "trace readers: the backprop view plays back a trace the core returned (a step's words, cells, operands and running sums) through the core's one reader of its columns, instead of a second copy of the index math",
  },
  {
    module: 'shared/core/overfitting/onset',
    why: "trace reader: the overfitting view plays a run back and reads the onset of overfitting at the shown epoch through the core's one reader of the onset changes the core returned",
  },
  { module: 'shared/core/random', why: 'the one seeded generator, behind the grids\' "random integers" fill (no number a student studies)' },
  { module: 'shared/core/network/spec', why: 'plain data: the layer types of the palette and the layer editor' },
  { module: 'shared/core/network/presets', why: 'plain data: the preset networks' },
  { module: 'shared/core/optim/presets', why: "plain data: the seed's optimizer problem (question 4)" },
  { module: 'shared/core/dense/presets', why: "plain data: the gradient-flow lab's presets (Q2c) and Telgarsky's sawtooth (Q2d)" },
  { module: 'shared/core/regression/presets', why: "plain data: the bias-variance and double-descent labs' starting cases" },
  { module: 'shared/core/backprop/examples', why: "plain data: the seed's backprop case (question 3) and the CLI example" },
  { module: 'shared/core/seed-facts', why: "plain data: the seed's headline figures on the start page's cards, checked against the core by its test" },
  {
    module: 'shared/core/numerals',
    why: "the one digit normalizer (Persian and Arabic-Indic digits, ٫, minus signs, bidi marks): the renderer's number fields read typed text exactly as the core's answer checker does",
  },
];

/** Layers that may use the core but must not hand its values on: a core value is imported from the core itself, so the list above stays the whole list. */
const noCoreValueReExport = ['shared/protocol', 'shared/project'];

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

/** @param {string} target @param {string} module */
function isModule(target, module) {
  return target === module || target === `${module}.ts` || target === `${module}.js`;
}

/** @param {any} node an export declaration: the names it exports as values */
function valueSpecifiers(node) {
  if (node.exportKind === 'type') return [];
  return node.specifiers.filter((/** @type {any} */ s) => s.exportKind !== 'type').map((/** @type {any} */ s) => s.local.name ?? s.local.value);
}

/** @type {import('eslint').Rule.RuleModule} */
export const layeringRule = {
  meta: {
    type: 'problem',
    docs: { description: "Enforce STYLE.md's layer import rules" },
    schema: [],
    messages: {
      layer: "Layering: {{from}} may not import '{{target}}'. {{why}}.",
      coreTypes: "Layering: {{from}} may import only types from '{{target}}'. {{why}}.",
      rendererCore:
        "Layering: src-renderer may import only types from '{{target}}'. Of shared/core it may run only {{allowed}} (each named with its reason in scripts/lint/layering.js); every other number comes from the core through lib/core-client.",
      rendererCoreScope: "Layering: '{{target}}' may be run only in {{scope}} ({{why}}).",
      reExport:
        "Layering: {{from}} may not re-export values of shared/core ({{names}} from '{{target}}'); import them from the core module where they are needed (types may be re-exported), so the core modules the renderer runs stay exactly those named in scripts/lint/layering.js.",
    },
  },
  create(context) {
    const file = path.relative(root, context.filename).split(path.sep).join('/');
    const layer = layerOf(file);
    if (!layer) return {};
    const guardsReExports = noCoreValueReExport.includes(layer.name);
    /** Value bindings imported from shared/core: local name → source (for `import { x } ...; export { x }`). */
    const coreValueImports = new Map();

    /** @param {string} source */
    function resolve(source) {
      return path.relative(root, path.resolve(path.dirname(context.filename), source)).split(path.sep).join('/');
    }
    /** @param {string} source */
    function isCoreSource(source) {
      return (source.startsWith('.') || source.startsWith('/')) && within(resolve(source), 'shared/core');
    }

    /** @param {import('estree').Node} node @param {string} source @param {boolean} typeOnly */
    function check(node, source, typeOnly) {
      if (source.startsWith('.') || source.startsWith('/')) {
        const target = resolve(source);
        const allowed = layer.mayImport.some((dir) => within(target, dir));
        if (!allowed) {
          context.report({ node, messageId: 'layer', data: { from: layer.name, target: source, why: layer.why } });
          return;
        }
        if (layer.typesOnlyFrom?.some((dir) => within(target, dir)) && !typeOnly && !isTestFile(file)) {
          context.report({ node, messageId: 'coreTypes', data: { from: layer.name, target: source, why: layer.why } });
          return;
        }
        if (layer.name === 'src-renderer' && within(target, 'shared/core') && !typeOnly) {
          const named = rendererCoreModules.find((entry) => isModule(target, entry.module));
          if (!named) {
            const allowedList = rendererCoreModules.map((entry) => (entry.scope ? `${entry.module} in ${entry.scope}` : entry.module)).join(', ');
            context.report({ node, messageId: 'rendererCore', data: { target: source, allowed: allowedList } });
          } else if (named.scope && !within(file, named.scope)) {
            context.report({ node, messageId: 'rendererCoreScope', data: { target: source, scope: named.scope, why: named.why } });
          }
        }
        return;
      }
      if (!packageAllowed(source, layer.packages) && !(isTestFile(file) && packageAllowed(source, testPackages))) {
        context.report({ node, messageId: 'layer', data: { from: layer.name, target: source, why: layer.why } });
      }
    }

    /** @param {import('estree').Node} node @param {string[]} names @param {string} source */
    function reportReExport(node, names, source) {
      context.report({ node, messageId: 'reExport', data: { from: layer.name, names: names.join(', '), target: source } });
    }

    return {
      ImportDeclaration(node) {
        const typeOnly =
          /** @type {any} */ (node).importKind === 'type' ||
          (node.specifiers.length > 0 && node.specifiers.every((s) => /** @type {any} */ (s).importKind === 'type'));
        const source = String(node.source.value);
        check(node, source, typeOnly);
        if (guardsReExports && !typeOnly && isCoreSource(source)) {
          for (const specifier of node.specifiers) if (/** @type {any} */ (specifier).importKind !== 'type') coreValueImports.set(specifier.local.name, source);
        }
      },
      ExportNamedDeclaration(node) {
        const values = valueSpecifiers(node);
        if (node.source) {
          const source = String(node.source.value);
          check(node, source, values.length === 0);
          if (guardsReExports && values.length > 0 && isCoreSource(source)) reportReExport(node, values, source);
          return;
        }
        if (!guardsReExports) return;
        const reExported = values.filter((name) => coreValueImports.has(name));
        if (reExported.length > 0) reportReExport(node, reExported, coreValueImports.get(reExported[0]));
      },
      ExportAllDeclaration(node) {
        const source = String(node.source.value);
        const typeOnly = /** @type {any} */ (node).exportKind === 'type';
        check(node, source, typeOnly);
        if (guardsReExports && !typeOnly && isCoreSource(source)) reportReExport(node, ['*'], source);
      },
      ExportDefaultDeclaration(node) {
        const declaration = node.declaration;
        if (guardsReExports && declaration.type === 'Identifier' && coreValueImports.has(declaration.name)) {
          reportReExport(node, [declaration.name], coreValueImports.get(declaration.name));
        }
      },
      ImportExpression(node) {
        if (node.source.type === 'Literal' && typeof node.source.value === 'string') check(node, node.source.value, false);
      },
    };
  },
};
