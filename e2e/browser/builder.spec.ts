import { readFile } from 'node:fs/promises';
import type { Page } from '@playwright/test';
import { expect, test, type LayerwiseApp } from '../fixtures/app';

/** Every row of the layer table as its visible text (the table a student reads). */
async function tableText(page: Page): Promise<string[]> {
  return page.getByTestId('network-table').locator('tbody tr, tfoot tr').allInnerTexts();
}

async function importCode(page: Page, language: 'pytorch' | 'keras' | 'json', code: string): Promise<void> {
  await page.getByTestId('open-import').click();
  await page.getByTestId('import-language').selectOption(language);
  await page.getByTestId('import-source').fill(code);
  await page.getByTestId('import-run').click();
}

async function exportText(page: Page, format: 'pytorch' | 'keras' | 'json' | 'csv' | 'markdown'): Promise<string> {
  await page.getByTestId('open-export').click();
  await page.getByTestId('export-format').selectOption(format);
  const text = page.getByTestId('export-text');
  await expect(text).toBeVisible();
  const value = await text.inputValue();
  await page.getByTestId('code-dialog-close').click();
  await expect(page.getByTestId('code-dialog')).toHaveCount(0);
  return value;
}

async function expectSeedShapes(app: LayerwiseApp): Promise<void> {
  await expect(app.cell(2, 'output')).toHaveText('64×62×62');
  await expect(app.cell(3, 'output')).toHaveText('64×31×31');
  await expect(app.cell(4, 'output')).toHaveText('128×27×27');
}

