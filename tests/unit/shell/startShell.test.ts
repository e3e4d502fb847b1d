import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { silentLogger } from '../../../electron/core/log/logger.ts';
import { confSettingsBackend } from '../../../electron/core/settings/confSettingsBackend.ts';
import {
  startShell,
  type ShellElectron,
  type ShellOptions,
} from '../../../electron/main/startShell.ts';
import { EVENT_CHANNEL } from '../../../electron/preload/ipcEventChannel.ts';
import { createFakeElectron, type FakeElectron, type FakeElectronOptions } from './fakeElectron.ts';

vi.mock('electron', () => ({}));

let dir: string;
let rendererDir: string;

beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'ecabinet-shell-'));
  rendererDir = path.join(dir, 'renderer');
  mkdirSync(rendererDir);
  writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html>');
});
const running: FakeElectron[] = [];
afterEach(async () => {
  // Quit every started shell so its core closes its database before the directory goes.
  for (const fake of running.splice(0)) {
    fake.app.emit('will-quit', { preventDefault: () => {} });
  }
  await new Promise((resolve) => setTimeout(resolve, 20));
  rmSync(dir, { recursive: true, force: true });
});

function start(
  fakeOptions: Omit<FakeElectronOptions, 'userData'> = {},
  shellOptions: Partial<ShellOptions> = {},
) {
  // One user-data directory per shell, as each would be a separate installation.
  const userData = path.join(dir, `userData-${running.length}`);
  const fake = createFakeElectron({ userData, ...fakeOptions });
  running.push(fake);
  const handle = startShell(fake as unknown as ShellElectron, {
    preloadPath: '/app/out/preload/index.cjs',
    rendererDir,
    devRendererUrl: undefined,
    platform: 'linux',
    createSettingsBackend: () => confSettingsBackend(userData),
    log: silentLogger,
    ...shellOptions,
  });
  return { fake, handle };
}

async function startReady(
  fakeOptions: Omit<FakeElectronOptions, 'userData'> = {},
  shellOptions: Partial<ShellOptions> = {},
) {
  const started = start(fakeOptions, shellOptions);
  started.fake.resolveReady();
  await started.handle.ready;
  return started;
}

function onlyWindow(fake: FakeElectron) {
  expect(fake.windows).toHaveLength(1);
  const window = fake.windows[0];
  if (!window) throw new Error('no window');
  return window;
}

describe('startShell before ready', () => {
  it('enables the sandbox, takes the single-instance lock and registers app: — in that order', () => {
    const { fake, handle } = start();
    expect(handle.primary).toBe(true);
    expect(fake.calls).toEqual([
      'enableSandbox',
      'requestSingleInstanceLock',
      'registerSchemesAsPrivileged',
    ]);
    expect(fake.protocol.registerSchemesAsPrivileged).toHaveBeenCalledWith([
      { scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } },
    ]);
    expect(fake.windows).toHaveLength(0);
    expect(fake.ipcMain.handlers.size).toBe(0);
  });

  it('quits at once when another instance holds the lock', async () => {
    const { fake, handle } = start({ lock: false });
    await handle.ready;
    expect(handle.primary).toBe(false);
    expect(fake.calls).toEqual(['enableSandbox', 'requestSingleInstanceLock', 'quit']);
    expect(fake.app.whenReady).not.toHaveBeenCalled();
  });
});

