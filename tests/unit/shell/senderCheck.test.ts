import { describe, expect, it } from 'vitest';
import { isTrustedSender, type FrameLike } from '../../../electron/main/senderCheck.ts';

const main: FrameLike = { url: 'app://ecabinet/index.html', parent: null };

describe('isTrustedSender', () => {
  it('accepts the app:// main frame', () => {
    expect(isTrustedSender(main)).toBe(true);
    expect(isTrustedSender(main, main)).toBe(true);
    expect(isTrustedSender({ url: 'app://ecabinet/', parent: null })).toBe(true);
  });

  it('refuses subframes, even of our own origin', () => {
    const sub: FrameLike = { url: 'app://ecabinet/index.html', parent: main };
    expect(isTrustedSender(sub)).toBe(false);
    expect(isTrustedSender(sub, main)).toBe(false);
  });

  it('refuses a frame that is not the webContents main frame', () => {
    expect(isTrustedSender({ url: 'app://ecabinet/index.html', parent: null }, main)).toBe(false);
  });

  it.each([
    'https://evil.example/',
    'http://localhost:5173/',
    'file:///srv/app/out/renderer/index.html',
    'about:blank',
    'devtools://devtools/bundled/inspector.html',
    'chrome-error://chromewebdata/',
    'data:text/html,hi',
    'app://evil/index.html',
    'app://ecabinet:81/index.html',
    'app://user@ecabinet/index.html',
    '',
    'not a url',
  ])('refuses %s', (url) => {
    const frame = { url, parent: null };
    expect(isTrustedSender(frame, frame)).toBe(false);
  });

  it('refuses missing and disposed frames', () => {
    expect(isTrustedSender(null)).toBe(false);
    expect(isTrustedSender(undefined)).toBe(false);
    const disposed = {
      get url(): string {
        throw new Error('Render frame was disposed');
      },
      parent: null,
    };
    expect(isTrustedSender(disposed, disposed)).toBe(false);
  });

  it('trusts the dev server only when it is passed in', () => {
    const dev = { url: 'http://localhost:5173/', parent: null };
    expect(isTrustedSender(dev, dev, ['app://ecabinet', 'http://localhost:5173'])).toBe(true);
  });
});
