import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createCore, type Core, type CoreOptions } from '../../electron/core/createCore.ts';
import { fileKeySealer } from '../../electron/core/crypto/fileKeySealer.ts';
import type { KeySealer } from '../../electron/core/crypto/KeySealer.ts';
import { silentLogger, type Logger } from '../../electron/core/log/logger.ts';
import { confSettingsBackend } from '../../electron/core/settings/confSettingsBackend.ts';
import type { Channel, EventName } from '../../shared/ipc/channels.ts';
import type { ChannelInput, ChannelOutput } from '../../shared/ipc/contract.ts';
import type { EventPayload } from '../../shared/ipc/events.ts';

/** Fast timings so tests of reconnects, retries and throttling finish in well under a second. */
export const FAST_TUNING: NonNullable<CoreOptions['tuning']> = {
  sync: {
    periodicPullMs: 60_000,
    ackTimeoutMs: 5000,
    connectTimeoutMs: 3000,
    reconnect: { baseMs: 50, maxMs: 400 },
    pullRetry: { baseMs: 50, maxMs: 400 },
  },
  fetcher: {
    retryBackoff: { baseMs: 20, maxMs: 100 },
    stallTimeoutMs: 3000,
    progressIntervalMs: 100,
  },
  loginTimeoutMs: 3000,
};

export interface CoreHarness {
  readonly dir: string;
  core: Core;
  /** Calls a channel through the dispatcher; throws `CoreCallError` with the typed code on failure. */
  call<C extends Channel>(channel: C, input: ChannelInput<C>): Promise<ChannelOutput<C>>;
  /** The error code a call fails with (throws if it succeeds). */
  failCode<C extends Channel>(channel: C, input: ChannelInput<C>): Promise<string>;
  /** Closes the core and opens a new one on the same data directory (an app restart). */
  restart(overrides?: Partial<CoreOptions>): Promise<void>;
  events: { name: EventName; payload: unknown }[];
  waitFor<E extends EventName>(
    name: E,
    predicate?: (payload: EventPayload<E>) => boolean,
    timeoutMs?: number,
  ): Promise<EventPayload<E>>;
  dispose(): Promise<void>;
}

export class CoreCallError extends Error {
  readonly code: string;
  constructor(code: string, message: string) {
    super(`${code}: ${message}`);
    this.code = code;
  }
}

export interface HarnessOptions extends Partial<CoreOptions> {
  serverUrl?: string;
  sealer?: (dir: string) => KeySealer;
  log?: Logger;
}

export function startCore(options: HarnessOptions = {}): CoreHarness {
  const dir = mkdtempSync(join(tmpdir(), 'ecabinet-core-'));
  const events: { name: EventName; payload: unknown }[] = [];
  const waiters = new Set<() => void>();
  const open = (overrides: Partial<CoreOptions> = {}): Core => {
    const { serverUrl: _s, sealer, ...rest } = options;
    const core = createCore({
      dataDir: dir,
      settingsBackend: confSettingsBackend(dir),
      host: 'web',
      version: 'test',
      platform: process.platform,
      external: { confirm: () => Promise.resolve(false), open: () => Promise.resolve() },
      log: silentLogger,
      keySealer: (sealer ?? ((d: string) => fileKeySealer(join(d, 'keys'))))(dir),
      tuning: FAST_TUNING,
      ...rest,
      ...overrides,
    });
    core.events.onAny((name, payload) => {
      events.push({ name, payload });
      for (const wake of waiters) wake();
    });
    return core;
  };
  const harness: CoreHarness = {
    dir,
    core: open(),
    events,
    async call(channel, input) {
      const result = await harness.core.dispatch(channel, input);
      if (!result.ok) throw new CoreCallError(result.error.code, result.error.message);
      return result.value as never;
    },
    async failCode(channel, input) {
      const result = await harness.core.dispatch(channel, input);
      if (result.ok) throw new Error(`${channel} unexpectedly succeeded`);
      return result.error.code;
    },
    async restart(overrides) {
      await harness.core.close();
      harness.core = open(overrides);
    },
    waitFor(name, predicate = () => true, timeoutMs = 10_000) {
      const seen = events.length;
      return new Promise((resolve, reject) => {
        let index = 0;
        const check = (): void => {
          for (; index < events.length; index++) {
            const e = events[index];
            if (e && e.name === name && predicate(e.payload as never)) {
              cleanup();
              resolve(e.payload as never);
              return;
            }
          }
        };
        const timer = setTimeout(() => {
          cleanup();
          reject(new Error(`timed out waiting for ${name} (${events.length - seen} events since)`));
        }, timeoutMs);
        const cleanup = (): void => {
          clearTimeout(timer);
          waiters.delete(check);
        };
        index = seen;
        waiters.add(check);
        check();
      });
    },
    async dispose() {
      await harness.core.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
  if (options.serverUrl !== undefined) harness.core.settings.set({ serverUrl: options.serverUrl });
  return harness;
}

/** Polls `predicate` until true (or throws after `timeoutMs`). */
export async function eventually(
  predicate: () => boolean | Promise<boolean>,
  timeoutMs = 10_000,
  stepMs = 20,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await predicate())) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, stepMs));
  }
}

/** Who logs in on a core: a test account's username and password. */
export interface CoreCredentials {
  user: { username: string };
  password: string;
}

/** Logs `account` in on `core` and waits until the device is online and has synced once. */
export async function signInCore(
  core: CoreHarness,
  account: CoreCredentials,
): Promise<CoreHarness> {
  await core.call('session:login', { username: account.user.username, password: account.password });
  await core.waitFor('connection:state', (s) => s.state === 'online' && s.lastSyncedAt !== null);
  return core;
}

/** A new core (added to `cores`, which the caller disposes) with `account` signed in. */
export function startSignedIn(
  cores: CoreHarness[],
  options: HarnessOptions,
  account: CoreCredentials,
): Promise<CoreHarness> {
  const core = startCore(options);
  cores.push(core);
  return signInCore(core, account);
}
