/** The overfitting lab (Q2b): seeded data sets, the onset of overfitting, and two runs (without and with remedies) side by side. */
export { DATASET_KINDS, INNER_RADIUS, SPIRAL_TURNS, BLOB_RADIUS, classificationPoints, drawLabData, drawSet, splitCounts, concatSets, type DatasetKind, type ClassificationKind, type DatasetSpec } from './datasets';
export { ONSET_TOLERANCE, onsetChanges, onsetAt, type Onset, type OnsetChange, type OnsetPoint } from './onset';
export { explainOverfitting, type OverfittingExplainRequest, type OverfittingExplainResult, type RunExplanation } from './explain';
export { checkOverfittingLab, overfittingLab, DEFAULT_NOISE, LAB_LIMITS, type LabRun, type LabSetup, type LabPoints, type LabSpec, type OverfittingProgress, type OverfittingResult, type RunProgress, type Surface } from './lab';
