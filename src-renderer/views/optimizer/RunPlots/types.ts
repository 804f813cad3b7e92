import type { Snippet } from 'svelte';
import type { LossSurface, OptimizerConfig } from '../../../../shared/core/optim/index';
import type { Trace } from '../StepTable';
import type { StepPlayer } from '../step-player.svelte';

/** One optimizer's run as the plots draw it. */
export interface PlottedRun {
  trace: Trace;
  optimizer: OptimizerConfig;
  surface: LossSurface | null;
  /** Shown in legends and headings, e.g. "SGD with momentum". */
  label: string;
  /** CSS colour variable of its path and loss line. */
  colorVar: string;
  testid: string;
}

export interface RunPlotsProps {
  runs: PlottedRun[];
  /** The two parameters on the contour axes, or null (fewer than two parameters). */
  axes: [string, string] | null;
  paramNames: string[];
  cursor: number;
  /** The step animation's clock, shared by every contour plot. */
  player: StepPlayer;
  /** The step whose values the parameters off the axes hold on the drawn slice. */
  sliceStep: number;
  /** The slice stays at `sliceStep` while stepping (else it follows the shown step). */
  pinned: boolean;
  onAxes: (axes: [string, string]) => void;
  onPin: (pinned: boolean) => void;
  /** Shown between the contour plots and the loss chart (the step table, next to the animation). */
  children?: Snippet;
}
