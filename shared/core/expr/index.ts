export * from './ast';
export { parseExpression, tryParseExpression, ParseError, type ParseErrorCode, MAX_EXPRESSION_DEPTH, MAX_EXPRESSION_LENGTH, MAX_EXPRESSION_NODES } from './parse';
export { toText, toLatex, nameToLatex, numberToLatex, type PrintOptions } from './print';
export { derivative, simplify } from './derivative';
export { compileModel, compileBatchModel, sigmoid, type CompiledModel, type CompiledBatchModel } from './compile';
export { analyzeModel, MAX_PARAMS, type ModelAnalysis, type ModelInfo } from './model';
