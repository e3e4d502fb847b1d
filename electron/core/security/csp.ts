/** The response header that carries the policy. */
export const CSP_HEADER = 'Content-Security-Policy';

/** A DNS name (letters, digits, hyphens, dots; already lower-cased and punycoded by `URL`). */
const DNS_HOST =
  /^(?=.{1,253}$)[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)*$/;
/** A bracketed IPv6 literal as `URL` serialises it. */
const IPV6_HOST = /^\[[0-9a-f:.]+\]$/;

/**
 * The sources the renderer may connect to for the configured sync server: its http(s) origin
 * and the matching ws(s) origin (socket.io). Empty when no server is configured or the value is
 * not a clean http(s) URL — the stricter policy wins; nothing from settings is pasted into the
 * header without passing this check (a host like `a;script-src` would otherwise inject a
 * directive).
 */
export function serverConnectSources(serverUrl: string | null | undefined): string[] {
  if (!serverUrl) return [];
  let url: URL;
  try {
    url = new URL(serverUrl);
  } catch {
    return [];
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return [];
  if (url.username !== '' || url.password !== '') return [];
  if (!DNS_HOST.test(url.hostname) && !IPV6_HOST.test(url.hostname)) return [];
  if (url.port !== '' && !/^\d{1,5}$/.test(url.port)) return [];
  const ws = url.protocol === 'https:' ? 'wss:' : 'ws:';
  return [`${url.protocol}//${url.host}`, `${ws}//${url.host}`];
}

/**
 * The Content-Security-Policy of the UI, exactly as security.md states it, with the server's
 * origins in `connect-src` when one is configured. Pure: used by the Electron shell (app://
 * responses and `onHeadersReceived`) and by the browser-mode host.
 * No `'wasm-unsafe-eval'`: pdf.js does not need it yet; add it here, with the reason, if its
 * wasm decoders are enabled.
 */
export function buildCsp(serverUrl?: string | null): string {
  const connect = ["'self'", ...serverConnectSources(serverUrl)].join(' ');
  return [
    "default-src 'none'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' blob: data:",
    "font-src 'self' data:",
    "worker-src 'self' blob:",
    `connect-src ${connect}`,
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
  ].join('; ');
}
