import {
  button,
  expect,
  gotoApp,
  labelled,
  lossReadout,
  pauseRun,
  readNumber,
  statusLine,
  test,
  trainUntilWords,
  waitForStatus,
  wordsReadout,
} from './fixtures';

/**
 * Journey 4: the loss cannot change under a running model, so choosing another one asks for a
 * restart; "Restart to apply" starts a fresh model with it (count and loss history from zero),
 * and it trains.
 */
test('switching the loss restarts the run with the new loss, and it trains', async ({ page }) => {
  // Capped speed: at full speed the hierarchical-softmax run can end before the last switch,
  // which must happen while it trains.
  await gotoApp(page, { speed: 20000 });
  await trainUntilWords(page, 2_000);
  await pauseRun(page);
  const words = wordsReadout(page);
  const before = await readNumber(words);
  expect(before).toBeGreaterThanOrEqual(2_000);
  const chart = page.getByRole('figure', { name: 'Loss chart', exact: true });
  await expect(chart).toContainText(/words [\d,]+ · loss/);

  await labelled(page, 'Loss').selectOption({ label: 'hierarchical softmax' });
  const restart = button(page, 'Restart to apply');
  await expect(restart).toBeVisible();
  await expect(page.getByText(/^Changed: Loss\. The model must start over\.$/)).toBeVisible();
  // Until the restart, the model in force is still the old one.
  await expect(statusLine(page)).toHaveText(/^Paused/);
  await expect(words).toHaveText(before.toLocaleString('en-US'));

  await restart.click();
  await expect(restart).toHaveCount(0);
  await waitForStatus(
    page,
    /^Ready to train skip-gram with hierarchical softmax on the teaching corpus \([\d,]+ tokens, [\d,]+ distinct words\)\. Press play\.$/,
  );
  await expect.poll(() => readNumber(words)).toBe(0);
  await expect(chart).toContainText('No loss points yet.');

  await button(page, 'Play').click();
  await waitForStatus(
    page,
    /^Training skip-gram with hierarchical softmax on the teaching corpus — epoch \d+ of \d+, [\d,]+ words/,
  );
  await expect(lossReadout(page)).toHaveText(/^\d+(\.\d+)?$/);
  await expect.poll(() => readNumber(words)).toBeGreaterThan(1_000);
  await expect(chart).toContainText(/words [\d,]+ · loss \d/);

  // While training, the restart keeps training with the other loss.
  await labelled(page, 'Loss').selectOption({ label: 'full softmax' });
  await restart.click();
  await expect(restart).toHaveCount(0);
  await waitForStatus(page, /^Training skip-gram with full softmax on the teaching corpus — /);
  await expect(lossReadout(page)).toHaveText(/^\d+(\.\d+)?$/);
});
