import { act, fireEvent, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { deferred } from './deferred.ts';
import { createFakeBridge } from './fakeBridge.ts';
import { MEMBER } from './fixtures.ts';
import { renderApp, renderSettings } from './renderApp.tsx';
import { useSettingsStore } from '../../renderer/features/settings/settingsStore.ts';
import en from '../../renderer/i18n/en.json';
import vi from '../../renderer/i18n/vi.json';

function urlInput(): HTMLInputElement {
  return screen.getByTestId<HTMLInputElement>('settings-server-url');
}

function typeUrl(value: string): void {
  fireEvent.change(urlInput(), { target: { value } });
  fireEvent.blur(urlInput());
}

describe('Settings screen', () => {
  it('shows the settings loaded from the core, with labelled controls', async () => {
    await renderSettings(createFakeBridge({ serverUrl: 'https://ecabinet.chinhphu.vn' }));
    expect(screen.getByLabelText(vi.settings.server.label)).toHaveProperty(
      'value',
      'https://ecabinet.chinhphu.vn',
    );
    expect(screen.getByLabelText(vi.settings.language.label)).toHaveProperty('value', 'vi');
    expect(screen.getByRole('heading', { level: 1, name: vi.settings.title })).toBeTruthy();
    expect(screen.getByTestId('settings-status').getAttribute('aria-live')).toBe('polite');
  });

  it('says it is loading, then fills the form', async () => {
    const bridge = createFakeBridge();
    const answer = deferred<unknown>();
    bridge.override('settings:get', () => answer.promise);
    renderApp(bridge, '#/settings');
    expect(screen.getByTestId('settings-loading').textContent).toBe(vi.settings.loading);
    act(() => answer.resolve({ ok: true, value: { serverUrl: '', language: 'vi' } }));
    expect((await screen.findByTestId<HTMLInputElement>('settings-server-url')).value).toBe('');
  });

  it.each([
    ['ftp://x', vi.validation.serverUrl.scheme],
    ['not a url', vi.validation.serverUrl.invalid],
    ['https://user:secret@ecabinet.chinhphu.vn', vi.validation.serverUrl.credentials],
  ])('refuses %j with a field message and does not call the core', async (value, message) => {
    const bridge = createFakeBridge();
    await renderSettings(bridge);
    typeUrl(value);
    const error = screen.getByTestId('settings-server-url-error');
    expect(error.textContent).toBe(message);
    expect(urlInput().getAttribute('aria-invalid')).toBe('true');
    expect(urlInput().getAttribute('aria-describedby')).toContain(error.id);
    fireEvent.click(screen.getByTestId('settings-save'));
    await act(async () => {});
    expect(bridge.calls.filter((c) => c.channel === 'settings:set')).toEqual([]);
    expect(document.activeElement).toBe(urlInput());
  });

  it('shows no error while the user has not touched the field, and clears it once fixed', async () => {
    await renderSettings(createFakeBridge());
    fireEvent.change(urlInput(), { target: { value: 'ftp://x' } });
    expect(screen.queryByTestId('settings-server-url-error')).toBeNull();
    fireEvent.blur(urlInput());
    expect(screen.queryByTestId('settings-server-url-error')).not.toBeNull();
    fireEvent.change(urlInput(), { target: { value: 'https://x.gov.vn' } });
    expect(screen.queryByTestId('settings-server-url-error')).toBeNull();
  });

  it('validates on Save even without a blur', async () => {
    await renderSettings(createFakeBridge());
    fireEvent.change(urlInput(), { target: { value: 'not a url' } });
    fireEvent.click(screen.getByTestId('settings-save'));
    expect((await screen.findByTestId('settings-server-url-error')).textContent).toBe(
      vi.validation.serverUrl.invalid,
    );
  });

  it('saves a valid URL, shows the normalised value and confirms', async () => {
    const bridge = createFakeBridge();
    await renderSettings(bridge);
    typeUrl('  https://ecabinet.chinhphu.vn/api/  ');
    fireEvent.click(screen.getByTestId('settings-save'));
    const status = screen.getByTestId('settings-status');
    await waitFor(() => expect(status.getAttribute('data-state')).toBe('saved'));
    expect(status.textContent).toBe(vi.settings.status.serverSaved);
    expect(bridge.calls.at(-1)).toEqual({
      channel: 'settings:set',
      input: { serverUrl: 'https://ecabinet.chinhphu.vn/api' },
    });
    expect(bridge.settings.serverUrl).toBe('https://ecabinet.chinhphu.vn/api');
    expect(urlInput().value).toBe('https://ecabinet.chinhphu.vn/api');
  });

  it('clears the server when the field is emptied', async () => {
    const bridge = createFakeBridge({ serverUrl: 'https://a.gov.vn' });
    await renderSettings(bridge);
    typeUrl('');
    fireEvent.click(screen.getByTestId('settings-save'));
    await waitFor(() =>
      expect(screen.getByTestId('settings-status').textContent).toBe(
        vi.settings.status.serverCleared,
      ),
    );
    expect(bridge.settings.serverUrl).toBe('');
  });

  it('switches the whole UI to English at once and sets <html lang>', async () => {
    const bridge = createFakeBridge();
    await renderSettings(bridge);
    expect(screen.getByTestId('nav-settings').textContent).toBe(vi.nav.settings);
    fireEvent.change(screen.getByTestId('settings-language'), { target: { value: 'en' } });
    await waitFor(() =>
      expect(screen.getByTestId('nav-settings').textContent).toBe(en.nav.settings),
    );
    expect(document.documentElement.lang).toBe('en');
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe(en.settings.title);
    expect(screen.getByLabelText(en.settings.server.label)).toBe(urlInput());
    expect(screen.getByTestId('settings-language')).toHaveProperty('value', 'en');
    expect(screen.getByTestId('settings-status').textContent).toBe(
      en.settings.status.languageSaved,
    );
    expect(bridge.settings.language).toBe('en');
    expect(document.title).toBe(`${en.nav.settings} – eCabinet`);
  });

  it('keeps what the user typed when the language changes', async () => {
    await renderSettings(createFakeBridge());
    fireEvent.change(urlInput(), { target: { value: 'https://draft.gov.vn' } });
    fireEvent.change(screen.getByTestId('settings-language'), { target: { value: 'en' } });
    await waitFor(() => expect(document.documentElement.lang).toBe('en'));
    expect(urlInput().value).toBe('https://draft.gov.vn');
  });

  it('shows the translated message for a typed error from the core', async () => {
    const bridge = createFakeBridge();
    bridge.override('settings:set', () => ({
      ok: false,
      error: { code: 'INTERNAL', message: 'disk full' },
    }));
    await renderSettings(bridge);
    typeUrl('https://ecabinet.chinhphu.vn');
    fireEvent.click(screen.getByTestId('settings-save'));
    const status = screen.getByTestId('settings-status');
    await waitFor(() => expect(status.getAttribute('data-state')).toBe('error'));
    expect(status.textContent).toContain(vi.errors.INTERNAL);
    expect(status.textContent).toContain('INTERNAL');
    expect(status.textContent).not.toContain('disk full');
    expect(urlInput().value).toBe('https://ecabinet.chinhphu.vn');
  });

  it('puts the language back when saving it fails', async () => {
    const bridge = createFakeBridge();
    bridge.override('settings:set', () => ({
      ok: false,
      error: { code: 'NOT_AVAILABLE', message: '' },
    }));
    await renderSettings(bridge);
    fireEvent.change(screen.getByTestId('settings-language'), { target: { value: 'en' } });
    await waitFor(() =>
      expect(screen.getByTestId('settings-status').getAttribute('data-state')).toBe('error'),
    );
    expect(screen.getByTestId('settings-language')).toHaveProperty('value', 'vi');
    expect(document.documentElement.lang).toBe('vi');
    expect(screen.getByTestId('settings-status').textContent).toContain(vi.errors.NOT_AVAILABLE);
  });

  it('shows a settings change made elsewhere in an untouched field', async () => {
    const bridge = createFakeBridge();
    await renderSettings(bridge);
    act(() =>
      bridge.emit('settings:changed', { serverUrl: 'https://elsewhere.gov.vn', language: 'vi' }),
    );
    expect(urlInput().value).toBe('https://elsewhere.gov.vn');
  });

  it('explains a failed load and retries on request', async () => {
    const bridge = createFakeBridge({ serverUrl: 'https://a.gov.vn' });
    bridge.override('settings:get', () => ({
      ok: false,
      error: { code: 'INTERNAL', message: '' },
    }));
    renderApp(bridge, '#/settings');
    const error = await screen.findByTestId('settings-load-error');
    expect(error.textContent).toContain(vi.settings.loadFailed);
    expect(error.textContent).toContain(vi.errors.INTERNAL);
    bridge.override('settings:get', undefined);
    fireEvent.click(screen.getByTestId('settings-retry'));
    expect((await screen.findByTestId<HTMLInputElement>('settings-server-url')).value).toBe(
      'https://a.gov.vn',
    );
  });

  it('says the host is unavailable when there is no bridge at all', async () => {
    renderApp(null, '#/settings');
    expect((await screen.findByTestId('settings-load-error')).textContent).toContain(
      vi.errors.NOT_AVAILABLE,
    );
  });
});

describe('markup is shown as text', () => {
  const markup = '<img src=x onerror="window.__pwned=1"><b>bold</b>';

  it('in the server URL field and its validation message', async () => {
    const view = await renderSettings(createFakeBridge());
    typeUrl(markup);
    expect(urlInput().value).toBe(markup);
    expect(screen.getByTestId('settings-server-url-error').textContent).toBe(
      vi.validation.serverUrl.invalid,
    );
    expect(view.container.querySelector('img, b')).toBeNull();
  });

  it('in an error from the core, whatever its code and message', async () => {
    const bridge = createFakeBridge();
    bridge.override('settings:set', () => ({
      ok: false,
      error: { code: '<b>BAD</b>', message: markup },
    }));
    const view = await renderSettings(bridge);
    typeUrl('https://ecabinet.chinhphu.vn');
    fireEvent.click(screen.getByTestId('settings-save'));
    const status = screen.getByTestId('settings-status');
    await waitFor(() => expect(status.getAttribute('data-state')).toBe('error'));
    expect(status.textContent).toContain(vi.errors.INTERNAL);
    expect(status.textContent).not.toContain('<');
    expect(view.container.querySelector('img, b')).toBeNull();
  });

  it('in a server URL shown on the meetings screen', async () => {
    const view = renderApp(
      createFakeBridge({ serverUrl: 'https://x.gov.vn' }, { user: MEMBER }),
      '#/meetings',
    );
    await waitFor(() =>
      expect(screen.getByTestId('meetings-empty').textContent).toContain('https://x.gov.vn'),
    );
    // Bypasses URL normalisation (which would percent-encode `<`) to test the rendering itself.
    act(() => useSettingsStore.setState({ settings: { serverUrl: markup, language: 'vi' } }));
    expect(screen.getByTestId('meetings-empty').textContent).toContain(markup);
    expect(view.container.querySelector('img, b')).toBeNull();
  });
});
