import { describe, expect, it, vi } from 'vitest';
import { buildCsp, CSP_HEADER, serverConnectSources } from '../../../electron/core/security/csp.ts';
import { installCspHeader, withCspHeader } from '../../../electron/main/cspHeaderPolicy.ts';

const BASE =
  "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' blob: data:; font-src 'self' data:; " +
  "worker-src 'self' blob:; connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

describe('buildCsp', () => {
  it('is exactly the policy of security.md when no server is configured', () => {
    expect(buildCsp('')).toBe(BASE);
    expect(buildCsp(undefined)).toBe(BASE);
    expect(buildCsp(null)).toBe(BASE);
  });

  it("adds the server's http(s) and ws(s) origins to connect-src only", () => {
    expect(buildCsp('https://sync.gov.vn/ecabinet')).toBe(
      BASE.replace(
        "connect-src 'self'",
        "connect-src 'self' https://sync.gov.vn wss://sync.gov.vn",
      ),
    );
    expect(buildCsp('http://127.0.0.1:4000')).toBe(
      BASE.replace(
        "connect-src 'self'",
        "connect-src 'self' http://127.0.0.1:4000 ws://127.0.0.1:4000",
      ),
    );
    expect(serverConnectSources('https://[::1]:8443')).toEqual([
      'https://[::1]:8443',
      'wss://[::1]:8443',
    ]);
  });

  it('omits a server URL that is not a clean http(s) URL, so nothing can be injected', () => {
    for (const bad of [
      'https://a;script-src/',
      "https://evil.example;script-src 'unsafe-inline'",
      'javascript:alert(1)',
      'file:///etc/passwd',
      'ftp://example.org',
      'https://user:pw@example.org',
      'not a url',
      'https://exa mple.org',
    ]) {
      expect(buildCsp(bad), bad).toBe(BASE);
    }
  });

  it('never contains unsafe sources', () => {
    const csp = buildCsp('https://sync.gov.vn');
    expect(csp).not.toMatch(/unsafe-inline|unsafe-eval|\*/);
  });
});

describe('withCspHeader / installCspHeader', () => {
  it('adds our policy and keeps one the server sent (both are enforced)', () => {
    const result = withCspHeader(
      { 'content-security-policy': ["default-src 'self'"], 'X-Other': 'a' },
      BASE,
    );
    expect(result[CSP_HEADER]).toEqual(["default-src 'self'", BASE]);
    expect(result['X-Other']).toEqual(['a']);
    expect(
      Object.keys(result).filter((k) => k.toLowerCase() === 'content-security-policy'),
    ).toHaveLength(1);
    expect(withCspHeader(undefined, BASE)).toEqual({ [CSP_HEADER]: [BASE] });
  });

  it('applies to every response except the unpackaged dev server', () => {
    const webRequest = { onHeadersReceived: vi.fn() };
    installCspHeader(webRequest, () => BASE, ['http://localhost:5173']);
    const listener = webRequest.onHeadersReceived.mock.calls[0]?.[0] as (
      details: { url: string; responseHeaders?: Record<string, string[]> },
      callback: (response: { responseHeaders?: Record<string, string[]> }) => void,
    ) => void;
    const callback = vi.fn();
    listener({ url: 'app://ecabinet/index.html', responseHeaders: {} }, callback);
    listener(
      { url: 'https://sync.gov.vn/api', responseHeaders: { 'Content-Type': ['application/json'] } },
      callback,
    );
    listener({ url: 'http://localhost:5173/', responseHeaders: {} }, callback);
    expect(callback.mock.calls[0]?.[0]).toEqual({ responseHeaders: { [CSP_HEADER]: [BASE] } });
    expect(callback.mock.calls[1]?.[0]).toEqual({
      responseHeaders: { 'Content-Type': ['application/json'], [CSP_HEADER]: [BASE] },
    });
    expect(callback.mock.calls[2]?.[0]).toEqual({});
  });
});
