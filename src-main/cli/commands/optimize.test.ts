import { describe, expect, it } from 'vitest';
import { runCli } from '../run-cli.test-helper';

const run = runCli;

/** The example document: the seed's Q4 (momentum, delta form). */
const seed = {
  model: 'a*x1^2 + b*x2^2 + c*x1*x2 + d',
  params: { a: 1, b: -1, c: -1, d: 1 },
  data: { columns: ['x1', 'x2', 't'], rows: [[1, -1, 10], [2, 0, 13]] },
  target: 't',
  loss: 'squared_error',
  reduction: 'mean',
  optimizer: { type: 'momentum', form: 'delta', lr: 0.1, beta: 0.9 },
  mode: 'online',
  epochs: 1,
  shuffle: false,
  seed: 0,
};

describe('layerwise optimize', () => {
  it('--json prints the seed Q4 trace with clean numbers (the seed table: y 2 then 13, dE/dy -16 then 0)', async () => {
    const { code, out, err } = await run(['optimize', '-', '--json'], JSON.stringify(seed));
    expect(err).toBe('');
    expect(code).toBe(0);
    // Exactly "2.6", not 2.6000000000000005, in the JSON text itself.
    expect(out).not.toMatch(/\d\.\d{13,}/);
    const json = JSON.parse(out);
    expect(json.steps).toHaveLength(2);
    expect(json.steps[0]).toMatchObject({ step: 1, samples: [0], y: [2], loss: 64, dloss_dy: [-16], grad: { a: -16, b: -16, c: 16, d: -16 } });
    expect(json.steps[0].state).toEqual({ delta: { a: -1.6, b: -1.6, c: 1.6, d: -1.6 } });
    expect(json.steps[0].params).toEqual({ a: 2.6, b: 0.6, c: -2.6, d: 2.6 });
    expect(json.steps[1]).toMatchObject({ step: 2, samples: [1], y: [13], loss: 0, dloss_dy: [0], grad: { a: 0, b: 0, c: 0, d: 0 } });
    expect(json.steps[1].state).toEqual({ delta: { a: -1.44, b: -1.44, c: 1.44, d: -1.44 } });
    expect(json.final).toEqual({ a: 4.04, b: 2.04, c: -4.04, d: 4.04 });
    expect(json.partials).toEqual({ a: 'x1^2', b: 'x2^2', c: 'x1*x2', d: '1' });
    expect(json.stopped).toBeUndefined();
  });

  it('prints a table in text mode', async () => {
    const { code, out } = await run(['optimize', '-'], JSON.stringify(seed));
    expect(code).toBe(0);
    expect(out).toContain('dy/da = x1^2');
    expect(out).toMatch(/ 2\s+2\s+13\s+0\s+0\s+0\s+0\s+0\s+-1\.44\s+-1\.44\s+1\.44\s+-1\.44\s+4\.04\s+2\.04\s+-4\.04\s+4\.04/);
    expect(out).toContain('final: a = 4.04, b = 2.04, c = -4.04, d = 4.04');
  });

  it('fills in PyTorch defaults (Adam: lr 0.001) for missing fields', async () => {
    const { code, out } = await run(['optimize', '-', '--json'], JSON.stringify({ model: 'w*x', params: { w: 0 }, data: { columns: ['x', 't'], rows: [[1, 1]] }, target: 't', optimizer: { type: 'adam' } }));
    expect(code).toBe(0);
    // Adam's first step moves each parameter by lr against the gradient's sign (m̂/sqrt(v̂) = ±1, eps aside).
    expect(JSON.parse(out).final.w).toBeCloseTo(0.001, 9);
  });

  it('exits 2 naming the field for a schema error, and the position for a model error', async () => {
    const bad = { ...seed, optimizer: { type: 'momentum', lr: -1, betaa: 0.9 } };
    const first = await run(['optimize', '-', '--json'], JSON.stringify(bad));
    expect(first.code).toBe(2);
    const errors = JSON.parse(first.err).errors as string[];
    expect(errors).toContain('optimizer.lr: the learning rate lr must be greater than 0');
    expect(errors).toContain('optimizer: unknown field "betaa"');

    const model = await run(['optimize', '-'], JSON.stringify({ ...seed, model: 'a*x1.constructor' }));
    expect(model.code).toBe(2);
    expect(model.err).toContain('model: member access (".") is not allowed');
    expect(model.err).toContain('(at character 5)');

    const params = await run(['optimize', '-'], JSON.stringify({ ...seed, params: { a: 1, b: 1, c: 1 } }));
    expect(params.code).toBe(2);
    expect(params.err).toContain('params.d: the model has the parameter "d"; give its initial value');

    const type = await run(['optimize', '-'], JSON.stringify({ ...seed, optimizer: { type: 'lbfgs' } }));
    expect(type.code).toBe(2);
    expect(type.err).toContain('optimizer.type is one of sgd, momentum, adagrad, rmsprop, adam');
  });

  it('reports divergence in the trace with a message suggesting a smaller rate (exit 0: the trace is the answer)', async () => {
    const { code, out } = await run(['optimize', '-', '--json'], JSON.stringify({ ...seed, optimizer: { type: 'sgd', lr: 10 }, epochs: 200 }));
    expect(code).toBe(0);
    const json = JSON.parse(out);
    expect(json.stopped.message).toMatch(/Try a smaller learning rate than 10 \(e\.g\. 1\)/);
    expect(json.steps.length).toBe(json.stopped.step);
    expect(json.steps.length).toBeLessThan(400);
  });
});
