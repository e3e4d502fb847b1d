import { createReadStream } from 'node:fs';
import { realpath, stat } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { sep } from 'node:path';
import { APP_ORIGIN } from '../core/security/appOrigin.ts';
import { contentTypeFor } from '../core/security/contentTypes.ts';
import { CSP_HEADER } from '../core/security/csp.ts';
import { resolveAppPath } from '../core/security/resolveAppPath.ts';

export interface StaticHandlerOptions {
  /** Absolute, real (symlink-free) path of the built renderer. */
  rootDir: string;
  /** The CSP for this response; called per request because it follows the settings. */
  csp: () => string;
}

/** Headers every response of the web host carries, whatever its status. */
export function securityHeaders(csp: string): Record<string, string> {
  return {
    [CSP_HEADER]: csp,
    'X-Content-Type-Options': 'nosniff',
    // The page URL carries the launch secret: never send it anywhere as a referrer.
    'Referrer-Policy': 'no-referrer',
    'Cross-Origin-Opener-Policy': 'same-origin',
    'Cross-Origin-Resource-Policy': 'same-origin',
    'X-Frame-Options': 'DENY',
    'Cache-Control': 'no-store',
  };
}

/**
 * Serves GET/HEAD of regular files under `rootDir`; everything else is refused with a status.
 * The request path goes through the shell's `app://` path guard (resolveAppPath), so both hosts
 * refuse exactly the same paths; on top, the real path must still lie inside the root, so a
 * symlink anywhere in the build cannot lead out of it.
 */
export function createStaticHandler(
  options: StaticHandlerOptions,
): (req: IncomingMessage, res: ServerResponse) => Promise<void> {
  const reply = (res: ServerResponse, status: number, extra: Record<string, string> = {}): void => {
    res.writeHead(status, {
      ...securityHeaders(options.csp()),
      'Content-Type': 'text/plain; charset=utf-8',
      ...extra,
    });
    res.end(String(status));
  };

  return async (req, res) => {
    if (req.method !== 'GET' && req.method !== 'HEAD')
      return reply(res, 405, { Allow: 'GET, HEAD' });
    const target = req.url ?? '';
    // Origin-form only ("/path?query"); absolute-form and authority-form targets are refused.
    if (!target.startsWith('/') || target.startsWith('//')) return reply(res, 400);
    const file = resolveAppPath(`${APP_ORIGIN}${target}`, options.rootDir);
    if (!file) return reply(res, 404);
    let real: string;
    let size: number;
    try {
      real = await realpath(file);
      const info = await stat(real);
      if (!info.isFile()) return reply(res, 404);
      size = info.size;
    } catch {
      return reply(res, 404);
    }
    if (!real.startsWith(options.rootDir + sep)) return reply(res, 404);
    res.writeHead(200, {
      ...securityHeaders(options.csp()),
      'Content-Type': contentTypeFor(real),
      'Content-Length': String(size),
    });
    if (req.method === 'HEAD') {
      res.end();
      return;
    }
    const stream = createReadStream(real);
    stream.on('error', () => res.destroy());
    stream.pipe(res);
  };
}
