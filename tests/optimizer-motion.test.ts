import { describe, expect, it } from 'vitest';
import { SEED_OPTIMIZE_PROBLEM } from '../shared/core/optim/presets';
import { runOptimization } from '../shared/core/optim/run';
import { motionFrame, SETTLED, stepMotion } from '../src-renderer/lib/viz/step-motion';

/**
 * The optimizer view's animation against the live core (the renderer may not import the core's
 * values, so this check lives here): every arrow endpoint is one of the core's numbers.
 */
describe("the step animation draws the core's numbers", () => {
  const problem = { ...SEED_OPTIMIZE_PROBLEM, epochs: 4, optimizer: { ...SEED_OPTIMIZE_PROBLEM.optimizer, lr: 0.01 } };
  const trace = runOptimization(problem);
  if (!trace.ok) throw new Error(JSON.stringify(trace.errors));

  it('for every step and axis pair: tail = parameters before, turn = before - beta*Delta_prev, head = parameters after', () => {
    const beta = 0.9;
    for (const axes of [['a', 'b'], ['c', 'd'], ['d', 'a']] as [string, string][]) {
      trace.steps.forEach((step, i) => {
        const motion = stepMotion(trace, step.step, axes)!;
        const before = i === 0 ? trace.initial : trace.steps[i - 1]!.params;
        const previousDelta = i === 0 ? { a: 0, b: 0, c: 0, d: 0 } : trace.steps[i - 1]!.state.delta!;
        expect(motion.from).toEqual({ x: before[axes[0]], y: before[axes[1]] });
        expect(motion.turn!.x).toBeCloseTo(before[axes[0]]! - beta * previousDelta[axes[0]]!, 10);
        expect(motion.turn!.y).toBeCloseTo(before[axes[1]]! - beta * previousDelta[axes[1]]!, 10);
        // The gradient term from the turn reaches the new parameters: turn - mu*g = after.
        expect(motion.turn!.x - 0.01 * step.grad[axes[0]]!).toBeCloseTo(step.params[axes[0]]!, 10);
        const settled = motionFrame(motion, SETTLED);
        expect(settled.point).toEqual({ x: step.params[axes[0]], y: step.params[axes[1]] });
      });
    }
  });
});
