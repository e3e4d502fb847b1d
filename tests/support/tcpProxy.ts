import { createConnection, createServer, type Server, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';

/**
 * A tiny TCP proxy on 127.0.0.1 for fault tests: forwards every connection to `target`, and can
 * cut a connection after it has carried N bytes towards the client (a network drop
 * mid-download), refuse new connections (an outage), or drop everything at once.
 * Bytes the client sends are recorded per connection so tests can look at HTTP request heads.
 * Bytes are counted both ways, in total and per connection (benchmarks: bytes on the wire).
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
  /** Bytes carried so far over every connection: client → server, server → client. */
  bytes(): { up: number; down: number };
  /** Per connection, in order of arrival: its first request line and the bytes it carried. */
  connections(): ConnectionStats[];
  /**
   * Destroys every open connection once the downstream bytes of all connections together,
   * counted from this call, reach `afterBytes` (bytes up to that point are delivered, none
   * after it). Resolves when that happened. New connections are accepted afterwards.
   */
  dropAllAfter(afterBytes: number): Promise<void>;
  close(): Promise<void>;
}

export interface ConnectionStats {
  /** e.g. "GET /api/blobs/ab12… HTTP/1.1"; '' until the client has sent a whole line. */
  requestLine: string;
  up: number;
  down: number;
}

export async function startTcpProxy(target: { host: string; port: number }): Promise<TcpProxy> {
  const pairs = new Set<{ client: Socket; upstream: Socket }>();
  const upstreamLog: Buffer[][] = [];
  let cut: { afterBytes: number; times: number } | null = null;
  let down = false;
  let cuts = 0;
  const totals = { up: 0, down: 0 };
  const stats: { log: Buffer[]; counts: { up: number; down: number } }[] = [];
  let dropRule: { until: number; fire: () => void } | null = null;
  /** Between a dropAllAfter threshold and the drop: nothing more goes down. */
  let dropping = false;

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
    const counts = { up: 0, down: 0 };
    stats.push({ log, counts });
    let downstreamBytes = 0;
    /** Cut by `cutAfter`: waiting for the last bytes to be written before the destroy. */
    let cutting = false;
    const destroy = (): void => {
      client.destroy();
      upstream.destroy();
      pairs.delete(pair);
    };
    client.on('data', (data: Buffer) => {
      log.push(Buffer.from(data));
      counts.up += data.length;
      totals.up += data.length;
      if (!upstream.write(data)) client.pause();
    });
    // Backpressure both ways: a slow reader slows the sender instead of filling our memory.
    upstream.on('drain', () => client.resume());
    client.on('drain', () => upstream.resume());
    upstream.on('data', (data: Buffer) => {
      if (dropping || cutting) return;
      const drop = dropRule;
      if (drop && totals.down + data.length > drop.until) {
        // Deliver up to the threshold, stop every transfer at once, destroy all once written.
        dropRule = null;
        dropping = true;
        const allowed = Math.max(0, drop.until - totals.down);
        counts.down += allowed;
        totals.down += allowed;
        for (const p of pairs) p.upstream.pause();
        client.write(data.subarray(0, allowed), () => drop.fire());
        return;
      }
      counts.down += data.length;
      totals.down += data.length;
      const rule = cut;
      if (rule && rule.times > 0 && downstreamBytes + data.length > rule.afterBytes) {
        const allowed = Math.max(0, rule.afterBytes - downstreamBytes);
        rule.times -= 1;
        cuts += 1;
        cutting = true;
        client.write(data.subarray(0, allowed), () => destroy());
        downstreamBytes += allowed;
        counts.down -= data.length - allowed;
        totals.down -= data.length - allowed;
        upstream.pause();
        return;
      }
      downstreamBytes += data.length;
      if (!client.write(data)) upstream.pause();
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
    bytes: () => ({ ...totals }),
    connections: () =>
      stats.map(({ log, counts }) => {
        const head = Buffer.concat(log.slice(0, 4)).toString('latin1');
        const end = head.indexOf('\r\n');
        return { requestLine: end < 0 ? '' : head.slice(0, end), ...counts };
      }),
    dropAllAfter: (afterBytes) =>
      new Promise<void>((resolve) => {
        dropRule = {
          until: totals.down + afterBytes,
          fire: () => {
            dropAll();
            dropping = false;
            resolve();
          },
        };
      }),
    close: async () => {
      dropAll();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
