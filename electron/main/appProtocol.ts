import { lstat, readFile } from 'node:fs/promises';
import type { CustomScheme } from 'electron';
import { APP_SCHEME } from '../core/security/appOrigin.ts';
import { contentTypeFor } from '../core/security/contentTypes.ts';
import { CSP_HEADER } from '../core/security/csp.ts';
import { resolveAppPath } from '../core/security/resolveAppPath.ts';
import type { Logger } from '../core/log/logger.ts';

/**
 * `app:` is standard (real origin, relative URLs), secure (like https) and may be fetched.
 * Deliberately NOT `bypassCSP`, `corsEnabled`, `allowServiceWorkers` or `stream`.
 */
export const APP_SCHEME_PRIVILEGES: CustomScheme = {
  scheme: APP_SCHEME,
  privileges: { standard: true, secure: true, supportFetchAPI: true },
};

/** Must run before the app's `ready` event. */
export function registerAppScheme(protocol: {
  registerSchemesAsPrivileged(schemes: CustomScheme[]): void;
}): void {
  protocol.registerSchemesAsPrivileged([APP_SCHEME_PRIVILEGES]);
}

export interface AppProtocolOptions {
  /** The built renderer (`out/renderer`); nothing outside it is ever served. */
  rootDir: string;
  /** The current CSP, read per response so a server change applies at the next load. */
  getCsp: () => string;
  log: Logger;
}

/** The parts of a fetch `Request` the handler reads. */
export interface AppRequestLike {
  readonly url: string;
  readonly method: string;
}

/**
 * The `protocol.handle('app', …)` handler: GET/HEAD only, path guard, regular files only (a
 * symlink is not followed), correct Content-Type, and on every response — errors included —
 * the CSP, `X-Content-Type-Options: nosniff` and no referrer. Never throws.
 */
export function createAppProtocolHandler(
  options: AppProtocolOptions,
): (request: AppRequestLike) => Promise<Response> {
  return async (request) => {
    const headers = (contentType: string): Headers =>
      new Headers({
        [CSP_HEADER]: options.getCsp(),
        'X-Content-Type-Options': 'nosniff',
        'Referrer-Policy': 'no-referrer',
        'Cache-Control': 'no-cache',
        'Content-Type': contentType,
      });
    const plain = (status: number, text: string): Response =>
      new Response(text, { status, headers: headers('text/plain; charset=utf-8') });

    if (request.method !== 'GET' && request.method !== 'HEAD')
      return plain(405, 'method not allowed');
    const filePath = resolveAppPath(request.url, options.rootDir);
    if (filePath === null) {
      options.log.warn('app:// request refused', { url: request.url.slice(0, 200) });
      return plain(404, 'not found');
    }
    try {
      const stat = await lstat(filePath);
      if (!stat.isFile()) return plain(404, 'not found');
      const body = request.method === 'HEAD' ? null : await readFile(filePath);
      return new Response(body, { status: 200, headers: headers(contentTypeFor(filePath)) });
    } catch {
      return plain(404, 'not found');
    }
  };
}

/** Serves the renderer on `app://` (call after `ready`). */
export function installAppProtocol(
  protocol: { handle(scheme: string, handler: (request: Request) => Promise<Response>): void },
  options: AppProtocolOptions,
): void {
  protocol.handle(APP_SCHEME, createAppProtocolHandler(options));
}
