import { SEED_NETWORK } from '../../shared/core/network/presets';
import { expect, test, type LayerwiseApp } from '../fixtures/app';

/**
 * The receptive-field explorer on the default project (the seed network, input 3x128x128).
 * Seed numbers (SEED-NOTES Q1): layer 1 conv 7x7 p3 -> RF 7, jump 1, centre 0;
 * layer 2 conv 5x5 s2 -> RF 7 + 4*1 = 11, jump 2, centre 0 + (2 - 0)*1 = 2;
 * layer 3 max-pool 2x2 s2 -> RF 11 + 1*2 = 13, jump 4, centre 2 + 0.5*2 = 3.
 */

async function openTool(app: LayerwiseApp) {
  await app.page.getByTestId('tool-tab-receptive-field').click();
  await expect(app.page.getByTestId('receptive-field-view')).toBeVisible();
  await expect(app.page.getByTestId('rf-canvas-3')).toBeVisible();
}

/** Clicks cell (row, column) of a layer's grid, at the initial zoom. */
async function clickUnit(app: LayerwiseApp, layer: number, row: number, column: number) {
  const canvas = app.page.getByTestId(`rf-canvas-${layer}`);
  const cell = Number(await canvas.getAttribute('data-cell'));
  const margin = Number(await canvas.getAttribute('data-margin'));
  await canvas.click({ position: { x: margin + (column + 0.5) * cell, y: margin + (row + 0.5) * cell } });
}

test('click unit (0, 0) of layer 3 (max-pool) of the seed network and read its box', async ({ app }) => {
  await openTool(app);
  await clickUnit(app, 3, 0, 0);
  const page = app.page;
  await expect(page.getByTestId('rf-selected-unit')).toHaveText('Layer 3, unit (0, 0)');
  // box = [c - (r-1)/2, c - (r-1)/2, c + (r-1)/2, c + (r-1)/2] = [3 - 6, 3 - 6, 3 + 6, 3 + 6]
  await expect(page.getByTestId('rf-selected-box')).toHaveText('[-3, -3, 9, 9]');
  // clipped to the 128x128 image: rows and columns -3..-1 are layer 1's zero padding
  await expect(page.getByTestId('rf-selected-clipped')).toHaveText('[0, 0, 9, 9]');
  await expect(page.getByTestId('rf-selected-engine')).toContainText('size 13×13, jump 4, 4, centre of unit (0, 0) (3, 3)');
  // every pixel of the clipped box contributes: 10 x 10 = 100
  await expect(page.getByTestId('rf-selected-contributing')).toHaveText('100 of the 100 pixels of the clipped box contribute');

  // a unit further in: (2, 5) has centre (3 + 2*4, 3 + 5*4) = (11, 23), box [5, 17, 17, 29], inside the image
  await clickUnit(app, 3, 2, 5);
  await expect(page.getByTestId('rf-selected-box')).toHaveText('[5, 17, 17, 29]');
  await expect(page.getByTestId('rf-selected-clipped')).toHaveText('[5, 17, 17, 29]');

  // hover shows coordinates and the engine's box for that unit
  const canvas = page.getByTestId('rf-canvas-3');
  const cell = Number(await canvas.getAttribute('data-cell'));
  const margin = Number(await canvas.getAttribute('data-margin'));
  await canvas.hover({ position: { x: margin + 1.5 * cell, y: margin + 0.5 * cell } });
  // unit (0, 1): centre (3, 7) -> [-3, 1, 9, 13]
  await expect(page.getByTestId('rf-hover')).toHaveText('Layer 3, unit (0, 1): box [-3, 1, 9, 13] in input pixels');
});

/**
 * A point of the input grid (1.875 px cells: 240 px / 128) inside cell (row, column) but less
 * than half a pixel past its top-left edge, so that a whole-pixel position would fall in the
 * cell before: the readout and the click must still name the same unit.
 */
async function pointJustInsideCell(app: LayerwiseApp, layer: number): Promise<{ x: number; y: number; row: number; column: number }> {
  const canvas = app.page.getByTestId(`rf-canvas-${layer}`);
  const cell = Number(await canvas.getAttribute('data-cell'));
  const margin = Number(await canvas.getAttribute('data-margin'));
  const box = (await canvas.boundingBox())!;
  const find = (origin: number) => {
    for (let index = 5; index < 60; index++) {
      const point = origin + margin + index * cell + 0.2;
      const fraction = point - Math.floor(point);
      if (fraction > 0.25 && fraction < 0.45) return { point, index };
    }
    throw new Error('no cell edge with the wanted fraction');
  };
  const across = find(box.x);
  const down = find(box.y);
  return { x: across.point, y: down.point, row: down.index, column: across.index };
}

