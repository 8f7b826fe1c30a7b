import {
  button,
  expect,
  gotoApp,
  labelled,
  pauseRun,
  test,
  waitForStatus,
  wordsReadout,
  type Page,
} from './fixtures';

/** One query parameter of the page's current URL (null when absent). */
const urlParam = (page: Page, key: string): string | null =>
  new URL(page.url()).searchParams.get(key);

/**
 * Starts the run over with its seed and trains exactly 100 words; returns what the readouts then
 * say (the SGD update count depends on every random draw: windows, sub-sampling, negatives).
 */
async function replayFirst100Words(page: Page): Promise<string> {
  await pauseRun(page);
  await button(page, 'Reset').click();
  await waitForStatus(page, /^Ready to train/);
  await button(page, 'Step 100').click();
  await expect(wordsReadout(page)).toHaveText('100');
  await waitForStatus(page, /^Paused/);
  const updates = await labelled(page, 'SGD updates').textContent();
  const loss = await labelled(page, 'Loss (smoothed)').textContent();
  return `${updates} updates, loss ${loss}`;
}

/**
 * Journey 3: a slider change lands in the address bar (debounced history.replaceState), and
 * reloading that address restores the setting and keeps the seed, so the run replays exactly.
 */
test('a slider change lands in the URL and a reload restores it with the same seed', async ({
  page,
}) => {
  // Capped speed and many epochs: the run must still be training while the test acts (the
  // WebAssembly kernel finishes the default run in about a second).
  await gotoApp(page, { speed: 20000, epochs: 1000 });
  await waitForStatus(page, /^Training/);
  // The seed is always in the link, from the start.
  await expect.poll(() => urlParam(page, 'seed')).toMatch(/^\d+$/);
  const seed = urlParam(page, 'seed');
  expect(urlParam(page, 'window')).toBeNull();

  const window = labelled(page, 'Window');
  await expect(window).toHaveAttribute('aria-valuetext', /^\d+$/);
  const before = Number(await window.inputValue());
  await window.focus();
  await page.keyboard.press('ArrowRight');
  const after = String(before + 1);
  await expect(window).toHaveValue(after);
  await expect(window).toHaveAttribute('aria-valuetext', after);
  // Window is a live setting: no restart is asked for.
  await expect(page.getByRole('button', { name: 'Restart to apply' })).toHaveCount(0);
  await expect.poll(() => urlParam(page, 'window')).toBe(after);
  expect(urlParam(page, 'seed')).toBe(seed);
  const replayed = await replayFirst100Words(page);

  await page.reload();
  await waitForStatus(page, /^Training/);
  await expect(labelled(page, 'Window')).toHaveValue(after);
  await expect(labelled(page, 'Window')).toHaveAttribute('aria-valuetext', after);
  await expect(labelled(page, 'Seed')).toHaveValue(seed ?? '');
  expect(urlParam(page, 'window')).toBe(after);
  expect(urlParam(page, 'seed')).toBe(seed);
  // Same settings and seed: the same run, draw for draw.
  expect(await replayFirst100Words(page)).toBe(replayed);

  // A link with a non-default seed reproduces it too.
  await gotoApp(page, { seed: 4242, window: 3, speed: 20000, epochs: 1000 });
  await waitForStatus(page, /^Training/);
  await expect(labelled(page, 'Seed')).toHaveValue('4242');
  await expect(labelled(page, 'Window')).toHaveValue('3');
  await expect.poll(() => urlParam(page, 'seed')).toBe('4242');
  expect(urlParam(page, 'window')).toBe('3');
});

test('a classroom link hides the chosen controls, and passing it on keeps them hidden', async ({
  page,
}) => {
  await gotoApp(page, { hide: 'model,loss', speed: 20000 });
  await waitForStatus(page, /^Training/);
  await expect(page.getByRole('combobox', { name: 'Model', exact: true })).toHaveCount(0);
  await expect(page.getByRole('combobox', { name: 'Loss', exact: true })).toHaveCount(0);
  await expect(page.getByRole('slider', { name: 'Window', exact: true })).toBeVisible();
  // The share bar starts from the link's hidden list, so the next link hides the same controls.
  await expect(page.getByRole('checkbox', { name: 'Classroom link' })).toBeChecked();
  const hideList = page.getByRole('group', { name: 'Hide these controls in the link' });
  await expect(hideList.getByRole('checkbox', { name: 'Model', exact: true })).toBeChecked();
  await expect(hideList.getByRole('checkbox', { name: 'Loss', exact: true })).toBeChecked();
  await expect(hideList.getByRole('checkbox', { name: 'Window', exact: true })).not.toBeChecked();
});
