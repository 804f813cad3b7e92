import { afterEach, describe, expect, it } from 'vitest';
import { setMotionPreference } from '../theme';
import { createAnimator, DURATIONS, duration, EASINGS, timeline, tween, type FrameClock } from './index';

/** A clock the test advances by hand: frames run only when `advance` is called. */
function fakeClock() {
  let time = 0;
  let next = 1;
  const pending = new Map<number, (time: number) => void>();
  const clock: FrameClock = {
    now: () => time,
    request(callback) {
      pending.set(next, callback);
      return next++;
    },
    cancel: (handle) => void pending.delete(handle),
  };
  return {
    clock,
    pending: () => pending.size,
    /** Moves time forward by `ms` and runs the frames that were waiting. */
    advance(ms: number) {
      time += ms;
      const callbacks = [...pending.values()];
      pending.clear();
      for (const callback of callbacks) callback(time);
    },
  };
}

afterEach(() => setMotionPreference('system'));

describe('duration', () => {
  it('is the named duration, and 0 whenever motion is reduced', () => {
    setMotionPreference('full');
    expect(duration('step')).toBe(DURATIONS.step);
    expect(duration(250)).toBe(250);
    setMotionPreference('reduce');
    expect(duration('step')).toBe(0);
    expect(duration(250)).toBe(0);
  });
});

describe('tween', () => {
  it('passes through intermediate progress on each frame and ends at exactly 1', () => {
    setMotionPreference('full');
    const { clock, advance } = fakeClock();
    const seen: number[] = [];
    let ended = 0;
    const animation = tween({ duration: 100, ease: EASINGS.linear, clock, onFrame: (p) => seen.push(p), onEnd: () => ended++ });
    expect(seen).toEqual([0]);
    advance(25);
    advance(25);
    expect(animation.progress).toBeCloseTo(0.5);
    expect(animation.state).toBe('running');
    advance(60);
    expect(seen).toEqual([0, 0.25, 0.5, 1]);
    expect(animation.state).toBe('finished');
    expect(ended).toBe(1);
  });

  it('under reduced motion draws the end state synchronously, before returning', () => {
    setMotionPreference('reduce');
    const { clock, pending } = fakeClock();
    const seen: number[] = [];
    const animation = tween({ duration: 'step', clock, onFrame: (p) => seen.push(p) });
    expect(seen).toEqual([1]);
    expect(animation.state).toBe('finished');
    expect(pending()).toBe(0);
  });

  it('seek draws any point and pauses; play resumes from there; cancel stops without the end', () => {
    setMotionPreference('full');
    const { clock, advance } = fakeClock();
    const seen: number[] = [];
    let ended = 0;
    const animation = tween({ duration: 100, ease: EASINGS.linear, clock, paused: true, onFrame: (p) => seen.push(p), onEnd: () => ended++ });
    expect(animation.state).toBe('paused');
    animation.seek(0.8);
    animation.seek(0.2);
    expect(seen).toEqual([0, 0.8, 0.2]);
    animation.play();
    advance(40);
    expect(animation.progress).toBeCloseTo(0.6);
    animation.cancel();
    advance(100);
    expect(animation.state).toBe('cancelled');
    expect(ended).toBe(0);
    expect(seen.at(-1)).toBeCloseTo(0.6);
  });

  it('eases: the standard curve is slow at the ends, fast in the middle', () => {
    expect(EASINGS.standard(0)).toBe(0);
    expect(EASINGS.standard(1)).toBe(1);
    expect(EASINGS.standard(0.5)).toBeCloseTo(0.5);
    expect(EASINGS.standard(0.1)).toBeLessThan(0.1);
    expect(EASINGS.standard(0.9)).toBeGreaterThan(0.9);
  });
});

describe('createAnimator', () => {
  it('a new play jumps the running animation to its end state first', () => {
    setMotionPreference('full');
    const { clock, advance } = fakeClock();
    const first: number[] = [];
    const second: number[] = [];
    const animator = createAnimator();
    const a = animator.play({ duration: 100, ease: EASINGS.linear, clock, onFrame: (p) => first.push(p) });
    advance(30);
    const b = animator.play({ duration: 100, ease: EASINGS.linear, clock, onFrame: (p) => second.push(p) });
    expect(a.state).toBe('finished');
    expect(first.at(-1)).toBe(1);
    expect(second).toEqual([0]);
    expect(animator.current).toBe(b);
    advance(50);
    // The finished first animation draws nothing more.
    expect(first.at(-1)).toBe(1);
    expect(second.at(-1)).toBeCloseTo(0.5);
  });
});

describe('timeline', () => {
  it('plays segments one after another; seeking back redraws the later ones at 0', () => {
    setMotionPreference('full');
    const { clock, advance } = fakeClock();
    const drawn: string[] = [];
    const segments = [0, 1, 2].map((i) => ({ duration: 100, ease: EASINGS.linear, onFrame: (p: number) => drawn.push(`${i}:${p.toFixed(2)}`) }));
    const animation = tween({ ...timeline(segments), clock });
    expect(animation.duration).toBe(300);
    advance(150);
    expect(drawn).toEqual(['0:0.00', '1:0.00', '2:0.00', '0:1.00', '1:0.50']);
    drawn.length = 0;
    animation.seek(0.1);
    expect(drawn).toEqual(['0:0.30', '1:0.00']);
    drawn.length = 0;
    animation.finish();
    expect(drawn).toEqual(['0:1.00', '1:1.00', '2:1.00']);
  });

  it('under reduced motion every segment is drawn at its end at once', () => {
    setMotionPreference('reduce');
    const drawn: number[] = [];
    const animation = tween(timeline([0, 1, 2].map(() => ({ duration: 'base' as const, onFrame: (p: number) => drawn.push(p) }))));
    expect(animation.state).toBe('finished');
    expect(drawn).toEqual([1, 1, 1]);
  });
});
