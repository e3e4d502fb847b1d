import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import WebSocket from 'ws';
import { silentLogger } from '../../electron/core/log/logger.ts';
import { startWebHost, type WebHost } from '../../electron/webhost/startWebHost.ts';

/** A temp directory with a tiny renderer build and a data dir, removed by `cleanup()`. */
export async function makeWebHostDirs(): Promise<{
  root: string;
  rendererDir: string;
  dataDir: string;
  cleanup: () => Promise<void>;
}> {
  const root = await mkdtemp(join(tmpdir(), 'ecabinet-webhost-'));
  const rendererDir = join(root, 'renderer');
  await mkdir(join(rendererDir, 'assets'), { recursive: true });
  await writeFile(
    join(rendererDir, 'index.html'),
    '<!doctype html><title>eCabinet</title><script type="module" src="/assets/app.js"></script>',
  );
  await writeFile(join(rendererDir, 'assets', 'app.js'), 'export const ok = true;\n');
  // Something outside the served root that traversal attempts aim at.
  await writeFile(join(root, 'secret.txt'), 'TOP SECRET');
  return {
    root,
    rendererDir,
    dataDir: join(root, 'data'),
    cleanup: () => rm(root, { recursive: true, force: true }),
  };
}

export function startTestHost(dirs: { rendererDir: string; dataDir: string }): Promise<WebHost> {
  return startWebHost({
    dataDir: dirs.dataDir,
    rendererDir: dirs.rendererDir,
    port: 0,
    log: silentLogger,
    version: '9.9.9-test',
  });
}

export function secretOf(host: WebHost): string {
  return new URL(host.url).searchParams.get('s') ?? '';
}

export interface BridgeClient {
  readonly socket: WebSocket;
  /** Sends a raw text frame. */
  sendRaw(text: string | Buffer, binary?: boolean): void;
  call(channel: string, input: unknown): Promise<unknown>;
  /** Resolves with the next host frame that matches. */
  nextFrame(match: (frame: Record<string, unknown>) => boolean): Promise<Record<string, unknown>>;
  close(): Promise<void>;
}

export interface ConnectOptions {
  secret?: string | null;
  origin?: string | null;
  path?: string;
  headers?: Record<string, string>;
}

function bridgeUrl(host: WebHost, options: ConnectOptions): string {
  const url = new URL(options.path ?? '/bridge', host.origin.replace('http:', 'ws:'));
  const secret = options.secret === undefined ? secretOf(host) : options.secret;
  if (secret !== null) url.searchParams.set('s', secret);
  return url.href;
}

/** Opens a bridge WebSocket as a page of `host` would (right Origin and secret unless overridden). */
export function connectBridge(host: WebHost, options: ConnectOptions = {}): Promise<BridgeClient> {
  const origin = options.origin === undefined ? host.origin : options.origin;
  const socket = new WebSocket(bridgeUrl(host, options), {
    ...(origin === null ? {} : { origin }),
    headers: options.headers ?? {},
  });
  const frames: Record<string, unknown>[] = [];
  const waiters: {
    match: (f: Record<string, unknown>) => boolean;
    resolve: (f: Record<string, unknown>) => void;
  }[] = [];
  socket.on('message', (data) => {
    const frame = JSON.parse(Buffer.isBuffer(data) ? data.toString('utf8') : '') as Record<
      string,
      unknown
    >;
    const index = waiters.findIndex((w) => w.match(frame));
    if (index >= 0) waiters.splice(index, 1)[0]?.resolve(frame);
    else frames.push(frame);
  });
  let nextId = 1;
  const client: BridgeClient = {
    socket,
    sendRaw: (text, binary = false) => socket.send(text, { binary }),
    nextFrame: (match) => {
      const index = frames.findIndex(match);
      if (index >= 0) return Promise.resolve(frames.splice(index, 1)[0] ?? {});
      return new Promise((resolve) => waiters.push({ match, resolve }));
    },
    call: async (channel, input) => {
      const id = nextId++;
      socket.send(JSON.stringify({ id, channel, input }));
      const reply = await client.nextFrame((f) => f['id'] === id);
      return reply['result'];
    },
    close: () =>
      new Promise((resolve) => {
        if (socket.readyState === WebSocket.CLOSED) return resolve();
        socket.once('close', () => resolve());
        socket.close();
      }),
  };
  return new Promise((resolve, reject) => {
    socket.once('open', () => resolve(client));
    socket.once('unexpected-response', (_req, res) =>
      reject(new Error(`refused: ${String(res.statusCode)}`)),
    );
    socket.once('error', reject);
  });
}