test('the unit a click chooses is the one the hover readout names: near a cell edge, and after zooming under a still pointer', async ({ app }) => {
  await openTool(app);
  const page = app.page;
  const { x, y, row, column } = await pointJustInsideCell(app, 0);
  await page.mouse.move(x, y);
  await expect(page.getByTestId('rf-hover')).toHaveText(`Input pixel (${row}, ${column})`);
  await page.mouse.down();
  await page.mouse.up();
  await expect(page.getByTestId('rf-selected-unit')).toHaveText(`Layer 0, unit (${row}, ${column})`);

  // Zoom with the wheel over the centre of layer 3's unit (2, 5) without moving the pointer: the grids zoom about the
  // pointer, so the unit under it stays the same, the readout names it, and a click chooses it.
  // The wheel zooms only in zoom mode (elsewhere it scrolls the page).
  await page.getByTestId('rf-zoom-mode').click();
  await expect(page.getByTestId('rf-zoom-level')).toBeVisible();
  const canvas = page.getByTestId('rf-canvas-3');
  await canvas.scrollIntoViewIfNeeded();
  const cell = Number(await canvas.getAttribute('data-cell'));
  const margin = Number(await canvas.getAttribute('data-margin'));
  const box = (await canvas.boundingBox())!;
  await page.mouse.move(box.x + margin + 5.5 * cell, box.y + margin + 2.5 * cell);
  const readout = 'Layer 3, unit (2, 5): box [5, 17, 17, 29] in input pixels';
  await expect(page.getByTestId('rf-hover')).toHaveText(readout);
  for (let step = 0; step < 4; step++) await page.mouse.wheel(0, -300);
  await expect.poll(async () => Number(await page.getByTestId('rf-grids').getAttribute('data-zoom'))).toBeGreaterThan(3);
  await expect(page.getByTestId('rf-hover')).toHaveText(readout);
  await page.mouse.down();
  await page.mouse.up();
  await expect(page.getByTestId('rf-selected-unit')).toHaveText('Layer 3, unit (2, 5)');
  await expect(page.getByTestId('rf-selected-box')).toHaveText('[5, 17, 17, 29]');
});

test('the effective receptive field of the chosen unit: share of the field holding 95% of the gradient', async ({ app }) => {
  await openTool(app);
  await clickUnit(app, 2, 0, 0);
  const page = app.page;
  // layer 2 unit (0, 0): RF 11, centre 2 -> box [-3, -3, 7, 7], clipped [0, 0, 7, 7]: 64 pixels
  await expect(page.getByTestId('rf-selected-clipped')).toHaveText('[0, 0, 7, 7]');
  // The seed has no activations before layer 2, so the gradient is the number of paths: input row r is read by the
  // layer-1 cells c = 0..4 (unit 0's 5x5 window) with c - 3 <= r <= c + 3, i.e. A = [4, 5, 5, 5, 4, 3, 2, 1] for r = 0..7,
  // and |dy/dx| is proportional to A[r] * A[col] (mass 29^2 = 841). The largest products reach 95% (798.95) at the
  // 52nd pixel (sum 800): 52 of 64 pixels = 81.25%.
  await expect(page.getByTestId('rf-erf-share')).toHaveText('95% of the gradient mass lies in 52 of the 64 pixels of the theoretical field: 81.3%.');
});

