/**
 * Shared helpers for the journeys. Everything is located the way a user (or a screen reader)
 * finds it — by role and accessible name (Contract 3 of issue 3) — and every wait is on visible
 * state: web-first assertions and `expect.poll`, never a fixed sleep.
 *
 * The exported `test` adds one automatic check to every journey: an uncaught exception in the
 * page (a crashed handler, a rejected promise nobody caught) fails the test that caused it.
 */
import { mkdirSync } from 'node:fs';
import { test as base, expect, type Locator, type Page } from '@playwright/test';

export { expect };
export type { Locator, Page };

/** Where the screenshots of the main views go (kept as test artefacts and looked at by hand). */
export const SCREENSHOT_DIR = 'test-results/screenshots';

export const test = base.extend<{ pageErrors: string[] }>({
  pageErrors: [
    async ({ page }, use) => {
      const errors: string[] = [];
      page.on('pageerror', (error) => errors.push(error.message));
      await use(errors);
      expect(errors, 'uncaught exceptions in the page').toEqual([]);
    },
    { auto: true },
  ],
});

/** Opens the app with the given URL parameters (Contract 2 keys: lr, window, corpus, top…). */
export async function gotoApp(
  page: Page,
  params: Record<string, string | number> | string = {},
): Promise<void> {
  const query =
    typeof params === 'string'
      ? params
      : new URLSearchParams(
          Object.entries(params).map(([k, v]) => [k, String(v)] as [string, string]),
        ).toString();
  await page.goto(query ? `/?${query}` : '/');
}

/** The polite live region that says what the trainer is doing. */
export const statusLine = (page: Page): Locator => page.getByRole('status');

/** Waits until the status line matches `pattern`. */
export async function waitForStatus(page: Page, pattern: RegExp, timeout?: number): Promise<void> {
  await expect(statusLine(page)).toHaveText(pattern, timeout ? { timeout } : undefined);
}

/** A button by its exact name ("Step" must not match "Step 10"). */
export const button = (page: Page, name: string): Locator =>
  page.getByRole('button', { name, exact: true });

/** A labelled control or readout by its exact name ("Loss" must not match "Loss (smoothed)"). */
export const labelled = (page: Page, name: string): Locator =>
  page.getByLabel(name, { exact: true });

/** The readout of the words read so far (stream mode's unit). */
export const wordsReadout = (page: Page): Locator => labelled(page, 'Words processed');

/** The smoothed loss readout. */
export const lossReadout = (page: Page): Locator => labelled(page, 'Loss (smoothed)');

/** The number a readout shows ("12,345" → 12345, "2.314" → 2.314); NaN before it has one. */
export async function readNumber(locator: Locator): Promise<number> {
  const text = (await locator.textContent()) ?? '';
  const match = /−?-?[\d,]*\.?\d+(e[-+]?\d+)?/.exec(text);
  return match ? Number(match[0].replace(/,/g, '').replace('−', '-')) : Number.NaN;
}

/** "12345" → "12,345", as the readouts print counts. */
export const grouped = (value: number): string => value.toLocaleString('en-US');

/** Waits until the page trains, then until `count` words have been read. */
export async function trainUntilWords(page: Page, count: number, timeout = 30_000): Promise<void> {
  await waitForStatus(page, /^Training/);
  await expect
    .poll(() => readNumber(wordsReadout(page)), { timeout, message: `at least ${count} words` })
    .toBeGreaterThanOrEqual(count);
}

/** Pauses a training run and waits until the status line says so. */
export async function pauseRun(page: Page): Promise<void> {
  await button(page, 'Pause').click();
  await waitForStatus(page, /^Paused/);
  await expect(button(page, 'Play')).toBeEnabled();
}

/** Saves a screenshot of the page (or of one element) under test-results/screenshots/. */
export async function saveScreenshot(target: Page | Locator, name: string): Promise<void> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const path = `${SCREENSHOT_DIR}/${name}.png`;
  if ('goto' in target) await target.screenshot({ path, fullPage: true });
  else await target.screenshot({ path });
}

/** The items of the visually hidden "Shown words" list, in order. */
export async function shownWords(page: Page): Promise<string[]> {
  const items = page.getByRole('list', { name: 'Shown words', exact: true }).getByRole('listitem');
  return (await items.allTextContents()).map((t) => t.replace(/ \(pinned\)$/, '').trim());
}
