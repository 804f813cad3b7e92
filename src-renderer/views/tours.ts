import type { MessageKey } from '../lib/i18n';

/** One step of a tool's guided tour: the part of the live UI it points at (by test id) and what it says. */
export interface TourStep {
  target: string;
  title: Extract<MessageKey, `tour.${string}.title`>;
  body: Extract<MessageKey, `tour.${string}.body`>;
}

/**
 * The guided tour of each tool (issue 10, requirement 7): 3-6 steps over the live view. A step
 * whose part is not on screen (a panel closed, a layout without it) is passed over, so a tour
 * never points at nothing. A tool without an entry has no tour.
 */
export const TOURS: Readonly<Record<string, readonly TourStep[]>> = {
  network: [
    { target: 'layer-palette', title: 'tour.network.palette.title', body: 'tour.network.palette.body' },
    { target: 'layer-stack', title: 'tour.network.stack.title', body: 'tour.network.stack.body' },
    { target: 'network-table', title: 'tour.network.table.title', body: 'tour.network.table.body' },
    { target: 'toggle-answers', title: 'tour.network.answers.title', body: 'tour.network.answers.body' },
  ],
  'receptive-field': [
    { target: 'rf-grids', title: 'tour.receptive-field.grids.title', body: 'tour.receptive-field.grids.body' },
    { target: 'rf-growth', title: 'tour.receptive-field.growth.title', body: 'tour.receptive-field.growth.body' },
    { target: 'rf-erf', title: 'tour.receptive-field.erf.title', body: 'tour.receptive-field.erf.body' },
  ],
  backprop: [
    { target: 'case-editor', title: 'tour.backprop.case.title', body: 'tour.backprop.case.body' },
    { target: 'stepper', title: 'tour.backprop.stepper.title', body: 'tour.backprop.stepper.body' },
    { target: 'step-text', title: 'tour.backprop.text.title', body: 'tour.backprop.text.body' },
  ],
  'bias-variance': [
    { target: 'bv-settings', title: 'tour.bias-variance.settings.title', body: 'tour.bias-variance.settings.body' },
    { target: 'bv-fan-card', title: 'tour.bias-variance.fan.title', body: 'tour.bias-variance.fan.body' },
    { target: 'bv-curve-card', title: 'tour.bias-variance.curve.title', body: 'tour.bias-variance.curve.body' },
    { target: 'bv-agreement', title: 'tour.bias-variance.agreement.title', body: 'tour.bias-variance.agreement.body' },
  ],
  overfitting: [
    { target: 'overfitting-data', title: 'tour.overfitting.data.title', body: 'tour.overfitting.data.body' },
    { target: 'overfitting-remedies', title: 'tour.overfitting.remedies.title', body: 'tour.overfitting.remedies.body' },
    { target: 'overfitting-playback', title: 'tour.overfitting.playback.title', body: 'tour.overfitting.playback.body' },
  ],
  'double-descent': [
    { target: 'dd-settings', title: 'tour.double-descent.settings.title', body: 'tour.double-descent.settings.body' },
    { target: 'dd-curve-card', title: 'tour.double-descent.curve.title', body: 'tour.double-descent.curve.body' },
    { target: 'dd-ridge-switch', title: 'tour.double-descent.ridge.title', body: 'tour.double-descent.ridge.body' },
  ],
  'gradient-flow': [
    { target: 'flow-depth', title: 'tour.gradient-flow.settings.title', body: 'tour.gradient-flow.settings.body' },
    { target: 'flow-trend', title: 'tour.gradient-flow.trend.title', body: 'tour.gradient-flow.trend.body' },
    { target: 'flow-table', title: 'tour.gradient-flow.table.title', body: 'tour.gradient-flow.table.body' },
    { target: 'flow-bound', title: 'tour.gradient-flow.bound.title', body: 'tour.gradient-flow.bound.body' },
    { target: 'flow-train', title: 'tour.gradient-flow.train.title', body: 'tour.gradient-flow.train.body' },
  ],
  depth: [
    { target: 'depth-one', title: 'tour.depth.one.title', body: 'tour.depth.one.body' },
    { target: 'depth-two', title: 'tour.depth.two.title', body: 'tour.depth.two.body' },
    { target: 'depth-budget', title: 'tour.depth.budget.title', body: 'tour.depth.budget.body' },
  ],
  optimizer: [
    { target: 'model-editor', title: 'tour.optimizer.model.title', body: 'tour.optimizer.model.body' },
    { target: 'data-table', title: 'tour.optimizer.data.title', body: 'tour.optimizer.data.body' },
    { target: 'playback', title: 'tour.optimizer.playback.title', body: 'tour.optimizer.playback.body' },
    { target: 'step-table', title: 'tour.optimizer.table.title', body: 'tour.optimizer.table.body' },
  ],
};
