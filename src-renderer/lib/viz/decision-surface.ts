import { contours, geoPath } from 'd3';
import { onAppearanceChange } from '../theme';
import { cssToken, divergingColor, divergingRgb } from './color';

export interface DecisionSurfaceOptions {
  /** grid axes (ascending): values[j * x.length + i] is the point (x[i], y[j]) */
  grid: { x: number[]; y: number[] };
  /** the probability of class 1 at every grid point, or null (not yet trained) */
  probability: number[] | null;
  /** [x, y] of each point and its class (0 or 1) */
  train: { x: number[][]; y: number[] };
  validation: { x: number[][]; y: number[] };
  /** extra training points of the "more data" remedy, drawn like the training points (or null) */
  extra: { x: number[][]; y: number[] } | null;
  label: string;
}

export interface DecisionSurface {
  update(options: DecisionSurfaceOptions): void;
  destroy(): void;
}

/** Side of the drawing in CSS pixels (the canvas is scaled for the screen's pixel ratio). */
const SIDE = 320;
const RADIUS = 3.5;

/**
 * The class probabilities of a two-class network over the plane: each grid cell coloured on
 * the diverging scale by 2p - 1 (red: class 0, neutral: undecided, blue: class 1), the
 * decision boundary p = 0.5 as a line, the training points filled and the validation points
 * as rings, in their class's colour. x grows to the right in every language.
 */
export function createDecisionSurface(node: HTMLElement, initial: DecisionSurfaceOptions): DecisionSurface {
  const canvas = document.createElement('canvas');
  canvas.setAttribute('role', 'img');
  canvas.setAttribute('data-testid', 'decision-surface-canvas');
  canvas.style.display = 'block';
  canvas.style.inlineSize = '100%';
  canvas.style.maxInlineSize = `${SIDE}px`;
  canvas.style.aspectRatio = '1';
  node.append(canvas);
  const scratch = document.createElement('canvas');

  function draw(options: DecisionSurfaceOptions) {
    canvas.setAttribute('aria-label', options.label);
    const ratio = Math.max(1, Math.min(3, window.devicePixelRatio || 1));
    canvas.width = Math.round(SIDE * ratio);
    canvas.height = Math.round(SIDE * ratio);
    const context = canvas.getContext('2d');
    if (!context) return;
    context.setTransform(ratio, 0, 0, ratio, 0, 0);
    const { x: xs, y: ys } = options.grid;
    const [x0, x1] = [xs[0]!, xs.at(-1)!];
    const [y0, y1] = [ys[0]!, ys.at(-1)!];
    const px = (x: number) => ((x - x0) / (x1 - x0)) * SIDE;
    const py = (y: number) => SIDE - ((y - y0) / (y1 - y0)) * SIDE;
    context.fillStyle = cssToken(node, '--surface-sunken') || cssToken(node, '--surface');
    context.fillRect(0, 0, SIDE, SIDE);
    const columns = xs.length;
    const rows = ys.length;
    if (options.probability) {
      scratch.width = columns;
      scratch.height = rows;
      const small = scratch.getContext('2d');
      if (small) {
        const image = small.createImageData(columns, rows);
        for (let j = 0; j < rows; j++) {
          for (let i = 0; i < columns; i++) {
            const [r, g, b] = divergingRgb(2 * options.probability[j * columns + i]! - 1, 1);
            // Row 0 of the image is the top: the largest y.
            image.data.set([r, g, b, 255], ((rows - 1 - j) * columns + i) * 4);
          }
        }
        small.putImageData(image, 0, 0);
        context.imageSmoothingEnabled = true;
        // Grid points are cell centres: the image spans half a cell beyond the first and last point.
        const cellX = SIDE / (columns - 1);
        const cellY = SIDE / (rows - 1);
        context.drawImage(scratch, -cellX / 2, -cellY / 2, SIDE + cellX, SIDE + cellY);
      }
      // The decision boundary: the 0.5 contour of the grid, mapped from grid indices to pixels.
      const boundary = contours().size([columns, rows]).thresholds([0.5])(options.probability)[0];
      if (boundary) {
        context.save();
        context.translate(0, SIDE);
        context.scale(SIDE / (columns - 1), -SIDE / (rows - 1));
        context.translate(-0.5, -0.5);
        context.beginPath();
        geoPath(null, context)(boundary);
        context.restore();
        context.strokeStyle = cssToken(node, '--text');
        context.lineWidth = 1.5;
        context.stroke();
      }
    }
    const ink = cssToken(node, '--text');
    const points = (set: { x: number[][]; y: number[] }, filled: boolean) => {
      set.x.forEach(([x, y], n) => {
        const colour = divergingColor(set.y[n] === 1 ? 1 : -1, 1);
        context.beginPath();
        context.arc(px(x!), py(y!), RADIUS, 0, 2 * Math.PI);
        if (filled) {
          context.fillStyle = colour;
          context.fill();
          context.strokeStyle = ink;
          context.lineWidth = 1;
          context.stroke();
        } else {
          context.strokeStyle = ink;
          context.lineWidth = 3.5;
          context.stroke();
          context.strokeStyle = colour;
          context.lineWidth = 2;
          context.stroke();
        }
      });
    };
    points(options.train, true);
    if (options.extra) points(options.extra, true);
    points(options.validation, false);
    context.strokeStyle = cssToken(node, '--border-strong');
    context.lineWidth = 1;
    context.strokeRect(0.5, 0.5, SIDE - 1, SIDE - 1);
  }

  let current = initial;
  draw(current);
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