test('load an image: a PNG chosen in the file input or dropped on the grids is drawn at the input size; the sample', async ({ app }) => {
  await openTool(app);
  const page = app.page;
  // a 4x3 PNG (red with one blue pixel)
  const png = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAQAAAADAQMAAACOOjyFAAAABlBMVEX/AAAAAP9sof2OAAAADklEQVQI12NgYHBgYAAAAMYAQYkakQYAAAAASUVORK5CYII=', 'base64');
  await page.getByTestId('rf-image-input').setInputFiles({ name: 'tiny.png', mimeType: 'image/png', buffer: png });
  await expect(page.getByTestId('rf-image-status')).toHaveText('tiny.png: 4×3 px, drawn at the input size 128×128');

  // a text file is refused with a message, and the image stays
  await page.getByTestId('rf-image-input').setInputFiles({ name: 'notes.txt', mimeType: 'text/plain', buffer: Buffer.from('hello') });
  await expect(page.getByTestId('rf-image-error')).toHaveText('“notes.txt” is not a PNG or JPEG image; choose a .png or .jpg file.');
  await expect(page.getByTestId('rf-image-status')).toContainText('tiny.png');

  await page.getByTestId('rf-image-sample').click();
  await expect(page.getByTestId('rf-image-status')).toHaveText('Built-in sample: 192×192 px, drawn at the input size 128×128');

  // dropped onto the grids
  const dataTransfer = await page.evaluateHandle((base64) => {
    const transfer = new DataTransfer();
    const bytes = Uint8Array.from(atob(base64), (char) => char.charCodeAt(0));
    transfer.items.add(new File([bytes], 'dropped.png', { type: 'image/png' }));
    return transfer;
  }, png.toString('base64'));
  await page.getByTestId('rf-grids').dispatchEvent('drop', { dataTransfer });
  await expect(page.getByTestId('rf-image-status')).toHaveText('dropped.png: 4×3 px, drawn at the input size 128×128');
});

