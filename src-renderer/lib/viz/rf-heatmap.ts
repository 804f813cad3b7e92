import { onAppearanceChange } from '../theme';
import { cssToken, sequentialRgb } from './color';
import type { EffectiveFieldResult } from '../../../shared/core/receptive/effective-field';
import type { Box } from '../../../shared/core/receptive/region';

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
 * The theoretical field (clipped to the image, outlined) with some context around it, the
 * image dimmed underneath, and the effective field |dy/dx| over the field as a heatmap: the
 * sequential scale of lib/viz/color.ts from 0 to the peak, opaque, so a zero gradient is the
 * colour at the zero end of the view's Legend (components/Legend), never the image under it.
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
    // The view: the theoretical field with a quarter of its size as context on each side, within the image.
    const box = options.field?.box ?? options.box;
    let view: [number, number, number, number] = [0, 0, height - 1, width - 1];
    if (box) {
      const contextRows = Math.max(2, Math.round((box[2] - box[0] + 1) / 4));
      const contextColumns = Math.max(2, Math.round((box[3] - box[1] + 1) / 4));
      view = [Math.max(0, box[0] - contextRows), Math.max(0, box[1] - contextColumns), Math.min(height - 1, box[2] + contextRows), Math.min(width - 1, box[3] + contextColumns)];
    }
    const viewHeight = view[2] - view[0] + 1;
    const viewWidth = view[3] - view[1] + 1;
    const scale = SIDE / Math.max(viewHeight, viewWidth);
    const cssWidth = viewWidth * scale;
    const cssHeight = viewHeight * scale;
    const ratio = window.devicePixelRatio || 1;
    canvas.width = Math.round(cssWidth * ratio);
    canvas.height = Math.round(cssHeight * ratio);
    canvas.style.inlineSize = `${cssWidth}px`;
    canvas.style.blockSize = `${cssHeight}px`;
    canvas.setAttribute('data-view', view.join(','));
    const context = canvas.getContext('2d');
    if (!context) return;
    context.setTransform(canvas.width / cssWidth, 0, 0, canvas.height / cssHeight, 0, 0);
    context.imageSmoothingEnabled = false;
    context.fillStyle = cssToken(node, '--surface-sunken');
    context.fillRect(0, 0, cssWidth, cssHeight);
    // input pixel (row, column) -> canvas position
    const px = (column: number) => (column - view[1]) * scale;
    const py = (row: number) => (row - view[0]) * scale;
    if (options.image) {
      context.globalAlpha = 0.45;
      context.drawImage(options.image, view[1], view[0], viewWidth, viewHeight, 0, 0, cssWidth, cssHeight);
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
          const [r, g, b] = sequentialRgb(value / field.peak);
          pixels.data[4 * i] = r;
          pixels.data[4 * i + 1] = g;
          pixels.data[4 * i + 2] = b;
          pixels.data[4 * i + 3] = 255;
        });
        scratchContext.putImageData(pixels, 0, 0);
        context.drawImage(scratch, px(left), py(top), boxWidth * scale, boxHeight * scale);
      }
    }
    if (options.box) {
      const [top, left, bottom, right] = options.box;
      context.strokeStyle = cssToken(node, '--accent');
      context.lineWidth = 2;
      context.strokeRect(px(left), py(top), (right - left + 1) * scale, (bottom - top + 1) * scale);
    }
  }

  let current = initial;
  draw(current);
  // Colours come from the theme: redraw when it changes (lib/theme).
  const stopFollowingTheme = onAppearanceChange(() => draw(current));
  return {
    update(next) {
      current = next;
      draw(next);
    },
    destroy() {
      stopFollowingTheme();
      canvas.remove();
    },
  };
}
