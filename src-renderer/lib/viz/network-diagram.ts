import { scaleLog, select } from 'd3';
import { onAppearanceChange } from '../theme';

/** One block of the diagram: a layer's output as the engine computed it. */
export interface DiagramLayer {
  /** 1-based layer number; 0 for the input. */
  index: number;
  /** "Conv2d", "input" ... */
  label: string;
  /** The layer number as shown (the current language's digits); the index itself when absent. */
  indexText?: string;
  /** [C, H, W] or [N]; null when the layer has an error or is not computed. */
  shape: readonly number[] | null;
  status: 'ok' | 'error' | 'not_computed';
  /** "32×128×128" */
  shapeText: string;
  /** The core's receptive field of this layer's units ([height, width] input pixels) and its text as the table shows it. */
  receptiveField?: { size: readonly [number, number]; global: boolean; text: string };
}

export interface NetworkDiagramOptions {
  layers: readonly DiagramLayer[];
  /** Accessible name of the drawing. */
  label: string;
  /** 1-based selected layer (outlined), 0 for none. */
  selected: number;
  /** A block was clicked: `block` is its drawing (an anchor for what explains it). */
  onSelect?: (index: number, block: SVGGElement) => void;
  /** 1-based layer hovered in the table (its block gets a halo), 0 for none. */
  highlighted?: number;
  /**
   * Receptive-field growth: on each block, a square of the input pixels one unit sees (the
   * core's numbers), all drawn to one scale, the input's [height, width] filling RF_BOX.
   */
  receptiveFields?: { input: readonly [number, number]; describe: (layer: DiagramLayer) => string } | null;
  /** The pointer entered block `index` (0: it left the blocks). */
  onHover?: (index: number) => void;
}

export interface NetworkDiagram {
  update(options: NetworkDiagramOptions): void;
  /** The drawing as a standalone SVG document (colours resolved, background included). */
  svgText(): string;
  /** Width and height of the drawing in CSS pixels. */
  size(): { width: number; height: number };
  destroy(): void;
}

interface Geometry {
  layer: DiagramLayer;
  x: number;
  /** thickness along x (channels) */
  thickness: number;
  /** face height (H) */
  height: number;
  /** oblique depth (W) */
  depth: number;
  width: number;
}

/** From this many blocks on, only those in the scrolled view (plus OVERSCAN_PX each side) are in the DOM. */
const WINDOW_FROM = 80;
/** Small: scrolling redraws in the next frame, and every block drawn off screen is work on every edit. */
const OVERSCAN_PX = 120;
const GAP = 26;
const LABEL_SPACE = 40;
const TOP = 16;
const MAX_FACE = 120;
const MIN_SLOT = 58;
/** Side (px) of the whole input in the receptive-field squares. */
const RF_BOX = 54;
const SVG_NS = 'http://www.w3.org/2000/svg';

/** Last values written, per element, so unchanged attributes are not written again. */
const written = new WeakMap<Element, Map<string, string | null>>();

function setAttributes(element: Element, values: Record<string, string | null>): void {
  let cache = written.get(element);
  if (!cache) {
    cache = new Map();
    written.set(element, cache);
  }
  for (const name in values) {
    const value = values[name]!;
    if (cache.get(name) === value) continue;
    cache.set(name, value);
    if (value === null) element.removeAttribute(name);
    else element.setAttribute(name, value);
  }
}

/** Changes the text node in place: replacing it (textContent) makes the browser drop and re-create its layout. */
function setText(element: Element, text: string): void {
  const node = element.firstChild;
  if (node && node === element.lastChild && node.nodeType === Node.TEXT_NODE) {
    if ((node as Text).data !== text) (node as Text).data = text;
  } else if (element.textContent !== text) element.textContent = text;
}

/** Colours from the app's CSS variables, written into attributes so the exported file keeps them. */
function palette(node: Element) {
  const style = getComputedStyle(node);
  const read = (name: string, fallback: string) => style.getPropertyValue(name).trim() || fallback;
  return {
    fill: read('--accent-bg', '#e8f0fe'),
    stroke: read('--accent', '#1a73e8'),
    side: read('--surface-raised', '#f1f3f4'),
    error: read('--danger', '#d93025'),
    errorFill: read('--danger-bg', '#fce8e6'),
    faint: read('--text-faint', '#9aa0a6'),
    text: read('--text', '#202124'),
    muted: read('--text-muted', '#5f6368'),
    background: read('--surface', '#ffffff'),
    hover: read('--hover', '#edf0f4'),
  };
}

