import path from 'node:path';
import { APP_ORIGIN } from './appOrigin.ts';

/** Longest request URL we look at, in characters. */
export const MAX_APP_URL_LENGTH = 2048;

/** Characters allowed raw in a request path (RFC 3986 pchar and '/'), besides `%XX` escapes. */
const RAW_PATH = /^(?:[A-Za-z0-9\-._~!$&'()*+,;=@/]|%[0-9A-Fa-f]{2})*$/;
/** Windows device names, which resolve to devices whatever the directory or extension. */
const WINDOWS_DEVICE = /^(?:con|prn|aux|nul|com[0-9]|lpt[0-9]|conin\$|conout\$)(?:\..*)?$/i;

/**
 * Maps an `app://ecabinet/…` request URL to a file under `rootDir`, or null when the request
 * must be refused. Works on the raw string before any URL parsing, because the WHATWG parser
 * would silently collapse `..` and `%2e%2e` into something that looks harmless.
 *
 * Refused: any other scheme, host, port or credentials; backslashes (raw or `%5c`); NUL and
 * control characters; encoded slashes; `.` and `..` segments in any spelling; dot-files;
 * anything still containing `%` after one decode (double encoding); `:` (drive letters,
 * alternate data streams); empty segments (`//`); Windows device names; trailing dots or
 * spaces. `/` serves `index.html`. The query and fragment are ignored.
 * The result is always strictly inside `rootDir` (checked again after resolving).
 */
export function resolveAppPath(requestUrl: string, rootDir: string): string | null {
  if (typeof requestUrl !== 'string' || requestUrl.length > MAX_APP_URL_LENGTH) return null;
  const prefix = `${APP_ORIGIN}/`;
  if (!requestUrl.startsWith(prefix)) return null;

  // 1. Path only: drop the query and the fragment, keep the leading '/'.
  const rest = requestUrl.slice(prefix.length - 1);
  const end = rest.search(/[?#]/);
  const rawPath = end === -1 ? rest : rest.slice(0, end);
  if (!RAW_PATH.test(rawPath)) return null;

  // 2. Decode each segment once and check what it became.
  const rawSegments = rawPath.slice(1).split('/');
  if (rawSegments.length === 1 && rawSegments[0] === '') return inside(rootDir, ['index.html']);
  const segments: string[] = [];
  for (const raw of rawSegments) {
    const segment = decodeSegment(raw);
    if (segment === null) return null;
    segments.push(segment);
  }
  return inside(rootDir, segments);
}

function decodeSegment(raw: string): string | null {
  if (raw === '') return null;
  let decoded: string;
  try {
    decoded = decodeURIComponent(raw);
  } catch {
    return null;
  }
  if (/[%/\\:]/.test(decoded) || hasControlChar(decoded)) return null;
  if (decoded.startsWith('.')) return null;
  if (/[. ]$/.test(decoded)) return null;
  if (WINDOWS_DEVICE.test(decoded)) return null;
  return decoded;
}

/** True when `text` holds NUL, another C0 control character or DEL. */
function hasControlChar(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x20 || code === 0x7f) return true;
  }
  return false;
}

function inside(rootDir: string, segments: string[]): string | null {
  const root = path.resolve(rootDir);
  const resolved = path.resolve(root, ...segments);
  if (!resolved.startsWith(root + path.sep)) return null;
  return resolved;
}
