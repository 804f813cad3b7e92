import { describe, expect, it } from 'vitest';
import { checkAnswersPayloadSchema, importCodePayloadSchema, solveSettingsPayloadSchema } from '../protocol/builder-schema';
import { gradientFlowPayloadSchema, overfittingExplainPayloadSchema } from '../protocol/dense-schema';
import { parseNetworkSpec } from '../protocol/network-schema';
import { DEFAULT_OVERFITTING_TOOL } from '../protocol/overfitting-schema';
import { biasVarianceCaseSchema, doubleDescentCaseSchema } from '../protocol/regression-schema';
import { describedIssue, SCHEMA_ISSUE_CODES, schemaIssuesOf, type SchemaIssue } from '../protocol/schema-issues';
import { LAYER_TYPES } from '../core/network/spec';
import { networkFromDocument, parseProjectData, type ProjectError } from '../project/project';
import { toolStatesSchema } from '../project/tools';
import { expectTranslated } from './book.test-helper';
import { plainWriter } from './phrase';
import { phraseProjectError } from './project-errors';
import { phraseSchemaIssue, schemaIssueBooks } from './schema-issues';

const conv = { type: 'conv2d', out_channels: 4, kernel: 3 };
/** Network specs the boundary refuses, reaching every spec code. */
const SPECS: unknown[] = [
  [1, 2],
  { input: 'x', layers: {}, extra: 1, more: 2 },
  { input: [3, 8, 8], layers: Array.from({ length: 10_001 }, () => ({ type: 'relu' })) },
  { input: [3, 8, 8], layers: [5, { type: 'bogus' }, { type: 'Conv2d' }, {}, { type: 'conv2d', out_channels: 2 }] },
  { input: [3, 8, 8], layers: [{ ...conv, kernal: 3 }, { ...conv, kernal: 3, strid: 2 }, { ...conv, bias: 'yes' }, { ...conv, stride: [1, 2, 3] }, { ...conv, out_channels: '4' }] },
];
const specIssues: SchemaIssue[] = SPECS.flatMap((value) => {
  const parsed = parseNetworkSpec(value);
  if (parsed.ok) throw new Error('a broken spec was accepted');
  return parsed.errors.map((error) => ({ path: [error.path], zodCode: 'custom', message: error.message, ...(error.code ? { coded: { family: 'schema' as const, code: error.code, values: error.values ?? {} } } : {}) }));
});

const { dataset: _dataset, ...withoutDataset } = DEFAULT_OVERFITTING_TOOL;
const overfitting = DEFAULT_OVERFITTING_TOOL;
const flowTool = { depth: 4, width: 8, activation: 'tanh', init: 'xavier_normal', seed: 1, batch: 16, steps: 10, lr: 0.1 };
const depthTool = {
  oneD: { source: 'sawtooth', k: 2, widths: [4], lo: 0, hi: 1 },
  twoD: { widths: [4] },
  init: 'he_normal',
  seed: 1,
  budget: { target: 'sawtooth', k: 2, formula: 'x', depth: 2, width: 8, epochs: 100, lr: 0.01 },
};
const bvTool = { truth: 'sin', domain: [0, 1], noise_std: 0.1, train_size: 20, resamples: 10, seed: 1, family: 'polynomial', degree: 3, ridge: 0, k: 3 };
const ddTool = { truth: 'sin', domain: [0, 1], noise_std: 0.1, train_size: 20, max_features: 40, seed: 1, ridge_on: false, ridge: 0, chosen: 10 };

