import {
  button,
  expect,
  gotoApp,
  labelled,
  readNumber,
  statusLine,
  test,
  trainUntilWords,
  wordsReadout,
} from './fixtures';

/**
 * Journey: training on every core. The preview server sends COOP/COEP, so the page is
 * cross-origin isolated and trains on two threads when asked (a helper worker beside the
 * trainer, Hogwild on shared memory; the default on machines with three cores or more); `threads=1` in the link, or the Threads control and a
 * restart, give one thread, which a link reproduces exactly.
 */
test.describe('threads', () => {
  test('an isolated page trains on 2 threads with threads=2; threads=1 in the link trains on one', async ({
    page,
  }) => {
    await gotoApp(page, { corpus: 'moby', epochs: 100, threads: 2 });
    expect(await page.evaluate(() => crossOriginIsolated)).toBe(true);
    const throughput = labelled(page, 'Throughput');
    await trainUntilWords(page, 50_000);
    await expect(throughput).toHaveText(/words\/s on 2 threads$/);
    await expect(statusLine(page)).toHaveText(/words\/s on 2 threads$/);
    await expect(labelled(page, 'Threads')).toHaveValue('2');
    const before = await readNumber(wordsReadout(page));
    await expect.poll(() => readNumber(wordsReadout(page))).toBeGreaterThan(before);

    await gotoApp(page, { corpus: 'moby', epochs: 100, threads: 1 });
    await trainUntilWords(page, 20_000);
    await expect(throughput).toHaveText(/words\/s on 1 thread$/);
    await expect(labelled(page, 'Threads')).toHaveValue('1');
  });

  test('choosing 1 thread waits for a restart, which then trains on one', async ({ page }) => {
    await gotoApp(page, { corpus: 'moby', epochs: 100, threads: 2 });
    await trainUntilWords(page, 20_000);
    await labelled(page, 'Threads').selectOption('1');
    await expect(page.getByText('waits for restart')).toBeVisible();
    await button(page, 'Restart to apply').click();
    await trainUntilWords(page, 20_000);
    await expect(labelled(page, 'Throughput')).toHaveText(/words\/s on 1 thread$/);
    // The link keeps the choice (written out, or left out where 1 is the machine's default).
    await expect(page).not.toHaveURL(/[?&]threads=2(&|$)/);
    await page.reload();
    await trainUntilWords(page, 20_000);
    await expect(labelled(page, 'Threads')).toHaveValue('1');
    await expect(labelled(page, 'Throughput')).toHaveText(/words\/s on 1 thread$/);
  });
});
