import { defineConfig } from '@playwright/test';
import type { AppOptions } from './tests/e2e/fixtures/app.ts';

/**
 * End-to-end specs (tests/e2e) run twice over, against the same fixtures:
 * - `chromium`: browser mode (the web host in-process, port 0) in Debian's Chromium at
 *   /usr/bin/chromium. No browser is ever downloaded (never run `playwright install`).
 * - `electron`: the desktop app under Playwright's `_electron`, when an Electron binary exists
 *   (ECABINET_ELECTRON_PATH, ELECTRON_OVERRIDE_DIST_PATH or node_modules/electron/dist);
 *   otherwise every test there is skipped with "skipped: no Electron binary", and global setup
 *   says so once.
 * Results: list on the console and JSON in test-results/e2e.json (summed by scripts/test.mjs).
 */

/** Chromium switches for a headless run as root on a machine without outside network. */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-default-apps',
  '--disable-domain-reliability',
  '--no-first-run',
  '--no-default-browser-check',
];

export default defineConfig<AppOptions>({
  testDir: 'tests/e2e',
  testMatch: '**/*.spec.ts',
  // Not test-results/ itself: Playwright empties its outputDir, and other runners' reports live there.
  outputDir: 'test-results/e2e-artifacts',
  globalSetup: './tests/e2e/globalSetup.ts',
  forbidOnly: true,
  retries: 0,
  workers: 2,
  timeout: 30_000,
  expect: { timeout: 5_000 },
  reporter: [['list'], ['json', { outputFile: 'test-results/e2e.json' }]],
  projects: [
    {
      name: 'chromium',
      use: {
        appHost: 'web',
        browserName: 'chromium',
        headless: true,
        launchOptions: { executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS },
      },
    },
    {
      name: 'electron',
      use: { appHost: 'electron' },
    },
  ],
});
