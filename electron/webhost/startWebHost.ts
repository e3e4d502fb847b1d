import { existsSync, mkdirSync, realpathSync } from 'node:fs';
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type WebSocket } from 'ws';
import type { EventFrame } from '../../shared/ipc/webBridgeProtocol.ts';
import {
  WEB_BRIDGE_MAX_FRAME_BYTES,
  WEB_BRIDGE_SECRET_PARAM,
} from '../../shared/ipc/webBridgeProtocol.ts';
import { createCore, type Core } from '../core/createCore.ts';
import type { Logger } from '../core/log/logger.ts';
import { buildCsp } from '../core/security/csp.ts';
import { applyDefaultServerUrl } from '../core/settings/applyDefaultServerUrl.ts';
import { confSettingsBackend } from '../core/settings/confSettingsBackend.ts';
import { createLaunchSecret } from './launchSecret.ts';
import { createStaticHandler, securityHeaders } from './serveStatic.ts';
import { serveBridgeConnection } from './serveBridgeConnection.ts';
import { verifyBridgeUpgrade } from './verifyBridgeUpgrade.ts';
import { webExternalOpener } from './webExternalOpener.ts';

/** The only address the web host binds to. The bridge is a local seam, never a network service. */
export const WEB_HOST_BIND_ADDRESS = '127.0.0.1';

export interface WebHostOptions {
  /** This installation's data directory (created if missing); settings live in `config.json`. */
  dataDir: string;
  /** The built renderer (`out/renderer`), served as static files. */
  rendererDir: string;
  /** TCP port; 0 picks a free ephemeral port. */
  port: number;
  /** Must be `127.0.0.1` when given; anything else is refused. */
  host?: string;
  log: Logger;
  /** Reported by `app:info`. */
  version?: string;
  /**
   * Server URL to store at start-up when this data directory has none yet (`npm start` passes
   * the embedded server's; `ECABINET_DEFAULT_SERVER_URL` in the CLI). Never replaces a stored one.
   */
  defaultServerUrl?: string | undefined;
}

export interface WebHost {
  /** The page to open, including the per-launch secret (`http://127.0.0.1:<port>/?s=<secret>`). */
  readonly url: string;
  readonly origin: string;
  readonly port: number;
  /** The core serving the bridge now (replaced by `restartCore`). */
  core(): Core;
  /** Closes the core and opens a new one on the same data directory; open pages stay connected. */
  restartCore(): Promise<void>;
  /** Closes every bridge connection, the HTTP server and the core. Idempotent. */
  close(): Promise<void>;
}

/** WebSocket close code sent to pages when the host shuts down (RFC 6455 "going away"). */
const CLOSE_GOING_AWAY = 1001;

/**
 * Browser mode: serves the built renderer on 127.0.0.1 and implements `window.ecabinet` over a
 * WebSocket at /bridge with the same contract and dispatcher as the Electron preload.
 * Development and evaluation only (architecture.md, "Testing without an Electron binary").
 */
