import { EventEmitter } from 'node:events';
import { describe, expect, it, vi } from 'vitest';
import {
  openExternalSafely,
  type ExternalOpener,
} from '../../../electron/core/external/externalUrlPolicy.ts';
import { silentLogger } from '../../../electron/core/log/logger.ts';
import {
  applyNavigationPolicy,
  hardenEveryWebContents,
} from '../../../electron/main/navigationPolicy.ts';
import { FakeWebContents } from './fakeElectron.ts';

vi.mock('electron', () => ({}));

function setup(confirmAnswer = true) {
  const opener = {
    confirm: vi.fn((_url: string) => Promise.resolve(confirmAnswer)),
    open: vi.fn((_url: string) => Promise.resolve()),
  } satisfies ExternalOpener;
  const contents = new FakeWebContents();
  applyNavigationPolicy(contents, {
    openExternal: (url) => openExternalSafely(url, opener),
    log: silentLogger,
  });
  return { opener, contents };
}

function navigationEvent(url: string, isMainFrame = true) {
  return { url, isMainFrame, preventDefault: vi.fn() };
}

const flush = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('navigation policy', () => {
  it.each(['will-navigate', 'will-frame-navigate', 'will-redirect'])(
    'cancels %s, even to our own origin',
    (name) => {
      const { contents } = setup();
      for (const url of [
        'app://ecabinet/other.html',
        'https://example.org/',
        'file:///etc/passwd',
      ]) {
        const event = navigationEvent(url);
        contents.emit(name, event);
        expect(event.preventDefault, `${name} ${url}`).toHaveBeenCalled();
      }
    },
  );

  it('cancels webview attachment', () => {
    const { contents } = setup();
    const event = { preventDefault: vi.fn() };
    contents.emit('will-attach-webview', event, {}, { src: 'https://evil.example' });
    expect(event.preventDefault).toHaveBeenCalled();
  });

  it('denies window.open and routes an https link through the confirmation wrapper', async () => {
    const { contents, opener } = setup();
    expect(contents.windowOpenHandler?.({ url: 'https://chinhphu.vn/van-ban' })).toEqual({
      action: 'deny',
    });
    await flush();
    expect(opener.confirm).toHaveBeenCalledWith('https://chinhphu.vn/van-ban');
    expect(opener.open).toHaveBeenCalledWith('https://chinhphu.vn/van-ban');
  });

  it('opens nothing when the user declines', async () => {
    const { contents, opener } = setup(false);
    expect(contents.windowOpenHandler?.({ url: 'mailto:vanphong@chinhphu.vn' })).toEqual({
      action: 'deny',
    });
    await flush();
    expect(opener.confirm).toHaveBeenCalledWith('mailto:vanphong@chinhphu.vn');
    expect(opener.open).not.toHaveBeenCalled();
  });

  it.each([
    'file:///etc/passwd',
    'javascript:alert(1)',
    'http://example.org/',
    'app://ecabinet/index.html',
    'data:text/html,x',
    'smb://host/share',
    'https://user:pw@example.org/',
  ])('refuses %s without even asking', async (url) => {
    const { contents, opener } = setup();
    expect(contents.windowOpenHandler?.({ url })).toEqual({ action: 'deny' });
    contents.emit('will-frame-navigate', navigationEvent(url));
    await flush();
    expect(opener.confirm).not.toHaveBeenCalled();
    expect(opener.open).not.toHaveBeenCalled();
  });

  it('offers a clicked https link once, and only for the main frame', async () => {
    const { contents, opener } = setup();
    contents.emit('will-frame-navigate', navigationEvent('https://example.org/a', true));
    contents.emit('will-navigate', navigationEvent('https://example.org/a', true));
    contents.emit('will-frame-navigate', navigationEvent('https://example.org/b', false));
    await flush();
    expect(opener.confirm).toHaveBeenCalledTimes(1);
    expect(opener.confirm).toHaveBeenCalledWith('https://example.org/a');
  });

  it('hardens every webContents the app creates', () => {
    const app = new EventEmitter();
    const harden = vi.fn();
    hardenEveryWebContents(app, harden);
    const contents = new FakeWebContents();
    app.emit('web-contents-created', {}, contents);
    expect(harden).toHaveBeenCalledWith(contents);
  });
});
