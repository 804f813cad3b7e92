export { cleanNumber, formatNumber, DISPLAY_SIGNIFICANT_DIGITS } from './format';
export { initialState, optimizerStep, stateNames, updateRule, type OptimizerConfig, type OptimizerState, type OptimizerType } from './optimizers';
export { BLOW_UP, MAX_SAMPLE_EVALUATIONS, MAX_STEPS, sampleLoss, type LossName, type Mode, type OptimizeProblem, type Reduction } from './problem';
export { dataLoss, prepareProblem, runOptimization, runPrepared, stepSchedule, type FieldError, type ModelView, type OptimizeResult, type OptimizeStep, type OptimizeStop, type OptimizeStopCode, type PreparedProblem } from './run';
export { lossSurface, lossSurfacePrepared, MAX_GRID_RESOLUTION, type LossSurface, type LossSurfaceRequest } from './contour';
export { explainStep, type StepDerivation, type StepExplanation } from './explain';
export { createRandom, shuffleInPlace } from '../random';
export { SEED_OPTIMIZE_PROBLEM } from './presets';
