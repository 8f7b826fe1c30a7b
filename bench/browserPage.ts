/**
 * Pieces the browser benchmarks share (browser.ts, memory.ts): how Chromium is launched, and a
 * pointer that keeps moving over the word map.
 */
import type { Page } from '@playwright/test';

/** Debian's headless Chromium, as the e2e tests run it (no GPU on this machine). */
export const CHROMIUM_OPTIONS = {
  executablePath: '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run'],
};

/**
 * Moves the pointer over the map on a Lissajous path, one move every ~30 ms, until stopped;
 * `stop` resolves to the number of moves made.
 */
export function hoverLoop(page: Page) {
  let isRunning = true;
  const done = (async () => {
    const box = await page.getByRole('img', { name: 'Word map' }).boundingBox();
    if (!box) return 0;
    let moves = 0;
    for (; isRunning; moves++) {
      const t = moves / 40;
      const x = box.x + box.width * (0.5 + 0.4 * Math.sin(3 * t));
      const y = box.y + box.height * (0.5 + 0.4 * Math.sin(2 * t + 1));
      await page.mouse.move(x, y);
      await new Promise((r) => setTimeout(r, 30));
    }
    return moves;
  })();
  return {
    stop: () => {
      isRunning = false;
      return done;
    },
  };
}
