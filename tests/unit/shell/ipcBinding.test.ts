import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ipcMain } from 'electron';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { CHANNELS } from '../../../shared/ipc/channels.ts';
import { createCore, type Core } from '../../../electron/core/createCore.ts';
import { fileKeySealer } from '../../../electron/core/crypto/fileKeySealer.ts';
import { silentLogger } from '../../../electron/core/log/logger.ts';
import { confSettingsBackend } from '../../../electron/core/settings/confSettingsBackend.ts';
import { forwardCoreEvents } from '../../../electron/main/forwardCoreEvents.ts';
import { bindIpc } from '../../../electron/main/ipcBinding.ts';
import { EVENT_CHANNEL } from '../../../electron/preload/ipcEventChannel.ts';
import { FakeWebContents, type FakeElectron } from './fakeElectron.ts';

vi.mock('electron', async () => {
  const { createFakeElectron, asElectronModule } = await import('./fakeElectron.ts');
  return asElectronModule(createFakeElectron({ userData: '/nonexistent' }));
});

const fakeIpcMain = ipcMain as unknown as FakeElectron['ipcMain'];
const TRUSTED = ['app://ecabinet'];

let dir: string;
let core: Core;
let unbind: () => void;
let contents: FakeWebContents;

beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'ecabinet-ipc-'));
  core = createCore({
    dataDir: dir,
    settingsBackend: confSettingsBackend(dir),
    host: 'electron',
    version: '1.2.3',
    platform: 'linux',
    external: { confirm: () => Promise.resolve(false), open: () => Promise.resolve() },
    log: silentLogger,
    keySealer: fileKeySealer(path.join(dir, 'keys')),
  });
  unbind = bindIpc({
    ipcMain,
    dispatch: core.dispatch,
    trustedOrigins: TRUSTED,
    log: silentLogger,
  });
  contents = new FakeWebContents();
});

afterEach(async () => {
  unbind();
  await core.close();
  rmSync(dir, { recursive: true, force: true });
});

/** An invoke event as Electron builds it for a frame of `contents`. */
function eventFrom(
  frame: { url: string; parent: unknown } | null,
  owner: FakeWebContents = contents,
) {
  return { senderFrame: frame, sender: owner };
}

async function call(channel: string, event: unknown, ...args: unknown[]): Promise<unknown> {
  const handler = fakeIpcMain.handlers.get(channel);
  if (!handler) throw new Error(`No handler registered for '${channel}'`);
  const result = await handler(event, ...args);
  // Only plain JSON data crosses back.
  expect(JSON.parse(JSON.stringify(result))).toEqual(result);
  return result;
}

const trusted = () => eventFrom(contents.mainFrame);

describe('ipc binding', () => {
  it('binds every contract channel exactly once and nothing else', () => {
    expect([...fakeIpcMain.handlers.keys()].sort()).toEqual([...CHANNELS].sort());
  });

  it('answers a call from the app:// main frame', async () => {
    expect(await call('app:info', trusted(), {})).toEqual({
      ok: true,
      value: { version: '1.2.3', host: 'electron', platform: 'linux' },
    });
    expect(await call('settings:set', trusted(), { language: 'en' })).toEqual({
      ok: true,
      value: { serverUrl: '', language: 'en' },
    });
    expect(confSettingsBackend(dir).read()).toEqual({ serverUrl: '', language: 'en' });
  });

  it('refuses a subframe, even one showing our origin', async () => {
    const sub = { url: 'app://ecabinet/index.html', parent: contents.mainFrame };
    expect(await call('settings:set', eventFrom(sub), { language: 'en' })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN_SENDER' },
    });
    expect(core.settings.get().language).toBe('vi');
  });

  it.each([
    'https://evil.example/',
    'file:///tmp/x.html',
    'about:blank',
    'devtools://devtools/bundled/inspector.html',
    'http://localhost:5173/',
  ])('refuses a main frame showing %s', async (url) => {
    contents.mainFrame.url = url;
    expect(await call('settings:get', trusted(), {})).toEqual({
      ok: false,
      error: { code: 'FORBIDDEN_SENDER', message: 'sender not allowed' },
    });
  });

  it('refuses a missing frame and a frame that is not the main frame of its webContents', async () => {
    expect(await call('settings:get', eventFrom(null), {})).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN_SENDER' },
    });
    const lookalike = { url: 'app://ecabinet/index.html', parent: null };
    expect(await call('settings:get', eventFrom(lookalike), {})).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN_SENDER' },
    });
  });

  it('has no handler for a channel outside the contract', async () => {
    for (const channel of [
      'fs:read',
      'shell:exec',
      '__proto__',
      'electron-store-get-data',
      'ecabinet:event',
    ]) {
      expect(fakeIpcMain.handlers.has(channel)).toBe(false);
      await expect(call(channel, trusted(), {})).rejects.toThrow(/No handler/);
    }
  });

  it('refuses malformed input: wrong types, extra keys, huge strings, missing or extra arguments', async () => {
    for (const input of [
      { language: 'fr' },
      { language: 42 },
      { language: 'en', extra: 1 },
      { serverUrl: 'x'.repeat(100_000) },
      'en',
      null,
      [],
      new Date(),
    ]) {
      expect(await call('settings:set', trusted(), input)).toMatchObject({
        ok: false,
        error: { code: 'INVALID_INPUT' },
      });
    }
    expect(await call('settings:set', trusted())).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT' },
    });
    expect(
      await call('settings:set', trusted(), { language: 'en' }, { language: 'vi' }),
    ).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(core.settings.get()).toEqual({ serverUrl: '', language: 'vi' });
    expect(confSettingsBackend(dir).read()).toBeUndefined();
  });

  it('refuses __proto__ keys without polluting anything', async () => {
    const hostile: unknown = JSON.parse('{"language":"en","__proto__":{"polluted":true}}');
    expect(await call('settings:set', trusted(), hostile)).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT' },
    });
    const nested: unknown = JSON.parse(
      '{"url":"https://a.example","x":{"__proto__":{"polluted":true}}}',
    );
    expect(await call('shell:openExternal', trusted(), nested)).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT' },
    });
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
    expect(core.settings.get().language).toBe('vi');
  });

  it('removes every handler on unbind', () => {
    unbind();
    expect(fakeIpcMain.handlers.size).toBe(0);
    unbind = () => {};
  });
});

describe('core events to the renderer', () => {
  it('forwards events as { event, payload } on the one event channel', async () => {
    const stop = forwardCoreEvents(core.events, () => contents, TRUSTED, silentLogger);
    await call('settings:set', trusted(), { language: 'en' });
    expect(contents.send).toHaveBeenCalledWith(EVENT_CHANNEL, {
      event: 'settings:changed',
      payload: { serverUrl: '', language: 'en' },
    });
    stop();
  });

  it('sends nothing to a destroyed window, a window showing another origin, or no window', () => {
    const stop = forwardCoreEvents(core.events, () => contents, TRUSTED, silentLogger);
    contents.destroyed = true;
    core.settings.set({ language: 'en' });
    contents.destroyed = false;
    contents.mainFrame.url = 'https://evil.example/';
    core.settings.set({ language: 'vi' });
    expect(contents.send).not.toHaveBeenCalled();
    stop();
    const none = forwardCoreEvents(core.events, () => null, TRUSTED, silentLogger);
    expect(() => core.settings.set({ language: 'en' })).not.toThrow();
    none();
  });
});
