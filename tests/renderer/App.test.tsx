import { act, fireEvent, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import vi from '../../renderer/i18n/vi.json';
import { createFakeBridge } from './fakeBridge.ts';
import { MEMBER } from './fixtures.ts';
import { renderApp } from './renderApp.tsx';

function navigateTo(hash: string): void {
  act(() => {
    window.location.hash = hash;
    window.dispatchEvent(new HashChangeEvent('hashchange'));
  });
}

describe('App shell', () => {
  it('shows the product name, the connection state and both navigation entries', () => {
    renderApp(createFakeBridge());
    expect(screen.getByTestId('app-name').textContent).toBe('eCabinet');
    expect(screen.getByTestId('connection-indicator')).toBeTruthy();
    expect(screen.getByRole('navigation', { name: vi.nav.label })).toBeTruthy();
    expect(screen.getByTestId('nav-meetings').textContent).toBe(vi.nav.meetings);
    expect(screen.getByTestId('nav-settings').textContent).toBe(vi.nav.settings);
  });

  it('opens on Meetings for an empty or unknown hash', async () => {
    renderApp(createFakeBridge({}, { user: MEMBER }), '#/nowhere');
    expect(await screen.findByTestId('meetings-screen')).toBeTruthy();
  });

  it('moves between screens through the hash and marks the current entry', () => {
    renderApp(createFakeBridge(), '#/meetings');
    expect(screen.getByTestId('nav-meetings').getAttribute('aria-current')).toBe('page');
    expect(screen.getByTestId('nav-settings').getAttribute('href')).toBe('#/settings');
    navigateTo('#/settings');
    expect(screen.getByTestId('settings-screen')).toBeTruthy();
    expect(screen.getByTestId('nav-settings').getAttribute('aria-current')).toBe('page');
    expect(screen.getByTestId('nav-meetings').getAttribute('aria-current')).toBeNull();
    expect(document.activeElement).toBe(screen.getByTestId('app-main'));
    expect(document.title).toBe(`${vi.nav.settings} – eCabinet`);
  });

  it('subscribes once to each event and lets go on unmount', () => {
    const bridge = createFakeBridge();
    const view = renderApp(bridge);
    const events = [
      'settings:changed',
      'connection:state',
      'session:changed',
      'sync:applied',
      'download:progress',
      'outbox:changed',
    ] as const;
    expect(bridge.listenerCount('settings:changed')).toBe(1);
    expect(bridge.listenerCount('connection:state')).toBe(1);
    expect(bridge.listenerCount('outbox:changed')).toBe(1);
    // The session, meetings and outbox stores each follow session:changed.
    expect(bridge.listenerCount('session:changed')).toBe(3);
    view.unmount();
    for (const event of events) expect(bridge.listenerCount(event), event).toBe(0);
  });

  it('skip link moves focus to the main region', () => {
    renderApp(createFakeBridge());
    fireEvent.click(screen.getByRole('button', { name: vi.app.skipToContent }));
    expect(document.activeElement).toBe(screen.getByTestId('app-main'));
  });
});

describe('Meetings empty state', () => {
  it('says no meetings are synced and points to Settings when no server is configured', async () => {
    renderApp(createFakeBridge({}, { user: MEMBER }));
    const empty = await screen.findByTestId('meetings-empty');
    expect(empty.textContent).toContain(vi.meetings.empty.title);
    await waitFor(() => expect(empty.textContent).toContain(vi.meetings.empty.noServer));
    const link = screen.getByTestId('meetings-open-settings');
    expect(link.textContent).toBe(vi.meetings.empty.openSettings);
    expect(link.getAttribute('href')).toBe('#/settings');
  });

  it('names the configured server and still says nothing is synced yet', async () => {
    renderApp(createFakeBridge({ serverUrl: 'https://ecabinet.chinhphu.vn' }, { user: MEMBER }));
    const empty = await screen.findByTestId('meetings-empty');
    await waitFor(() =>
      expect(screen.getByTestId('meetings-server-url').textContent).toBe(
        'https://ecabinet.chinhphu.vn',
      ),
    );
    expect(empty.textContent).toContain(vi.meetings.empty.title);
    expect(empty.textContent).toContain(vi.meetings.empty.withServer);
    expect(screen.getByTestId('meetings-open-settings').textContent).toBe(
      vi.meetings.empty.checkSettings,
    );
  });
});
