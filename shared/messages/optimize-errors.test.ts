import { describe, expect, it } from 'vitest';
import { SEED_OPTIMIZE_PROBLEM } from '../core/optim/presets';
import type { OptimizeProblem } from '../core/optim/problem';
import { prepareProblem, runOptimization, type FieldError, type OptimizeErrorCode, type OptimizeStop, type OptimizeStopCode } from '../core/optim/run';
import { lossSurface, type LossSurfaceRequest } from '../core/optim/contour';
import { explainStep } from '../core/optim/explain';
import { expectTranslated } from './book.test-helper';
import { optimizeErrorBooks, optimizeStopBooks, phraseOptimizeError, phraseOptimizeStop } from './optimize-errors';
import { plainWriter } from './phrase';

const seed = SEED_OPTIMIZE_PROBLEM;
const many = Array.from({ length: 60 }, (_, i) => `p${i}`);
/** Problems the optimizer refuses, at least one per code (the first test holds that). */
const PROBLEMS: OptimizeProblem[] = [
  { ...seed, data: { columns: ['x1', 'x1', 't'], rows: [[1, 2, 3]] }, target: 'y' },
  { ...seed, data: { columns: seed.data.columns, rows: [[1, 2]] } },
  { ...seed, data: { columns: seed.data.columns, rows: [] } },
  { ...seed, model: many.join(' + '), params: {} },
  { ...seed, model: 'a*t + b*x1 + c*x2 + d' },
  { ...seed, params: { a: 1, b: 1, c: 1, x1: 2, e: 3 } },
  { ...seed, optimizer: { ...seed.optimizer, nesterov: true } as OptimizeProblem['optimizer'] },
  { ...seed, epochs: 6000 },
  { ...seed, mode: 'batch', data: { columns: seed.data.columns, rows: Array.from({ length: 1000 }, () => [1, 2, 3]) }, epochs: 5000 },
];
/** Payloads of the wrong shape (what checkProblemShape refuses), one or more per shape code. */
const odd = (fields: Record<string, unknown>) => ({ ...seed, ...fields }) as unknown as OptimizeProblem;
const SHAPES: OptimizeProblem[] = [
  null as unknown as OptimizeProblem,
  odd({ model: 3, params: [1], target: undefined, loss: 'mse', reduction: 5, mode: null, batch_size: 0.5, epochs: -1, shuffle: 'yes', seed: -2 }),
  odd({ params: { a: 'one', b: Number.NaN }, optimizer: 'sgd' }),
  odd({ data: 'x1,x2,t' }),
  odd({ data: { columns: 'x1', rows: 7 } }),
  odd({ data: { columns: ['x1', 2, 't'], rows: [[1, 2], 'row', [1, Number.POSITIVE_INFINITY, 'x']] } }),
  odd({ optimizer: { type: 'lbfgs', lr: 0.1 } }),
  odd({ optimizer: { type: 'momentum', lr: '0.1', beta: 0.9, form: 'classic', nesterov: 1 } }),
];
const axis = (param: string, min = 0, max = 1) => ({ param, min, max });
/** Loss-surface requests the core refuses. */
const REQUESTS: unknown[] = [
  'x and y',
  { x: [1, 2], y: { param: 7, min: '0', max: null }, resolution: 'fine', at: [1] },
  { x: axis('a'), y: axis('b'), at: { a: 'one' } },
  { x: axis('x1'), y: axis('a', 2, 1) },
  { x: axis('a'), y: axis('a') },
];
const errors: FieldError[] = [
  ...[...PROBLEMS, ...SHAPES].flatMap((problem) => {
    const prepared = prepareProblem(problem);
    return prepared.ok ? [] : prepared.errors;
  }),
  ...REQUESTS.flatMap((request) => {
    const surface = lossSurface(seed, request as LossSurfaceRequest);
    return surface.ok ? [] : surface.errors;
  }),
  ...[0, 2.5, '1' as unknown as number, 3].flatMap((step) => {
    const explained = explainStep(seed, step);
    return explained.ok ? [] : explained.errors;
  }),
];
const CODES = Object.keys(optimizeErrorBooks.en.codes) as OptimizeErrorCode[];

