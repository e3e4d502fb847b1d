import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveAppPath } from '../../../electron/core/security/resolveAppPath.ts';

const root = path.resolve('/srv/app/out/renderer');

describe('resolveAppPath', () => {
  it('serves index.html for / and files under the root', () => {
    expect(resolveAppPath('app://ecabinet/', root)).toBe(path.join(root, 'index.html'));
    expect(resolveAppPath('app://ecabinet/index.html', root)).toBe(path.join(root, 'index.html'));
    expect(resolveAppPath('app://ecabinet/assets/index-abc.js?v=1#x', root)).toBe(
      path.join(root, 'assets', 'index-abc.js'),
    );
    expect(resolveAppPath('app://ecabinet/fonts/Be%20Vietnam%20Pro.woff2', root)).toBe(
      path.join(root, 'fonts', 'Be Vietnam Pro.woff2'),
    );
  });

  it.each([
    ['dot-dot', 'app://ecabinet/../etc/passwd'],
    ['dot-dot inside', 'app://ecabinet/assets/../../secret'],
    ['encoded dot-dot', 'app://ecabinet/%2e%2e/etc/passwd'],
    ['upper-case encoded dot-dot and slash', 'app://ecabinet/%2E%2E%2Fetc%2Fpasswd'],
    ['mixed encoded dot', 'app://ecabinet/.%2e/etc/passwd'],
    ['single dot', 'app://ecabinet/./index.html'],
    ['backslash dot-dot', 'app://ecabinet/..\\..\\windows\\win.ini'],
    ['encoded backslash', 'app://ecabinet/..%5c..%5cwindows%5cwin.ini'],
    ['encoded backslash upper', 'app://ecabinet/assets%5C..%5Cx'],
    ['double-encoded dot-dot', 'app://ecabinet/%252e%252e/etc/passwd'],
    ['double-encoded slash', 'app://ecabinet/assets%252findex.html'],
    ['NUL', 'app://ecabinet/index.html%00.png'],
    ['raw NUL', 'app://ecabinet/index.html\u0000'],
    ['control character', 'app://ecabinet/a%0ab'],
    ['absolute path (empty host)', 'app:///etc/passwd'],
    ['absolute path (double slash)', 'app://ecabinet//etc/passwd'],
    ['encoded absolute path', 'app://ecabinet/%2Fetc%2Fpasswd'],
    ['drive letter', 'app://ecabinet/C:/Windows/win.ini'],
    ['encoded drive letter', 'app://ecabinet/C%3A%5CWindows'],
    ['UNC path', 'app://ecabinet/\\\\server\\share'],
    ['dot-file', 'app://ecabinet/.vite/manifest.json'],
    ['windows device', 'app://ecabinet/con.txt'],
    ['trailing dot', 'app://ecabinet/index.html.'],
    ['other host', 'app://evil/index.html'],
    ['host case variant', 'app://ECABINET/index.html'],
    ['port', 'app://ecabinet:80/index.html'],
    ['credentials', 'app://user@ecabinet/index.html'],
    ['other scheme', 'file:///srv/app/out/renderer/index.html'],
    ['https', 'https://ecabinet/index.html'],
    ['bad percent-encoding', 'app://ecabinet/%E0%A4%A'],
    ['non-ASCII raw', 'app://ecabinet/tài-liệu.pdf'],
    ['whitespace', 'app://ecabinet/a b'],
    ['too long', `app://ecabinet/${'a'.repeat(5000)}`],
  ])('refuses %s', (_name, url) => {
    expect(resolveAppPath(url, root)).toBeNull();
  });

  it('never returns a path outside the root', () => {
    const samples = ['app://ecabinet/a', 'app://ecabinet/a/b/c.js', 'app://ecabinet/x%20y'];
    for (const sample of samples) {
      const resolved = resolveAppPath(sample, root);
      expect(resolved?.startsWith(root + path.sep)).toBe(true);
    }
  });
});
