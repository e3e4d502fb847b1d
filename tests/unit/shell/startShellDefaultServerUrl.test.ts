import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { silentLogger } from '../../../electron/core/log/logger.ts';
import { confSettingsBackend } from '../../../electron/core/settings/confSettingsBackend.ts';
import { startShell, type ShellElectron } from '../../../electron/main/startShell.ts';
import { createFakeElectron, type FakeElectron } from './fakeElectron.ts';

vi.mock('electron', () => ({}));

// `npm start` hands its embedded server to the desktop app in ECABINET_DEFAULT_SERVER_URL,
// which electron/main/index.ts passes to the shell as `defaultServerUrl`.

let dir: string;
let userData: string;
let rendererDir: string;
const running: FakeElectron[] = [];

beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'ecabinet-shell-default-'));
  userData = path.join(dir, 'userData');
  rendererDir = path.join(dir, 'renderer');
  mkdirSync(rendererDir);
  writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html>');
});
afterEach(async () => {
  for (const fake of running.splice(0)) await quit(fake);
  rmSync(dir, { recursive: true, force: true });
});

async function quit(fake: FakeElectron): Promise<void> {
  fake.app.emit('will-quit', { preventDefault: () => {} });
  await vi.waitFor(() => expect(fake.app.quit).toHaveBeenCalled());
}

/** Starts a shell on `userData` and waits until its window exists. */
async function startReady(defaultServerUrl: string | undefined): Promise<FakeElectron> {
  const fake = createFakeElectron({ userData });
  running.push(fake);
  const handle = startShell(fake as unknown as ShellElectron, {
    preloadPath: '/app/out/preload/index.cjs',
    rendererDir,
    devRendererUrl: undefined,
    platform: 'linux',
    createSettingsBackend: () => confSettingsBackend(userData),
    defaultServerUrl,
    log: silentLogger,
  });
  fake.resolveReady();
  await handle.ready;
  return fake;
}

async function settingsOf(fake: FakeElectron): Promise<unknown> {
  const window = fake.windows[0];
  if (!window) throw new Error('no window');
  const event = { senderFrame: window.webContents.mainFrame, sender: window.webContents };
  return fake.ipcMain.handlers.get('settings:get')?.(event, {});
}

/** The CSP the shell adds to a response, through the listener it installed. */
function cspOf(fake: FakeElectron): string {
  const listener = fake.session.defaultSession.webRequest.onHeadersReceived.mock.calls[0]?.[0] as (
    details: { url: string; responseHeaders?: Record<string, string[]> },
    callback: (response: { responseHeaders?: Record<string, string[]> }) => void,
  ) => void;
  let csp = '';
  listener({ url: 'app://ecabinet/index.html', responseHeaders: {} }, (response) => {
    csp = (response.responseHeaders?.['Content-Security-Policy'] ?? []).join(', ');
  });
  return csp;
}

describe('startShell default server URL', () => {
  it('stores it on first start, before the window asks, and the CSP allows it', async () => {
    const fake = await startReady('http://127.0.0.1:8787');
    expect(await settingsOf(fake)).toEqual({
      ok: true,
      value: { serverUrl: 'http://127.0.0.1:8787', language: 'vi' },
    });
    expect(cspOf(fake)).toContain("connect-src 'self' http://127.0.0.1:8787 ws://127.0.0.1:8787;");
    expect(JSON.parse(readFileSync(path.join(userData, 'config.json'), 'utf8'))).toEqual({
      settings: { serverUrl: 'http://127.0.0.1:8787', language: 'vi' },
    });
  });

  it('never replaces a stored server, and does nothing without one', async () => {
    const first = await startReady(undefined);
    expect(await settingsOf(first)).toMatchObject({ value: { serverUrl: '' } });
    const window = first.windows[0];
    if (!window) throw new Error('no window');
    const event = { senderFrame: window.webContents.mainFrame, sender: window.webContents };
    await first.ipcMain.handlers.get('settings:set')?.(event, {
      serverUrl: 'https://ecabinet.example.gov.vn',
    });
    running.splice(running.indexOf(first), 1);
    await quit(first);

    const second = await startReady('http://127.0.0.1:8787');
    expect(await settingsOf(second)).toMatchObject({
      value: { serverUrl: 'https://ecabinet.example.gov.vn' },
    });
  });
});
