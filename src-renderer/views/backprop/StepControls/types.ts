export interface StepControlsProps {
  /** -1 before the first step. */
  index: number;
  total: number;
  playing: boolean;
  /** Steps per second. */
  speed: number;
  /** The current step in words (already translated). */
  text: string;
  phase: 'forward' | 'backward' | null;
  onGoTo: (index: number) => void;
  onPlay: () => void;
  onPause: () => void;
  onSpeed: (stepsPerSecond: number) => void;
}
