import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import * as electron from 'electron';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { confSettingsBackend } from '../../../electron/core/settings/confSettingsBackend.ts';
import { electronSettingsBackend } from '../../../electron/main/electronSettingsBackend.ts';
import type { FakeElectron } from './fakeElectron.ts';

vi.mock('electron', async () => {
  const { mkdtempSync } = await import('node:fs');
  const { tmpdir } = await import('node:os');
  const { join } = await import('node:path');
  const { createFakeElectron, asElectronModule } = await import('./fakeElectron.ts');
  return asElectronModule(
    createFakeElectron({ userData: mkdtempSync(join(tmpdir(), 'ecabinet-store-')) }),
  );
});

const fake = (electron as unknown as { __fake: FakeElectron }).__fake;
const userData = fake.app.getPath('userData');
afterAll(() => rmSync(userData, { recursive: true, force: true }));

describe('electronSettingsBackend', () => {
  it('writes <userData>/config.json under "settings", the file conf reads', () => {
    const backend = electronSettingsBackend();
    expect(backend.read()).toBeUndefined();
    backend.write({ serverUrl: 'https://sync.gov.vn', language: 'en' });
    expect(backend.read()).toEqual({ serverUrl: 'https://sync.gov.vn', language: 'en' });
    expect(confSettingsBackend(userData).read()).toEqual({
      serverUrl: 'https://sync.gov.vn',
      language: 'en',
    });
    expect(JSON.parse(readFileSync(path.join(userData, 'config.json'), 'utf8'))).toEqual({
      settings: { serverUrl: 'https://sync.gov.vn', language: 'en' },
    });
  });

  it('removes the sync IPC listener electron-store installs', () => {
    electronSettingsBackend();
    expect(fake.ipcMain.listenerCount('electron-store-get-data')).toBe(0);
  });

  it('starts from defaults instead of crashing when the file is not JSON', () => {
    writeFileSync(path.join(userData, 'config.json'), '{ not json');
    const backend = electronSettingsBackend();
    expect(backend.read()).toBeUndefined();
  });
});
