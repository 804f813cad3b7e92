import { createAnimator, EASINGS, timeline } from '../../lib/motion';

/**
 * The stepper's moving parts (issue 10, requirement 4), drawn over the grids: the window of
 * cells a step reads, which slides from the previous step's window to this one's, and the
 * step's result, which travels from the window to the cell it fills. Plain DOM, no Svelte:
 * the view measures the cells and hands over rectangles (in the layer's own coordinates).
 *
 * Through lib/motion, so reduced motion draws the end at once, and a new step finishes the
 * running one first (its cell fills, then the next begins from there).
 */

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface StepScene {
  /** The window over the tensor the step reads, and which grid it is on (a window slides only within one grid). */
  window: Rect | null;
  windowOn: string | null;
  /** The cell the step writes. */
  output: Rect | null;
  /** The number that travels (already formatted). */
  value: string;
  /** Terms of the step's sum, written out one by one while the window rests. */
  terms: number;
}

export interface StepMotionHooks {
  /** The step's cell is on its way: keep it empty. */
  onDepart: () => void;
  /** How many of the step's terms are written so far (Infinity: all). */
  onTerms: (count: number) => void;
  /** The result has reached its cell: fill it. */
  onArrive: () => void;
}

export interface StepMotion {
  /** Shows a step: animated from the last one when `animate`, else at once. `totalMs` is the whole animation's length. */
  show(scene: StepScene, options: { animate: boolean; totalMs: number }): void;
  /** No step (before the first, or everything shown): nothing drawn. */
  clear(): void;
  /** Redraws the resting state after a layout change (a resize), unless an animation is running. */
  rest(scene: StepScene): void;
  destroy(): void;
}

const lerp = (from: number, to: number, p: number) => from + (to - from) * p;
const lerpRect = (from: Rect, to: Rect, p: number): Rect => ({ x: lerp(from.x, to.x, p), y: lerp(from.y, to.y, p), width: lerp(from.width, to.width, p), height: lerp(from.height, to.height, p) });

export function createStepMotion(windowElement: HTMLElement, tokenElement: HTMLElement, hooks: StepMotionHooks): StepMotion {
  const animator = createAnimator();
  let last: { rect: Rect; on: string } | null = null;
  let running = false;

  function placeWindow(rect: Rect | null): void {
    if (!rect) {
      windowElement.hidden = true;
      return;
    }
    windowElement.hidden = false;
    windowElement.style.transform = `translate(${rect.x}px, ${rect.y}px)`;
    windowElement.style.width = `${rect.width}px`;
    windowElement.style.height = `${rect.height}px`;
  }

  function placeToken(from: Rect | null, to: Rect | null, p: number): void {
    if (!from || !to || p <= 0 || p >= 1) {
      tokenElement.hidden = true;
      return;
    }
    tokenElement.hidden = false;
    const x = lerp(from.x + from.width / 2, to.x + to.width / 2, p);
    const y = lerp(from.y + from.height / 2, to.y + to.height / 2, p);
    tokenElement.style.transform = `translate(${x}px, ${y}px) translate(-50%, -50%)`;
  }

  return {
    show(scene, { animate, totalMs }) {
      animator.finish();
      const from = last && scene.window && last.on === scene.windowOn ? last.rect : scene.window;
      last = scene.window && scene.windowOn ? { rect: scene.window, on: scene.windowOn } : null;
      tokenElement.textContent = scene.value;
      if (!animate) {
        placeWindow(scene.window);
        placeToken(null, null, 0);
        hooks.onTerms(Infinity);
        hooks.onArrive();
        return;
      }
      hooks.onDepart();
      hooks.onTerms(0);
      running = true;
      const slide = from && scene.window && from !== scene.window ? totalMs * 0.35 : totalMs * 0.15;
      const write = scene.terms > 0 ? totalMs * 0.4 : 0;
      const travel = totalMs - slide - write;
      let written = -1;
      animator.play(
        timeline(
          [
            { duration: slide, onFrame: (p) => placeWindow(from && scene.window ? lerpRect(from, scene.window, p) : scene.window) },
            {
              duration: write,
              ease: EASINGS.linear,
              onFrame: (p) => {
                const count = p >= 1 ? scene.terms : Math.floor(p * (scene.terms + 1));
                if (count !== written) hooks.onTerms((written = count));
              },
            },
            { duration: travel, ease: EASINGS.out, onFrame: (p) => placeToken(scene.window, scene.output, p) },
          ],
          {
            onEnd: () => {
              running = false;
              placeToken(null, null, 0);
              hooks.onTerms(Infinity);
              hooks.onArrive();
            },
          },
        ),
      );
    },
    clear() {
      animator.finish();
      last = null;
      placeWindow(null);
      placeToken(null, null, 0);
    },
    rest(scene) {
      if (running) return;
      placeWindow(scene.window);
      if (scene.window && scene.windowOn) last = { rect: scene.window, on: scene.windowOn };
    },
    destroy() {
      animator.destroy();
    },
  };
}
