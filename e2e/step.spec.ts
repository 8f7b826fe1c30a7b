import {
  button,
  expect,
  gotoApp,
  grouped,
  pauseRun,
  readNumber,
  saveScreenshot,
  statusLine,
  test,
  trainUntilWords,
  wordsReadout,
} from './fixtures';

/**
 * Journey 2: paused, "Step" trains exactly one unit (a word in word2vec.c's stream mode) and
 * "Step 10" exactly ten; the readout and the status line come from the same frame.
 */
test('pause stops the count; Step advances it by exactly one word and Step 10 by ten', async ({
  page,
}) => {
  await gotoApp(page, { epochs: 1000 });
  await trainUntilWords(page, 1);
  await pauseRun(page);
  const status = statusLine(page);
  const words = wordsReadout(page);
  await expect(status).toHaveText(/^Paused — epoch \d+ of \d+, [\d,]+ words\./);
  const pausedAt = await readNumber(words);
  expect(pausedAt).toBeGreaterThan(0);
  await expect(status).toContainText(`${grouped(pausedAt)} words`);

  await button(page, 'Step').click();
  await expect(words).toHaveText(grouped(pausedAt + 1));
  await expect(status).toHaveText(/^Paused/);
  await expect(status).toContainText(`${grouped(pausedAt + 1)} words`);

  await button(page, 'Step').click();
  await expect(words).toHaveText(grouped(pausedAt + 2));

  await button(page, 'Step 10').click();
  await expect(words).toHaveText(grouped(pausedAt + 12));
  await expect(status).toHaveText(/^Paused/);
  await expect(status).toContainText(`${grouped(pausedAt + 12)} words`);

  // The keyboard does the same: → steps once (focus on the page, not in an input).
  await button(page, 'Step 10').blur();
  await expect.poll(() => page.evaluate(() => document.activeElement?.tagName)).toBe('BODY');
  await page.keyboard.press('ArrowRight');
  await expect(words).toHaveText(grouped(pausedAt + 13));
  await saveScreenshot(page, 'paused-after-step');

  // Space plays and pauses.
  await page.keyboard.press('Space');
  await expect(status).toHaveText(/^Training/);
  await expect(button(page, 'Pause')).toBeVisible();
  await page.keyboard.press('Space');
  await expect(status).toHaveText(/^Paused/);
  await expect(button(page, 'Play')).toBeVisible();
});
