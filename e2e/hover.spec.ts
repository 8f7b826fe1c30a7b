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

interface ShownPoint {
  word: string;
  x: number;
  y: number;
}

/**
 * Where the shown words' points are drawn: the page writes each point's position on the canvas
 * (CSS pixels from its top-left) on the "Shown words" list items as data-x / data-y, a few times a
 * second. Points outside the canvas are left out.
 */
async function shownPoints(page: Page, map: Locator): Promise<ShownPoint[]> {
  const box = (await map.boundingBox())!;
  const items = page.getByRole('list', { name: 'Shown words', exact: true }).getByRole('listitem');
  const points = await items.evaluateAll((elements) =>
    elements.map((li) => ({
      word: (li.textContent ?? '').replace(/ \(pinned\)$/, '').trim(),
      x: Number(li.getAttribute('data-x') ?? Number.NaN),
      y: Number(li.getAttribute('data-y') ?? Number.NaN),
    })),
  );
  return points.filter((p) => p.x >= 0 && p.x <= box.width && p.y >= 0 && p.y <= box.height);
}

/** Waits until the points stop moving (the map eases into each new frame) and returns them. */
async function settledPoints(page: Page, map: Locator): Promise<ShownPoint[]> {
  let last = '';
  let points: ShownPoint[] = [];
  await expect
    .poll(
      async () => {
        points = await shownPoints(page, map);
        const now = JSON.stringify(points);
        const isStill = points.length > 0 && now === last;
        last = now;
        return isStill;
      },
      { intervals: [400] },
    )
    .toBe(true);
  return points;
}

/** Moves the pointer onto `point` and waits for the tooltip to name its word. */
async function hoverPoint(page: Page, map: Locator, tooltip: Locator, point: ShownPoint) {
  const box = (await map.boundingBox())!;
  await page.mouse.move(box.x + point.x, box.y + point.y);
  await expect(tooltip).toBeVisible();
  await expect(tooltip.locator('strong')).toHaveText(point.word);
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

  // Every shown word has its position on the list; the pointer goes to a point well inside.
  const points = await settledPoints(page, map);
  const box = (await map.boundingBox())!;
  const inside = points.filter((p) => p.x > 60 && p.x < box.width - 60 && p.y > 20);
  expect(inside.length, 'shown words placed inside the map').toBeGreaterThan(0);
  const at = inside[0]!;
  await hoverPoint(page, map, tooltip, at);
  const word = at.word;
  expect(words).toContain(word);
  await expect(tooltip).toContainText(new RegExp(`nearest: (\\w+ \\(−?\\d\\.\\d\\d\\)(, )?)+`));
  await expect(map).toHaveAttribute('aria-describedby', (await tooltip.getAttribute('id'))!);
  await saveScreenshot(figure, 'word-map-hover');

  // Near the right edge the tooltip opens to the left at its full width instead of squeezing.
  const rightmost = points.reduce((p, q) => (q.x > p.x ? q : p));
  await hoverPoint(page, map, tooltip, rightmost);
  await expect(tooltip).toContainText('nearest: ');
  await expect(tooltip).toContainText(/\)$/);
  const tip = (await tooltip.boundingBox())!;
  expect(tip.width, 'the tooltip keeps its width near the right edge').toBeGreaterThan(200);
  expect(tip.x + tip.width).toBeLessThanOrEqual(box.x + box.width);
  await saveScreenshot(figure, 'word-map-hover-right');

  // A click pins the word (the list of shown words says so); leaving the map hides the tooltip.
  await hoverPoint(page, map, tooltip, at);
  await page.mouse.click(box.x + at.x, box.y + at.y);
  const list = page.getByRole('list', { name: 'Shown words', exact: true });
  await expect(list.getByRole('listitem').filter({ hasText: `${word} (pinned)` })).toHaveCount(1);
  await page.mouse.move(1, 1);
  await expect(tooltip).toHaveCount(0);
});
