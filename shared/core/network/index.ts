export * from './spec';
export * from './info';
export { summarizeNetwork, summarizeOverview, traceNetwork } from './summarize';
export { explainLayer } from './explain';
export { PRESETS, SEED_NETWORK, LENET5, ALEXNET, VGG16, MOBILENET_V1, type NetworkPreset } from './presets';
export { formatLatex, formatPlain } from './format';
