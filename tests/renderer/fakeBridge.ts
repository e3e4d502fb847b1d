import {
  settingsPatchSchema,
  settingsSchema,
  DEFAULT_SETTINGS,
  type Settings,
} from '../../shared/domain/settings.ts';
import type { MeetingDetail } from '../../shared/domain/offline.ts';
import type { User } from '../../shared/domain/user.ts';
import type { EcabinetBridge } from '../../shared/ipc/bridge.ts';
import type { Channel, EventName } from '../../shared/ipc/channels.ts';
import type { ConnectionState } from '../../shared/ipc/events.ts';
import { summaryOf, uuid } from './fixtures.ts';
import { createFakeWriteCore, type FakeWriteCore } from './fakeWriteCore.ts';

/** A fake handler: returns exactly what crosses the bridge, possibly malformed on purpose. */
export type FakeHandler = (input: unknown) => unknown;

/** What the fake core holds besides settings. Every field is mutable by the test. */
export interface FakeCoreState {
  /** Who is signed in; null: nobody (the login screen shows). */
  user: User | null;
  /** The one username/password pair `session:login` accepts; it signs in as `loginAs`. */
  credentials: { username: string; password: string };
  loginAs: User | null;
  offlineCacheAvailable: boolean;
  /** Meetings on the device; `meetings:list` and `meetings:get` answer from these. */
  meetings: MeetingDetail[];
  /** base64 of each readable document by id; others answer NOT_CACHED. */
  documents: Record<string, string>;
  connection: ConnectionState;
  /** Reading positions the core keeps, by `${userId}:${documentId}` (readingPositions:*). */
  readingPositions: Record<string, { sha256: string; position: unknown }>;
}

export interface FakeBridge extends EcabinetBridge {
  /** Every invoke, in order. */
  readonly calls: Array<{ channel: Channel; input: unknown }>;
  /** The settings the fake core holds. */
  settings: Settings;
  readonly core: FakeCoreState;
  /** Comments, positions, votes and the outbox (fakeWriteCore.ts): state and ack/refusal helpers. */
  readonly write: FakeWriteCore;
  /** Replaces the answer of one channel (until replaced again or cleared with undefined). */
  override(channel: Channel, handler: FakeHandler | undefined): void;
  /** Pushes an event to every listener, as the host would. */
  emit(event: EventName, payload: unknown): void;
  listenerCount(event: EventName): number;
  /** Calls made on `channel`, in order. */
  callsTo(channel: Channel): unknown[];
}

const fail = (code: string, message = ''): unknown => ({ ok: false, error: { code, message } });

/**
 * A stand-in for `window.ecabinet` that behaves like the core:
 * - settings: `settings:get` returns the stored value, `settings:set` validates the patch with
 *   the shared schema, stores it, emits `settings:changed` and returns the result;
 * - session: `session:get`, `session:login` (accepts `core.credentials`, emits
 *   `session:changed`), `session:logout`;
 * - meetings and papers from `core` (reads need a signed-in user: NOT_LOGGED_IN otherwise);
 * - `sync:now` starts, `connection:get` answers `core.connection`;
 * - comments, positions, votes and the outbox through `write` (fakeWriteCore.ts).
 */
