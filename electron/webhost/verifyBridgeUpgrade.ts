import type { IncomingMessage } from 'node:http';
import { WEB_BRIDGE_PATH, WEB_BRIDGE_SECRET_PARAM } from '../../shared/ipc/webBridgeProtocol.ts';
import { secretMatches } from './launchSecret.ts';

export interface BridgeUpgradeExpectations {
  /** The launch secret the `s` query parameter must carry. */
  secret: string;
  /** The host's own origin, e.g. `http://127.0.0.1:41234`; the Origin header must equal it. */
  origin: string;
  /** The host's own `host:port`; the Host header must equal it (defeats DNS rebinding). */
  host: string;
}

/** True for IPv4 loopback (127/8), its IPv4-mapped IPv6 form, and `::1`. */
export function isLoopbackAddress(address: string | undefined): boolean {
  if (!address) return false;
  const v4 = address.startsWith('::ffff:') ? address.slice('::ffff:'.length) : address;
  return /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(v4) || address === '::1';
}

/**
 * Decides whether a WebSocket upgrade may become a bridge connection. Every condition must hold:
 * the bridge path, a loopback peer, the host's own Host and Origin, and the launch secret.
 * The reason is for the host's log only; the peer just gets 403 (404 for another path).
 */
export function verifyBridgeUpgrade(
  req: IncomingMessage,
  expected: BridgeUpgradeExpectations,
): { ok: true } | { ok: false; status: 403 | 404; reason: string } {
  const url = new URL(req.url ?? '/', 'http://placeholder.invalid');
  if (url.pathname !== WEB_BRIDGE_PATH)
    return { ok: false, status: 404, reason: 'not the bridge path' };
  if (!isLoopbackAddress(req.socket.remoteAddress))
    return { ok: false, status: 403, reason: 'peer is not loopback' };
  if (req.headers.host !== expected.host)
    return { ok: false, status: 403, reason: 'wrong Host header' };
  if (req.headers.origin !== expected.origin)
    return { ok: false, status: 403, reason: 'wrong or missing Origin' };
  const presented = url.searchParams.getAll(WEB_BRIDGE_SECRET_PARAM);
  if (presented.length !== 1 || !secretMatches(presented[0], expected.secret))
    return { ok: false, status: 403, reason: 'wrong or missing secret' };
  return { ok: true };
}
