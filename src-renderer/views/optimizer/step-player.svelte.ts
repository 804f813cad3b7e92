import { createAnimator, timeline, type Animator } from '../../lib/motion';
import { NOT_BEGUN, revealedAt, SETTLED, type MotionProgress } from '../../lib/viz/step-motion';

/**
 * Natural lengths (ms) of a step's parts at speed 1: the carried velocity grows, the gradient
 * term grows from its head, their sum is drawn, the point glides along it (about 400 ms).
 */
export const STEP_PARTS = { carried: 200, gradient: 200, sum: 150, glide: 400 } as const;
const NATURAL = STEP_PARTS.carried + STEP_PARTS.gradient + STEP_PARTS.sum + STEP_PARTS.glide;

/**
 * The one clock of the optimizer's step animation. Every contour plot (the main run and the
 * compared one) listens to the same progress, so two optimizers animate in step; the step
 * table reads `revealed`; the scrubber reads `position` and calls `seek`. The numbers are
 * already on screen state-wise (the cursor moved first): this only paints.
 */
export class StepPlayer {
  /** The step being (or last) animated, 1-based; 0 when the shown step is not animated. */
  step: number = $state(0);
  /** How much of that step's numbers the table shows (see `revealedAt`). */
  revealed: 0 | 1 | 2 | 3 = $state(3);
  /** Linear progress 0 … 1 of the animation, for the scrubber. */
  position: number = $state(1);

  #progress: MotionProgress = SETTLED;
  readonly #animator: Animator = createAnimator();
  /** Not reactive state: the plots are told each frame directly, outside Svelte's updates. */
  #listeners: ((progress: MotionProgress) => void)[] = [];

  /** The progress now (SETTLED when nothing runs). */
  get progress(): MotionProgress {
    return this.#progress;
  }

  /** A plot draws every frame it is told; it is told the current progress at once. */
  listen(listener: (progress: MotionProgress) => void): () => void {
    this.#listeners = [...this.#listeners, listener];
    listener(this.#progress);
    return () => {
      this.#listeners = this.#listeners.filter((each) => each !== listener);
    };
  }

  #broadcast(progress: MotionProgress, position: number) {
    this.#progress = progress;
    const revealed = revealedAt(progress);
    if (revealed !== this.revealed) this.revealed = revealed;
    if (position !== this.position) this.position = position;
    for (const listener of this.#listeners) listener(progress);
  }

  /**
   * Animates step `step` (the cursor already shows it). `stepSeconds` is the time one step may
   * take (Play's interval): the parts shrink to fit it, never grow past their natural length.
   * Under reduced motion the end state is drawn before this returns. Interrupts the one running.
   */
  play(step: number, stepSeconds: number): void {
    this.#animator.finish();
    const scale = Math.min(1, (0.85 * stepSeconds * 1000) / NATURAL);
    const progress: MotionProgress = { ...NOT_BEGUN };
    this.step = step;
    const part = (name: keyof MotionProgress) => ({ duration: STEP_PARTS[name] * scale, onFrame: (value: number) => (progress[name] = value) });
    const options = timeline([part('carried'), part('gradient'), part('sum'), part('glide')]);
    const drawParts = options.onFrame;
    this.#animator.play({
      ...options,
      onFrame: (eased, linear) => {
        drawParts(eased, linear);
        this.#broadcast({ ...progress }, linear);
      },
    });
  }

  /** Scrubs the current animation (0 … 1); pauses it there. */
  seek(position: number): void {
    this.#animator.current?.seek(position);
  }

  /** Jumps to the end (an edit, a step back, a reset: the drawing shows the state at once). */
  settle(step = 0): void {
    this.#animator.finish();
    this.step = step;
    this.#broadcast(SETTLED, 1);
  }

  destroy(): void {
    this.#animator.destroy();
    this.#listeners = [];
  }
}
