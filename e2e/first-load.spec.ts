import { expect, test, type Locator } from '@playwright/test';

/** The number a readout shows ("12,345" → 12345, "2.314" → 2.314); NaN before it has one. */
async function readNumber(locator: Locator): Promise<number> {
  const text = (await locator.textContent()) ?? '';
  return /\d/.test(text) ? Number(text.replace(/,/g, '')) : Number.NaN;
}

test.describe('first load', () => {
  test('trains on the built-in corpus: the loss falls and neighbours appear', async ({ page }) => {
    await page.goto('/');
    const status = page.getByRole('status');
    await expect(status).toHaveText(
      /^Training skip-gram with negative sampling on the teaching corpus — epoch \d+ of \d+, [\d,]+ words, [\d.]+k? words\/s/,
    );

    // The smoothed loss starts near (K + 1)·ln 2 and must go down as training proceeds.
    const loss = page.getByLabel('Loss (smoothed)');
    await expect(loss).toHaveText(/^\d+(\.\d+)?$/);
    const firstLoss = await readNumber(loss);
    await expect.poll(() => readNumber(loss), { timeout: 20_000 }).toBeLessThan(firstLoss * 0.9);

    // Every query word of the teaching corpus gets a list of five neighbours with similarities.
    const neighbours = page.getByRole('list', { name: 'Nearest neighbours of the query words' });
    for (const word of ['king', 'dog', 'coffee', 'rain']) {
      await expect(
        neighbours.getByRole('listitem').filter({ hasText: new RegExp(`^${word}`) }),
      ).toHaveText(new RegExp(`^${word}\\W+(\\w+ \\(−?\\d\\.\\d{3}\\)(, )?){5}$`));
    }
    // As the model learns, related words move in (the seed is fixed, so this is reproducible).
    const item = (word: string) =>
      neighbours.getByRole('listitem').filter({ hasText: new RegExp(`^${word}`) });
    await expect(item('king')).toContainText(/prince|queen|princess/, { timeout: 20_000 });
    await expect(item('dog')).toContainText(/cat|fox|wolf|lion|tiger|cow|horse|goat|sheep/);
    await expect(page.getByRole('progressbar', { name: 'Progress' })).toBeVisible();
    await page.screenshot({ path: 'test-results/screenshots/first-load.png', fullPage: true });
  });

  test('pause stops the word count and step advances it by exactly one word', async ({ page }) => {
    await page.goto('/');
    const status = page.getByRole('status');
    await expect(status).toHaveText(/^Training/);
    const words = page.getByLabel('Words processed');
    await expect.poll(() => readNumber(words)).toBeGreaterThan(0);

    await page.getByRole('button', { name: 'Pause' }).click();
    await expect(status).toHaveText(/^Paused — epoch \d+ of \d+, [\d,]+ words\./);
    await expect(page.getByRole('button', { name: 'Play' })).toBeEnabled();
    const pausedAt = await readNumber(words);
    // The status line and the readout come from the same frame: both show the paused count.
    await expect(status).toContainText(`${pausedAt.toLocaleString('en-US')} words`);

    await page.getByRole('button', { name: 'Step' }).click();
    await expect(words).toHaveText((pausedAt + 1).toLocaleString('en-US'));
    await expect(status).toHaveText(/^Paused/);
    await expect(status).toContainText(`${(pausedAt + 1).toLocaleString('en-US')} words`);

    await page.getByRole('button', { name: 'Step' }).click();
    await expect(words).toHaveText((pausedAt + 2).toLocaleString('en-US'));
    await page.screenshot({
      path: 'test-results/screenshots/paused-after-step.png',
      fullPage: true,
    });
  });
});
