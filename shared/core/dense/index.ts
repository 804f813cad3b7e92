/**
 * The dense-network engine: multilayer perceptrons in float64 (forward and backward side by
 * side), PyTorch's initialisations, losses and optimizers, the gradient-flow numbers, exact
 * linear regions and training traces.
 */
export { ACTIVATIONS, LEAKY_SLOPE, calculateGain, derivativeBound, erf, normalCdf, type Activation } from './activation';
export { INIT_SCHEMES, GAIN_SCHEMES, DEFAULT_INIT, initialParameters, layerInit, layerGain, type InitConfig, type InitScheme, type LayerInit } from './init';
export { describeDenseIssue, formatDenseIssue, type DenseFailure, type DenseIssue, type DenseIssueCode } from './issues';
export { LOSSES, lossAndGradient, type LossName, type Targets } from './loss';
export { mlpLayout, createWorkspace, forward, backward, evaluateOutputs, nestedParameters, type MlpLayout, type Workspace, type DropoutPass } from './mlp';
export { DENSE_LIMITS, buildParameters, drawData, readNetwork, type DataSet, type NetworkConfig } from './spec';
export { checkGradientFlowCase, gradientFlow, parameterCount, DEFAULT_HISTOGRAM_BINS, GRADIENT_FLOW_LIMITS, MAX_GRADIENT_FLOW_WORK, type FlowLayer, type GradientFlowBound, type GradientFlowCase, type GradientFlowRequest, type GradientFlowResult } from './gradient-flow';
export { checkTrainRun, trainNetwork, Trainer, TRAIN_LIMITS, type EpochRecord, type StepRecord, type TrainProgress, type TrainRequest, type TrainResult, type TrainRun, type TrainStop } from './train';
export { checkRegionsNet, linearRegions, REGION_LIMITS, type LinearPiece, type Piece, type Polygon, type Regions1d, type Regions2d, type RegionsProgress, type RegionsRequest } from './regions';
export { regionBounds, type RegionBounds } from './bounds';
export { checkBudgetComparison, sameBudget, shapeParameters, widthForBudget, type BudgetProgress, type BudgetResult, type BudgetShape } from './budget';
export { GRADIENT_FLOW_PRESETS, MAX_SAWTOOTH_DEPTH, sawtoothNetwork, sawtoothValue, type FlowBehaviour, type GradientFlowPreset } from './presets';
export type { Histogram } from './numbers';
