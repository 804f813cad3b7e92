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
  ],
  invalid: [
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
      errors: [{ message: /src-renderer may import only types from shared\/core/ }],
    },
  ],
});
