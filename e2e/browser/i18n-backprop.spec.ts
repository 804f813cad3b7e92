import { expect, test } from '../fixtures/app';

/**
 * Issue 11: a backprop case's errors reach the view as codes with values and are phrased in
 * Persian (shared/messages/fa-backprop-issues.ts), numbers in Persian digits, the case's
 * field names as typed. Text is compared without bidi marks (isolates), which are invisible.
 */

const BIDI_MARKS = /[\u200E\u200F\u061C\u202A-\u202E\u2066-\u2069]/g;
const plain = (text: string | null) => (text ?? '').replace(BIDI_MARKS, '').trim();

test.describe('backprop case errors in Persian', () => {
  test('a size past the limits and a dilation that empties the conv output are named in Persian, the last valid numbers stay', async ({ page }) => {
    await page.goto('/?lang=fa&tour=off#backprop');
    await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
    await page.getByTestId('show-all').check();
    await expect(page.getByTestId('cell-grad_bias-0')).toHaveText('۱');
    await page.getByTestId('size-H').fill('40');
    const errors = page.getByTestId('backprop-error');
    await expect.poll(async () => plain(await errors.first().textContent())).toBe('input: ۴۰×۳ است؛ حداکثر ۳۲×۳۲ مجاز است');
    await page.getByTestId('size-H').fill('3');
    await page.getByTestId('dilation-h').fill('5');
    await expect
      .poll(async () => (await errors.allTextContents()).map(plain))
      .toEqual(['filters: خروجی کانولوشن خالی می‌شود: هستهٔ مؤثر ۶×۲ (یعنی (k - 1)·dilation + 1) از ورودیِ لایه‌گذاری‌شدهٔ ۳×۳ بزرگ‌تر است']);
    // No English word left beyond the case's field names.
    const words = plain(await errors.first().textContent()).match(/[A-Za-z]{2,}/g) ?? [];
    expect(words).toEqual(['filters', 'dilation']);
    await expect(page.getByTestId('cell-grad_bias-0')).toHaveText('۱');
  });
});
