import { EventEmitter } from 'node:events';
import { contextBridge, ipcRenderer } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import {
  createPreloadBridge,
  type IpcRendererLike,
} from '../../../electron/preload/createPreloadBridge.ts';
import { EVENT_CHANNEL } from '../../../electron/preload/ipcEventChannel.ts';
import type { FakeElectron } from './fakeElectron.ts';

vi.mock('electron', async () => {
  const { createFakeElectron, asElectronModule } = await import('./fakeElectron.ts');
  return asElectronModule(createFakeElectron({ userData: '/nonexistent' }));
});

function fakeIpc(
  answer: Promise<unknown> = Promise.resolve({ ok: true, value: { version: '1' } }),
) {
  const emitter = new EventEmitter();
  const ipc = Object.assign(emitter, {
    invoke: vi.fn((_channel: string, ..._args: unknown[]) => answer),
  });
  return ipc satisfies IpcRendererLike;
}

const env = { host: 'electron', platform: 'linux' } as const;
/** Emits as Electron does: the IpcRendererEvent first, then the message. */
const push = (ipc: EventEmitter, message: unknown) =>
  ipc.emit(EVENT_CHANNEL, { sender: 'ipcRenderer-internals', senderId: 0 }, message);

describe('createPreloadBridge', () => {
  it('exposes exactly invoke, on and a frozen env', () => {
    const bridge = createPreloadBridge(fakeIpc(), env);
    expect(Object.keys(bridge).sort()).toEqual(['env', 'invoke', 'on']);
    expect(Object.isFrozen(bridge)).toBe(true);
    expect(Object.isFrozen(bridge.env)).toBe(true);
    expect(bridge.env).toEqual({ host: 'electron', platform: 'linux' });
    expect(() => {
      (bridge.env as { host: string }).host = 'web';
    }).toThrow();
  });

  it('passes contract channels to ipcRenderer.invoke with the input only', async () => {
    const ipc = fakeIpc();
    const bridge = createPreloadBridge(ipc, env);
    expect(await bridge.invoke('app:info', {})).toEqual({ ok: true, value: { version: '1' } });
    expect(ipc.invoke).toHaveBeenCalledWith('app:info', {});
  });

  it('refuses an unknown channel without touching IPC', async () => {
    const ipc = fakeIpc();
    const bridge = createPreloadBridge(ipc, env);
    for (const channel of ['fs:read', 'electron-store-get-data', EVENT_CHANNEL, '__proto__', 42]) {
      expect(await bridge.invoke(channel as 'app:info', {})).toEqual({
        ok: false,
        error: { code: 'UNKNOWN_CHANNEL', message: 'unknown channel' },
      });
    }
    expect(ipc.invoke).not.toHaveBeenCalled();
  });

  it('turns an IPC failure into INTERNAL instead of rejecting', async () => {
    const bridge = createPreloadBridge(
      fakeIpc(Promise.reject(new Error('No handler registered'))),
      env,
    );
    expect(await bridge.invoke('app:info', {})).toEqual({
      ok: false,
      error: { code: 'INTERNAL', message: 'ipc call failed' },
    });
  });

  it('delivers only the payload of contract events, and unsubscribe works', () => {
    const ipc = fakeIpc();
    const bridge = createPreloadBridge(ipc, env);
    const listener = vi.fn();
    const other = vi.fn();
    const off = bridge.on('settings:changed', listener);
    bridge.on('settings:changed', other);
    push(ipc, { event: 'settings:changed', payload: { serverUrl: '', language: 'en' } });
    expect(listener).toHaveBeenCalledTimes(1);
    expect(listener.mock.calls[0]).toEqual([{ serverUrl: '', language: 'en' }]);
    off();
    off();
    push(ipc, { event: 'settings:changed', payload: { serverUrl: '', language: 'vi' } });
    expect(listener).toHaveBeenCalledTimes(1);
    expect(other).toHaveBeenCalledTimes(2);
  });

  it('refuses unknown events and drops malformed or foreign messages', () => {
    const ipc = fakeIpc();
    const bridge = createPreloadBridge(ipc, env);
    expect(() => bridge.on('fs:changed' as 'settings:changed', () => {})).toThrow(/unknown event/);
    const listener = vi.fn();
    bridge.on('connection:state', listener);
    push(ipc, null);
    push(ipc, 'connection:state');
    push(ipc, { event: 'fs:changed', payload: 1 });
    push(ipc, { event: 'settings:changed', payload: 1 });
    expect(listener).not.toHaveBeenCalled();
  });

  it('keeps delivering when one listener throws', () => {
    const ipc = fakeIpc();
    const bridge = createPreloadBridge(ipc, env);
    const good = vi.fn();
    bridge.on('connection:state', () => {
      throw new Error('boom');
    });
    bridge.on('connection:state', good);
    push(ipc, { event: 'connection:state', payload: { state: 'online', lastSyncedAt: null } });
    expect(good).toHaveBeenCalledTimes(1);
  });
});

describe('preload entry', () => {
  it('exposes the bridge as window.ecabinet and nothing else', async () => {
    await import('../../../electron/preload/index.ts');
    const expose = (contextBridge as unknown as FakeElectron['contextBridge']).exposeInMainWorld;
    expect(expose).toHaveBeenCalledTimes(1);
    const [name, api] = expose.mock.calls[0] as unknown as [string, Record<string, unknown>];
    expect(name).toBe('ecabinet');
    expect(Object.keys(api).sort()).toEqual(['env', 'invoke', 'on']);
    expect(api['env']).toEqual({ host: 'electron', platform: process.platform });
    // The bridge listens on the one event channel only.
    expect((ipcRenderer as unknown as EventEmitter).eventNames()).toEqual([EVENT_CHANNEL]);
  });
});
