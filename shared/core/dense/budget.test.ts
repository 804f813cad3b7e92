import { describe, expect, it } from 'vitest';
import { sameBudget, shapeParameters, widthForBudget, type BudgetResult } from './budget';
import type { DenseFailure } from './issues';

async function compare(comparison: unknown, progress?: unknown[]): Promise<BudgetResult> {
  const cooperation = progress ? { checkpoint: () => Promise.resolve(), progress: (partial: unknown) => progress.push(partial) } : undefined;
  const result = await sameBudget({ comparison }, cooperation);
  if (!result.ok) throw new Error(result.issues.map((issue) => `${issue.field}: ${issue.message}`).join('; '));
  return result;
}

describe('same budget, two shapes', () => {
  it('parameter counts: depth L of width w has 2w + (L - 1)(w^2 + w) + w + 1; one hidden layer of n has 3n + 1', () => {
    expect(shapeParameters(1, 10)).toBe(31);
    expect(shapeParameters(3, 2)).toBe(19); // the sawtooth: 6k + 1
    expect(shapeParameters(4, 16)).toBe(32 + 3 * 272 + 17);
    expect(widthForBudget(1, 19, 4096)).toBe(6); // 3 * 6 + 1 = 19
    expect(widthForBudget(1, 20, 4096)).toBe(6); // 19 is nearer than 22
    // 3 layers of 19: 38 + 2 * 380 + 20 = 818 (47 short of 865); of 20: 40 + 2 * 420 + 21 = 901 (36 over)
    expect(widthForBudget(3, 865, 256)).toBe(20);
  });

  it('the sawtooth of depth 4: deep 4 x 2 (25 parameters) against one layer of 8 (25); both fits on the grid, both loss curves', async () => {
    const result = await compare({ target: { sawtooth: 4 }, epochs: 40, grid: 33, samples: 65, seed: 3 });
    expect(result.budget).toBe(25);
    expect(result.deep).toMatchObject({ depth: 4, width: 2, parameters: 25 });
    expect(result.shallow).toMatchObject({ depth: 1, width: 8, parameters: 25 });
    expect(result.target).toEqual({ kind: 'sawtooth', k: 4, linear_pieces: 16 });
    expect(result.grid).toHaveLength(33);
    expect(result.values[16]).toBe(0); // t^4(1/2) = 0
    expect(result.values[2]).toBe(1); // t^4(1/16) = 1
    for (const shape of [result.deep, result.shallow]) {
      expect(shape.fit).toHaveLength(33);
      expect(shape.losses).toHaveLength(41);
      expect(shape.final_loss).toBe(shape.losses[40]);
      // a ReLU network of one hidden layer of n units has at most n + 1 pieces
      expect(shape.linear_pieces).not.toBeNull();
    }
    expect(result.shallow.linear_pieces!).toBeLessThanOrEqual(9);
  });

  it('a budget solves the deep width; a formula target in x uses the expression language', async () => {
    const result = await compare({ target: { formula: 'sin(6*x) + x^2' }, domain: [-1, 1], depth: 3, budget: 600, epochs: 5, activation: 'tanh' });
    expect(result.deep.width).toBe(16);
    expect(result.deep.parameters).toBe(593);
    expect(result.shallow.width).toBe(200);
    expect(result.shallow.parameters).toBe(601);
    expect(result.target).toMatchObject({ kind: 'formula', text: 'sin(6*x) + x^2' });
    expect(result.values[0]).toBeCloseTo(Math.sin(-6) + 1, 14);
    expect(result.deep.linear_pieces).toBeNull(); // tanh is not piecewise linear
  });

  it('reports both curves while it trains (progress with both fits)', async () => {
    const progress: { kind: string; deep: unknown[]; fits: { deep: number[] } }[] = [];
    await compare({ target: { sawtooth: 3 }, epochs: 3000, samples: 200 }, progress as unknown[]);
    expect(progress.length).toBeGreaterThan(0);
    expect(progress[0]!.kind).toBe('budget');
    expect(progress[0]!.fits.deep).toHaveLength(512);
  });

  it('refuses a formula with other names or a syntax error, with the position', async () => {
    const names = (await sameBudget({ comparison: { target: { formula: 'a*x' } } })) as DenseFailure;
    expect(names.issues[0]).toMatchObject({ field: 'target.formula', code: 'bad_formula' });
    expect(names.issues[0]!.message).toContain('"a"');
    const syntax = (await sameBudget({ comparison: { target: { formula: 'x +* 2' } } })) as DenseFailure;
    expect(syntax.issues[0]).toMatchObject({ field: 'target.formula', code: 'bad_formula', values: expect.objectContaining({ position: expect.any(Number) }) });
    const infinite = (await sameBudget({ comparison: { target: { formula: '1/x' }, domain: [-1, 1], samples: 3 } })) as DenseFailure;
    expect(infinite.issues[0]!.message).toContain('must be finite');
  });
});
