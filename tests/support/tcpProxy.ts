import { createConnection, createServer, type Server, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';

/**
 * A tiny TCP proxy on 127.0.0.1 for fault tests: forwards every connection to `target`, and can
 * cut a connection after it has carried N bytes towards the client (a network drop
 * mid-download), refuse new connections (an outage), or drop everything at once.
 * Bytes the client sends are recorded per connection so tests can look at HTTP request heads.
 */
export interface TcpProxy {
  readonly port: number;
  readonly url: string;
  /** Cuts (RST-like destroy) the next `times` connections that carry more than `afterBytes` downstream. */
  cutAfter(afterBytes: number, times?: number): void;
  /** While down, new connections are closed at once and existing ones are destroyed. */
  setDown(down: boolean): void;
  /** Destroys every open connection. */
  dropAll(): void;
  /** Client → server bytes of every connection so far, as latin1 text. */
  upstreamText(): string[];
  /** Connections cut by `cutAfter`. */
  readonly cuts: number;
  close(): Promise<void>;
}

export async function startTcpProxy(target: { host: string; port: number }): Promise<TcpProxy> {
  const pairs = new Set<{ client: Socket; upstream: Socket }>();
  const upstreamLog: Buffer[][] = [];
  let cut: { afterBytes: number; times: number } | null = null;
  let down = false;
  let cuts = 0;

  const server: Server = createServer((client) => {
    if (down) {
      client.destroy();
      return;
    }
    const upstream = createConnection(target);
    const pair = { client, upstream };
    pairs.add(pair);
    const log: Buffer[] = [];
    upstreamLog.push(log);
    let downstreamBytes = 0;
    const destroy = (): void => {
      client.destroy();
      upstream.destroy();
      pairs.delete(pair);
    };
    client.on('data', (data: Buffer) => {
      log.push(Buffer.from(data));
      upstream.write(data);
    });
    upstream.on('data', (data: Buffer) => {
      const rule = cut;
      if (rule && rule.times > 0 && downstreamBytes + data.length > rule.afterBytes) {
        const allowed = Math.max(0, rule.afterBytes - downstreamBytes);
        rule.times -= 1;
        cuts += 1;
        client.write(data.subarray(0, allowed), () => destroy());
        downstreamBytes += allowed;
        upstream.pause();
        return;
      }
      downstreamBytes += data.length;
      client.write(data);
    });
    client.on('error', destroy);
    upstream.on('error', destroy);
    client.on('close', destroy);
    upstream.on('close', destroy);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;

  const dropAll = (): void => {
    for (const { client, upstream } of pairs) {
      client.destroy();
      upstream.destroy();
    }
    pairs.clear();
  };

  return {
    port,
    url: `http://127.0.0.1:${port}`,
    cutAfter(afterBytes, times = 1) {
      cut = { afterBytes, times };
    },
    setDown(value) {
      down = value;
      if (value) dropAll();
    },
    dropAll,
    upstreamText: () => upstreamLog.map((chunks) => Buffer.concat(chunks).toString('latin1')),
    get cuts() {
      return cuts;
    },
    close: async () => {
      dropAll();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
