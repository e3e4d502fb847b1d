import { act, fireEvent, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { IpcErrorCode } from '../../shared/ipc/errors.ts';
import vi from '../../renderer/i18n/vi.json';
import { createFakeBridge, type FakeBridge } from './fakeBridge.ts';
import { MEMBER } from './fixtures.ts';
import { renderApp } from './renderApp.tsx';

const SERVER = 'https://ecabinet.chinhphu.vn';

function fill(username: string, password: string): void {
  fireEvent.change(screen.getByTestId('login-username'), { target: { value: username } });
  fireEvent.change(screen.getByTestId('login-password'), { target: { value: password } });
}

async function openLogin(bridge: FakeBridge): Promise<void> {
  renderApp(bridge, '#/meetings');
  await screen.findByTestId('login-screen');
  // The server field follows the settings once they arrive.
  await waitFor(() =>
    expect(screen.getByTestId<HTMLInputElement>('login-server-url').value).toBe(
      bridge.settings.serverUrl,
    ),
  );
}

describe('login screen', () => {
  it('is shown instead of the meetings while nobody is signed in, with labelled fields', async () => {
    await openLogin(createFakeBridge({ serverUrl: SERVER }));
    expect(screen.queryByTestId('meetings-screen')).toBeNull();
    expect(screen.getByLabelText(vi.login.username.label)).toBe(
      screen.getByTestId('login-username'),
    );
    expect(screen.getByLabelText(vi.login.password.label).getAttribute('type')).toBe('password');
    expect(screen.getByTestId('login-server-url')).toHaveProperty('value', SERVER);
    expect(screen.queryByTestId('user-menu')).toBeNull();
    expect(screen.queryByTestId('sync-now')).toBeNull();
    expect(screen.getByTestId('login-error').getAttribute('data-code')).toBeNull();
  });

  it('signs in, shows the meetings and the user in the header', async () => {
    const bridge = createFakeBridge({ serverUrl: SERVER }, { loginAs: MEMBER });
    await openLogin(bridge);
    fill('  bt.taichinh ', 'đúng-mật-khẩu');
    fireEvent.click(screen.getByTestId('login-submit'));
    expect(await screen.findByTestId('meetings-screen')).toBeTruthy();
    expect(bridge.callsTo('session:login')).toEqual([
      { username: 'bt.taichinh', password: 'đúng-mật-khẩu' },
    ]);
    const menu = screen.getByTestId('user-menu');
    expect(menu.textContent).toContain(MEMBER.displayName);
    expect(menu.textContent).toContain(MEMBER.title);
    expect(screen.getByTestId('sync-now')).toBeTruthy();
    // No settings change when the server field was left alone.
    expect(bridge.callsTo('settings:set')).toEqual([]);
  });

  it.each<[IpcErrorCode, string]>([
    ['INVALID_CREDENTIALS', vi.login.hints.INVALID_CREDENTIALS],
    ['SERVER_UNREACHABLE', `Máy chủ: ${SERVER}.`],
    ['RATE_LIMITED', vi.login.hints.RATE_LIMITED],
    ['NO_SERVER_CONFIGURED', vi.login.hints.NO_SERVER_CONFIGURED],
    ['PROTOCOL_UNSUPPORTED', vi.login.hints.PROTOCOL_UNSUPPORTED],
  ])('explains %s and keeps the user on the login screen', async (code, hint) => {
    const bridge = createFakeBridge({ serverUrl: SERVER });
    bridge.override('session:login', () => ({
      ok: false,
      error: { code, message: 'server said <b>no</b>' },
    }));
    await openLogin(bridge);
    fill('bt.taichinh', 'sai');
    fireEvent.click(screen.getByTestId('login-submit'));
    const error = screen.getByTestId('login-error');
    await waitFor(() => expect(error.getAttribute('data-code')).toBe(code));
    expect(error.textContent).toContain(vi.errors[code]);
    expect(error.textContent).toContain(hint);
    expect(error.textContent).not.toContain('server said');
    expect(error.getAttribute('role')).toBe('alert');
    expect(screen.getByTestId('login-screen')).toBeTruthy();
    // The password never survives a refused attempt; the username does.
    expect(screen.getByTestId<HTMLInputElement>('login-password').value).toBe('');
    expect(screen.getByTestId<HTMLInputElement>('login-username').value).toBe('bt.taichinh');
    expect(screen.getByTestId('login-submit').getAttribute('aria-disabled')).toBe('false');
  });

  it('says the password is wrong with the fake core and moves focus to the password', async () => {
    await openLogin(createFakeBridge({ serverUrl: SERVER }, { loginAs: MEMBER }));
    fill('bt.taichinh', 'sai-mật-khẩu');
    fireEvent.click(screen.getByTestId('login-submit'));
    await waitFor(() =>
      expect(screen.getByTestId('login-error').textContent).toContain(
        vi.errors.INVALID_CREDENTIALS,
      ),
    );
    expect(document.activeElement).toBe(screen.getByTestId('login-password'));
  });

  it('asks for the missing fields without calling the core', async () => {
    const bridge = createFakeBridge({ serverUrl: '' });
    await openLogin(bridge);
    fireEvent.click(screen.getByTestId('login-submit'));
    await act(async () => {});
    const texts = screen.getByTestId('login-screen').textContent ?? '';
    expect(texts).toContain(vi.login.server.required);
    expect(texts).toContain(vi.login.username.required);
    expect(texts).toContain(vi.login.password.required);
    expect(screen.getByTestId('login-server-url').getAttribute('aria-invalid')).toBe('true');
    expect(document.activeElement).toBe(screen.getByTestId('login-server-url'));
    expect(bridge.callsTo('session:login')).toEqual([]);
  });

  it('clears a field message as soon as the field is filled in', async () => {
    await openLogin(createFakeBridge({ serverUrl: SERVER }));
    fireEvent.click(screen.getByTestId('login-submit'));
    expect(await screen.findByText(vi.login.username.required)).toBeTruthy();
    fireEvent.change(screen.getByTestId('login-username'), { target: { value: 'a' } });
    expect(screen.queryByText(vi.login.username.required)).toBeNull();
    expect(screen.getByText(vi.login.password.required)).toBeTruthy();
  });

  it('does not ask for the password it emptied itself after a refused attempt', async () => {
    await openLogin(createFakeBridge({ serverUrl: SERVER }));
    fill('bt.taichinh', 'sai');
    fireEvent.click(screen.getByTestId('login-submit'));
    await waitFor(() =>
      expect(screen.getByTestId('login-error').getAttribute('data-code')).toBe(
        'INVALID_CREDENTIALS',
      ),
    );
    expect(screen.queryByText(vi.login.password.required)).toBeNull();
  });

  it('refuses an invalid server address with the settings message', async () => {
    await openLogin(createFakeBridge());
    fireEvent.change(screen.getByTestId('login-server-url'), { target: { value: 'ftp://x' } });
    fill('a', 'b');
    fireEvent.click(screen.getByTestId('login-submit'));
    expect(await screen.findByText(vi.validation.serverUrl.scheme)).toBeTruthy();
  });

  it('saves a server address typed on the login screen before signing in', async () => {
    const bridge = createFakeBridge({ serverUrl: '' }, { loginAs: MEMBER });
    await openLogin(bridge);
    fireEvent.change(screen.getByTestId('login-server-url'), {
      target: { value: ' https://ecabinet.chinhphu.vn/ ' },
    });
    fill('bt.taichinh', 'đúng-mật-khẩu');
    fireEvent.click(screen.getByTestId('login-submit'));
    expect(await screen.findByTestId('meetings-screen')).toBeTruthy();
    expect(bridge.settings.serverUrl).toBe(SERVER);
    const order = bridge.calls
      .map((call) => call.channel)
      .filter((c) => c === 'settings:set' || c === 'session:login');
    expect(order).toEqual(['settings:set', 'session:login']);
  });

  it('reports a failed settings save and does not sign in', async () => {
    const bridge = createFakeBridge({ serverUrl: '' }, { loginAs: MEMBER });
    bridge.override('settings:set', () => ({
      ok: false,
      error: { code: 'INTERNAL', message: '' },
    }));
    await openLogin(bridge);
    fireEvent.change(screen.getByTestId('login-server-url'), { target: { value: SERVER } });
    fill('bt.taichinh', 'đúng-mật-khẩu');
    fireEvent.click(screen.getByTestId('login-submit'));
    await waitFor(() =>
      expect(screen.getByTestId('login-error').getAttribute('data-code')).toBe('INTERNAL'),
    );
    expect(bridge.callsTo('session:login')).toEqual([]);
  });

  it('keeps Settings reachable without signing in', async () => {
    await openLogin(createFakeBridge());
    act(() => {
      window.location.hash = '#/settings';
      window.dispatchEvent(new HashChangeEvent('hashchange'));
    });
    expect(await screen.findByTestId('settings-server-url')).toBeTruthy();
    expect(screen.queryByTestId('login-screen')).toBeNull();
    expect(screen.getByTestId('nav-settings').getAttribute('aria-current')).toBe('page');
  });

  it('links to Settings from the login form', async () => {
    await openLogin(createFakeBridge());
    expect(screen.getByTestId('login-open-settings').getAttribute('href')).toBe('#/settings');
  });
});

describe('session changes', () => {
  it.each([
    ['expired', vi.login.ended.expired],
    ['revoked', vi.login.ended.revoked],
  ] as const)(
    'returns to the login screen when the server ends the session (%s)',
    async (reason, message) => {
      const bridge = createFakeBridge({ serverUrl: SERVER }, { user: MEMBER });
      renderApp(bridge, '#/meetings');
      await screen.findByTestId('meetings-screen');
      act(() => bridge.emit('session:changed', { user: null, reason }));
      const error = await screen.findByTestId('login-error');
      expect(error.getAttribute('data-code')).toBe('SESSION_EXPIRED');
      expect(error.textContent).toBe(message);
      expect(screen.queryByTestId('user-menu')).toBeNull();
    },
  );

  it('says nothing about expiry after an explicit sign-out, and signs out through the core', async () => {
    const bridge = createFakeBridge({ serverUrl: SERVER }, { user: MEMBER });
    renderApp(bridge, '#/meetings');
    fireEvent.click(await screen.findByTestId('logout'));
    expect(await screen.findByTestId('login-screen')).toBeTruthy();
    expect(bridge.callsTo('session:logout')).toEqual([{}]);
    expect(screen.getByTestId('login-error').textContent).toBe('');
  });

  it('follows a login made elsewhere (session:changed with a user)', async () => {
    const bridge = createFakeBridge({ serverUrl: SERVER });
    await openLogin(bridge);
    bridge.core.user = MEMBER;
    act(() => bridge.emit('session:changed', { user: MEMBER, reason: 'login' }));
    expect(await screen.findByTestId('meetings-screen')).toBeTruthy();
  });

  it('shows a failed session check with a retry', async () => {
    const bridge = createFakeBridge();
    bridge.override('session:get', () => ({ ok: false, error: { code: 'INTERNAL', message: '' } }));
    renderApp(bridge, '#/meetings');
    const error = await screen.findByTestId('session-load-error');
    expect(error.textContent).toContain(vi.errors.INTERNAL);
    bridge.override('session:get', undefined);
    fireEvent.click(screen.getByRole('button', { name: vi.settings.retry }));
    expect(await screen.findByTestId('login-screen')).toBeTruthy();
  });

  it('shows the user name from the server as text, never as markup', async () => {
    const markup = '<img src=x onerror="window.__pwned=1"><b>Nguyễn</b>';
    const bridge = createFakeBridge(
      { serverUrl: SERVER },
      { user: { ...MEMBER, displayName: markup, title: '<i>t</i>' } },
    );
    const view = renderApp(bridge, '#/meetings');
    expect((await screen.findByTestId('user-name')).textContent).toBe(markup);
    expect(view.container.querySelector('img, b, i')).toBeNull();
  });
});
