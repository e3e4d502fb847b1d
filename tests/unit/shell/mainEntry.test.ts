import { existsSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import * as electron from 'electron';
import { afterAll, describe, expect, it, vi } from 'vitest';
import type { FakeElectron } from './fakeElectron.ts';

// The real entry file, imported against a fake `electron` with a temp user-data directory:
// proves the wiring of index.ts, including electron-store as the settings backend.
vi.mock('electron', async () => {
  const { mkdtempSync } = await import('node:fs');
  const { tmpdir } = await import('node:os');
  const { join } = await import('node:path');
  const { createFakeElectron, asElectronModule } = await import('./fakeElectron.ts');
  return asElectronModule(
    createFakeElectron({ userData: mkdtempSync(join(tmpdir(), 'ecabinet-entry-')) }),
  );
});

const fake = (electron as unknown as { __fake: FakeElectron }).__fake;
const userData = fake.app.getPath('userData');

afterAll(async () => {
  // Quit: the shell closes its core (and database) before the directory is removed.
  fake.app.emit('will-quit', { preventDefault: () => {} });
  await vi.waitFor(() => expect(fake.app.quit).toHaveBeenCalled());
  rmSync(userData, { recursive: true, force: true });
});

describe('electron/main/index.ts', () => {
  it('starts the shell on import and opens the window once ready', async () => {
    // The shell logs JSON lines on stderr; keep the test output clean.
    const write = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    try {
      await import('../../../electron/main/index.ts');
      expect(fake.calls).toEqual([
        'enableSandbox',
        'requestSingleInstanceLock',
        'registerSchemesAsPrivileged',
      ]);

      fake.resolveReady();
      await vi.waitFor(() => expect(fake.windows).toHaveLength(1));
      const window = fake.windows[0];
      if (!window) throw new Error('no window');
      expect(window.loadURL).toHaveBeenCalledWith('app://ecabinet/index.html');
      const webPreferences = (
        window.options as { webPreferences: { preload: string; sandbox: boolean } }
      ).webPreferences;
      expect(webPreferences.sandbox).toBe(true);
      expect(webPreferences.preload.endsWith(path.join('preload', 'index.cjs'))).toBe(true);
      expect(fake.protocol.handle).toHaveBeenCalledWith('app', expect.any(Function));

      // electron-store's own renderer channel is gone; only contract channels are handled.
      expect(fake.ipcMain.listenerCount('electron-store-get-data')).toBe(0);

      // Settings go through IPC into <userData>/config.json under "settings".
      const event = { senderFrame: window.webContents.mainFrame, sender: window.webContents };
      expect(
        await fake.ipcMain.handlers.get('settings:set')?.(event, { language: 'en' }),
      ).toMatchObject({ ok: true });
      const file = path.join(userData, 'config.json');
      expect(existsSync(file)).toBe(true);
      expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual({
        settings: { serverUrl: '', language: 'en' },
      });
    } finally {
      write.mockRestore();
    }
  });
});
