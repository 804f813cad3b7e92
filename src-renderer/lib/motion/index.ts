import { reducedMotion } from '../theme';

/**
 * Motion with care (issue 10, requirement 8; STYLE.md 16): the one helper for durations and
 * for animating d3 / canvas drawings. Three rules it enforces:
 *
 * 1. **Reduced motion makes everything instant.** `duration()` is 0 when the OS's
 *    prefers-reduced-motion or the user's setting asks for it, and a tween of duration 0 draws
 *    its end state synchronously, inside the call that started it.
 * 2. **An animation never delays input.** Apply the new state first (the numbers, the table,
 *    the focus), then animate the drawing from the old state to the new: the tween only paints.
 * 3. **A new animation interrupts the running one**, which jumps to its end state first
 *    (`createAnimator().play()`), so a student pressing "Step" twice sees step 2 begin from
 *    step 1's end, never two animations fighting over the same element.
 *
 * `onFrame(progress)` must draw the state at `progress` from scratch (a pure function of it),
 * so a scrubber can `seek()` backwards and forwards.
 *
 * @example
 * // A point moving from one optimizer position to the next, interruptible, scrubbable:
 * const animator = createAnimator();
 * function showStep(from: Point, to: Point) {
 *   animator.play({
 *     duration: 'step',
 *     onFrame: (p) => point.attr('cx', x(from.x + (to.x - from.x) * p)).attr('cy', y(from.y + (to.y - from.y) * p)),
 *   });
 * }
 * scrubber.oninput = () => animator.current?.seek(Number(scrubber.value)); // 0 … 1
 *
 * @example
 * // One segment per layer (a receptive field growing layer by layer):
 * animator.play(timeline(regions.map((region) => ({ duration: 'base', onFrame: (p) => drawRegion(region, p) }))));
 */

/** Durations in ms, mirrored by --duration-* in styles/tokens.css (tokens.test.ts compares them). */
export const DURATIONS = {
  fast: 120,
  base: 200,
  slow: 320,
  step: 600,
} as const;

export type DurationName = keyof typeof DURATIONS;

/** A duration in ms, by name or in ms; 0 whenever motion is reduced. */
export function duration(value: DurationName | number): number {
  if (reducedMotion()) return 0;
  return typeof value === 'number' ? Math.max(0, value) : DURATIONS[value];
}

/** Maps linear progress 0 … 1 to eased progress 0 … 1. */
export type Easing = (t: number) => number;

/** The easings of styles/tokens.css (--ease-standard, -out, -in) and linear. */
export const EASINGS = {
  linear: (t: number) => t,
  /** In and out, for a thing moving from one place to another (cubic). */
  standard: (t: number) => (t < 0.5 ? 4 * t * t * t : 1 - (-2 * t + 2) ** 3 / 2),
  /** Decelerating, for a thing arriving (cubic out). */
  out: (t: number) => 1 - (1 - t) ** 3,
  /** Accelerating, for a thing leaving (cubic in). */
  in: (t: number) => t * t * t,
} satisfies Record<string, Easing>;

/** Where frames come from: requestAnimationFrame in the page; a fake clock in unit tests. */
export interface FrameClock {
  now(): number;
  request(callback: (time: number) => void): number;
  cancel(handle: number): void;
}

export const browserClock: FrameClock = {
  now: () => performance.now(),
  request: (callback) => requestAnimationFrame(callback),
  cancel: (handle) => cancelAnimationFrame(handle),
};

export interface TweenOptions {
  /** By name (DURATIONS) or in ms; made 0 by reduced motion unless `ignoreReducedMotion`. */
  duration: DurationName | number;
  /** Default: standard. */
  ease?: Easing;
  /** Draws the state at eased `progress` (0 … 1); `linear` is the raw time share. */
  onFrame: (progress: number, linear: number) => void;
  /** Once the end state is drawn (by time, `finish()` or a newer animation); not after `cancel()`. */
  onEnd?: () => void;
  /** Start paused at 0 (a scrubber drives it) instead of playing. Default false. */
  paused?: boolean;
  /** Only for an animation that is the content itself (never for a transition). Default false. */
  ignoreReducedMotion?: boolean;
  clock?: FrameClock;
}

export type TweenState = 'running' | 'paused' | 'finished' | 'cancelled';

/** A running animation: its progress, and the controls a stepper or scrubber needs. */
export interface Tween {
  /** Linear progress 0 … 1 (the scrubber's value). */
  readonly progress: number;
  readonly state: TweenState;
  /** Total length in ms (0 under reduced motion). */
  readonly duration: number;
  /** Resumes from the current progress (from 0 when finished). */
  play(): void;
  pause(): void;
  /** Draws the state at linear progress `t` (clamped to 0 … 1) and pauses there. */
  seek(t: number): void;
  /** Jumps to the end state now (draws it, calls onEnd). */
  finish(): void;
  /** Stops where it is, without drawing the end state or calling onEnd. */
  cancel(): void;
  /** Resolves when finished, also when finished early; never rejects (a cancel resolves it too). */
  readonly done: Promise<void>;
}

