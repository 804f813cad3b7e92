export { runBiasVariance, explainBiasVariance, runDoubleDescent, explainDoubleDescent, type BiasVarianceRequest, type BiasVarianceResult, type BiasVarianceExplainRequest, type ComplexityEntry, type DoubleDescentRequest, type DoubleDescentResult, type DoubleDescentExplainRequest, type DoubleDescentEntry, type Failure as RegressionFailure, type PlainDataset } from './run';
export { checkBiasVarianceCase, checkDoubleDescentCase, doubleDescentWork, BIAS_VARIANCE_DEFAULTS, BIAS_VARIANCE_LIMITS, DOUBLE_DESCENT_DEFAULTS, DOUBLE_DESCENT_LIMITS, type BiasVarianceCaseInput, type DoubleDescentCaseInput, type DatasetInput, type ModelInput } from './case';
export { describeRegressionIssue, formatRegressionIssue, type RegressionIssue, type RegressionIssueCode } from './issues';
export { TRUTH_PRESETS, TRUTH_NAMES, type TruthPreset } from './truth';
export { MAX_DEGREE } from './legendre';
export type { Derivation as RegressionDerivation, Explanation as RegressionExplanation } from './explain';
export { DEFAULT_BIAS_VARIANCE_CASE, DEFAULT_DOUBLE_DESCENT_CASE } from './presets';
