import { APP_HOST, APP_ORIGIN, APP_SCHEME } from './appOrigin.ts';

/**
 * The origin of `raw` as a string comparable with a trusted list, or null when it has none we
 * would ever trust. Node's WHATWG `URL` gives non-special schemes the opaque origin "null", so
 * our `app:` scheme is handled explicitly: exactly `app://ecabinet`, no port, no credentials.
 * Only `app:`, `http:` and `https:` can yield an origin; `file:`, `about:`, `data:`,
 * `devtools:`, `chrome:` and everything else give null.
 */
export function originOf(raw: string): string | null {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return null;
  }
  if (url.username !== '' || url.password !== '') return null;
  if (url.protocol === `${APP_SCHEME}:`) {
    return url.host === APP_HOST ? APP_ORIGIN : null;
  }
  if (url.protocol === 'http:' || url.protocol === 'https:') return url.origin;
  return null;
}
