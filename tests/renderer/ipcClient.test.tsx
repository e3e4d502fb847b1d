import { render } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { setBridgeForTests } from '../../renderer/ipc/getBridge.ts';
import { invoke } from '../../renderer/ipc/invoke.ts';
import { subscribe } from '../../renderer/ipc/subscribe.ts';
import { useIpcEvent } from '../../renderer/ipc/useIpcEvent.ts';
import { createFakeBridge } from './fakeBridge.ts';

describe('invoke', () => {
  it('returns the typed value on success', async () => {
    setBridgeForTests(createFakeBridge({ serverUrl: 'https://a.gov.vn', language: 'en' }));
    expect(await invoke('settings:get', {})).toEqual({
      ok: true,
      value: { serverUrl: 'https://a.gov.vn', language: 'en' },
    });
  });

  it('reports NOT_AVAILABLE without a host bridge instead of throwing', async () => {
    const result = await invoke('settings:get', {});
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.code).toBe('NOT_AVAILABLE');
  });

  it('reports NOT_AVAILABLE when the bridge rejects', async () => {
    const bridge = createFakeBridge();
    bridge.override('settings:get', () => Promise.reject(new Error('socket closed')));
    setBridgeForTests(bridge);
    const result = await invoke('settings:get', {});
    expect(!result.ok && result.error.code).toBe('NOT_AVAILABLE');
  });

  it('maps an error code outside the shared list to INTERNAL', async () => {
    const bridge = createFakeBridge();
    bridge.override('settings:get', () => ({
      ok: false,
      error: { code: 'SOMETHING_NEW', message: 'x' },
    }));
    setBridgeForTests(bridge);
    const result = await invoke('settings:get', {});
    expect(result).toEqual({ ok: false, error: { code: 'INTERNAL', message: 'x' } });
  });

  it.each([
    ['a value outside the contract', { ok: true, value: { serverUrl: 'ftp://x', language: 'vi' } }],
    ['an extra key', { ok: true, value: { serverUrl: '', language: 'vi', admin: true } }],
    ['no result at all', undefined],
    ['a bare string', 'ok'],
  ])('reports INVALID_OUTPUT for %s', async (_name, raw) => {
    const bridge = createFakeBridge();
    bridge.override('settings:get', () => raw);
    setBridgeForTests(bridge);
    const result = await invoke('settings:get', {});
    expect(!result.ok && result.error.code).toBe('INVALID_OUTPUT');
  });
});

describe('subscribe', () => {
  it('delivers contract-shaped payloads and drops malformed ones', () => {
    const bridge = createFakeBridge();
    setBridgeForTests(bridge);
    const listener = vi.fn();
    const unsubscribe = subscribe('connection:state', listener);
    bridge.emit('connection:state', { state: 'online', lastSyncedAt: 5 });
    bridge.emit('connection:state', { state: 'exploded', lastSyncedAt: 5 });
    bridge.emit('connection:state', { state: 'online', lastSyncedAt: 5, extra: '<b>x</b>' });
    expect(listener).toHaveBeenCalledTimes(1);
    expect(listener).toHaveBeenCalledWith({ state: 'online', lastSyncedAt: 5 });
    unsubscribe();
    expect(bridge.listenerCount('connection:state')).toBe(0);
  });

  it('is a no-op without a host bridge', () => {
    const unsubscribe = subscribe('settings:changed', () => {});
    expect(() => unsubscribe()).not.toThrow();
  });
});

describe('useIpcEvent', () => {
  function Probe({ onState }: { onState: (state: string) => void }) {
    useIpcEvent('connection:state', (payload) => onState(payload.state));
    return null;
  }

  it('calls the latest listener and unsubscribes on unmount', () => {
    const bridge = createFakeBridge();
    setBridgeForTests(bridge);
    const first = vi.fn();
    const second = vi.fn();
    const view = render(<Probe onState={first} />);
    view.rerender(<Probe onState={second} />);
    expect(bridge.listenerCount('connection:state')).toBe(1);
    bridge.emit('connection:state', { state: 'connecting', lastSyncedAt: null });
    expect(first).not.toHaveBeenCalled();
    expect(second).toHaveBeenCalledWith('connecting');
    view.unmount();
    expect(bridge.listenerCount('connection:state')).toBe(0);
  });
});
