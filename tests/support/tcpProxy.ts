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
  /**
   * Blackhole: connections stay open (new ones are accepted) but no byte is forwarded either
   * way, as on a dead link; bytes sent meanwhile are lost. Turning it off does not revive the
   * stalled connections: `dropAll` them to let clients reconnect at once.
   */
  setBlackhole(on: boolean): void;
  /** Each chunk is held this long before it is forwarded, both ways; ms (0: off). */
  setDelay(ms: number): void;
  /** Caps each direction of each connection at this rate; bytes/s (0: off). */
  setThrottle(bytesPerSecond: number): void;
  close(): Promise<void>;
}

export interface ConnectionStats {
  /** e.g. "GET /api/blobs/ab12… HTTP/1.1"; '' until the client has sent a whole line. */
  requestLine: string;
  up: number;
  down: number;
  /**
   * The first bytes delivered to the client (at most 4 KiB), as latin1 text: for HTTP, the
   * response head, so a test can tell header bytes from body bytes.
   */
  downHead: string;
}

/** Downstream bytes kept per connection for `ConnectionStats.downHead`. */
const DOWN_HEAD_BYTES = 4096;

export async function startTcpProxy(target: { host: string; port: number }): Promise<TcpProxy> {
  const pairs = new Set<{ client: Socket; upstream: Socket }>();
  const upstreamLog: Buffer[][] = [];
  let cut: { afterBytes: number; times: number } | null = null;
  let down = false;
  let cuts = 0;
  const totals = { up: 0, down: 0 };
  const stats: { log: Buffer[]; head: Buffer[]; counts: { up: number; down: number } }[] = [];
  let dropRule: { until: number; fire: () => void } | null = null;
  /** Between a dropAllAfter threshold and the drop: nothing more goes down. */
  let dropping = false;
  let blackhole = false;
  let delayMs = 0; // ms
  let throttle = 0; // bytes/s
  /**
   * Forwards `data` to `to` after the configured delay and throttling, in order: chunks of one
   * direction of one connection wait on a chain. Without delay or throttle (and nothing still
   * queued) it writes at once, so the plain behaviour is unchanged.
   */
  const shaper = () => {
    let chain: Promise<void> = Promise.resolve();
    let queued = 0;
    return (to: Socket, data: Buffer, write: () => void): void => {
      if (delayMs === 0 && throttle === 0 && queued === 0) {
        write();
        return;
      }
      queued += 1;
      const wait = delayMs + (throttle > 0 ? (data.length / throttle) * 1000 : 0);
      chain = chain
        .then(() => new Promise<void>((r) => setTimeout(r, wait)))
        .then(() => {
          queued -= 1;
          if (!to.destroyed) write();
        });
    };
  };

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
    const head: Buffer[] = [];
    stats.push({ log, head, counts });
    /** Records the start of what goes down to the client (`downHead`). */
    const keepHead = (delivered: Buffer): void => {
      const room = DOWN_HEAD_BYTES - (counts.down - delivered.length);
      if (room > 0) head.push(Buffer.from(delivered.subarray(0, room)));
    };
    let downstreamBytes = 0;
    /** Cut by `cutAfter`: waiting for the last bytes to be written before the destroy. */
    let cutting = false;
    const destroy = (): void => {
      client.destroy();
      upstream.destroy();
      pairs.delete(pair);
    };
    const shapeUp = shaper();
    const shapeDown = shaper();
    client.on('data', (data: Buffer) => {
      if (blackhole) return;
      log.push(Buffer.from(data));
      counts.up += data.length;
      totals.up += data.length;
      shapeUp(upstream, data, () => {
        if (!upstream.write(data)) client.pause();
      });
    });
    // Backpressure both ways: a slow reader slows the sender instead of filling our memory.
    upstream.on('drain', () => client.resume());
    client.on('drain', () => upstream.resume());
    upstream.on('data', (data: Buffer) => {
      if (dropping || cutting || blackhole) return;
      const drop = dropRule;
      if (drop && totals.down + data.length > drop.until) {
        // Deliver up to the threshold, stop every transfer at once, destroy all once written.
        dropRule = null;
        dropping = true;
        const allowed = Math.max(0, drop.until - totals.down);
        counts.down += allowed;
        totals.down += allowed;
        keepHead(data.subarray(0, allowed));
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
        keepHead(data.subarray(0, allowed));
        upstream.pause();
        return;
      }
      keepHead(data);
      downstreamBytes += data.length;
      shapeDown(client, data, () => {
        if (!client.write(data)) upstream.pause();
      });
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
      stats.map(({ log, head, counts }) => {
        const up = Buffer.concat(log.slice(0, 4)).toString('latin1');
        const end = up.indexOf('\r\n');
        return {
          requestLine: end < 0 ? '' : up.slice(0, end),
          ...counts,
          downHead: Buffer.concat(head).toString('latin1'),
        };
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
    setBlackhole(on) {
      blackhole = on;
    },
    setDelay(ms) {
      delayMs = ms;
    },
    setThrottle(bytesPerSecond) {
      throttle = bytesPerSecond;
    },
    close: async () => {
      dropAll();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
