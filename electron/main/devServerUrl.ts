const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

/**
 * The electron-vite development server URL (`ELECTRON_RENDERER_URL`) if, and only if, this is
 * an unpackaged build and the URL is plain http on a loopback host; otherwise null, so a
 * packaged app always loads `app://ecabinet/index.html` whatever its environment says.
 */
export function devServerUrl(raw: string | undefined, isPackaged: boolean): string | null {
  if (isPackaged || !raw) return null;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return null;
  }
  if (url.protocol !== 'http:' || !LOOPBACK_HOSTS.has(url.hostname)) return null;
  if (url.username !== '' || url.password !== '') return null;
  return url.href;
}
