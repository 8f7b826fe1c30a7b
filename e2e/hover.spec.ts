import {
  expect,
  gotoApp,
  pauseRun,
  saveScreenshot,
  shownWords,
  test,
  trainUntilWords,
  type Locator,
  type Page,
} from './fixtures';

/**
 * Where points are drawn on the map: the centres of clusters of strongly coloured pixels (the
 * group colours; labels are grey or black), in CSS pixels from the canvas's corner, most solid
 * first. The page does not expose the points' positions, so the test looks at what is drawn.
 */
async function colouredSpots(map: Locator): Promise<{ x: number; y: number }[]> {
  return map.evaluate((element) => {
    const canvas = element as HTMLCanvasElement;
    const ctx = canvas.getContext('2d');
    if (!ctx) return [];
    const { width, height } = canvas;
    const scale = width / canvas.clientWidth;
    const data = ctx.getImageData(0, 0, width, height).data;
    const cell = Math.max(1, Math.round(6 * scale));
    const counts = new Map<string, { n: number; x: number; y: number }>();
    for (let y = 0; y < height; y++) {
      for (let x = 0; x < width; x++) {
        const i = 4 * (y * width + x);
        const r = data[i]!,
          g = data[i + 1]!,
          b = data[i + 2]!,
          a = data[i + 3]!;
        if (a < 200 || Math.max(r, g, b) - Math.min(r, g, b) < 80) continue;
        const key = `${Math.floor(x / cell)},${Math.floor(y / cell)}`;
        const spot = counts.get(key) ?? { n: 0, x: 0, y: 0 };
        spot.n++;
        spot.x += x;
        spot.y += y;
        counts.set(key, spot);
      }
    }
    return [...counts.values()]
      .sort((p, q) => q.n - p.n)
      .slice(0, 40)
      .map((s) => ({ x: s.x / s.n / scale, y: s.y / s.n / scale }));
  });
}

/**
 * Moves the pointer over candidate spots until the tooltip shows; returns the spot (relative to
 * the canvas) or null.
 */
async function hoverSomeWord(page: Page, map: Locator, tooltip: Locator) {
  const box = (await map.boundingBox())!;
  for (const spot of await colouredSpots(map)) {
    await page.mouse.move(box.x + spot.x, box.y + spot.y);
    const isShown = await tooltip.waitFor({ state: 'visible', timeout: 500 }).then(
      () => true,
      () => false,
    );
    if (isShown) return spot;
  }
  return null;
}

/**
 * Journey 8: pointing at a point of the word map shows a tooltip with its word (one of the shown
 * words) and its nearest neighbours; clicking pins the word; leaving the map hides the tooltip.
 */
test('hovering a point of the word map shows its word and neighbours', async ({ page }) => {
  await gotoApp(page);
  await trainUntilWords(page, 20_000);
  await pauseRun(page);
  const words = await shownWords(page);
  expect(words.length).toBeGreaterThan(0);
  const map = page.getByRole('img', { name: 'Word map', exact: true });
  const figure = page.getByRole('figure').filter({ has: map });
  // Scrolled into view first, so the screenshot below does not move the map under the pointer.
  await figure.scrollIntoViewIfNeeded();
  const tooltip = page.getByRole('tooltip');
  await expect(tooltip).toHaveCount(0);

  const at = await hoverSomeWord(page, map, tooltip);
  expect(at, 'a point under the pointer shows the tooltip').not.toBeNull();
  const word = ((await tooltip.locator('strong').textContent()) ?? '').trim();
  expect(words).toContain(word);
  await expect(tooltip).toContainText(new RegExp(`nearest: (\\w+ \\(−?\\d\\.\\d\\d\\)(, )?)+`));
  await expect(map).toHaveAttribute('aria-describedby', (await tooltip.getAttribute('id'))!);
  await saveScreenshot(figure, 'word-map-hover');

  // A click pins the word (the list of shown words says so); leaving the map hides the tooltip.
  const box = (await map.boundingBox())!;
  await page.mouse.click(box.x + at!.x, box.y + at!.y);
  const list = page.getByRole('list', { name: 'Shown words', exact: true });
  await expect(list.getByRole('listitem').filter({ hasText: `${word} (pinned)` })).toHaveCount(1);
  await page.mouse.move(1, 1);
  await expect(tooltip).toHaveCount(0);
});
