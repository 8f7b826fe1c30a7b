import { defineConfig, devices } from '@playwright/test';

/**
 * End-to-end journeys in Debian's Chromium (`npx playwright install` cannot download browsers
 * here; `scripts/ensure-chromium.mjs` installs the Debian package when it is missing). The app is
 * served by `vite preview` from the build that `npm run test:e2e` makes first. `E2E_PORT` and
 * `E2E_DIST` (defaults 4173 and dist) let a run serve a build of its own on a free port.
 * Screenshots of the main views are written to test-results/screenshots/ by the specs.
 */
const PORT = Number(process.env.E2E_PORT ?? 4173);
/** The built app to serve (`E2E_DIST` lets a run use its own build directory). */
const DIST = process.env.E2E_DIST ?? 'dist';

export default defineConfig({
  testDir: 'e2e',
  // Failure screenshots and traces; E2E_OUT keeps a parallel run's artefacts apart.
  outputDir: process.env.E2E_OUT ?? 'test-results/artifacts',
  fullyParallel: false,
  workers: 1,
  forbidOnly: !!process.env.CI,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 15_000 },
  reporter: process.env.CI ? [['list'], ['html', { open: 'never' }]] : [['list']],
  use: {
    ...devices['Desktop Chrome'],
    baseURL: `http://localhost:${PORT}`,
    headless: true,
    screenshot: 'only-on-failure',
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ],
    },
  },
  webServer: {
    command: `npx vite preview --port ${PORT} --strictPort --outDir ${DIST}`,
    url: `http://localhost:${PORT}`,
    reuseExistingServer: !process.env.CI,
    timeout: 60_000,
  },
});
