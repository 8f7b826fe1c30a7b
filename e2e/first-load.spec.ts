import {
  expect,
  gotoApp,
  lossReadout,
  readNumber,
  saveScreenshot,
  shownWords,
  statusLine,
  test,
} from './fixtures';

/**
 * Journey 1: opening the page trains on the built-in teaching corpus at once; the loss falls,
 * the word map, its list of shown words and the loss chart are on screen.
 */
test.describe('first load', () => {
  test('trains on the built-in corpus: the loss falls, the map and the loss chart show', async ({
    page,
  }) => {
    await gotoApp(page);
    await expect(statusLine(page)).toHaveText(
      /^Training skip-gram with negative sampling on the teaching corpus — epoch \d+ of \d+, [\d,]+ words, [\d.]+k? words\/s/,
    );

    // The loss of an untrained model is (K + 1)·ln 2 ≈ 4.16 per pair (K = 5: every σ is ½). It
    // must fall well below that — and below what the page first showed, however late that was.
    const loss = lossReadout(page);
    await expect(loss).toHaveText(/^\d+(\.\d+)?$/);
    const firstLoss = await readNumber(loss);
    const untrained = 6 * Math.LN2;
    expect(firstLoss).toBeLessThan(untrained * 1.1);
    await expect
      .poll(() => readNumber(loss), { timeout: 20_000 })
      .toBeLessThan(Math.min(untrained / 2, firstLoss));

    // The word map: its canvas, axes titled with the explained variance, and the words it shows.
    await expect(page.getByRole('img', { name: 'Word map', exact: true })).toBeVisible();
    await expect(page.getByText(/^horizontal — \d+% of variance$/)).toBeVisible();
    await expect(page.getByText(/^vertical — \d+% of variance$/)).toBeVisible();
    const words = await shownWords(page);
    expect(words.length).toBeGreaterThanOrEqual(20);
    expect(words).toEqual(expect.arrayContaining(['king', 'queen', 'dog', 'cat', 'rain']));
    await expect(page.getByRole('list', { name: 'Word groups', exact: true })).toBeVisible();

    // The loss chart.
    const chart = page.getByRole('figure', { name: 'Loss chart', exact: true });
    await expect(chart).toBeVisible();

    // Every query word of the teaching corpus gets a list of five neighbours with similarities.
    const neighbours = page.getByRole('list', { name: 'Nearest neighbours of the query words' });
    const item = (word: string) =>
      neighbours.getByRole('listitem').filter({ hasText: new RegExp(`^${word}`) });
    for (const word of ['king', 'dog', 'coffee', 'rain']) {
      await expect(item(word)).toHaveText(
        new RegExp(`^${word}\\W+(\\w+ \\(−?\\d\\.\\d{3}\\)(, )?){5}$`),
      );
    }
    // As the model learns, related words move in (the seed is fixed, so this is reproducible).
    await expect(item('king')).toContainText(/prince|queen|princess/, { timeout: 20_000 });
    await expect(item('dog')).toContainText(/cat|fox|wolf|lion|tiger|cow|horse|goat|sheep/);
    await expect(page.getByRole('progressbar', { name: 'Progress' })).toBeVisible();

    await saveScreenshot(page, 'training-page');
    const map = page.getByRole('img', { name: 'Word map', exact: true });
    await saveScreenshot(page.getByRole('figure').filter({ has: map }), 'word-map');
    await saveScreenshot(chart, 'loss-chart');
  });
});