describe('optimizer checks phrased from code and values', () => {
  it('the corpus reaches every code', () => {
    expect(CODES.filter((code) => !errors.some((error) => error.problem?.code === code))).toEqual([]);
  });

  it('English is word for word the engine message', () => {
    for (const error of errors) expect(phraseOptimizeError('en', error, plainWriter('en')), error.problem?.code).toBe(error.message);
  });

  it('Persian phrases every coded error in Persian with Persian digits, no placeholder left', () => {
    for (const error of errors.filter((e) => e.problem)) {
      const text = phraseOptimizeError('fa', error, plainWriter('fa'));
      expect(text, error.problem!.code).toMatch(/[\u0600-\u06FF]/);
      expect(text, error.problem!.code).not.toMatch(/\{\w+\}/);
    }
    const width = errors.find((error) => error.problem?.code === 'row_width')!;
    expect(phraseOptimizeError('fa', width, plainWriter('fa'))).toMatch(/^ردیف ۱ ۲ مقدار دارد؛ ۳ مقدار لازم است \(/);
  });

  it('names keep their Latin digits in Persian (x1, p59), numbers and shapes get Persian ones', () => {
    const duplicate = errors.find((error) => error.problem?.code === 'duplicate_column')!;
    expect(phraseOptimizeError('fa', duplicate, plainWriter('fa'))).toBe('نام ستون "x1" دو بار آمده است؛ هر ستون نام خودش را لازم دارد');
    const tooMany = errors.find((error) => error.problem?.code === 'too_many_params')!;
    expect(phraseOptimizeError('fa', tooMany, plainWriter('fa'))).toMatch(/^مدل ۶۰ پارامتر دارد؛ حداکثر ۵۰ مجاز است/);
    const unknown = errors.find((error) => error.problem?.code === 'unknown_param' && error.problem.values['name'] === 'e')!;
    expect(phraseOptimizeError('fa', unknown, plainWriter('fa'))).toBe('مدل پارامتری به نام "e" ندارد؛ پارامترهایش این‌ها هستند: a, b, c, d');
    const columns = errors.find((error) => error.problem?.code === 'columns_not_list')!;
    expect(columns.message).toBe('expected a list of column names, got "x1"');
    expect(phraseOptimizeError('fa', columns, plainWriter('fa'))).toBe('باید فهرستی از نام ستون‌ها باشد، اما "x1" است');
    const whole = errors.find((error) => error.problem?.code === 'expected_whole_number' && error.field === 'batch_size')!;
    expect(phraseOptimizeError('fa', whole, plainWriter('fa'))).toBe('باید عدد صحیحی دست‌کم ۱ باشد، اما ۰٫۵ است');
    const range = errors.find((error) => error.problem?.code === 'axis_range')!;
    expect(phraseOptimizeError('fa', range, plainWriter('fa'))).toBe('بازهٔ محور y باید متناهی باشد و min < max (اما از ۲ تا ۱ است)');
  });

  it("the core's describeValue forms are Persian in Persian", () => {
    const shape = errors.find((error) => error.problem?.code === 'problem_not_object')!;
    expect(shape.message).toBe('the problem must be an object with model, params, data, target and optimizer, got null');
    const params = errors.find((error) => error.problem?.code === 'params_not_object')!;
    expect(params.message).toBe('expected each parameter\'s initial value, e.g. {"a": 1}, got [1]');
    const target = errors.find((error) => error.problem?.code === 'target_not_text')!;
    expect(phraseOptimizeError('fa', target, plainWriter('fa'))).toBe('نام ستون هدف لازم است، اما هیچ مقداری آمده است');
    const at = errors.find((error) => error.problem?.code === 'data_not_object' )!;
    expect(phraseOptimizeError('fa', { ...at, problem: { code: 'data_not_object', values: { got: 'an object' } } }, plainWriter('fa'))).toMatch(/اما یک شیء است$/);
  });

  it('an empty list of names is "none" in English and Persian in Persian', () => {
    const error = { field: 'params.a', message: 'the model has no parameter "a"; its parameters are none', problem: { code: 'unknown_param' as const, values: { name: 'a', params: 'none' } } };
    expect(phraseOptimizeError('en', error, plainWriter('en'))).toBe(error.message);
    expect(phraseOptimizeError('fa', error, plainWriter('fa'))).toBe('مدل پارامتری به نام "a" ندارد؛ پارامترهایش این‌ها هستند: هیچ‌کدام');
  });

  it('an error without a code keeps the English', () => {
    expect(phraseOptimizeError('fa', { message: 'the English' }, plainWriter('fa'))).toBe('the English');
  });

  it('every code has both languages', () => {
    expectTranslated(optimizeErrorBooks.en, optimizeErrorBooks.fa, CODES);
  });
});

const sgd = (lr: number) => ({ type: 'sgd', lr }) as OptimizeProblem['optimizer'];
/** Runs that stop early, one per way of stopping. */
const DIVERGING: OptimizeProblem[] = [
  { ...seed, model: 'a*sqrt(x1 - 5) + d', params: { a: 1, d: 1 } },
  { ...seed, model: 'exp(a*x1)', params: { a: 0 }, optimizer: sgd(20), epochs: 3 },
  { ...seed, model: 'a*x1', params: { a: 1 }, optimizer: sgd(1e200), epochs: 5 },
  { ...seed, model: 'a*x1 + 1e300*b', params: { a: 1, b: 1 }, optimizer: sgd(0), epochs: 1 },
  { ...seed, model: 'a*x1', params: { a: 1 }, optimizer: sgd(100), epochs: 50 },
  { ...seed, model: 'a*x1 + 1e160', params: { a: 1 }, optimizer: sgd(1e-200), epochs: 1 },
];
const stops: OptimizeStop[] = DIVERGING.flatMap((problem) => {
  const run = runOptimization(problem);
  return run.ok && run.stopped ? [run.stopped] : [];
});

describe('why a run stopped, phrased from code and values', () => {
  const codes = Object.keys(optimizeStopBooks.en.codes) as OptimizeStopCode[];

  it('the runs reach every code; English is word for word, Persian is Persian', () => {
    expect(codes.filter((code) => !stops.some((stop) => stop.code === code))).toEqual([]);
    for (const stop of stops) {
      expect(phraseOptimizeStop('en', stop, plainWriter('en')), stop.code).toBe(stop.message);
      const persian = phraseOptimizeStop('fa', stop, plainWriter('fa'));
      expect(persian, stop.code).toMatch(/^در گام [۰-۹]+ متوقف شد: /);
      expect(persian, stop.code).not.toMatch(/\{\w+\}|Stopped|Infinity|diverged/);
    }
    const diverged = stops.find((stop) => stop.code === 'y_diverged')!;
    expect(phraseOptimizeStop('fa', diverged, plainWriter('fa'))).toBe(
      'در گام ۲ متوقف شد: y برای نمونهٔ ۲ در پارامترهایی که تا این‌جا رسیده‌ایم ∞ است؛ اجرا واگرا شد. نرخ یادگیری کوچک‌تر از ۲۰ را امتحان کنید (مثلاً ۲).',
    );
  });

  it('every code has both languages', () => {
    expectTranslated(optimizeStopBooks.en, optimizeStopBooks.fa, codes);
  });
});