/** Values each schema refuses, together reaching every code the schemas and zod can write. */
/** A schema, as far as the corpus needs one. */
type Refusing = { safeParse(value: unknown): { success: true } | { success: false; error: Parameters<typeof schemaIssuesOf>[0] } };
const REFUSED: [Refusing, unknown][] = [
  [toolStatesSchema, { overfitting: { ...overfitting, widths: [0, 200, 1.5], noise: -1, samples: 5, validation: 0.05, epochs: 5, lr: 0, seed: -1, dataset: 'spiral', activation: 'softplus', extra: 1 } }],
  [toolStatesSchema, { overfitting: { ...overfitting, widths: [], noise: 3, samples: 2000, validation: 0.95, epochs: 6000, lr: 2, seed: 2 ** 33, remedies: { ...overfitting.remedies, dropout: { on: 'yes', rate: 0.01 }, smaller: { on: true, widths: [1, 1, 1, 1, 1] } } } }],
  [toolStatesSchema, { overfitting: withoutDataset, answers: { layers: [{ output: 'x'.repeat(201) }] }, backprop: undefined, extra: true, other: 1 }],
  [toolStatesSchema, { gradientFlow: { ...flowTool, depth: 0.5, width: 1, batch: 0, steps: 0, lr: -1, std: Infinity, preset: 'none' } }],
  [toolStatesSchema, { gradientFlow: { ...flowTool, depth: 99, width: 9999, batch: 999, steps: 999, seed: 1.5 } }],
  [toolStatesSchema, { depth: { ...depthTool, oneD: { ...depthTool.oneD, k: 0.5, widths: [] }, twoD: { widths: [0.5, 99] }, seed: 2 ** 33 } }],
  [toolStatesSchema, { depth: { ...depthTool, oneD: { ...depthTool.oneD, k: 0, widths: [0, 9999, 1, 1, 1, 1, 1, 1, 1], lo: 1, hi: 0 }, twoD: { widths: [0, 1, 1, 1, 1, 1, 1, 1, 1, 1] } } }],
  [toolStatesSchema, { depth: { ...depthTool, oneD: { ...depthTool.oneD, k: 99, lo: Infinity, hi: -Infinity }, twoD: { widths: [] }, seed: -1, budget: { ...depthTool.budget, k: 9, formula: 'x'.repeat(201), width: 65, epochs: 5001 } } }],
  [toolStatesSchema, { biasVariance: { ...bvTool, truth: 3, domain: [1, 0], noise_std: -1, train_size: 0.5, family: 'tree', degree: 99, ridge: 'x', k: 0 } }],
  [toolStatesSchema, { biasVariance: { ...bvTool, truth: 'x'.repeat(1001), domain: [0, Infinity], seed: -1 }, doubleDescent: { ...ddTool, domain: 'x', ridge_on: 'no', chosen: 10_000 } }],
  [biasVarianceCaseSchema, { truth: 5, domain: [0, 'x'], noise_std: 'x', train_size: 1.5, model: { family: 'polynomial', degrees: [1, 'x', 2.5], ridge: 'x' }, datasets: [{ x: [1, 'x'], y: 3 }], test_targets: 'x' }],
  [biasVarianceCaseSchema, { truth: 'x'.repeat(1001), domain: 3, model: { family: 'tree' }, datasets: Array.from({ length: 201 }, () => ({ x: [], y: [] })), test_targets: Array.from({ length: 1001 }, () => 0) }],
  [biasVarianceCaseSchema, { truth: 'sin', model: { family: 'knn', ks: 3 }, datasets: 3 }],
  [doubleDescentCaseSchema, { truth: 'sin', features: Array.from({ length: 2001 }, () => 1), ridge: 'x', kernal: 1 }],
  [gradientFlowPayloadSchema, { case: {}, bins: 1 }],
  [gradientFlowPayloadSchema, { case: {}, bins: 201, extra: 1 }],
  [overfittingExplainPayloadSchema, { lab: {}, epoch: 1.5 }],
  [overfittingExplainPayloadSchema, { lab: {}, epoch: -1 }],
  [solveSettingsPayloadSchema, { input: 1.5, output: 2.5, maxKernel: 1.5, maxStride: 65 }],
  [importCodePayloadSchema, { language: 'jax', source: 'x'.repeat(1_000_001), defaultInput: [1, 2, 3, 4, 5, 6, 7, 8, 9] }],
  [toolStatesSchema, { depth: { ...depthTool, oneD: { ...depthTool.oneD, lo: 1, hi: 0 } } }],
  [checkAnswersPayloadSchema, { spec: { input: [1], layers: [] }, answers: { layers: [{ output: 'x'.repeat(201) }] } }],
  [toolStatesSchema, { gradientFlow: { ...flowTool, init: undefined } }],
];
const zodIssues: SchemaIssue[] = REFUSED.flatMap(([schema, value]) => {
  const parsed = schema.safeParse(value);
  if (parsed.success) throw new Error('a refused value was accepted');
  return schemaIssuesOf(parsed.error);
});
/** The project's own fields (its name), as the reader reports them. */
const projectIssues: SchemaIssue[] = ['', 'n'.repeat(201)].flatMap((name) => {
  const result = parseProjectData({ format: 'layerwise-project', version: 1, name, network: { input: [1], layers: [] } });
  return result.ok ? [] : (result.error.issues ?? []);
});
/** Unknown keys as the commands' lines write them (describeSchemaErrors). */
const describedIssues = zodIssues.filter((issue) => issue.zodCode === 'unrecognized_keys').map((issue) => describedIssue(issue).issue);
const issues = [...specIssues, ...zodIssues, ...projectIssues, ...describedIssues];
const schemaCoded = issues.filter((issue) => issue.coded?.family === 'schema');
const CODES = [...SCHEMA_ISSUE_CODES];
const en = plainWriter('en');
const fa = plainWriter('fa');

