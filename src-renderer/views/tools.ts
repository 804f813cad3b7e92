import type { Component } from 'svelte';
import type { MessageKey } from '../lib/i18n';

/** One tool of the app: a tab in the tool bar and the view it shows. */
export interface ToolEntry {
  /** Stable id, used in test ids and the URL hash. */
  id: string;
  label: Extract<MessageKey, `tool.${string}`>;
  /**
   * Loads the view's code (its own chunk, issue 10 speed): only the open tool is fetched before
   * the first paint; the others load when the browser is idle, or when their tab is chosen.
   * A new tool adds its entry here with a dynamic import of its folder.
   */
  load: () => Promise<Component>;
}

/** The tools, in tab order. */
export const TOOLS: readonly ToolEntry[] = [
  // The default project opens here: the assignment's questions, each opening its tool (issue 10.7).
  { id: 'start', label: 'tool.start', load: () => import('./start').then((module) => module.StartView) },
  { id: 'network', label: 'tool.network', load: () => import('./network').then((module) => module.NetworkView) },
  { id: 'receptive-field', label: 'tool.receptive-field', load: () => import('./receptive-field').then((module) => module.ReceptiveFieldView) },
  { id: 'backprop', label: 'tool.backprop', load: () => import('./backprop').then((module) => module.BackpropView) },
  { id: 'optimizer', label: 'tool.optimizer', load: () => import('./optimizer').then((module) => module.OptimizerView) },
  // Question 2's labs, in the order of its parts (a: bias-variance, b: overfitting, c: gradients, d: depth).
  { id: 'bias-variance', label: 'tool.bias-variance', load: () => import('./bias-variance').then((module) => module.BiasVarianceView) },
  { id: 'overfitting', label: 'tool.overfitting', load: () => import('./overfitting').then((module) => module.OverfittingView) },
  { id: 'gradient-flow', label: 'tool.gradient-flow', load: () => import('./gradient-flow').then((module) => module.GradientFlowView) },
  { id: 'depth', label: 'tool.depth', load: () => import('./depth').then((module) => module.DepthView) },
  { id: 'double-descent', label: 'tool.double-descent', load: () => import('./double-descent').then((module) => module.DoubleDescentView) },
];

const loaded = new Map<string, Promise<Component>>();

/** The tool's view, loaded once (the same promise for every caller). */
export function loadTool(tool: ToolEntry): Promise<Component> {
  let view = loaded.get(tool.id);
  if (!view) {
    view = tool.load();
    // A failed load (a missing chunk after an update) may be retried by choosing the tab again.
    view.catch(() => loaded.delete(tool.id));
    loaded.set(tool.id, view);
  }
  return view;
}
