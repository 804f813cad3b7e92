import type { Locator, Page } from '@playwright/test';
import { expect, test } from '../fixtures/app';

/**
 * The app's chrome (header, tool tabs, the Network toolbar) on the two window sizes we check:
 * a small laptop (1024x700) and a desktop (1440x900). Each is one row in English and in Persian,
 * nothing runs past the window, and the tool's content starts close to the top.
 */

const LANGS = [
  { lang: 'en', url: '/?tour=off#network' },
  { lang: 'fa', url: '/?lang=fa&tour=off#network' },
] as const;

/** The Network tool's panes start this close to the top (measured: 132 px at both sizes, both languages). */
const CONTENT_TOP_MAX = 140;

async function open(page: Page, url: string) {
  await page.goto(url);
  await expect(page.getByTestId('network-view')).toBeVisible();
}

/**
 * One row: every visible control in the region shares a horizontal line (the lowest top is
 * above the highest bottom), and the region is not taller than one row of controls.
 */
async function rowOf(region: Locator, controls: string, onlyShown: boolean) {
  return region.evaluate(
    (element, [selector, shownOnly]) => {
      const box = element.getBoundingClientRect();
      const boxes = [...element.querySelectorAll<HTMLElement>(selector as string)]
        .map((control) => control.getBoundingClientRect())
        .filter((each) => each.width > 1 && each.height > 1)
        // A scrolling strip: the tabs scrolled out of sight are clipped by it, not laid out elsewhere.
        .filter((each) => !shownOnly || (each.right > box.left && each.left < box.right));
    return {
      count: boxes.length,
      shared: Math.min(...boxes.map((each) => each.bottom)) - Math.max(...boxes.map((each) => each.top)),
      height: box.height,
      left: Math.min(box.left, ...boxes.map((each) => each.left)),
      right: Math.max(box.right, ...boxes.map((each) => each.right)),
      bottom: box.bottom,
    };
    },
    [controls, onlyShown] as const,
  );
}

async function expectOneRow(page: Page, name: string, region: Locator, controls: string, maxHeight: number, onlyShown = false) {
  const row = await rowOf(region, controls, onlyShown);
  const width = page.viewportSize()!.width;
  expect(row.count, `${name}: controls found`).toBeGreaterThan(1);
  expect(row.shared, `${name}: all controls on one line`).toBeGreaterThan(0);
  expect(row.height, `${name}: one row high`).toBeLessThanOrEqual(maxHeight);
  expect(row.left, `${name}: inside the window`).toBeGreaterThanOrEqual(0);
  expect(row.right, `${name}: inside the window`).toBeLessThanOrEqual(width);
  return row;
}

async function expectChromeInOneRow(page: Page) {
  const header = page.locator('header.app-header');
  const strip = page.getByRole('tablist').first();
  const toolbar = page.getByTestId('network-view').getByRole('toolbar');
  await expectOneRow(page, 'header', header, 'button, select, h1', 52);
  // The tabs on screen share one line (scrolled-away tabs are clipped by the strip, not wrapped).
  await expectOneRow(page, 'tool tabs', strip, '[role="tab"]', 44, true);
  const bar = await expectOneRow(page, 'network toolbar', toolbar, 'button, select', 36);
  const tabs = await strip.evaluate((element) => [...element.querySelectorAll('[role="tab"]')].map((tab) => tab.getBoundingClientRect().top));
  expect(new Set(tabs.map(Math.round)).size, 'every tab on one line').toBe(1);
  // Nothing wider than the window; the tool's panes start near the top.
  expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
  expect(bar.bottom, 'the toolbar ends above the panes').toBeLessThan(CONTENT_TOP_MAX);
  const panes = await toolbar.evaluate((element) => element.nextElementSibling!.getBoundingClientRect().top);
  expect(panes, 'the panes start near the top').toBeLessThanOrEqual(CONTENT_TOP_MAX);
}

