import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { solveSettings } from './solve';
import { summarizeNetwork } from './summarize';

/** The engine's own conv rule as the oracle: a 1xNxN input through Conv2d with the setting. */
function engineOutput(input: number, kernel: number, stride: number, padding: number, dilation: number): number | null {
  const summary = summarizeNetwork({ input: [1, input, input], layers: [{ type: 'conv2d', out_channels: 1, kernel, stride, padding, dilation }] });
  const info = summary.layers[0]!;
  return info.status === 'ok' ? info.outputShape[1]! : null;
}

describe('which settings turn input size i into output size o', () => {
  it("explains the seed's layer 4 (31 -> 27): a 3x3 kernel with dilation 2, among others", () => {
    const { settings } = solveSettings({ input: 31, output: 27 });
    expect(settings).toContainEqual(expect.objectContaining({ kernel: 3, stride: 1, padding: 0, dilation: 2, text: 'floor((31 + 2*0 - 2*(3 - 1) - 1)/1) + 1 = 27' }));
    expect(settings).toContainEqual(expect.objectContaining({ kernel: 5, stride: 1, padding: 0, dilation: 1 }));
    expect(settings[0]).toMatchObject({ kernel: 5, stride: 1, padding: 0, dilation: 1 });
    // A plain 3x3 kernel without dilation gives 29, so it is not listed.
    expect(settings).not.toContainEqual(expect.objectContaining({ kernel: 3, stride: 1, padding: 0, dilation: 1 }));
  });

  it('every listed setting gives o in the engine, and every setting within the limits that does is listed', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 40 }), fc.integer({ min: 1, max: 40 }), (input, output) => {
        const limits = { maxKernel: 5, maxStride: 3, maxPadding: 2, maxDilation: 3 };
        const { settings } = solveSettings({ input, output, ...limits });
        for (const s of settings) expect(engineOutput(input, s.kernel, s.stride, s.padding, s.dilation)).toBe(output);
        let expected = 0;
        for (let k = 1; k <= 5; k++)
          for (let s = 1; s <= 3; s++)
            for (let p = 0; p <= 2; p++)
              for (let d = 1; d <= (k === 1 ? 1 : 3); d++) if (engineOutput(input, k, s, p, d) === output) expected++;
        expect(settings).toHaveLength(expected);
      }),
      { numRuns: 40 },
    );
  });

  it('bad sizes are a problem, not an exception', () => {
    expect(solveSettings({ input: 0, output: 3 }).problem).toBe('the input size must be a whole number from 1 to 1,000,000, got 0');
    expect(solveSettings({ input: 10, output: 2.5 }).problem).toContain('output size');
    expect(solveSettings({ input: 3, output: 50 }).settings).toEqual([]);
  });
});