describe('schema refusals phrased from code and values', () => {
  it('the corpus reaches every code, and every refusal in it is data', () => {
    const reached = new Set(schemaCoded.map((issue) => (issue.coded as { code: string }).code));
    expect(CODES.filter((code) => !reached.has(code))).toEqual([]);
    expect(issues.filter((issue) => !issue.coded).map((issue) => issue.message)).toEqual([]);
  });

  it('English is word for word the schema message', () => {
    for (const issue of issues) expect(phraseSchemaIssue('en', issue, en), issue.message).toBe(issue.message);
  });

  it('Persian phrases every refusal in Persian; names, paths and the file\'s values stay as typed', () => {
    for (const issue of issues) {
      const text = phraseSchemaIssue('fa', issue, fa);
      expect(text, issue.message).toMatch(/[\u0600-\u06FF]/);
      expect(text, issue.message).not.toMatch(/\{\w+(:\w+)?\}/);
    }
    const byMessage = (message: string) => phraseSchemaIssue('fa', issues.find((issue) => issue.message === message)!, fa);
    const valid = LAYER_TYPES.join(', ');
    expect(byMessage(`layer 2: unknown type "bogus"; valid types are ${valid}`)).toBe(`لایهٔ ۲: نوع ناشناخته ("bogus")؛ نوع‌های معتبر: ${valid}`);
    expect(byMessage(`layer 4: unknown type nothing; valid types are ${valid}`)).toBe(`لایهٔ ۴: نوع ناشناخته (هیچ مقداری)؛ نوع‌های معتبر: ${valid}`);
    expect(byMessage('unknown field "kernal"')).toBe('فیلد ناشناخته: "kernal"');
    expect(byMessage('layer 5 (conv2d): kernel: is required')).toBe('لایهٔ ۵ (conv2d): kernel: لازم است');
    expect(byMessage('layer 2 (conv2d): unknown fields "kernal", "strid"')).toBe('لایهٔ ۲ (conv2d): فیلدهای ناشناخته: "kernal", "strid"');
    expect(byMessage('layer 3 (conv2d): bias: expected boolean')).toBe('لایهٔ ۳ (conv2d): bias: باید true یا false باشد');
    expect(byMessage('layers: 10001 layers is more than the limit of 10000')).toBe('layers: ۱۰۰۰۱ لایه از حد مجاز ۱۰۰۰۰ لایه بیشتر است');
    expect(byMessage('at most 1,000 points')).toBe('حداکثر ۱٬۰۰۰ نقطه مجاز است');
    expect(byMessage('the learning rate is above 0')).toBe('نرخ یادگیری باید بیشتر از ۰ باشد');
    expect(byMessage('a width is at most 16 in 2-D')).toBe('پهنای هر لایه در حالت دوبعدی باید حداکثر ۱۶ باشد');
    expect(byMessage('each entry of model.degrees must be a whole number')).toBe('هر عضو model.degrees باید عدد صحیح باشد');
    expect(byMessage('domain[1] must be a number')).toBe('domain[1] باید یک عدد باشد');
    expect(byMessage('Too small: expected number to be >=0')).toBe('خیلی کوچک است: عدد باید دست‌کم ۰ باشد');
    expect(byMessage('Unrecognized keys: "extra", "other"')).toBe('کلیدهای ناشناخته: "extra", "other"');
    expect(byMessage('Invalid input: expected boolean, received string')).toBe('ورودی نامعتبر: باید true یا false باشد، اما متن است');
  });

  it('a name goes through its own writer (the renderer isolates it)', () => {
    const issue = issues.find((candidate) => candidate.message === 'layer 5 (conv2d): kernel: is required')!;
    expect(phraseSchemaIssue('fa', issue, fa, (name) => `<${name}>`)).toBe('لایهٔ ۵ (<conv2d>): <kernel>: لازم است');
  });

  it('every code has both languages', () => {
    expectTranslated(schemaIssueBooks.en, schemaIssueBooks.fa, CODES);
  });
});