test("the growth chart shows the core's marks of the student's receptive fields: the same verdicts and reasons as the answer sheet", async ({ app }) => {
  // Layer 1 "7" (right); layer 2 "1225 px" (the seed's 35x35 from multiplying kernels; it is 11);
  // layer 3 "13×13" (right); layer 4 "29x31" (not square: the field is 29x29); layer 5 "whole input"
  // (a unit of layer 5 sees 37x37 pixels); layer 6 "forty-one" (not a receptive field).
  const project = {
    format: 'layerwise-project',
    version: 1,
    name: 'Answers',
    network: SEED_NETWORK,
    tools: { answers: { layers: [{ rf: '7' }, { rf: '1225 px' }, { rf: '13×13' }, { rf: '29x31' }, { rf: 'whole input' }, { rf: 'forty-one' }] } },
  };
  await app.open({ name: 'answers.layerwise.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(project)) });
  await openTool(app);
  const page = app.page;
  const multiplied = 'receptive fields do not multiply (35 is the product of the kernel sizes): r = 7 + (5 - 1)*1 = 11';
  await expect(page.getByTestId('rf-answer-1')).toHaveAttribute('data-correct', 'true');
  await expect(page.getByTestId('rf-answer-2')).toHaveAttribute('data-correct', 'false');
  await expect(page.getByTestId('rf-answer-3')).toHaveAttribute('data-correct', 'true');
  await expect(page.getByTestId('rf-answer-4')).toHaveAttribute('data-correct', 'false');
  await expect(page.getByTestId('rf-answer-5')).toHaveAttribute('data-correct', 'false');
  await expect(page.getByTestId('rf-answer-6')).toHaveCount(0);
  await expect(page.getByTestId('rf-answer-2').locator('title')).toHaveText(`Your answer “1225 px”: wrong. ${multiplied}`);
  await expect(page.getByTestId('rf-growth-answers-note')).toHaveText('Your receptive-field answers: a ring is right, a cross is wrong (2 of 5 right).');
  await expect(page.getByTestId('rf-growth-note-2-reason')).toHaveText(multiplied);
  await expect(page.getByTestId('rf-growth-note-5-reason')).toHaveText('units of this layer see 37x37 input pixels, not the whole input: r = 29 + (3 - 1)*4 = 37');
  await expect(page.getByTestId('rf-growth-note-6')).toHaveAttribute('data-status', 'unreadable');
  await expect(page.getByTestId('rf-growth-note-6-reason')).toHaveText('"forty-one" is not a receptive field; write one side (11), both (11x11) or the area (121 px)');
  // the engine's points: size 7, 11, 13 and jump 1, 2, 4 for layers 1 to 3
  await expect(page.getByTestId('rf-growth-size-2').locator('title')).toHaveText('2 conv2d: size 11');
  await expect(page.getByTestId('rf-growth-jump-3').locator('title')).toHaveText('3 maxpool2d: jump 4');

  // The answer sheet shows the same marks: one marker.
  await page.getByTestId('tool-tab-network').click();
  await page.getByTestId('toggle-answers').click();
  for (const index of [2, 4, 5]) await expect(page.getByTestId(`mark-${index}-rf`)).toHaveAttribute('data-status', 'wrong');
  await expect(page.getByTestId('mark-2-rf-reason')).toHaveText(multiplied);
  await expect(page.getByTestId('mark-6-rf')).toHaveAttribute('data-status', 'unreadable');
});

/** Distinct colours of a canvas's pixels (device pixels), read in the page. */
async function distinctColours(app: LayerwiseApp, testid: string): Promise<number> {
  return app.page.getByTestId(testid).evaluate((canvas: HTMLCanvasElement) => {
    const context = canvas.getContext('2d')!;
    const { data } = context.getImageData(0, 0, canvas.width, canvas.height);
    const seen = new Set<number>();
    for (let index = 0; index < data.length && seen.size < 3; index += 4) seen.add((data[index]! << 16) | (data[index + 1]! << 8) | data[index + 2]!);
    return seen.size;
  });
}

test.describe('grids you can read (issue 10, requirement 5)', () => {
  test('no grid at the default zoom is one flat colour (the 128×128 and 62×62 maps included), drawn at device pixels', async ({ app }) => {
    await openTool(app);
    const canvases = await app.page.locator('[data-testid^="rf-canvas-"]').all();
    expect(canvases.length).toBeGreaterThanOrEqual(9);
    for (const canvas of canvases) {
      const testid = (await canvas.getAttribute('data-testid'))!;
      expect(await distinctColours(app, testid), `${testid} is a single flat colour`).toBeGreaterThan(1);
      // The backing store matches the CSS size times the device pixel ratio (crisp, not a scaled bitmap).
      const { width, cssWidth, ratio } = await canvas.evaluate((node: HTMLCanvasElement) => ({ width: node.width, cssWidth: node.getBoundingClientRect().width, ratio: window.devicePixelRatio }));
      expect(Math.abs(width - cssWidth * ratio)).toBeLessThanOrEqual(2);
    }
    // Cells of a pixel or two are drawn as an image of the map, not as grid lines.
    await expect(app.page.getByTestId('rf-canvas-0')).toHaveAttribute('data-mode', 'image');
  });

  test('zoom survives choosing a unit; outside zoom mode the wheel over a grid scrolls the page', async ({ app }) => {
    const page = app.page;
    await page.setViewportSize({ width: 1024, height: 700 });
    await openTool(app);
    const grid = page.getByTestId('rf-canvas-2');
    await grid.scrollIntoViewIfNeeded();
    const before = await page.evaluate(() => window.scrollY);
    const box = (await grid.boundingBox())!;
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await page.mouse.wheel(0, 200);
    await expect.poll(() => page.evaluate(() => window.scrollY)).toBeGreaterThan(before);
    await expect(page.getByTestId('rf-grids')).toHaveAttribute('data-zoom', '1');

    await page.getByTestId('rf-zoom-in').click();
    await page.getByTestId('rf-zoom-in').click();
    const zoomed = Number(await page.getByTestId('rf-grids').getAttribute('data-zoom'));
    expect(zoomed).toBeGreaterThan(2);
    const canvas = page.getByTestId('rf-canvas-3');
    await canvas.scrollIntoViewIfNeeded();
    const target = (await canvas.boundingBox())!;
    await page.mouse.click(target.x + target.width / 2, target.y + target.height / 2);
    await expect(page.getByTestId('rf-selected-unit')).toContainText('Layer');
    await expect(page.getByTestId('rf-grids')).toHaveAttribute('data-zoom', String(zoomed));
  });

  test('every layer is reachable from the panel; the effective field says which input it uses', async ({ app }) => {
    const page = app.page;
    await openTool(app);
    await expect(page.getByTestId('rf-layer-links')).toBeVisible();
    await expect(page.getByTestId('rf-go-layer-8')).toBeVisible();
    await clickUnit(app, 2, 0, 0);
    await expect(page.getByTestId('rf-erf-input')).toContainText('seeded random input');
    await page.getByTestId('rf-image-sample').click();
    await expect(page.getByTestId('rf-erf-input')).toContainText('the loaded image');
  });
});
