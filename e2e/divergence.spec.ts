import {
  button,
  expect,
  gotoApp,
  labelled,
  readNumber,
  saveScreenshot,
  test,
  trainUntilWords,
  waitForStatus,
  wordsReadout,
} from './fixtures';

/** What the status line says when the loss blows up at learning rate 10. */
const DIVERGED =
  /^The loss became (NaN|infinite): the learning rate 10 is too high — training paused; lower it and press play\.$/;

/** What the neighbours panel says instead of its lists once the model diverged. */
const NEIGHBOURS_MEANINGLESS =
  'The model diverged, so these neighbours mean nothing; lower the learning rate and press Play.';

/**
 * Journey 6: an absurd learning rate makes the loss blow up; the status line says so in plain
 * words, training pauses, and the page stays usable: a lower rate and Play train again.
 */
test('an absurd learning rate shows the NaN message and the page stays alive', async ({ page }) => {
  // From the slider: its maximum, while the model trains (the rate is a live setting). Capped
  // speed: the WebAssembly kernel would finish the default run before the slider moves.
  await gotoApp(page, { speed: 20000, epochs: 1000 });
  await trainUntilWords(page, 1);
  const rate = labelled(page, 'Learning rate');
  await rate.focus();
  await page.keyboard.press('End');
  await expect(rate).toHaveAttribute('aria-valuetext', '10');
  await waitForStatus(page, DIVERGED);
  await expect(button(page, 'Play')).toBeEnabled();
  // The neighbour lists of the broken model are replaced by advice.
  await expect(page.getByText(NEIGHBOURS_MEANINGLESS, { exact: true })).toBeVisible();
  await expect(
    page.getByRole('list', { name: 'Nearest neighbours of the query words' }),
  ).toHaveCount(0);
  await saveScreenshot(page, 'error-divergence');

  // From a link: the same message, on a fresh page.
  // Capped again: the fresh run after Play must still be training when Pause is pressed.
  await gotoApp(page, { lr: 10, speed: 20000, epochs: 1000 });
  await waitForStatus(page, DIVERGED);
  await expect(labelled(page, 'Learning rate')).toHaveAttribute('aria-valuetext', '10');
  await expect(button(page, 'Play')).toBeEnabled();

  // The page still answers: the smallest rate, then Play, trains a fresh model.
  await labelled(page, 'Learning rate').focus();
  await page.keyboard.press('Home');
  await expect(labelled(page, 'Learning rate')).toHaveAttribute(
    'aria-valuetext',
    /^1e-4$|^0\.0001$/,
  );
  await expect.poll(() => new URL(page.url()).searchParams.get('lr')).toBe('0.0001');
  await button(page, 'Play').click();
  await waitForStatus(page, /^Training skip-gram with negative sampling on the teaching corpus — /);
  await expect(
    page.getByRole('list', { name: 'Nearest neighbours of the query words' }),
  ).toBeVisible();
  const start = await readNumber(wordsReadout(page));
  await expect.poll(() => readNumber(wordsReadout(page))).toBeGreaterThan(start + 1_000);
  await expect(labelled(page, 'Loss (smoothed)')).toHaveText(/^\d+(\.\d+)?$/);
  await button(page, 'Pause').click();
  await waitForStatus(page, /^Paused/);
});
