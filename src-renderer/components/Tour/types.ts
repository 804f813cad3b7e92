import type { TourState } from '../../lib/state';
import type { TourStep } from '../../views/tours';

/**
 * The guided tour of the open tool (issue 10, requirement 7): on a first visit a quiet offer
 * ("New to …? A 4-step tour …"), then one popover per step anchored to the live part it names,
 * the part outlined. Next / Back / Done; Escape, "Skip" or a click elsewhere end it. Finished,
 * skipped and declined tours are remembered (TourState) and never offered again; the tool bar's
 * Tour button replays one.
 */
export interface TourProps {
  tours: TourState;
  tool: string;
  toolName: string;
  steps: readonly TourStep[];
  /** Where the tool's parts are looked up (the tool panel). */
  root: HTMLElement | null;
}
