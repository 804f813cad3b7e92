import { describe, expect, it } from 'vitest';
import { motionFrame, NOT_BEGUN, revealedAt, SETTLED, stepMotion } from './step-motion';

/**
 * The seed's Q4 by hand (SEED-NOTES.md): a b c d start at 1 -1 -1 1; step 1 Delta = (-1.6,
 * -1.6, 1.6, -1.6), nothing carried, so -mu*g = -Delta_1; step 2's gradient is 0 and the whole
 * move is the carried -0.9*Delta_1 = (1.44, 1.44, -1.44, 1.44).
 */
const SEED = {
  initial: { a: 1, b: -1, c: -1, d: 1 },
  steps: [
    { params: { a: 2.6, b: 0.6, c: -2.6, d: 2.6 }, move: { carried: { a: 0, b: 0, c: 0, d: 0 }, gradient: { a: 1.6, b: 1.6, c: -1.6, d: 1.6 } } },
    { params: { a: 4.04, b: 2.04, c: -4.04, d: 4.04 }, move: { carried: { a: 1.44, b: 1.44, c: -1.44, d: 1.44 }, gradient: { a: 0, b: 0, c: 0, d: 0 } } },
  ],
};

describe('the momentum step animation geometry', () => {
  it('step 1 on (a, b): from the start, nothing carried, the gradient term to the new parameters', () => {
    expect(stepMotion(SEED, 1, ['a', 'b'])).toEqual({ step: 1, from: { x: 1, y: -1 }, turn: { x: 1, y: -1 }, to: { x: 2.6, y: 0.6 } });
  });

  it('step 2 on (c, d): the carried velocity ends where the (zero) gradient term begins, at the new parameters', () => {
    const motion = stepMotion(SEED, 2, ['c', 'd'])!;
    expect(motion.from).toEqual({ x: -2.6, y: 2.6 });
    expect(motion.turn!.x).toBeCloseTo(-4.04, 12);
    expect(motion.turn!.y).toBeCloseTo(4.04, 12);
    expect(motion.to).toEqual({ x: -4.04, y: 4.04 });
  });

  it('settled, the arrows are head to tail and the sum and the point end exactly at the step table\'s parameters', () => {
    const motion = stepMotion(SEED, 2, ['a', 'b'])!;
    const frame = motionFrame(motion, SETTLED);
    expect(frame.carried).toEqual({ from: motion.from, to: motion.turn });
    expect(frame.gradient).toEqual({ from: motion.turn, to: motion.to });
    expect(frame.sum).toEqual({ from: { x: 2.6, y: 0.6 }, to: { x: 4.04, y: 2.04 } });
    expect(frame.point).toEqual({ x: 4.04, y: 2.04 });
  });

  it('before it begins nothing is drawn and the point is at the old parameters; half-way through the glide it is half-way along the sum', () => {
    const motion = stepMotion(SEED, 1, ['a', 'b'])!;
    expect(motionFrame(motion, NOT_BEGUN)).toEqual({ carried: null, gradient: null, sum: null, point: { x: 1, y: -1 } });
    const half = motionFrame(motion, { carried: 1, gradient: 1, sum: 1, glide: 0.5 });
    expect(half.point.x).toBeCloseTo(1.8, 12);
    expect(half.point.y).toBeCloseTo(-0.2, 12);
    // The gradient arrow half grown: from its tail, half of -mu*g = (0.8, 0.8).
    const growing = motionFrame(motion, { carried: 1, gradient: 0.5, sum: 0, glide: 0 });
    expect(growing.gradient!.to.x).toBeCloseTo(1.8, 12);
    expect(growing.sum).toBeNull();
  });

  it('an optimizer without a split (Adam) draws only the sum', () => {
    const adam = { initial: { a: 0, b: 0 }, steps: [{ params: { a: -0.5, b: 0.5 }, move: null }] };
    const frame = motionFrame(stepMotion(adam, 1, ['a', 'b'])!, SETTLED);
    expect(frame.carried).toBeNull();
    expect(frame.gradient).toBeNull();
    expect(frame.sum).toEqual({ from: { x: 0, y: 0 }, to: { x: -0.5, y: 0.5 } });
  });

  it('no motion for a step the trace does not have', () => {
    expect(stepMotion(SEED, 0, ['a', 'b'])).toBeNull();
    expect(stepMotion(SEED, 3, ['a', 'b'])).toBeNull();
  });

  it('the table shows the gradient as its arrow begins, the state as the sum is drawn, the parameters on arrival', () => {
    expect(revealedAt(NOT_BEGUN)).toBe(0);
    expect(revealedAt({ carried: 1, gradient: 0, sum: 0, glide: 0 })).toBe(1);
    expect(revealedAt({ carried: 1, gradient: 1, sum: 0.2, glide: 0 })).toBe(2);
    expect(revealedAt({ carried: 1, gradient: 1, sum: 1, glide: 0.99 })).toBe(2);
    expect(revealedAt(SETTLED)).toBe(3);
  });
});
