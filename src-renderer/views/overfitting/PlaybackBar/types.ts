export interface PlaybackBarProps {
  cursor: number;
  /** epochs trained so far (playback cannot pass it) */
  available: number;
  /** epochs asked for */
  total: number;
  playing: boolean;
  /** training still runs in the worker */
  training: boolean;
  /** epochs per second */
  speed: number;
  speeds: readonly number[];
  onTogglePlay: () => void;
  onStep: () => void;
  onBack: () => void;
  onReset: () => void;
  onEnd: () => void;
  onSpeed: (speed: number) => void;
}
