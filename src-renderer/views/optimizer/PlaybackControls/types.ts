export interface PlaybackControlsProps {
  cursor: number;
  total: number;
  playing: boolean;
  /** Steps per second. */
  speed: number;
  /** Linear progress 0 … 1 of the shown step's animation (1: settled). */
  position: number;
  onStep: () => void;
  /** Scrubs the shown step's animation to `position` (0 … 1). */
  onScrub: (position: number) => void;
  onBack: () => void;
  onTogglePlay: () => void;
  onReset: () => void;
  onSpeed: (speed: number) => void;
}
