import { interpolateInferno } from 'd3';
import type { EffectiveFieldResult } from '../../../shared/core/receptive/effective-field';
import type { Box } from '../../../shared/core/receptive/region';
import { cssColor } from './rf-theme';

export interface RfHeatmapOptions {
  /** [H, W] of the input. */
  inputSize: [number, number];
  /** The image under the field, already at the input's H x W (or null). */
  image: CanvasImageSource | null;
  /** The theoretical field clipped to the image (the box the heatmap covers). */
  box: Box | null;
  /** The effective field, or null while it is computed. */
  field: EffectiveFieldResult | null;
}

export interface RfHeatmap {
  update(options: RfHeatmapOptions): void;
  destroy(): void;
}

/** Side of the drawing, CSS pixels. */
const SIDE = 300;

/**
 * The input (and its image, dimmed) with the theoretical field outlined and the effective
 * field |dy/dx| drawn over it as a heatmap (inferno, scaled to the peak; zero is transparent).
 */
export function createRfHeatmap(node: HTMLElement, initial: RfHeatmapOptions): RfHeatmap {
  const canvas = document.createElement('canvas');
  canvas.setAttribute('data-testid', 'rf-heatmap-canvas');
  canvas.style.display = 'block';
  canvas.style.maxInlineSize = '100%';
  node.append(canvas);
  const scratch = document.createElement('canvas');

  function draw(options: RfHeatmapOptions) {
    const [height, width] = options.inputSize;
    const scale = SIDE / Math.max(height, width);
    const cssWidth = width * scale;
    const cssHeight = height * scale;
    const ratio = Math.max(1, Math.ceil(window.devicePixelRatio || 1));
    canvas.width = Math.ceil(cssWidth * ratio);
    canvas.height = Math.ceil(cssHeight * ratio);
    canvas.style.inlineSize = `${cssWidth}px`;
    canvas.style.blockSize = `${cssHeight}px`;
    const context = canvas.getContext('2d');
    if (!context) return;
    context.setTransform(ratio, 0, 0, ratio, 0, 0);
    context.imageSmoothingEnabled = false;
    context.fillStyle = cssColor(node, '--surface-raised', '#fbfbfc');
    context.fillRect(0, 0, cssWidth, cssHeight);
    if (options.image) {
      context.globalAlpha = 0.45;
      context.drawImage(options.image, 0, 0, cssWidth, cssHeight);
      context.globalAlpha = 1;
    }
    const field = options.field;
    if (field && field.peak > 0) {
      const [top, left, bottom, right] = field.box;
      const boxWidth = right - left + 1;
      const boxHeight = bottom - top + 1;
      scratch.width = boxWidth;
      scratch.height = boxHeight;
      const scratchContext = scratch.getContext('2d');
      if (scratchContext) {
        const pixels = scratchContext.createImageData(boxWidth, boxHeight);
        field.magnitude.forEach((value, i) => {
          const level = value / field.peak;
          const colour = interpolateInferno(0.15 + 0.85 * level);
          const match = /rgb\((\d+), (\d+), (\d+)\)/.exec(colour);
          pixels.data[4 * i] = Number(match?.[1] ?? 0);
          pixels.data[4 * i + 1] = Number(match?.[2] ?? 0);
          pixels.data[4 * i + 2] = Number(match?.[3] ?? 0);
          pixels.data[4 * i + 3] = value > 0 ? Math.round(90 + 165 * Math.sqrt(level)) : 0;
        });
        scratchContext.putImageData(pixels, 0, 0);
        context.drawImage(scratch, left * scale, top * scale, boxWidth * scale, boxHeight * scale);
      }
    }
    if (options.box) {
      const [top, left, bottom, right] = options.box;
      context.strokeStyle = cssColor(node, '--accent', '#2f6fdb');
      context.lineWidth = 2;
      context.strokeRect(left * scale, top * scale, (right - left + 1) * scale, (bottom - top + 1) * scale);
    }
  }

  draw(initial);
  return {
    update: draw,
    destroy() {
      canvas.remove();
    },
  };
}
