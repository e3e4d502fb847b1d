import type { Browser } from '@playwright/test';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { LaunchedApp } from '../fixtures/AppUnderTest.ts';
import { launchElectronApp } from '../fixtures/electronApp.ts';
import { launchWebApp } from '../fixtures/webApp.ts';

/**
 * Another device: the same host as the test's app (Electron when the project runs Electron,
 * browser mode otherwise) on its own fresh user-data directory, pointed at `serverUrl`.
 * `close()` quits it and removes the directory.
 */
export async function launchSecondDevice(
  electronPath: string | null,
  browser: () => Promise<Browser>,
  serverUrl: string,
): Promise<LaunchedApp> {
  const dir = await mkdtemp(join(tmpdir(), 'ecabinet-e2e-second-'));
  try {
    const options = { defaultServerUrl: serverUrl };
    const app = electronPath
      ? await launchElectronApp(electronPath, dir, options)
      : await launchWebApp(await browser(), dir, options);
    return {
      ...app,
      host: app.host,
      get page() {
        return app.page;
      },
      restart: () => app.restart(),
      close: async () => {
        try {
          await app.close();
        } finally {
          await rm(dir, { recursive: true, force: true });
        }
      },
    };
  } catch (error) {
    await rm(dir, { recursive: true, force: true });
    throw error;
  }
}
