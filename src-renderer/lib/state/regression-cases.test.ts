import { describe, expect, it } from 'vitest';
import { biasVarianceToolSchema, doubleDescentToolSchema } from '../../../shared/project/regression-labs';
import { biasVarianceRequest, chosenComplexity, DEFAULT_BIAS_VARIANCE_TOOL, DEFAULT_DOUBLE_DESCENT_TOOL, doubleDescentRequest, errorAgreement, RIDGE_STEPS, ridgeStepOf, shownFeatures, shownK, splitTruthIssues, truthChoiceOf } from './regression-cases';

describe('the regression labs’ requests', () => {
  it('the defaults are valid saved settings', () => {
    expect(biasVarianceToolSchema.parse(DEFAULT_BIAS_VARIANCE_TOOL)).toEqual(DEFAULT_BIAS_VARIANCE_TOOL);
    expect(doubleDescentToolSchema.parse(DEFAULT_DOUBLE_DESCENT_TOOL)).toEqual(DEFAULT_DOUBLE_DESCENT_TOOL);
    expect(biasVarianceToolSchema.safeParse({ ...DEFAULT_BIAS_VARIANCE_TOOL, domain: [1, 0] }).success).toBe(false);
    expect(biasVarianceToolSchema.safeParse({ ...DEFAULT_BIAS_VARIANCE_TOOL, extra: 1 }).success).toBe(false);
  });

  it('polynomials ask for every degree 0..15 with the ridge and show the chosen degree', () => {
    const request = biasVarianceRequest({ ...DEFAULT_BIAS_VARIANCE_TOOL, degree: 7, ridge: 0.01 });
    expect(request.case.model).toEqual({ family: 'polynomial', degrees: [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15], ridge: 0.01 });
    expect(request.chosen).toBe(7);
  });

  it('k-NN asks for k = 1..n and clamps the shown k to n', () => {
    const tool = { ...DEFAULT_BIAS_VARIANCE_TOOL, family: 'knn' as const, train_size: 4, k: 9 };
    expect(biasVarianceRequest(tool).case.model).toEqual({ family: 'knn', ks: [1, 2, 3, 4] });
    expect(shownK(tool)).toBe(4);
    expect(chosenComplexity(tool)).toBe(4);
    expect(chosenComplexity({ ...tool, k: 2 })).toBe(2);
  });

  it('double descent fits p = 1..P, ridge only while the switch is on, the shown p at most P', () => {
    const off = doubleDescentRequest({ ...DEFAULT_DOUBLE_DESCENT_TOOL, max_features: 5, chosen: 9, ridge: 0.1 });
    expect(off.case.features).toEqual([1, 2, 3, 4, 5]);
    expect(off.case.ridge).toBe(0);
    expect(off.chosen).toBe(5);
    expect(doubleDescentRequest({ ...DEFAULT_DOUBLE_DESCENT_TOOL, ridge_on: true, ridge: 0.1 }).case.ridge).toBe(0.1);
    expect(shownFeatures({ ...DEFAULT_DOUBLE_DESCENT_TOOL, chosen: 3 })).toBe(3);
  });

  it('the ridge slider maps steps to lambdas and a lambda from a file to the nearest decade', () => {
    RIDGE_STEPS.forEach((lambda, step) => expect(ridgeStepOf(lambda)).toBe(step));
    expect(RIDGE_STEPS[ridgeStepOf(0.002)]).toBe(1e-3);
    expect(RIDGE_STEPS[ridgeStepOf(500)]).toBe(10);
    expect(ridgeStepOf(-1)).toBe(0);
  });

  it('names the truth menu entry and splits the truth’s issues from the rest', () => {
    expect(truthChoiceOf(' sin ')).toBe('sin');
    expect(truthChoiceOf('sin(2*pi*x)')).toBe('formula');
    const issue = (field: string) => ({ field, code: 'required' as const, values: {}, message: '' });
    expect(splitTruthIssues([issue('truth'), issue('noise_std')])).toEqual({ truth: [issue('truth')], other: [issue('noise_std')] });
  });

  it('states the gap between the measured and the expected error', () => {
    expect(errorAgreement({ expected_error: 0.5, test_error: 0.4 })).toEqual({ difference: -0.09999999999999998, share: 0.19999999999999996 });
    expect(errorAgreement({ expected_error: 0, test_error: 0 })).toEqual({ difference: 0, share: 0 });
  });
});
