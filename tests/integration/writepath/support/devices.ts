import { eventually, FAST_TUNING, startCore, type CoreHarness } from '../../../support/coreHarness.ts';
import { startTcpProxy, type TcpProxy } from '../../../support/tcpProxy.ts';
import type { Account, Harness } from '../../server/support/harness.ts';

/** Fast push timings: a push stuck on a dead link is retried within about a second. */
export const WRITE_TUNING = {
  ...FAST_TUNING,
  push: {
    debounceMs: 10,
    maxDebounceMs: 50,
    ackTimeoutMs: 1000, // ms
    retry: { baseMs: 30, maxMs: 200 },
  },
};

/** One device: a real core whose every connection to the server goes through its own proxy. */
export interface Device {
  readonly name: string;
  readonly userId: string;
  readonly proxy: TcpProxy;
  readonly core: CoreHarness;
}

export async function startDevice(h: Harness, name: string, account: Account): Promise<Device> {
  const proxy = await startTcpProxy({ host: '127.0.0.1', port: h.server.port });
  const core = startCore({ serverUrl: proxy.url, tuning: WRITE_TUNING });
  await core.call('session:login', {
    username: account.user.username,
    password: account.password,
  });
  await core.waitFor('connection:state', (s) => s.state === 'online' && s.lastSyncedAt !== null);
  return { name, userId: account.user.id, proxy, core };
}

/** Lifts every fault of the device's link and drops stalled connections so it reconnects now. */
export function heal(device: Device): void {
  device.proxy.setDown(false);
  device.proxy.setBlackhole(false);
  device.proxy.setDelay(0);
  device.proxy.setThrottle(0);
  device.proxy.cutAfter(0, 0);
  device.proxy.dropAll();
}

/** Waits until the device's outbox is empty (every change acknowledged or refused). */
export async function drained(device: Device, timeoutMs = 20_000): Promise<void> {
  await eventually(
    async () => (await device.core.call('outbox:status', {})).pending === 0,
    timeoutMs,
    25,
  );
}

export async function stopDevice(device: Device): Promise<void> {
  await device.core.dispose();
  await device.proxy.close();
}

/** mulberry32: a small seeded PRNG, uniform in [0, 1). */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The seed of this run: RANDOM_SEED replays one. */
export function runSeed(): number {
  const given = process.env['RANDOM_SEED'];
  return given !== undefined && given !== '' ? Number(given) >>> 0 : (Math.random() * 2 ** 32) >>> 0;
}
