export * from './types';
export { ACTIVATIONS, POOL_TYPES, TIES, checkCase, describe, formatPath, unreadableCase, type CaseCheck } from './case';
export { activate, activationDerivative } from './activation';
export { caseInput, gradientCheck, nest } from './gradient-check';
export { forwardLoss, runBackprop, type RunOptions } from './run';
export { stepOfCell, stepOperands, traceStep, traceSteps } from './trace';
export { backpropToJson } from './json';
export { convInfo, type ConvInfo } from '../conv/conv';