/**
 * A cancellable, seekable tween over one `onFrame`. Under reduced motion (or a duration of 0)
 * it draws the end state before returning and is `finished` at once.
 */
export function tween(options: TweenOptions): Tween {
  const clock = options.clock ?? browserClock;
  const ease = options.ease ?? EASINGS.standard;
  const length = options.ignoreReducedMotion ? Math.max(0, typeof options.duration === 'number' ? options.duration : DURATIONS[options.duration]) : duration(options.duration);
  let state: TweenState = 'paused';
  let progress = 0;
  /** clock time at which progress was 0, while running */
  let origin = 0;
  let handle: number | null = null;
  let resolveDone: () => void = () => {};
  const done = new Promise<void>((resolve) => (resolveDone = resolve));

  const draw = (t: number) => {
    progress = t;
    options.onFrame(ease(t), t);
  };
  const stopFrames = () => {
    if (handle !== null) clock.cancel(handle);
    handle = null;
  };
  const end = () => {
    stopFrames();
    draw(1);
    state = 'finished';
    options.onEnd?.();
    resolveDone();
  };
  const frame = () => {
    handle = null;
    if (state !== 'running') return;
    const t = length === 0 ? 1 : Math.min(1, (clock.now() - origin) / length);
    if (t >= 1) end();
    else {
      draw(t);
      handle = clock.request(frame);
    }
  };

  const controls: Tween = {
    get progress() {
      return progress;
    },
    get state() {
      return state;
    },
    duration: length,
    play() {
      if (state === 'running' || state === 'cancelled') return;
      if (state === 'finished') progress = 0;
      if (length === 0) return end();
      state = 'running';
      origin = clock.now() - progress * length;
      draw(progress);
      handle = clock.request(frame);
    },
    pause() {
      if (state !== 'running') return;
      stopFrames();
      state = 'paused';
    },
    seek(t) {
      if (state === 'cancelled') return;
      stopFrames();
      state = 'paused';
      draw(Math.max(0, Math.min(1, Number.isFinite(t) ? t : 0)));
    },
    finish() {
      if (state === 'finished' || state === 'cancelled') return;
      end();
    },
    cancel() {
      if (state === 'finished' || state === 'cancelled') return;
      stopFrames();
      state = 'cancelled';
      resolveDone();
    },
    done,
  };

  if (options.paused && length > 0) draw(0);
  else controls.play();
  return controls;
}

/** One part of a timeline: its own duration, easing and drawing. */
export interface TimelineSegment {
  duration: DurationName | number;
  ease?: Easing;
  /** Draws this segment at its own eased progress 0 … 1 (0: not begun, 1: done). */
  onFrame: (progress: number) => void;
}

/**
 * Segments played one after another as one tween's options (pass the result to `tween()` or
 * `createAnimator().play()`): seeking to any point draws every segment before it at 1, the one
 * under it in between, and every later one at 0 (each segment is drawn only when its own
 * progress changes). Reduced motion makes every segment's duration 0: the end state at once.
 */
export function timeline(segments: readonly TimelineSegment[], options: Omit<TweenOptions, 'duration' | 'onFrame' | 'ease'> = {}): TweenOptions {
  const lengths = segments.map((segment) => (options.ignoreReducedMotion ? (typeof segment.duration === 'number' ? segment.duration : DURATIONS[segment.duration]) : duration(segment.duration)));
  const total = lengths.reduce((sum, length) => sum + length, 0);
  const drawn = segments.map(() => Number.NaN);
  return {
    ...options,
    duration: total,
    ease: EASINGS.linear,
    ignoreReducedMotion: true,
    onFrame(_eased, linear) {
      const time = linear * total;
      let start = 0;
      segments.forEach((segment, i) => {
        const length = lengths[i]!;
        const local = length === 0 ? (time >= start || linear >= 1 ? 1 : 0) : Math.max(0, Math.min(1, (time - start) / length));
        start += length;
        if (drawn[i] === local) return;
        drawn[i] = local;
        segment.onFrame((segment.ease ?? EASINGS.standard)(local));
      });
    },
  };
}

/** One element's animations: each `play` first finishes the one running (rule 3). */
export interface Animator {
  /** Finishes the running animation (end state drawn), then starts this one. */
  play(options: TweenOptions): Tween;
  /** The last animation started (running, paused, or finished), for a scrubber; null before the first. */
  readonly current: Tween | null;
  /** Jumps the running animation to its end state. */
  finish(): void;
  /** Stops without drawing the end (the element is going away). */
  destroy(): void;
}

export function createAnimator(): Animator {
  let current: Tween | null = null;
  return {
    play(options) {
      current?.finish();
      current = tween(options);
      return current;
    },
    get current() {
      return current;
    },
    finish() {
      current?.finish();
    },
    destroy() {
      current?.cancel();
      current = null;
    },
  };
}
