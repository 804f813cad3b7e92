import type { OptimizeStep } from '../../../shared/core/optim/index';

/** A point in parameter space, on the contour plot's two axes. */
export interface MotionPoint {
  x: number;
  y: number;
}

/** A drawn vector in parameter space: from its tail to its head. */
export interface MotionVector {
  from: MotionPoint;
  to: MotionPoint;
}

/**
 * One optimizer step on two axes, as the animation draws it (the Distill momentum picture):
 * the carried velocity from the current point, the gradient term from its head, their sum
 * (the whole move), along which the point then glides. Every endpoint is the core's numbers:
 * `from` is the step table's parameters before the step, `to` its parameters after, and
 * `turn` = from + the core's carried term (`step.move.carried`).
 */
export interface StepMotion {
  /** 1-based step number. */
  step: number;
  from: MotionPoint;
  /** Head of the carried velocity, tail of the gradient term; null when the core gives no split (Adam, RMSprop, Adagrad). */
  turn: MotionPoint | null;
  to: MotionPoint;
}

/**
 * The motion of step `step` (1-based) of a trace on axes `[x, y]`, or null for a step the
 * trace does not have.
 */
export function stepMotion(trace: { initial: Record<string, number>; steps: readonly Pick<OptimizeStep, 'params' | 'move'>[] }, step: number, [x, y]: readonly [string, string]): StepMotion | null {
  const record = trace.steps[step - 1];
  if (!record || step < 1) return null;
  const before = step === 1 ? trace.initial : trace.steps[step - 2]!.params;
  const from = { x: before[x]!, y: before[y]! };
  const turn = record.move ? { x: from.x + record.move.carried[x]!, y: from.y + record.move.carried[y]! } : null;
  return { step, from, turn, to: { x: record.params[x]!, y: record.params[y]! } };
}

/**
 * How far each part of the animation has got, each 0 … 1 (eased): the carried arrow grows,
 * then the gradient arrow from its head, then the sum, then the point glides along the sum.
 */
export interface MotionProgress {
  carried: number;
  gradient: number;
  sum: number;
  glide: number;
}

export const SETTLED: MotionProgress = { carried: 1, gradient: 1, sum: 1, glide: 1 };
export const NOT_BEGUN: MotionProgress = { carried: 0, gradient: 0, sum: 0, glide: 0 };

/** What to draw at a moment of the animation: the arrows as far as they have grown, and the point. */
export interface MotionFrame {
  /** Null before it begins to grow (or when there is no split). */
  carried: MotionVector | null;
  gradient: MotionVector | null;
  sum: MotionVector | null;
  /** The moving point: `from` until the glide, then along the sum to `to`. */
  point: MotionPoint;
}

const along = (from: MotionPoint, to: MotionPoint, share: number): MotionPoint => (share >= 1 ? to : share <= 0 ? from : { x: from.x + (to.x - from.x) * share, y: from.y + (to.y - from.y) * share });
const grown = (from: MotionPoint, to: MotionPoint, share: number): MotionVector | null => (share <= 0 ? null : { from, to: along(from, to, share) });

/** The frame of `motion` at `progress`: at SETTLED the arrows end exactly at the core's points and the point is at `to`. */
export function motionFrame(motion: StepMotion, progress: MotionProgress): MotionFrame {
  const { from, turn, to } = motion;
  return {
    carried: turn ? grown(from, turn, progress.carried) : null,
    gradient: turn ? grown(turn, to, progress.gradient) : null,
    sum: grown(from, to, progress.sum),
    point: along(from, to, progress.glide),
  };
}

/**
 * Which of the step's numbers the table shows at this moment (state first, drawing after: the
 * row's forward numbers are there at once): 1 the gradient, as its arrow begins; 2 the new
 * state (Delta), as the sum is drawn; 3 the new parameters, when the point arrives.
 */
export function revealedAt(progress: MotionProgress): 0 | 1 | 2 | 3 {
  if (progress.glide >= 1) return 3;
  if (progress.gradient >= 1) return 2;
  if (progress.carried >= 1) return 1;
  return 0;
}
