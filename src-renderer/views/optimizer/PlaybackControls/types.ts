export interface PlaybackControlsProps {
  cursor: number;
  total: number;
  playing: boolean;
  /** Steps per second. */
  speed: number;
  onStep: () => void;
  onBack: () => void;
  onTogglePlay: () => void;
  onReset: () => void;
  onSpeed: (speed: number) => void;
}
