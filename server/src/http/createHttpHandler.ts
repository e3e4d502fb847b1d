import type { IncomingMessage, ServerResponse } from 'node:http';
import { authenticate, isStaff, type Principal } from '../auth/authService.ts';
import { errorFields } from '../log.ts';
import type { ServerContext } from '../ServerContext.ts';
import { isServerError, ServerError } from '../ServerError.ts';
import { bearerToken, clientAddress } from './clientAddress.ts';
import { sendError } from './respond.ts';
import { ROUTE_TABLE, type Access, type Route } from './routes.ts';

function allowed(access: Access, principal: Principal): boolean {
  if (access === 'admin') return principal.role === 'admin';
  if (access === 'staff') return isStaff(principal.role);
  return true;
}

function match(method: string, pathname: string): { route: Route; params: string[] } | null {
  for (const route of ROUTE_TABLE) {
    const found = route.path.exec(pathname);
    if (found !== null && route.methods.includes(method)) return { route, params: found.slice(1) };
  }
  return null;
}

/**
 * The HTTP side of the server (socket.io handles its own path before this sees a request).
 * Order per request: route → authentication → role → handler. Any failure becomes
 * `{ error: { code, message } }`; an unexpected one is logged and answers INTERNAL without
 * details.
 */
export function createHttpHandler(
  ctx: ServerContext,
): (req: IncomingMessage, res: ServerResponse) => void {
  return (req, res) => {
    void handle(ctx, req, res).catch((error: unknown) => {
      if (isServerError(error)) {
        sendError(req, res, error.code, error.message, { ...error.headers });
        return;
      }
      ctx.logger.error('request failed', {
        method: req.method,
        url: req.url,
        ...errorFields(error),
      });
      sendError(req, res, 'INTERNAL', 'internal error');
    });
  };
}

async function handle(
  ctx: ServerContext,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<void> {
  let url: URL;
  try {
    url = new URL(req.url ?? '/', 'http://server.invalid');
  } catch {
    throw new ServerError('NOT_FOUND', 'no such route');
  }
  const found = match(req.method ?? 'GET', url.pathname);
  if (found === null) throw new ServerError('NOT_FOUND', 'no such route');
  const address = clientAddress(req, ctx.config.trustProxy);

  let principal: Principal | null = null;
  if (found.route.access !== 'public') {
    const token = bearerToken(req);
    if (token === null)
      throw new ServerError('UNAUTHENTICATED', 'send Authorization: Bearer <token>');
    principal = await authenticate(ctx, token, address);
    if (!allowed(found.route.access, principal))
      throw new ServerError('FORBIDDEN', 'this operation needs another role');
  }
  await found.route.handle({ ctx, req, res, url, params: found.params, principal, address });
}