export function createFakeBridge(
  initial: Partial<Settings> = {},
  state: Partial<FakeCoreState> = {},
): FakeBridge {
  const listeners = new Map<EventName, Set<(payload: unknown) => void>>();
  const overrides = new Map<Channel, FakeHandler>();
  const calls: Array<{ channel: Channel; input: unknown }> = [];
  const core: FakeCoreState = {
    user: null,
    credentials: { username: 'bt.taichinh', password: 'đúng-mật-khẩu' },
    loginAs: null,
    offlineCacheAvailable: true,
    meetings: [],
    documents: {},
    connection: { state: 'online', lastSyncedAt: null },
    readingPositions: {},
    ...state,
  };

  function emit(event: EventName, payload: unknown): void {
    for (const listener of [...(listeners.get(event) ?? [])]) listener(payload);
  }

  const write = createFakeWriteCore({
    user: () => core.user,
    meetings: () => core.meetings,
    connection: () => core.connection,
    emit,
  });

  function field(input: unknown, key: string): unknown {
    return typeof input === 'object' && input !== null
      ? (input as Record<string, unknown>)[key]
      : undefined;
  }

  function handle(channel: Channel, input: unknown): unknown {
    switch (channel) {
      case 'settings:get':
        return { ok: true, value: fake.settings };
      case 'settings:set': {
        const patch = settingsPatchSchema.safeParse(input);
        if (!patch.success) return fail('INVALID_INPUT', patch.error.message);
        const defined = Object.fromEntries(
          Object.entries(patch.data).filter(([, v]) => v !== undefined),
        );
        fake.settings = settingsSchema.parse({ ...fake.settings, ...defined });
        emit('settings:changed', fake.settings);
        return { ok: true, value: fake.settings };
      }
      case 'session:get':
        return {
          ok: true,
          value: {
            user: core.user,
            serverUrl: fake.settings.serverUrl,
            deviceId: uuid(999),
            offlineCacheAvailable: core.offlineCacheAvailable,
          },
        };
      case 'session:login': {
        if (fake.settings.serverUrl === '') return fail('NO_SERVER_CONFIGURED');
        const user = core.loginAs;
        if (
          !user ||
          field(input, 'username') !== core.credentials.username ||
          field(input, 'password') !== core.credentials.password
        )
          return fail('INVALID_CREDENTIALS');
        core.user = user;
        emit('session:changed', { user, reason: 'login' });
        return { ok: true, value: { user } };
      }
      case 'session:logout':
        core.user = null;
        emit('session:changed', { user: null, reason: 'logout' });
        return { ok: true, value: {} };
      case 'meetings:list':
        if (!core.user) return fail('NOT_LOGGED_IN');
        return { ok: true, value: { meetings: core.meetings.map(summaryOf) } };
      case 'meetings:get': {
        if (!core.user) return fail('NOT_LOGGED_IN');
        const found = core.meetings.find((m) => m.meeting.id === field(input, 'meetingId'));
        return found ? { ok: true, value: found } : fail('NOT_FOUND');
      }
      case 'documents:download': {
        if (!core.user) return fail('NOT_LOGGED_IN');
        const found = core.meetings.find((m) => m.meeting.id === field(input, 'meetingId'));
        if (!found) return fail('NOT_FOUND');
        const papers = [...found.items.flatMap((e) => e.papers), ...found.otherPapers];
        return {
          ok: true,
          value: {
            queued: papers.filter((p) => p.version && p.download.state !== 'complete').length,
          },
        };
      }
      case 'documents:read': {
        if (!core.user) return fail('NOT_LOGGED_IN');
        const id = field(input, 'documentId');
        const base64 = typeof id === 'string' ? core.documents[id] : undefined;
        if (base64 === undefined) return fail('NOT_CACHED');
        return {
          ok: true,
          value: { sha256: 'a'.repeat(64), version: 1, base64, copyAllowed: true },
        };
      }
      case 'readingPositions:get':
      case 'readingPositions:set': {
        if (!core.user) return fail('NOT_LOGGED_IN');
        const key = `${core.user.id}:${String(field(input, 'documentId'))}`;
        const sha256 = field(input, 'sha256');
        if (channel === 'readingPositions:set') {
          core.readingPositions[key] = {
            sha256: String(sha256),
            position: field(input, 'position'),
          };
          return { ok: true, value: {} };
        }
        const kept = core.readingPositions[key];
        const same = kept !== undefined && (sha256 === undefined || kept.sha256 === sha256);
        return {
          ok: true,
          value: { position: same ? kept.position : null, sha256: kept?.sha256 ?? null },
        };
      }
      case 'sync:now':
        return { ok: true, value: { started: true } };
      case 'connection:get':
        return { ok: true, value: core.connection };
      default:
        return write.handle(channel, input) ?? fail('NOT_AVAILABLE', `${channel} not faked`);
    }
  }

  const fake: FakeBridge = {
    env: { host: 'web', platform: 'test' },
    calls,
    core,
    write,
    settings: { ...DEFAULT_SETTINGS, ...initial },
    // Always asynchronous, like the real hosts: answers arrive after the caller yields.
    invoke: ((channel: Channel, input: unknown) => {
      calls.push({ channel, input });
      const handler = overrides.get(channel);
      return Promise.resolve().then(() => (handler ? handler(input) : handle(channel, input)));
    }) as EcabinetBridge['invoke'],
    on: ((event: EventName, listener: (payload: unknown) => void) => {
      let set = listeners.get(event);
      if (!set) {
        set = new Set();
        listeners.set(event, set);
      }
      set.add(listener);
      return () => set.delete(listener);
    }) as EcabinetBridge['on'],
    override(channel, handler) {
      if (handler) overrides.set(channel, handler);
      else overrides.delete(channel);
    },
    emit,
    listenerCount: (event) => listeners.get(event)?.size ?? 0,
    callsTo: (channel) =>
      calls.filter((call) => call.channel === channel).map((call) => call.input),
  };
  return fake;
}
