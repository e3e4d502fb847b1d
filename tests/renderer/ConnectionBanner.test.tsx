import { act, fireEvent, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import vi from '../../renderer/i18n/vi.json';
import { useConnectionStore } from '../../renderer/features/connection/connectionStore.ts';
import { setBridgeForTests } from '../../renderer/ipc/getBridge.ts';
import { startConnectionSync } from '../../renderer/features/connection/connectionStore.ts';
import { deferred } from './deferred.ts';
import { createFakeBridge } from './fakeBridge.ts';
import { MEMBER } from './fixtures.ts';
import { renderApp } from './renderApp.tsx';

describe('offline banner', () => {
  it('tells a signed-in user they are offline and that downloaded papers still open', async () => {
    renderApp(
      createFakeBridge({}, { user: MEMBER, connection: { state: 'offline', lastSyncedAt: null } }),
    );
    const banner = await screen.findByTestId('offline-banner');
    expect(banner.textContent).toBe('Bạn đang ngoại tuyến — tài liệu đã tải vẫn đọc được.');
    expect(banner.textContent).toBe(vi.connection.offlineBanner);
  });

  it('is not shown while online, and comes and goes with connection:state', async () => {
    const bridge = createFakeBridge({}, { user: MEMBER });
    renderApp(bridge);
    await screen.findByTestId('meetings-screen');
    await waitFor(() => expect(useConnectionStore.getState().known).toBe(true));
    expect(screen.queryByTestId('offline-banner')).toBeNull();
    act(() => bridge.emit('connection:state', { state: 'offline', lastSyncedAt: 5 }));
    expect(screen.getByTestId('offline-banner')).toBeTruthy();
    act(() => bridge.emit('connection:state', { state: 'connecting', lastSyncedAt: 5 }));
    expect(screen.queryByTestId('offline-banner')).toBeNull();
  });

  it('is not shown on the login screen', async () => {
    renderApp(createFakeBridge({}, { connection: { state: 'offline', lastSyncedAt: null } }));
    await screen.findByTestId('login-screen');
    await waitFor(() => expect(useConnectionStore.getState().known).toBe(true));
    expect(screen.queryByTestId('offline-banner')).toBeNull();
  });

  it('waits for the core before claiming the app is offline', async () => {
    const bridge = createFakeBridge({}, { user: MEMBER });
    bridge.override('connection:get', () => new Promise(() => {}));
    renderApp(bridge);
    await screen.findByTestId('meetings-screen');
    expect(screen.getByTestId('connection-indicator').getAttribute('data-state')).toBe('offline');
    expect(screen.queryByTestId('offline-banner')).toBeNull();
  });
});

describe('connection at start-up', () => {
  it('takes the state from connection:get', async () => {
    const bridge = createFakeBridge(
      {},
      { connection: { state: 'online', lastSyncedAt: Date.UTC(2026, 10, 21, 12) } },
    );
    setBridgeForTests(bridge);
    const stop = startConnectionSync();
    await waitFor(() =>
      expect(useConnectionStore.getState()).toMatchObject({
        known: true,
        connection: { state: 'online' },
      }),
    );
    stop();
  });

  it('never lets a slow connection:get overwrite a newer event', async () => {
    const bridge = createFakeBridge();
    const answer = deferred<unknown>();
    bridge.override('connection:get', () => answer.promise);
    setBridgeForTests(bridge);
    const stop = startConnectionSync();
    bridge.emit('connection:state', { state: 'online', lastSyncedAt: 9 });
    answer.resolve({ ok: true, value: { state: 'offline', lastSyncedAt: null } });
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(useConnectionStore.getState().connection).toEqual({ state: 'online', lastSyncedAt: 9 });
    stop();
  });

  it('keeps the initial state when the host has no connection:get', async () => {
    const bridge = createFakeBridge();
    bridge.override('connection:get', () => ({
      ok: false,
      error: { code: 'UNKNOWN_CHANNEL', message: '' },
    }));
    setBridgeForTests(bridge);
    const stop = startConnectionSync();
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(useConnectionStore.getState().known).toBe(false);
    stop();
  });
});

describe('sync now', () => {
  it('asks the core for a pull and says it started', async () => {
    const bridge = createFakeBridge({}, { user: MEMBER });
    renderApp(bridge);
    fireEvent.click(await screen.findByTestId('sync-now'));
    await waitFor(() =>
      expect(screen.getByTestId('sync-now-status').textContent).toBe(vi.connection.syncStarted),
    );
    expect(bridge.callsTo('sync:now')).toEqual([{}]);
  });

  it('says it is trying to reconnect when asked while offline', async () => {
    const bridge = createFakeBridge(
      {},
      { user: MEMBER, connection: { state: 'offline', lastSyncedAt: null } },
    );
    renderApp(bridge);
    await screen.findByTestId('offline-banner');
    fireEvent.click(screen.getByTestId('sync-now'));
    await waitFor(() =>
      expect(screen.getByTestId('sync-now-status').textContent).toBe(
        vi.connection.syncReconnecting,
      ),
    );
    expect(screen.getByTestId('sync-now-status').getAttribute('data-state')).toBe('reconnecting');
  });

  it('says when the pull could not start', async () => {
    const bridge = createFakeBridge({}, { user: MEMBER });
    bridge.override('sync:now', () => ({ ok: true, value: { started: false } }));
    renderApp(bridge);
    fireEvent.click(await screen.findByTestId('sync-now'));
    await waitFor(() =>
      expect(screen.getByTestId('sync-now-status').textContent).toBe(vi.connection.syncNotStarted),
    );
  });

  it('shows a typed error', async () => {
    const bridge = createFakeBridge({}, { user: MEMBER });
    bridge.override('sync:now', () => ({
      ok: false,
      error: { code: 'NOT_AVAILABLE', message: '' },
    }));
    renderApp(bridge);
    fireEvent.click(await screen.findByTestId('sync-now'));
    await waitFor(() =>
      expect(screen.getByTestId('sync-now-status').getAttribute('data-state')).toBe('error'),
    );
    expect(screen.getByTestId('sync-now-status').textContent).toBe(vi.errors.NOT_AVAILABLE);
  });
});