/**
 * LeNet-style drawing of a layer stack: each 3-D output a cuboid (height by H, oblique depth
 * by W, thickness by channels, all on log scales so 1 and 224 both fit), each vector a thin
 * bar by its length. Errors are drawn red and uncomputed layers as dashed outlines.
 */
export function createNetworkDiagram(container: HTMLElement, initial: NetworkDiagramOptions): NetworkDiagram {
  const svg = select(container).append('svg').attr('xmlns', SVG_NS).attr('role', 'img').attr('data-testid', 'diagram-svg');
  const title = svg.append('title');
  const background = svg.append('rect').attr('class', 'background').attr('x', 0).attr('y', 0);
  const root = svg.append('g').attr('class', 'blocks');
  let options = initial;
  let width = 0;
  let height = 0;
  let blocks: Geometry[] = [];
  let faceBottom = 0;
  /*
   * The horizontally scrolled view of the container, kept from scroll and resize events so that
   * drawing never reads layout (an edit writes the DOM only and lets the frame lay it out once).
   */
  let viewLeft = container.scrollLeft;
  let viewWidth = container.clientWidth || window.innerWidth;
  let frame = 0;
  const redrawSoon = () => {
    if (frame) return;
    frame = requestAnimationFrame(() => {
      frame = 0;
      renderBlocks(root.node()!, visibleBlocks(), liveGroups);
    });
  };
  const onScroll = () => {
    viewLeft = container.scrollLeft;
    redrawSoon();
  };
  container.addEventListener('scroll', onScroll, { passive: true });
  const resize = new ResizeObserver((entries) => {
    const entry = entries[entries.length - 1];
    if (!entry || entry.contentRect.width === viewWidth) return;
    viewWidth = entry.contentRect.width;
    redrawSoon();
  });
  resize.observe(container);
  // Reading computed style forces a style recalculation of the page: once, and again when the theme changes (lib/theme).
  let colours = palette(container);
  const stopFollowingTheme = onAppearanceChange(() => {
    colours = palette(container);
    draw();
  });

  function layout(layers: readonly DiagramLayer[]): Geometry[] {
    let maxSpatial = 1;
    let maxChannels = 1;
    let maxVector = 1;
    for (const layer of layers) {
      const shape = layer.shape;
      if (!shape) continue;
      if (shape.length === 3) {
        maxSpatial = Math.max(maxSpatial, shape[1]!, shape[2]!);
        maxChannels = Math.max(maxChannels, shape[0]!);
      } else {
        maxVector = Math.max(maxVector, shape[shape.length - 1]!);
      }
    }
    const spatial = scaleLog().domain([1, Math.max(2, maxSpatial)]).range([10, MAX_FACE]).clamp(true);
    const channels = scaleLog().domain([1, Math.max(2, maxChannels)]).range([3, 34]).clamp(true);
    const vector = scaleLog().domain([1, Math.max(2, maxVector)]).range([10, MAX_FACE]).clamp(true);
    let x = GAP / 2;
    return layers.map((layer) => {
      const shape = layer.shape;
      let geometry: Omit<Geometry, 'x' | 'width'>;
      if (shape && shape.length === 3) {
        geometry = { layer, thickness: channels(Math.max(1, shape[0]!)), height: spatial(Math.max(1, shape[1]!)), depth: spatial(Math.max(1, shape[2]!)) * 0.35 };
      } else if (shape) {
        geometry = { layer, thickness: 7, height: vector(Math.max(1, shape[shape.length - 1]!)), depth: 0 };
      } else {
        geometry = { layer, thickness: 18, height: 40, depth: 8 };
      }
      const blockWidth = Math.max(MIN_SLOT, geometry.thickness + geometry.depth);
      const placed = { ...geometry, x, width: blockWidth };
      x += blockWidth + GAP;
      return placed;
    });
  }

  /** Every block of a short network; of a long one, those that intersect the view plus the overscan. */
  function visibleBlocks(): Geometry[] {
    if (blocks.length <= WINDOW_FROM) return blocks;
    const from = viewLeft - OVERSCAN_PX;
    const to = viewLeft + viewWidth + OVERSCAN_PX;
    return blocks.filter((block) => block.x + block.width >= from && block.x <= to);
  }

  function draw() {
    blocks = layout(options.layers);
    faceBottom = TOP + MAX_FACE + MAX_FACE * 0.35;
    width = Math.max(200, (blocks.at(-1)?.x ?? 0) + (blocks.at(-1)?.width ?? 0) + GAP / 2);
    height = faceBottom + LABEL_SPACE;
    // Changed values only, as for the blocks: rewriting the root's size, viewBox and title on every
    // edit (even to the same values) made Chromium redo the whole drawing (~10 ms per edit, 200 layers).
    const svgNode = svg.node()!;
    setAttributes(svgNode, { width: String(width), height: String(height), viewBox: `0 0 ${width} ${height}`, 'aria-label': options.label });
    setText(title.node()!, options.label);
    setAttributes(background.node()!, { width: String(width), height: String(height), fill: colours.background });
    renderBlocks(root.node()!, visibleBlocks(), liveGroups);
    const cursor = options.onSelect ? 'pointer' : 'default';
    if (root.style('cursor') !== cursor) root.style('cursor', cursor);
  }

  /** Block groups of the live drawing by layer index (the export copy draws into its own map). */
  const liveGroups = new Map<number, SVGGElement>();

  /**
   * Joins `shown` to the block groups under `parent` (the live drawing, or an export copy), keyed
   * by layer index: new blocks are created in order, blocks no longer shown are removed. Written
   * out rather than d3's selectAll().data().join(), which re-selected and re-keyed every block on
   * every edit (a third of the drawing's time for a 200-layer network).
   */
  function joinBlocks(parent: SVGGElement, shown: readonly Geometry[], groups: Map<number, SVGGElement>): [SVGGElement, Geometry][] {
    const pairs: [SVGGElement, Geometry][] = [];
    const keep = new Set<number>();
    const created = new Set<SVGGElement>();
    for (const block of shown) {
      keep.add(block.layer.index);
      let group = groups.get(block.layer.index);
      if (!group) {
        group = createBlock();
        groups.set(block.layer.index, group);
        created.add(group);
      }
      pairs.push([group, block]);
    }
    for (const [index, group] of groups) {
      if (!keep.has(index)) {
        group.remove();
        groups.delete(index);
      }
    }
    // New groups go before the next block in layer order, so the DOM reads left to right.
    let next: SVGGElement | null = null;
    for (let i = pairs.length - 1; i >= 0; i--) {
      const group = pairs[i]![0];
      if (created.has(group)) parent.insertBefore(group, next);
      next = group;
    }
    return pairs;
  }

  function createBlock(): SVGGElement {
    const group = select(document.createElementNS(SVG_NS, 'g')).attr('class', 'block');
    group.append('rect').attr('class', 'halo').attr('rx', 6);
    group.append('path').attr('class', 'top');
    group.append('path').attr('class', 'side');
    group.append('rect').attr('class', 'front');
    group.append('rect').attr('class', 'rf').attr('fill-opacity', 0.22).attr('stroke-width', 1.5);
    group.append('text').attr('class', 'name').attr('text-anchor', 'middle').attr('font-size', 11).attr('font-family', 'system-ui, sans-serif');
    group.append('text').attr('class', 'shape').attr('text-anchor', 'middle').attr('font-size', 10).attr('font-family', 'ui-monospace, monospace');
    return group.node()!;
  }

  function renderBlocks(parent: SVGGElement, shown: readonly Geometry[], groups: Map<number, SVGGElement>) {
    const stroke = (block: Geometry) =>
      block.layer.status === 'error' ? colours.error : block.layer.status === 'not_computed' ? colours.faint : colours.stroke;
    const fill = (block: Geometry) =>
      block.layer.status === 'error' ? colours.errorFill : block.layer.status === 'not_computed' ? 'none' : colours.fill;
    // Plain DOM writes of changed values only: an edit usually changes a few numbers of each block,
    // and d3's attr() would rewrite every attribute of all of them.
    for (const [group, block] of joinBlocks(parent, shown, groups)) {
      const dash = block.layer.status === 'not_computed' ? '4 3' : null;
      const isSelected = block.layer.index === options.selected && options.selected > 0;
      const x0 = (block.width - block.thickness - block.depth) / 2;
      const y0 = faceBottom - block.height;
      const oblique = block.depth > 0;
      const [halo, top, side, front, rf, name, shape] = group.children as unknown as [SVGRectElement, SVGPathElement, SVGPathElement, SVGRectElement, SVGRectElement, SVGTextElement, SVGTextElement];
      // Receptive-field growth: the square's sides are the core's sizes, to the input's scale (never computed here).
      const field = options.receptiveFields && block.layer.index > 0 && block.layer.status === 'ok' ? block.layer.receptiveField : undefined;
      if (field && options.receptiveFields) {
        const [inputHeight, inputWidth] = options.receptiveFields.input;
        const scale = RF_BOX / Math.max(1, inputHeight, inputWidth);
        const rfHeight = (field.global ? inputHeight : Math.min(field.size[0], inputHeight)) * scale;
        const rfWidth = (field.global ? inputWidth : Math.min(field.size[1], inputWidth)) * scale;
        setAttributes(rf, {
          x: String(block.width / 2 - rfWidth / 2),
          y: String(faceBottom - rfHeight),
          width: String(rfWidth),
          height: String(rfHeight),
          fill: colours.stroke,
          stroke: colours.text,
          'stroke-dasharray': field.global ? '3 2' : null,
          display: null,
          'data-testid': `diagram-rf-${block.layer.index}`,
          'data-size': field.text,
          'aria-label': options.receptiveFields.describe(block.layer),
        });
      } else {
        setAttributes(rf, { display: 'none', 'data-testid': null, 'data-size': null, 'aria-label': null });
      }
      const isHighlighted = block.layer.index === options.highlighted && block.layer.index > 0;
      // The row hovered in the table: a halo behind the block and its labels (not colour alone: an outline too).
      setAttributes(halo, {
        x: '-4',
        y: String(TOP - 8),
        width: String(block.width + 8),
        height: String(faceBottom + LABEL_SPACE - TOP + 6),
        fill: isHighlighted ? colours.hover : 'none',
        stroke: isHighlighted ? colours.stroke : 'none',
        'stroke-dasharray': isHighlighted ? '4 2' : null,
      });
      setAttributes(group, {
        transform: `translate(${block.x},0)`,
        'data-index': String(block.layer.index),
        'data-testid': `diagram-block-${block.layer.index}`,
        'data-shape': block.layer.shapeText,
        'data-status': block.layer.status,
        'data-highlighted': isHighlighted ? 'true' : null,
      });
      setAttributes(front, {
        x: String(x0),
        y: String(y0),
        width: String(block.thickness),
        height: String(block.height),
        fill: fill(block),
        stroke: stroke(block),
        'stroke-width': isSelected ? '3' : '1',
        'stroke-dasharray': dash,
      });
      // Oblique faces: the width W recedes up and to the right.
      setAttributes(top, {
        d: `M${x0},${y0} l${block.depth},${-block.depth} h${block.thickness} l${-block.depth},${block.depth} z`,
        fill: oblique ? fill(block) : 'none',
        stroke: oblique ? stroke(block) : 'none',
        'stroke-dasharray': dash,
      });
      setAttributes(side, {
        d: `M${x0 + block.thickness},${y0} l${block.depth},${-block.depth} v${block.height} l${-block.depth},${block.depth} z`,
        fill: oblique && block.layer.status === 'ok' ? colours.side : 'none',
        stroke: oblique ? stroke(block) : 'none',
        'stroke-dasharray': dash,
      });
      setAttributes(name, { x: String(block.width / 2), y: String(faceBottom + 15), 'font-weight': isSelected ? '700' : '400', fill: colours.text });
      setText(name, block.layer.index > 0 ? `${block.layer.indexText ?? block.layer.index} ${block.layer.label}` : block.layer.label);
      setAttributes(shape, { x: String(block.width / 2), y: String(faceBottom + 30), fill: block.layer.status === 'error' ? colours.error : colours.muted });
      setText(shape, block.layer.shapeText);
    }
  }

  // One listener for every block (blocks come and go with the layers).
  root.on('click', (event: MouseEvent) => {
    const block = (event.target as Element | null)?.closest<SVGGElement>('g.block');
    const index = Number(block?.getAttribute('data-index'));
    if (block && index > 0) options.onSelect?.(index, block);
  });

  let hoveredIndex = 0;
  root.on('pointerover', (event: PointerEvent) => {
    const index = Number((event.target as Element | null)?.closest('g.block')?.getAttribute('data-index') ?? 0);
    if (index !== hoveredIndex) {
      hoveredIndex = index;
      options.onHover?.(index);
    }
  });
  root.on('pointerleave', () => {
    hoveredIndex = 0;
    options.onHover?.(0);
  });

  draw();
  return {
    update(next) {
      options = next;
      draw();
    },
    svgText() {
      const node = svg.node()!;
      if (visibleBlocks().length === blocks.length) return new XMLSerializer().serializeToString(node);
      // A long network shows only the blocks in view: the file gets all of them, drawn into a copy.
      const copy = node.cloneNode(true) as SVGSVGElement;
      const copyRoot = copy.querySelector<SVGGElement>('g.blocks')!;
      // Draw every block afresh into the copy.
      copyRoot.replaceChildren();
      renderBlocks(copyRoot, blocks, new Map());
      return new XMLSerializer().serializeToString(copy);
    },
    size: () => ({ width, height }),
    destroy() {
      stopFollowingTheme();
      container.removeEventListener('scroll', onScroll);
      resize.disconnect();
      cancelAnimationFrame(frame);
      svg.remove();
    },
  };
}
