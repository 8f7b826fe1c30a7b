import {
  button,
  expect,
  gotoApp,
  labelled,
  saveScreenshot,
  shownWords,
  statusLine,
  test,
  waitForStatus,
  type Page,
} from './fixtures';

/** The query parameter `key` of the page's URL, or null. */
const urlParam = (page: Page, key: string): string | null =>
  new URL(page.url()).searchParams.get(key);

/**
 * Journey 9: a built-in corpus shipped as a compressed asset loads and trains; the map shows the
 * words typed in (missing ones are reported, not dropped), plus the most frequent ones on
 * request; a preset reconfigures the run in one click.
 */
test('a built-in corpus, the words shown on the map, and a preset', async ({ page }) => {
  await gotoApp(page, { speed: 20000 }); // capped: each status below is caught while training
  await waitForStatus(page, /^Training .* on the teaching corpus/);

  await labelled(page, 'Corpus').selectOption({ label: 'Moby Dick' });
  await waitForStatus(page, /^Training skip-gram with negative sampling on Moby Dick — /, 60_000);
  await expect.poll(() => urlParam(page, 'corpus')).toBe('moby');
  await expect.poll(() => shownWords(page)).toEqual(expect.arrayContaining(['ahab', 'whale']));

  const typed = labelled(page, 'Words shown');
  await typed.fill('whale, ahab, sea, xyzzy');
  await typed.press('Enter');
  await expect.poll(() => shownWords(page)).toEqual(['whale', 'ahab', 'sea']);
  await expect(page.getByText('Not in the vocabulary: xyzzy')).toBeVisible();
  await expect.poll(() => urlParam(page, 'words')).toBe('whale,ahab,sea,xyzzy');

  await labelled(page, 'Top words').fill('5');
  await expect.poll(async () => (await shownWords(page)).length).toBeGreaterThanOrEqual(7);
  await expect
    .poll(async () => (await shownWords(page)).slice(0, 3))
    .toEqual(['whale', 'ahab', 'sea']);
  await expect.poll(() => urlParam(page, 'top')).toBe('5');
  await labelled(page, 'Vectors shown').selectOption('concat');
  await expect.poll(() => urlParam(page, 'vectors')).toBe('concat');
  await saveScreenshot(page, 'moby-view');

  // The CS224n preset: minibatches of windows, with a note that the exact run needs SST's file.
  await button(page, 'CS224n assignment run').click();
  await expect(labelled(page, 'Training mode')).toHaveValue('minibatch');
  await expect(statusLine(page)).toContainText('datasetSentences.txt');
  await expect(statusLine(page)).toContainText(/iteration [\d,]+ of 40,000/);
  await expect(labelled(page, 'Dimension')).toHaveAttribute('aria-valuetext', '10');
});