const project = { format: 'layerwise-project', version: 1, name: 'n', network: { input: [1, 4, 4], layers: [] } };
const refusedProject = (data: object): ProjectError => {
  const result = parseProjectData({ ...project, ...data });
  if (result.ok) throw new Error('a broken project opened');
  return result.error;
};

describe('a project refused for its content, phrased part by part', () => {
  const cases: ProjectError[] = [
    refusedProject({ tools: { backprop: { input: [[1, 2, 3], [1, 2]], filters: [[1]], stride: 0 } } }),
    refusedProject({ network: { input: [1, 4, 4], layers: [{ type: 'bogus' }, { type: 'conv2d', out_channels: 1 }] } }),
    refusedProject({ name: '', tools: { overfitting: { ...overfitting, noise: 5, seed: -1 }, gradientFlow: { ...flowTool, depth: 99 } } }),
  ];

  it('English is word for word the reader message; every part is data', () => {
    for (const error of cases) {
      expect(phraseProjectError('en', error, en)).toBe(error.message);
      expect(error.issues!.every((issue) => issue.coded)).toBe(true);
    }
  });

  it('Persian: the backprop case, the network and the tools\' settings in Persian, paths as typed', () => {
    const [backprop, network, tools] = cases.map((error) => phraseProjectError('fa', error, fa));
    expect(backprop).toBe('محتوای پرونده معتبر نیست: input[1]: سطر ۲ خانه دارد، اما باید ۳ تا داشته باشد؛ stride: باید عدد صحیحی ≥ ۱ (حداکثر ۶۴) یا [h, w] باشد، اما ۰ است');
    expect(network).toBe(`محتوای پرونده معتبر نیست: لایهٔ ۱: نوع ناشناخته ("bogus")؛ نوع‌های معتبر: ${LAYER_TYPES.join(', ')}؛ لایهٔ ۲ (conv2d): kernel: لازم است`);
    expect(tools).toBe('محتوای پرونده معتبر نیست: name: نام نباید خالی باشد؛ tools.overfitting.noise: نویز باید حداکثر ۲ باشد؛ tools.overfitting.seed: خیلی کوچک است: عدد باید دست‌کم ۰ باشد؛ tools.gradientFlow.depth: عمق باید حداکثر ۵۰ باشد');
  });

  it('a bare network spec the CLI reads keeps its refusals as data', () => {
    const refused = networkFromDocument({ input: [1, 4, 4], layers: [{ type: 'bogus' }] });
    expect(refused.ok).toBe(false);
    if (!refused.ok) {
      expect(refused.issues!.map((issue) => issue.message)).toEqual(refused.errors);
      expect(phraseSchemaIssue('fa', refused.issues![0]!, fa)).toMatch(/^لایهٔ ۱: نوع ناشناخته/);
    }
  });
});