describe('startShell on ready', () => {
  it('installs policies, protocol, IPC, then opens the hardened window on app://', async () => {
    const { fake } = await startReady();
    const session = fake.session.defaultSession;
    expect(session.setPermissionRequestHandler).toHaveBeenCalledTimes(1);
    expect(session.setPermissionCheckHandler).toHaveBeenCalledTimes(1);
    expect(session.setDevicePermissionHandler).toHaveBeenCalledTimes(1);
    expect(session.webRequest.onHeadersReceived).toHaveBeenCalledTimes(1);
    expect(fake.protocol.handle).toHaveBeenCalledWith('app', expect.any(Function));
    expect(fake.ipcMain.handlers.size).toBeGreaterThan(0);

    const window = onlyWindow(fake);
    expect(window.options).toMatchObject({
      show: false,
      webPreferences: {
        preload: '/app/out/preload/index.cjs',
        sandbox: true,
        contextIsolation: true,
        nodeIntegration: false,
        devTools: false,
      },
    });
    expect(window.loadURL).toHaveBeenCalledWith('app://ecabinet/index.html');
    expect(fake.calls.indexOf('protocol.handle app')).toBeLessThan(
      fake.calls.indexOf('new BrowserWindow'),
    );

    // The window's webContents got the navigation policy as it was created.
    expect(window.webContents.windowOpenHandler?.({ url: 'https://example.org' })).toEqual({
      action: 'deny',
    });
    const navigation = { url: 'https://example.org', isMainFrame: true, preventDefault: vi.fn() };
    window.webContents.emit('will-navigate', navigation);
    expect(navigation.preventDefault).toHaveBeenCalled();

    window.emit('ready-to-show');
    expect(window.show).toHaveBeenCalled();
  });

  it('serves the renderer with a CSP that follows the server setting', async () => {
    const { fake } = await startReady();
    const handler = fake.protocol.handle.mock.calls[0]?.[1];
    if (!handler) throw new Error('no app: handler');
    const before = await handler(new Request('app://ecabinet/'));
    expect(before.status).toBe(200);
    expect(before.headers.get('content-security-policy')).toContain("connect-src 'self';");

    const window = onlyWindow(fake);
    const setter = fake.ipcMain.handlers.get('settings:set');
    const event = { senderFrame: window.webContents.mainFrame, sender: window.webContents };
    expect(await setter?.(event, { serverUrl: 'https://sync.gov.vn' })).toMatchObject({ ok: true });
    const after = await handler(new Request('app://ecabinet/index.html'));
    expect(after.headers.get('content-security-policy')).toContain(
      "connect-src 'self' https://sync.gov.vn wss://sync.gov.vn;",
    );
    expect(window.webContents.send).toHaveBeenCalledWith(EVENT_CHANNEL, {
      event: 'settings:changed',
      payload: { serverUrl: 'https://sync.gov.vn', language: 'vi' },
    });
  });

  it('focuses the existing window on a second launch', async () => {
    const { fake } = await startReady();
    const window = onlyWindow(fake);
    window.minimized = true;
    fake.app.emit('second-instance', {}, ['ecabinet'], '/');
    expect(window.restore).toHaveBeenCalled();
    expect(window.focus).toHaveBeenCalled();
  });

  it('quits when the last window closes, except on macOS', async () => {
    const linux = await startReady();
    linux.fake.app.emit('window-all-closed');
    expect(linux.fake.app.quit).toHaveBeenCalledTimes(1);

    const mac = await startReady({}, { platform: 'darwin' });
    mac.fake.app.emit('window-all-closed');
    expect(mac.fake.app.quit).not.toHaveBeenCalled();
  });

  it('closes the core before quitting', async () => {
    const { fake } = await startReady();
    const first = { preventDefault: vi.fn() };
    fake.app.emit('will-quit', first);
    expect(first.preventDefault).toHaveBeenCalled();
    await vi.waitFor(() => expect(fake.app.quit).toHaveBeenCalledTimes(1));
    const second = { preventDefault: vi.fn() };
    fake.app.emit('will-quit', second);
    expect(second.preventDefault).not.toHaveBeenCalled();
  });
});

describe('application menu', () => {
  it('replaces the default menu before the window opens, with no zoom keys', async () => {
    const { fake } = await startReady();
    expect(fake.Menu.setApplicationMenu).toHaveBeenCalledTimes(1);
    expect(fake.calls.indexOf('Menu.setApplicationMenu')).toBeLessThan(
      fake.calls.indexOf('new BrowserWindow'),
    );
    const template = fake.Menu.buildFromTemplate.mock.calls[0]?.[0];
    expect(JSON.stringify(template)).not.toMatch(/zoomIn|zoomOut|resetZoom/);
    // Vietnamese by default; a packaged-style (isPackaged false here) build has the View menu.
    expect(JSON.stringify(template)).toContain('"label":"Sửa"');
  });
});

describe('data key sealing', () => {
  async function offlineCache(options: Omit<FakeElectronOptions, 'userData'>): Promise<unknown> {
    const { fake } = await startReady(options);
    const window = onlyWindow(fake);
    const event = { senderFrame: window.webContents.mainFrame, sender: window.webContents };
    const result = (await fake.ipcMain.handlers.get('session:get')?.(event, {})) as {
      ok: boolean;
      value: { offlineCacheAvailable: boolean };
    };
    expect(result.ok).toBe(true);
    return result.value.offlineCacheAvailable;
  }

  it('uses safeStorage: papers are cached only with a real OS secret store', async () => {
    expect(await offlineCache({ storageBackend: 'gnome_libsecret' })).toBe(true);
    expect(await offlineCache({ storageBackend: 'basic_text' })).toBe(false);
    expect(await offlineCache({ encryptionAvailable: false })).toBe(false);
  });
});

describe('development server', () => {
  it('is used only in an unpackaged build, on loopback, with DevTools', async () => {
    const dev = await startReady(
      { isPackaged: false },
      { devRendererUrl: 'http://localhost:5173' },
    );
    const window = onlyWindow(dev.fake);
    expect(window.loadURL).toHaveBeenCalledWith('http://localhost:5173/');
    expect(window.options).toMatchObject({ webPreferences: { devTools: true } });
    // The dev origin is trusted for IPC only in this mode.
    window.webContents.mainFrame.url = 'http://localhost:5173/';
    const event = { senderFrame: window.webContents.mainFrame, sender: window.webContents };
    expect(await dev.fake.ipcMain.handlers.get('settings:get')?.(event, {})).toMatchObject({
      ok: true,
    });
  });

  it('is ignored by a packaged build and when not on loopback', async () => {
    for (const [isPackaged, url] of [
      [true, 'http://localhost:5173'],
      [false, 'http://evil.example:5173'],
      [false, 'https://localhost:5173'],
    ] as const) {
      const { fake } = await startReady({ isPackaged }, { devRendererUrl: url });
      const window = onlyWindow(fake);
      expect(window.loadURL).toHaveBeenCalledWith('app://ecabinet/index.html');
      window.webContents.mainFrame.url = url;
      const event = { senderFrame: window.webContents.mainFrame, sender: window.webContents };
      expect(await fake.ipcMain.handlers.get('settings:get')?.(event, {})).toMatchObject({
        ok: false,
        error: { code: 'FORBIDDEN_SENDER' },
      });
    }
  });
});
