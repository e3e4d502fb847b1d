import { act, render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { ConnectionIndicator } from '../../renderer/features/connection/ConnectionIndicator.tsx';
import {
  INITIAL_CONNECTION,
  startConnectionSync,
  useConnectionStore,
} from '../../renderer/features/connection/connectionStore.ts';
import { applyLanguage } from '../../renderer/i18n/index.ts';
import { setBridgeForTests } from '../../renderer/ipc/getBridge.ts';
import en from '../../renderer/i18n/en.json';
import vi from '../../renderer/i18n/vi.json';
import { createFakeBridge } from './fakeBridge.ts';

// Noon UTC: the same calendar day in every time zone from UTC-11 to UTC+11.
const SYNCED_AT = Date.UTC(2025, 10, 21, 12, 0);

function indicator(): HTMLElement {
  return screen.getByTestId('connection-indicator');
}

describe('ConnectionIndicator', () => {
  it('starts as the core starts: offline, never synced', () => {
    render(<ConnectionIndicator />);
    expect(useConnectionStore.getState().connection).toEqual(INITIAL_CONNECTION);
    expect(indicator().getAttribute('data-state')).toBe('offline');
    expect(indicator().textContent).toContain(vi.connection.state.offline);
    expect(screen.getByTestId('connection-last-synced').textContent).toBe(
      vi.connection.neverSynced,
    );
  });

  it.each(['offline', 'connecting', 'online'] as const)(
    'renders the %s state from connection:state',
    (state) => {
      const bridge = createFakeBridge();
      setBridgeForTests(bridge);
      const stop = startConnectionSync();
      render(<ConnectionIndicator />);
      act(() => bridge.emit('connection:state', { state, lastSyncedAt: null }));
      expect(indicator().getAttribute('data-state')).toBe(state);
      expect(indicator().className).toContain(`connection--${state}`);
      expect(indicator().textContent).toContain(vi.connection.state[state]);
      expect(indicator().getAttribute('role')).toBe('status');
      stop();
    },
  );

  it('shows the last sync time in vi-VN, then en-GB when the language changes', () => {
    useConnectionStore.setState({ connection: { state: 'online', lastSyncedAt: SYNCED_AT } });
    render(<ConnectionIndicator />);
    const synced = screen.getByTestId('connection-last-synced');
    expect(synced.textContent).toMatch(/^Đồng bộ lần cuối: \d\d:\d\d 21\/11\/2025$/);
    act(() => applyLanguage('en'));
    expect(synced.textContent).toMatch(/^Last synced: 21\/11\/2025, \d\d:\d\d$/);
    expect(indicator().textContent).toContain(en.connection.state.online);
  });

  it('ignores a malformed connection:state payload', () => {
    const bridge = createFakeBridge();
    setBridgeForTests(bridge);
    const stop = startConnectionSync();
    render(<ConnectionIndicator />);
    act(() => bridge.emit('connection:state', { state: 'online', lastSyncedAt: -1 }));
    act(() => bridge.emit('connection:state', { state: '<b>on</b>', lastSyncedAt: null }));
    expect(indicator().getAttribute('data-state')).toBe('offline');
    stop();
  });
});
