import path from 'node:path';
import { RuleTester } from 'eslint';
import tseslint from 'typescript-eslint';
import { afterAll, describe, it } from 'vitest';
// @ts-expect-error -- plain JS module without declarations
import { layeringRule } from '../../scripts/lint/layering.js';

// Let RuleTester report through vitest (its static hooks are missing from ESLint's types).
Object.assign(RuleTester, { afterAll, describe, it });

const root = path.resolve(import.meta.dirname, '..', '..');
const at = (rel: string) => path.join(root, rel);
const tester = new RuleTester({ languageOptions: { parser: tseslint.parser, ecmaVersion: 2022, sourceType: 'module' } });

tester.run('layering', layeringRule, {
  valid: [
    { filename: at('shared/core/network/summarize.ts'), code: "import { x } from './geometry';" },
    { filename: at('shared/protocol/dispatch.ts'), code: "import { z } from 'zod'; import type { CoreApi } from '../core/index';" },
    { filename: at('src-main/main.ts'), code: "import { app } from 'electron'; import fs from 'node:fs'; import { createCore } from '../shared/core/index';" },
    { filename: at('src-renderer/views/network/NetworkView.svelte.ts'), code: "import type { NetworkSummary } from '../../../shared/core/network/info';" },
    { filename: at('src-renderer/views/network/Palette.ts'), code: "import { LAYER_TYPES } from '../../../shared/core/network/spec';" },
    { filename: at('src-renderer/lib/core-client/core.worker.ts'), code: "import { createCore } from '../../../shared/core/index';" },
    { filename: at('src-renderer/lib/viz/diagram.ts'), code: "import * as d3 from 'd3'; import katex from 'katex';" },
    { filename: at('shared/core/network/summarize.test.ts'), code: "import { it } from 'vitest'; import fc from 'fast-check'; import * as tf from '@tensorflow/tfjs-core';" },
    // protocol and project may use core values and hand on core types, never core values
    { filename: at('shared/protocol/backprop-schema.ts'), code: "import { checkCase } from '../core/backprop/case'; export function parse(value: unknown) { return checkCase(value); }" },
    { filename: at('shared/protocol/x.ts'), code: "export type { Step } from '../core/backprop/types'; export { type TraceSource } from '../core/backprop/trace'; export type * from '../core/optim/problem';" },
    { filename: at('shared/protocol/x.ts'), code: "import { type Step } from '../core/backprop/types'; export type { Step };" },
    { filename: at('shared/project/index.ts'), code: "export * from './project'; export * from './migrate';" },
    // the core modules the renderer may run, each named in the rule
    { filename: at('src-renderer/lib/state/backprop.svelte.ts'), code: "import { stepOfCell, stepOperands, traceStep } from '../../../shared/core/backprop/trace';" },
    { filename: at('src-renderer/lib/state/backprop.svelte.ts'), code: "import { createRandom } from '../../../shared/core/random';" },
    { filename: at('src-renderer/views/backprop/BackpropView.ts'), code: "import { BACKPROP_CLI_EXAMPLE, SEED_BACKPROP_CASE } from '../../../shared/core/backprop/examples';" },
    { filename: at('src-renderer/lib/state/optimizer.svelte.ts'), code: "import { SEED_OPTIMIZE_PROBLEM } from '../../../shared/core/optim/presets';" },
    { filename: at('src-renderer/lib/state/builder.svelte.ts'), code: "import { PRESETS } from '../../../shared/core/network/presets.ts';" },
    // shared/messages phrases codes for the renderer and the CLI: core types only (its tests may run the core)
    { filename: at('shared/messages/layer-issues.ts'), code: "import type { LayerIssueCode } from '../core/network/issues'; import { fill } from './phrase';" },
    { filename: at('shared/messages/layer-issues.test.ts'), code: "import { LAYER_ISSUE_CODES } from '../core/network/issues';" },
    { filename: at('src-renderer/lib/i18n/engine-messages.ts'), code: "import { phraseLayerIssue } from '../../../shared/messages/index';" },
    { filename: at('src-main/cli/commands.ts'), code: "import { phraseLayerIssue } from '../../shared/messages/index';" },
  ],
  invalid: [
    {
      filename: at('shared/messages/layer-issues.ts'),
      code: "import { LAYER_ISSUE_CODES } from '../core/network/issues';",
      errors: [{ message: /shared\/messages may import only types from '\.\.\/core\/network\/issues'/ }],
    },
    {
      filename: at('shared/messages/layer-issues.ts'),
      code: "import { z } from 'zod'; import { CHANNELS } from '../protocol/channels';",
      errors: [{ message: /shared\/messages may not import 'zod'/ }, { message: /shared\/messages may import only types from '\.\.\/protocol\/channels'/ }],
    },
    {
      filename: at('shared/core/network/summarize.ts'),
      code: "import { z } from 'zod';",
      errors: [{ message: /Layering: shared\/core may not import 'zod'\. the numeric core is pure TypeScript/ }],
    },
    {
      filename: at('shared/core/network/summarize.ts'),
      code: "import { parseNetworkSpec } from '../../protocol/network-schema';",
      errors: [{ message: /shared\/core may not import '\.\.\/\.\.\/protocol\/network-schema'/ }],
    },
    {
      filename: at('shared/core/network/summarize.ts'),
      code: "import { it } from 'vitest';",
      errors: [{ message: /shared\/core may not import 'vitest'/ }],
    },
    {
      filename: at('shared/protocol/x.ts'),
      code: "import fs from 'node:fs';",
      errors: [{ message: /shared\/protocol may not import 'node:fs'/ }],
    },
    {
      filename: at('src-renderer/App.svelte.ts'),
      code: "import { ipcRenderer } from 'electron';",
      errors: [{ message: /src-renderer may not import 'electron'.*never src-main, electron or node:\*/ }],
    },
    {
      filename: at('src-renderer/App.ts'),
      code: "import { supervisor } from '../src-main/worker/supervisor';",
      errors: [{ message: /src-renderer may not import '\.\.\/src-main\/worker\/supervisor'/ }],
    },
    {
      filename: at('src-main/main.ts'),
      code: "export { x } from '../src-renderer/lib/state/project.svelte';",
      errors: [{ message: /src-main may not import/ }],
    },
    {
      filename: at('src-renderer/views/network/NetworkView.ts'),
      code: "import { summarizeNetwork } from '../../../shared/core/network/summarize';",
      errors: [{ message: /^Layering: src-renderer may import only types from '\.\.\/\.\.\/\.\.\/shared\/core\/network\/summarize'\. Of shared\/core it may run only / }],
    },
    {
      // no re-export of core values through protocol: the hole backprop-trace.ts was
      filename: at('shared/protocol/backprop-trace.ts'),
      code: "export { stepOfCell, stepOperands, traceStep, type TraceSource } from '../core/backprop/trace';",
      errors: [{ message: /^Layering: shared\/protocol may not re-export values of shared\/core \(stepOfCell, stepOperands, traceStep from '\.\.\/core\/backprop\/trace'\)/ }],
    },
    {
      filename: at('shared/protocol/optimize-schema.ts'),
      code: "export { SEED_OPTIMIZE_PROBLEM } from '../core/optim/presets';",
      errors: [{ message: /shared\/protocol may not re-export values of shared\/core \(SEED_OPTIMIZE_PROBLEM/ }],
    },
    {
      filename: at('shared/project/index.ts'),
      code: "export * from '../core/index';",
      errors: [{ message: /shared\/project may not re-export values of shared\/core \(\* from '\.\.\/core\/index'\)/ }],
    },
    {
      filename: at('shared/project/project.ts'),
      code: "import { SEED_NETWORK, type NetworkSpec } from '../core/network/presets'; export { SEED_NETWORK }; export default SEED_NETWORK;",
      errors: [{ message: /shared\/project may not re-export values of shared\/core \(SEED_NETWORK from/ }, { message: /may not re-export values of shared\/core \(SEED_NETWORK from/ }],
    },
    {
      // any other core path fails, and the message lists the ones the renderer may run
      filename: at('src-renderer/lib/state/backprop.svelte.ts'),
      code: "import { runBackprop } from '../../../shared/core/backprop/index';",
      errors: [{ message: /may import only types from '\.\.\/\.\.\/\.\.\/shared\/core\/backprop\/index'\. Of shared\/core it may run only shared\/core\/index in src-renderer\/lib\/core-client, shared\/core\/backprop\/trace, .*shared\/core\/random, / }],
    },
    {
      filename: at('src-renderer/lib/state/optimizer.svelte.ts'),
      code: "const run = import('../../../shared/core/optim/run');",
      errors: [{ message: /may import only types from '\.\.\/\.\.\/\.\.\/shared\/core\/optim\/run'/ }],
    },
    {
      filename: at('src-renderer/views/backprop/trace.ts'),
      code: "export { traceStep } from '../../../shared/core/backprop/index';",
      errors: [{ message: /Of shared\/core it may run only/ }],
    },
    {
      // lib/core-client may host the whole core, and nothing else of it
      filename: at('src-renderer/lib/core-client/core.worker.ts'),
      code: "import { summarizeNetwork } from '../../../shared/core/network/summarize';",
      errors: [{ message: /Of shared\/core it may run only/ }],
    },
    {
      filename: at('src-renderer/lib/state/project.svelte.ts'),
      code: "import { createCore } from '../../../shared/core/index';",
      errors: [{ message: /^Layering: '\.\.\/\.\.\/\.\.\/shared\/core\/index' may be run only in src-renderer\/lib\/core-client \(the Web Worker adapter hosts the whole core/ }],
    },
  ],
});
