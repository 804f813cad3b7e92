import { describe, expect, it } from 'vitest';
import { LAYER_FIELDS, parseField, parseShape, withField } from './fields';

const kernel = LAYER_FIELDS.conv2d.find((field) => field.name === 'kernel')!;
const padding = LAYER_FIELDS.conv2d.find((field) => field.name === 'padding')!;
const stride = LAYER_FIELDS.conv2d.find((field) => field.name === 'stride')!;

describe('layer form fields', () => {
  it('reads a number or a pair; the engine judges the value', () => {
    expect(parseField(kernel, '7')).toEqual({ ok: true, value: 7 });
    expect(parseField(kernel, ' 3, 5 ')).toEqual({ ok: true, value: [3, 5] });
    expect(parseField(kernel, '3×5')).toEqual({ ok: true, value: [3, 5] });
    expect(parseField(kernel, '0')).toEqual({ ok: true, value: 0 });
    expect(parseField(kernel, '-2.5')).toEqual({ ok: true, value: -2.5 });
  });

  it('names what is wrong with text that is not a number', () => {
    expect(parseField(kernel, 'seven')).toEqual({ ok: false, message: 'editor.notANumberOrPair' });
    expect(parseField(kernel, '')).toEqual({ ok: false, message: 'editor.required' });
    expect(parseField(padding, 'full')).toEqual({ ok: false, message: 'editor.notPadding' });
  });

  it('an empty optional field falls back to the default (the key is removed)', () => {
    expect(parseField(stride, '')).toEqual({ ok: true, value: undefined });
    expect(withField({ type: 'conv2d', out_channels: 8, kernel: 3, stride: 2 }, 'stride', undefined)).toEqual({
      type: 'conv2d',
      out_channels: 8,
      kernel: 3,
    });
    expect(parseField(padding, 'same')).toEqual({ ok: true, value: 'same' });
  });

  it('reads an input shape', () => {
    expect(parseShape('3, 128, 128')).toEqual([3, 128, 128]);
    expect(parseShape('1024')).toEqual([1024]);
    expect(parseShape('3, a, 4')).toBeNull();
  });

  it('reads Persian and Arabic-Indic digits like Latin ones', () => {
    expect(parseField(kernel, '۷')).toEqual(parseField(kernel, '7'));
    expect(parseField(kernel, '۳، ۵')).toEqual({ ok: true, value: [3, 5] });
    expect(parseField(kernel, '٣×٥')).toEqual({ ok: true, value: [3, 5] });
    expect(parseField(kernel, '-۲٫۵')).toEqual({ ok: true, value: -2.5 });
    expect(parseShape('۳، ۱۲۸، ۱۲۸')).toEqual([3, 128, 128]);
    expect(parseShape('۳×۱۲۸×۱۲۸')).toEqual([3, 128, 128]);
  });
});
