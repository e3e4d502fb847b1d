import type { Socket } from 'socket.io';
import { handshakeAuthSchema } from '../../../shared/protocol/socket.ts';
import { SUPPORTED_PROTOCOL_VERSIONS } from '../../../shared/protocol/version.ts';
import { authenticate, type Principal } from '../auth/authService.ts';
import type { ServerContext } from '../ServerContext.ts';
import { ServerError } from '../ServerError.ts';

/** The client address of a socket (X-Forwarded-For only behind a trusted proxy). */
export function socketAddress(socket: Socket, trustProxy: boolean): string {
  if (trustProxy) {
    const forwarded = socket.handshake.headers['x-forwarded-for'];
    const first = (Array.isArray(forwarded) ? forwarded[0] : forwarded)?.split(',')[0]?.trim();
    if (first !== undefined && first !== '') return first.slice(0, 100);
  }
  return socket.handshake.address;
}

/**
 * Checks the handshake `auth` object: protocol version first (so an old app learns it must
 * update), then shape, then the token, which must belong to the device that presents it.
 */
export async function authenticateSocket(ctx: ServerContext, socket: Socket): Promise<Principal> {
  const auth: unknown = socket.handshake.auth;
  const version =
    typeof auth === 'object' && auth !== null && 'protocolVersion' in auth
      ? auth.protocolVersion
      : undefined;
  if (typeof version === 'number' && !SUPPORTED_PROTOCOL_VERSIONS.includes(version)) {
    throw new ServerError(
      'PROTOCOL_UNSUPPORTED',
      `protocol version ${version} is not supported; update the app`,
    );
  }
  const parsed = handshakeAuthSchema.safeParse(auth);
  if (!parsed.success)
    throw new ServerError(
      'UNAUTHENTICATED',
      'send auth { token, protocolVersion, deviceId } in the handshake',
    );
  const principal = await authenticate(
    ctx,
    parsed.data.token,
    socketAddress(socket, ctx.config.trustProxy),
  );
  if (principal.deviceId !== parsed.data.deviceId.toLowerCase()) {
    throw new ServerError('UNAUTHENTICATED', 'this token was issued to another device');
  }
  return principal;
}