test.describe('Network builder', () => {
  test('dragging a Conv2d from the palette into position 2 changes every shape below it', async ({ app, page }) => {
    await page.getByTestId('palette-conv2d').dragTo(page.getByTestId('stack-item-2'), { targetPosition: { x: 20, y: 3 } });

    await expect(page.getByTestId('builder-announcement')).toHaveText('Conv2d inserted as layer 2 of 13.');
    await expect(app.row(13)).toBeVisible();
    // New layer 2: nn.Conv2d(32, 16, 3) on 32x128x128 -> 16x126x126, (32*3*3 + 1)*16 = 4,624
    await expect(app.row(2).getByTestId('edit-layer-2')).toContainText('Conv2d');
    await expect(app.cell(2, 'output')).toHaveText('16×126×126');
    await expect(app.cell(2, 'params')).toHaveText('4,624');
    // Old layer 2 (conv 5x5, stride 2) now sees 16x126x126: floor((126 - 5)/2) + 1 = 61, (16*5*5 + 1)*64 = 25,664
    await expect(app.cell(3, 'output')).toHaveText('64×61×61');
    await expect(app.cell(3, 'params')).toHaveText('25,664');
    await expect(app.cell(4, 'output')).toHaveText('64×30×30');
    await expect(app.cell(5, 'output')).toHaveText('128×26×26');
    await expect(app.cell(6, 'output')).toHaveText('128×24×24');
    await expect(app.cell(7, 'output')).toHaveText('128×12×12');
    await expect(app.cell(8, 'output')).toHaveText('256×10×10');
    await expect(app.cell(9, 'output')).toHaveText('256×5×5');
    await expect(app.cell(3, 'rf_size')).toHaveText('13×13');
    await expect(page.getByTestId('total-params')).toHaveText('7,116,506');
    // The diagram and the stack follow the edit.
    await expect(page.getByTestId('diagram-block-3')).toHaveAttribute('data-shape', '64×61×61');
    await expect(page.getByTestId('stack-shape-3')).toHaveText('64×61×61');

    // Reorder by drag: layer 4 (max pool) onto the top half of layer 2.
    await page.getByTestId('stack-item-4').locator('.item').dragTo(page.getByTestId('stack-item-2'), { targetPosition: { x: 20, y: 3 } });
    await expect(page.getByTestId('builder-announcement')).toHaveText('MaxPool2d moved to position 2 of 13.');
    await expect(app.cell(2, 'output')).toHaveText('32×64×64');
  });

  test('keyboard: move, duplicate and delete with announcements; undo and redo by keys, menu command and buttons', async ({ app, page }) => {
    const maxPool = page.getByTestId('stack-item-3').locator('.item');
    await maxPool.focus();
    await page.keyboard.press('Alt+ArrowUp');
    await expect(page.getByTestId('builder-announcement')).toHaveText('MaxPool2d moved to position 2 of 12.');
    await expect(page.getByTestId('stack-item-2').locator('.item')).toBeFocused();
    // Pool first: 32x64x64, then conv 5x5 stride 2: floor((64 - 5)/2) + 1 = 30
    await expect(app.cell(2, 'output')).toHaveText('32×64×64');
    await expect(app.cell(3, 'output')).toHaveText('64×30×30');

    await page.keyboard.press('Control+z');
    await expectSeedShapes(app);
    await page.keyboard.press('Control+Shift+z');
    await expect(app.cell(3, 'output')).toHaveText('64×30×30');
    await page.getByTestId('undo').click();
    await expectSeedShapes(app);

    // Duplicate layer 1 (Ctrl+D): the copy sees 32 channels, (32*7*7 + 1)*32 = 50,208
    await page.getByTestId('stack-item-1').locator('.item').focus();
    await page.keyboard.press('Control+d');
    await expect(page.getByTestId('builder-announcement')).toHaveText('Layer 1 duplicated as layer 2.');
    await expect(app.cell(2, 'params')).toHaveText('50,208');
    await expect(app.row(13)).toBeVisible();

    await page.keyboard.press('Delete');
    await expect(page.getByTestId('builder-announcement')).toHaveText('Layer 2 (Conv2d) removed. 12 layers left.');
    await expect(app.row(13)).toHaveCount(0);
    await expectSeedShapes(app);
    await expect(page.getByTestId('total-params')).toHaveText('7,137,482');

    // The layer that took the deleted one's place is selected; Enter on a palette item inserts after it.
    await expect(page.getByTestId('stack-item-2').locator('.item')).toBeFocused();
    await page.getByTestId('palette-relu').focus();
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('builder-announcement')).toHaveText('ReLU inserted as layer 3 of 13.');
    await expect(app.cell(3, 'output')).toHaveText('64×62×62');
    await expect(app.row(3).getByTestId('edit-layer-3')).toContainText('ReLU');
  });

  test("answer check marks exactly the seed's wrong answers with the reasons, and the answers are saved in the project file", async ({ app, page }) => {
    test.setTimeout(90_000); // 36 answers typed one by one
    await expect(app.cell(2, 'output')).toHaveText('64×62×62');
    await page.getByTestId('toggle-answers').click();
    // SEED-NOTES.md Q1, as the student wrote them (channels last). The seed's row 9 "flatten + linear" is layers 9 and 10 here.
    const seed: [string, string, string][] = [
      ['128x128x32', '4,736', '49 px'],
      ['62x62x62', '51,264', '1225 px'],
      ['31x31x64', '0', '4900 px'],
      ['27x27x128', '73,856', '29'],
      ['25x25x25', '147,584', '37'],
      ['12x12x128', '0', '41'],
      ['10x10x256', '295,168', '57'],
      ['5x5x256', '0', '65'],
      ['6400', '0', 'whole input'],
      ['1024', '6,554,624', 'whole input'],
      ['1024', '0', 'whole input'],
      ['10', '10,250', 'whole input'],
    ];
    for (const [i, [output, params, rf]] of seed.entries()) {
      await page.getByTestId(`answer-${i + 1}-output`).fill(output);
      await page.getByTestId(`answer-${i + 1}-params`).fill(params);
      await page.getByTestId(`answer-${i + 1}-rf`).fill(rf);
    }
    await expect(page.getByTestId('answer-score')).toHaveText('32 of 36 answers right.');
    await expect(page.locator('[data-testid^="mark-"][data-status="wrong"]')).toHaveCount(4);
    for (const id of ['mark-2-output', 'mark-2-rf', 'mark-3-rf', 'mark-5-output']) {
      await expect(page.getByTestId(id)).toHaveAttribute('data-status', 'wrong');
    }
    await expect(page.getByTestId('mark-2-rf-reason')).toHaveText('receptive fields do not multiply (35 is the product of the kernel sizes): r = 7 + (5 - 1)*1 = 11');
    await expect(page.getByTestId('mark-3-rf-reason')).toHaveText('receptive fields do not multiply (70 is the product of the kernel sizes): r = 11 + (2 - 1)*2 = 13');
    await expect(page.getByTestId('mark-2-output-reason')).toContainText('the height and width 62x62 are right, but the channels are 64, not 62');
    await expect(page.getByTestId('mark-5-output-reason')).toContainText('the channels are 128, not 25');

    // Fixing an answer turns its mark right.
    await page.getByTestId('answer-2-rf').fill('11x11');
    await expect(page.getByTestId('mark-2-rf')).toHaveAttribute('data-status', 'right');
    await expect(page.getByTestId('answer-score')).toHaveText('33 of 36 answers right.');

    const downloadEvent = page.waitForEvent('download');
    await page.getByTestId('file-save').click();
    const saved = JSON.parse(await readFile((await (await downloadEvent).path())!, 'utf8')) as { tools: { answers: { layers: Record<string, string>[] } } };
    expect(saved.tools.answers.layers).toHaveLength(12);
    expect(saved.tools.answers.layers[1]).toEqual({ output: '62x62x62', params: '51,264', rf: '11x11' });
    expect(saved.tools.answers.layers[4]).toEqual({ output: '25x25x25', params: '147,584', rf: '37' });
  });

  test('the answer sheet names a linear layer by its input size as the table does; 6,554,624 on the flatten row points to the next row', async ({ app, page }) => {
    await expect(app.row(10).getByTestId('edit-layer-10')).toHaveText(/Linear\s*6400 → 1024/);
    await page.getByTestId('toggle-answers').click();
    // the seed's layer 10 is linear 6400 -> 1024 and layer 12 linear 1024 -> 10, as in the main table and the stack
    await expect(page.getByTestId('answer-row-10').locator('th')).toHaveText(/^Linear\s*6400 → 1024$/);
    await expect(page.getByTestId('answer-row-12').locator('th')).toHaveText(/^Linear\s*1024 → 10$/);
    // the seed's row 9 is "flatten + linear": its parameter count typed on the flatten row
    await page.getByTestId('answer-9-params').fill('6,554,624');
    await expect(page.getByTestId('mark-9-params')).toHaveAttribute('data-status', 'wrong');
    await expect(page.getByTestId('mark-9-params-reason')).toHaveText(
      '6,554,624 is the parameter count of layer 10 (linear), the next row: PyTorch makes flatten and linear two modules, each a row of its own; this row: params = 0 (flatten has no parameters)',
    );
  });

  test('a pasted PyTorch snippet gives the same table as its JSON spec; bad code names its line and imports nothing', async ({ app, page }) => {
    const code = `import torch.nn as nn
# input: 3x32x32
net = nn.Sequential(
    nn.Conv2d(3, 16, 3, padding=1),
    nn.BatchNorm2d(16),
    nn.ReLU(inplace=True),
    nn.MaxPool2d(2),
    nn.Conv2d(in_channels=16, out_channels=32, kernel_size=(3, 3), stride=2),
    nn.AdaptiveAvgPool2d(1),
    nn.Flatten(),
    nn.Dropout(p=0.2),
    nn.Linear(32, 10),
)`;
    await importCode(page, 'pytorch', code);
    await expect(page.getByTestId('code-dialog')).toHaveCount(0);
    await expect(page.getByTestId('builder-announcement')).toHaveText('Imported 9 layers.');
    await expect(app.cell(1, 'params')).toHaveText('448');
    await expect(app.cell(2, 'params')).toContainText('32');
    await expect(app.cell(5, 'output')).toHaveText('32×7×7');
    await expect(app.cell(9, 'params')).toHaveText('330');
    const fromCode = await tableText(page);

    const json = {
      input: [3, 32, 32],
      layers: [
        { type: 'conv2d', out_channels: 16, kernel: 3, padding: 1 },
        { type: 'batchnorm2d' },
        { type: 'relu' },
        { type: 'maxpool2d', kernel: 2 },
        { type: 'conv2d', out_channels: 32, kernel: [3, 3], stride: 2 },
        { type: 'globalavgpool2d' },
        { type: 'flatten' },
        { type: 'dropout', p: 0.2 },
        { type: 'linear', out_features: 10 },
      ],
    };
    await page.getByTestId('preset-load').click();
    await expectSeedShapes(app);
    await importCode(page, 'json', JSON.stringify(json, null, 2));
    await expect(app.cell(9, 'params')).toHaveText('330');
    expect(await tableText(page)).toEqual(fromCode);

    await importCode(page, 'pytorch', 'nn.Sequential(\n    nn.Conv2d(3, 8, 3),\n    nn.Conv2d(16, 8, 3),\n    nn.LSTM(8, 8),\n)');
    await expect(page.getByTestId('import-error')).toHaveText([
      'line 4: nn.LSTM is not supported; supported layers: Conv2d, ConvTranspose2d, MaxPool2d, AvgPool2d, AdaptiveAvgPool2d, AdaptiveMaxPool2d, BatchNorm2d, ReLU, Sigmoid, Tanh, GELU, LeakyReLU, Softmax, Dropout, Dropout2d, Flatten, Linear',
    ]);
    await page.getByTestId('import-source').fill('nn.Sequential(\n    nn.Conv2d(3, 8, 3),\n    nn.Conv2d(16, 8, 3),\n)');
    await page.getByTestId('import-run').click();
    await expect(page.getByTestId('import-error')).toHaveText(['line 3: layer 2: in_channels is 16, but its input is [8, 30, 30], so it must be 8']);
    await page.getByTestId('code-dialog-cancel').click();
    await expect(app.cell(9, 'params')).toHaveText('330');
  });

  test('export then import round-trips (PyTorch, Keras and JSON), and the table exports as CSV and Markdown', async ({ app, page }) => {
    await page.getByTestId('preset-select').selectOption('mobilenet_v1');
    await page.getByTestId('preset-load').click();
    await expect(page.getByTestId('total-params')).toContainText('4,231,976');
    const mobileNet = await tableText(page);
    const pytorch = await exportText(page, 'pytorch');
    expect(pytorch).toContain('nn.Conv2d(32, 32, kernel_size=3, stride=1, padding=1, groups=32, bias=False),  # 4');
    const json = await exportText(page, 'json');
    const keras = await exportText(page, 'keras');

    for (const [language, code] of [['pytorch', pytorch], ['json', json]] as const) {
      await page.getByTestId('preset-select').selectOption('seed');
      await page.getByTestId('preset-load').click();
      await expectSeedShapes(app);
      await importCode(page, language, code);
      await expect(page.getByTestId('total-params')).toContainText('4,231,976');
      expect(await tableText(page)).toEqual(mobileNet);
    }
    // Keras has no numeric padding: strided convs come back through ZeroPadding2D with the same numbers.
    await page.getByTestId('preset-load').click();
    await importCode(page, 'keras', keras);
    await expect(page.getByTestId('total-params')).toContainText('4,231,976');

    await page.getByTestId('preset-select').selectOption('seed');
    await page.getByTestId('preset-load').click();
    const csv = await exportText(page, 'csv');
    // A textarea shows CRLF line ends as LF.
    expect(csv.split(/\r?\n/)[3]).toBe('2,conv2d,64x62x62,51264,0,196812800,984064,11x11,2,"(2, 2)"');
    const markdown = await exportText(page, 'markdown');
    expect(markdown.split('\n')[4]).toBe('| 2 | conv2d | 64x62x62 | 51,264 | 0 | 196,812,800 | 984,064 | 11x11 | 2 | (2, 2) |');
  });

  test("the settings solver explains the seed's layer 4, and the diagram downloads as SVG and PNG", async ({ app, page }) => {
    await app.editLayer(4);
    await page.getByTestId('toggle-solver').click();
    await page.getByTestId('solver-from-layer').click();
    await expect(page.getByTestId('solver-input')).toHaveValue('31');
    await expect(page.getByTestId('solver-output')).toHaveValue('27');
    await expect(page.locator('[data-setting="k3 s1 p0 d2"]')).toContainText('floor((31 + 2*0 - 2*(3 - 1) - 1)/1) + 1 = 27');
    await expect(page.locator('[data-setting="k5 s1 p0 d1"]')).toBeVisible();
    await expect(page.locator('[data-setting="k3 s1 p0 d1"]')).toHaveCount(0);

    const svgDownload = page.waitForEvent('download');
    await page.getByTestId('diagram-export-svg').click();
    const svg = await svgDownload;
    expect(svg.suggestedFilename()).toBe('Assignment 1.svg');
    const svgText = await readFile((await svg.path())!, 'utf8');
    expect(svgText).toMatch(/^<svg[^>]*xmlns="http:\/\/www.w3.org\/2000\/svg"/);
    expect(svgText).toContain('data-shape="128×27×27"');

    const pngDownload = page.waitForEvent('download');
    await page.getByTestId('diagram-export-png').click();
    const png = await pngDownload;
    expect(png.suggestedFilename()).toBe('Assignment 1.png');
    const bytes = await readFile((await png.path())!);
    expect([...bytes.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  });

  test('an invalid value in the inspector marks the stack and diagram; later layers are not computed', async ({ app, page }) => {
    await app.editLayer(2);
    await app.field('kernel').fill('200');
    await expect(page.getByTestId('stack-item-2')).toHaveAttribute('data-status', 'error');
    await expect(page.getByTestId('stack-item-3')).toHaveAttribute('data-status', 'not_computed');
    await expect(page.getByTestId('diagram-block-2')).toHaveAttribute('data-status', 'error');
    await expect(page.getByTestId('diagram-block-5')).toHaveAttribute('data-status', 'not_computed');
    await expect(page.getByTestId('diagram-block-1')).toHaveAttribute('data-shape', '32×128×128');
  });
});
