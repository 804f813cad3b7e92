import { describe, expect, it } from 'vitest';
import type { FlowLayer } from '../../../shared/core/dense/index';
import { gradientFlowToolSchema } from '../../../shared/project/dense-labs';
import { flowTrend, GRADIENT_FLOW_PRESET_IDS, parseWidths, presetSettings, sawtoothFacts } from './dense-labs';

const layer = (delta_norm: number, grad_weight_norm = 1) => ({ delta_norm, grad_weight_norm }) as FlowLayer;

describe('the gradient-flow lab\'s reading of a result', () => {
  it('reads the trend from ||delta_1|| / ||delta_L||, not from the weight gradients', () => {
    // The weight gradients look stable (1 and 1), the backward signal has shrunk 1,000 times.
    expect(flowTrend([layer(1e-3), layer(0.5), layer(1)])).toEqual({ ratio: 1e-3, trend: 'vanishing' });
    expect(flowTrend([layer(500, 1e-9), layer(1)])).toEqual({ ratio: 500, trend: 'exploding' });
    expect(flowTrend([layer(0.9), layer(1)])!.trend).toBe('stable');
    expect(flowTrend([layer(Infinity), layer(1)])!.trend).toBe('exploding');
    expect(flowTrend([layer(1)])).toBeNull();
  });

  it('every preset is a valid saved state of the lab', () => {
    for (const id of GRADIENT_FLOW_PRESET_IDS) expect(gradientFlowToolSchema.safeParse(presetSettings(id)).success).toBe(true);
  });
});

describe('the depth lab\'s arithmetic', () => {
  it('sawtooth of depth k: 2^k pieces, 6k + 1 parameters; one hidden layer needs 2^k - 1 units (3n + 1 parameters)', () => {
    expect(sawtoothFacts(1)).toEqual({ pieces: 2, parameters: 7, shallowUnits: 1, shallowParameters: 4 });
    expect(sawtoothFacts(3)).toEqual({ pieces: 8, parameters: 19, shallowUnits: 7, shallowParameters: 22 });
    expect(sawtoothFacts(10).pieces).toBe(1024);
  });

  it('reads widths typed with commas, Arabic commas or spaces, and names the first bad entry', () => {
    const read = (entry: string) => (/^\d+$/.test(entry) ? Number(entry) : null);
    const limits = { maxLayers: 4, maxWidth: 16 };
    expect(parseWidths('8, 8 ,4', read, limits)).toEqual({ ok: true, widths: [8, 8, 4] });
    expect(parseWidths('8، 6', read, limits)).toEqual({ ok: true, widths: [8, 6] });
    expect(parseWidths('8, 17', read, limits)).toEqual({ ok: false, index: 1 });
    expect(parseWidths('8, x', read, limits)).toEqual({ ok: false, index: 1 });
    expect(parseWidths('', read, limits)).toEqual({ ok: false, index: 0 });
    expect(parseWidths('1 1 1 1 1', read, limits)).toEqual({ ok: false, index: 4 });
  });
});