test.describe('chrome at 1024x700 (small laptop)', () => {
  test.use({ viewport: { width: 1024, height: 700 } });

  for (const { lang, url } of LANGS) {
    test(`${lang}: header, tool tabs and Network toolbar are one row each, inside the window`, async ({ page }) => {
      await open(page, url);
      await expectChromeInOneRow(page);
    });

    test(`${lang}: the file actions are icons named by their label; the tab strip keeps the chosen tab in view`, async ({ page }) => {
      await open(page, url);
      const names = lang === 'fa' ? ['جدید', 'باز کردن…', 'ذخیره', 'ذخیره با نام…'] : ['New', 'Open…', 'Save', 'Save As…'];
      for (const [index, testid] of ['file-new', 'file-open', 'file-save', 'file-save-as'].entries()) {
        const button = page.getByTestId(testid);
        await expect(button).toHaveAccessibleName(names[index]!);
        await expect(button).toHaveAttribute('title', names[index]!);
        await expect(button).toHaveText('');
      }
      await expect(page.getByTestId('language-select')).toHaveAccessibleName(lang === 'fa' ? 'زبان' : 'Language');

      const strip = page.getByRole('tablist').first();
      const inStrip = async (tab: Locator) => {
        const [own, frame] = await Promise.all([tab.boundingBox(), strip.boundingBox()]);
        // A pixel of slack: the strip's scroll range is whole pixels, the tabs' edges are not.
        return own!.x >= frame!.x - 1 && own!.x + own!.width <= frame!.x + frame!.width + 1;
      };
      const first = page.getByTestId('tool-tab-start');
      const last = page.getByRole('tab').last();
      expect(await inStrip(first)).toBe(true);
      // The strip overflows at this size in English, so its chevrons appear; Persian may fit.
      const forward = page.getByTestId('tool-tab-scroll-forward');
      if (await forward.isVisible()) {
        expect(await inStrip(last)).toBe(false);
        await expect(page.getByTestId('tool-tab-scroll-back')).toBeDisabled();
        // The forward chevron is at the strip's end: the right in English, the left in Persian.
        const [chevron, frame] = await Promise.all([forward.boundingBox(), strip.boundingBox()]);
        if (lang === 'fa') expect(chevron!.x).toBeLessThan(frame!.x);
        else expect(chevron!.x).toBeGreaterThanOrEqual(frame!.x + frame!.width - 0.5);
        await forward.click();
        await expect.poll(() => inStrip(last)).toBe(true);
        await expect(forward).toBeDisabled();
        await page.getByTestId('tool-tab-scroll-back').click();
        await expect.poll(() => inStrip(first)).toBe(true);
      }
      // Keyboard: End selects the last tool and the strip scrolls it into view; Home brings the first back.
      await page.getByTestId('tool-tab-network').focus();
      await page.keyboard.press('End');
      await expect(last).toHaveAttribute('aria-selected', 'true');
      await expect(last).toBeFocused();
      await expect.poll(() => inStrip(last)).toBe(true);
      await page.keyboard.press('Home');
      await expect(first).toHaveAttribute('aria-selected', 'true');
      await expect.poll(() => inStrip(first)).toBe(true);
    });
  }

  test('fa: the digits select is in the one-row header', async ({ page }) => {
    await open(page, '/?lang=fa&tour=off#network');
    await expect(page.getByTestId('digits-select')).toBeVisible();
    const [digits, header] = await Promise.all([page.getByTestId('digits-select').boundingBox(), page.locator('header.app-header').boundingBox()]);
    expect(digits!.y + digits!.height).toBeLessThanOrEqual(header!.y + header!.height);
  });
});

test.describe('chrome at 1440x900 (desktop)', () => {
  test.use({ viewport: { width: 1440, height: 900 } });

  for (const { lang, url } of LANGS) {
    test(`${lang}: one row each, with the file actions' words and every tool tab in view`, async ({ page }) => {
      await open(page, url);
      await expectChromeInOneRow(page);
      await expect(page.getByTestId('file-new')).toHaveText(lang === 'fa' ? 'جدید' : 'New');
      await expect(page.getByTestId('file-save-as')).toHaveText(lang === 'fa' ? 'ذخیره با نام…' : 'Save As…');
      await expect(page.getByTestId('tool-tab-scroll-forward')).toHaveCount(0);
      await expect(page.getByTestId('preset-load')).toHaveText(lang === 'fa' ? 'بارگذاری شبکهٔ آماده' : 'Load preset');
    });
  }
});