export async function startWebHost(options: WebHostOptions): Promise<WebHost> {
  const bindAddress = options.host ?? WEB_HOST_BIND_ADDRESS;
  if (bindAddress !== WEB_HOST_BIND_ADDRESS)
    throw new Error(
      `the web host binds to ${WEB_HOST_BIND_ADDRESS} only (asked for ${bindAddress})`,
    );
  if (!Number.isInteger(options.port) || options.port < 0 || options.port > 65_535)
    throw new Error(`invalid port ${String(options.port)}`);
  const log = options.log;
  mkdirSync(options.dataDir, { recursive: true });
  if (!existsSync(join(options.rendererDir, 'index.html'))) {
    throw new Error(`no renderer build in ${options.rendererDir} (run: npm run build:web)`);
  }
  const rendererDir = realpathSync(options.rendererDir);
  const secret = createLaunchSecret();

  const openCore = (): Core =>
    createCore({
      dataDir: options.dataDir,
      settingsBackend: confSettingsBackend(options.dataDir),
      host: 'web',
      version: options.version ?? '0.0.0-dev',
      platform: process.platform,
      external: webExternalOpener,
      log,
    });

  const clients = new Set<WebSocket>();
  const broadcast = (frame: EventFrame): void => {
    const text = JSON.stringify(frame);
    for (const client of clients) if (client.readyState === client.OPEN) client.send(text);
  };
  let core = openCore();
  // Before the first page loads, so its first `settings:get` and the CSP already have it.
  applyDefaultServerUrl(core.settings, options.defaultServerUrl, log);
  let unsubscribe = core.events.onAny((event, payload) => broadcast({ event, payload }));

  // The shell's policy, directive for directive. `connect-src 'self'` also covers the bridge
  // WebSocket: CSP Level 3 matches 'self' against ws: on the page's own host and port (Chromium
  // does; the end-to-end specs make every call over it), so no broad `ws:` source is added.
  const csp = (): string => buildCsp(core.settings.get().serverUrl);
  const serveStatic = createStaticHandler({ rootDir: rendererDir, csp });
  // Filled in once listening: the port is only known then.
  let expected = { secret, origin: '', host: '' };

  const server = createServer((req, res) => {
    if (req.headers.host !== expected.host) {
      // Another Host name pointing at loopback (DNS rebinding) gets nothing, not even the UI.
      res.writeHead(421, {
        ...securityHeaders(csp()),
        'Content-Type': 'text/plain; charset=utf-8',
      });
      res.end('421');
      return;
    }
    serveStatic(req, res).catch((error: unknown) => {
      log.error('static request failed', { error: String(error) });
      if (!res.headersSent) res.writeHead(500, securityHeaders(csp()));
      res.end();
    });
  });
  server.on('clientError', (_error, socket) => socket.destroy());

  const wss = new WebSocketServer({
    noServer: true,
    maxPayload: WEB_BRIDGE_MAX_FRAME_BYTES,
    perMessageDeflate: false,
  });
  server.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    socket.on('error', () => socket.destroy());
    const verdict = verifyBridgeUpgrade(req, expected);
    if (!verdict.ok) {
      log.warn('bridge connection refused', {
        reason: verdict.reason,
        remote: req.socket.remoteAddress,
      });
      const text = verdict.status === 404 ? 'Not Found' : 'Forbidden';
      socket.end(
        `HTTP/1.1 ${verdict.status} ${text}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`,
      );
      return;
    }
    wss.handleUpgrade(req, socket, head, (ws) => {
      clients.add(ws);
      ws.on('close', () => clients.delete(ws));
      serveBridgeConnection(ws, () => core.dispatch, log);
    });
  });

  try {
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(options.port, bindAddress, () => {
        server.off('error', reject);
        resolve();
      });
    });
  } catch (error) {
    // E.g. the port is taken: leave nothing open behind.
    unsubscribe();
    await core.close();
    throw error;
  }
  const port = (server.address() as AddressInfo).port;
  const origin = `http://${bindAddress}:${port}`;
  expected = { secret, origin, host: `${bindAddress}:${port}` };
  const url = `${origin}/?${WEB_BRIDGE_SECRET_PARAM}=${secret}`;
  log.info('web host listening', { origin, dataDir: options.dataDir });

  let closing: Promise<void> | null = null;
  return {
    url,
    origin,
    port,
    core: () => core,
    restartCore: async () => {
      unsubscribe();
      await core.close();
      core = openCore();
      unsubscribe = core.events.onAny((event, payload) => broadcast({ event, payload }));
      log.info('core restarted', { dataDir: options.dataDir });
    },
    close: () => {
      closing ??= (async () => {
        unsubscribe();
        for (const client of clients) client.close(CLOSE_GOING_AWAY, 'host shutting down');
        const closed = new Promise<void>((resolve) => server.close(() => resolve()));
        server.closeAllConnections();
        // Pages that do not answer the close handshake promptly are cut off.
        const cutOff = setTimeout(() => {
          for (const client of clients) client.terminate();
        }, 1000);
        await new Promise<void>((resolve) => wss.close(() => resolve()));
        for (const client of clients) client.terminate();
        clearTimeout(cutOff);
        await closed;
        await core.close();
        log.info('web host closed', { origin });
      })();
      return closing;
    },
  };
}
