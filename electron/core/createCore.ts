import { hostname } from 'node:os';
import { join } from 'node:path';
import { createDispatch, type Dispatch, type Handlers } from '../../shared/ipc/dispatch.ts';
import { IpcError } from '../../shared/ipc/errors.ts';
import type { ConnectionState } from '../../shared/ipc/events.ts';
import { BlobCache } from './blobs/BlobCache.ts';
import { DocumentFetcher } from './blobs/DocumentFetcher.ts';
import { DEFAULT_FETCHER_TUNING, type FetcherTuning } from './blobs/FetcherTuning.ts';
import { DocumentService } from './blobs/DocumentService.ts';
import { FieldCipher } from './crypto/FieldCipher.ts';
import { fileKeySealer } from './crypto/fileKeySealer.ts';
import type { KeySealer } from './crypto/KeySealer.ts';
import { EventHub } from './events/EventHub.ts';
import { createWriteFeatures } from './features/createWriteFeatures.ts';
import { CredentialStore } from './opinions/CredentialStore.ts';
import { evidenceHandlers } from './opinions/evidenceHandlers.ts';
import { ballotAdminHandlers } from './opinions/ballotAdminHandlers.ts';
import { opinionHandlers } from './opinions/opinionHandlers.ts';
import { paperHandlers } from './papers/paperHandlers.ts';
import { OpinionService } from './opinions/OpinionService.ts';
import { DEFAULT_PUSH_TUNING, type PushTuning } from './outbox/PushTuning.ts';
import { openExternalSafely, type ExternalOpener } from './external/externalUrlPolicy.ts';
import type { Logger } from './log/logger.ts';
import { MeetingQueries } from './meetings/MeetingQueries.ts';
import { ensureDeviceIdentity } from './session/deviceIdentity.ts';
import type { FetchLike } from './session/requestLogin.ts';
import { ServerClock } from './session/ServerClock.ts';
import { SessionService } from './session/SessionService.ts';
import { SessionStore } from './session/SessionStore.ts';
import type { SettingsBackend } from './settings/SettingsBackend.ts';
import { SettingsService } from './settings/SettingsService.ts';
import { openDatabase } from './store/openDatabase.ts';
import { ReplicaOwner } from './store/ReplicaOwner.ts';
import { ReplicaReader } from './store/ReplicaReader.ts';
import { ReadingPositionStore } from './reader/ReadingPositionStore.ts';
import { applyChanges } from './sync/applyChanges.ts';
import { defaultSocketFactory, type SocketFactory } from './sync/SocketFactory.ts';
import { SyncEngine } from './sync/SyncEngine.ts';
import { DEFAULT_SYNC_TUNING, type SyncTuning } from './sync/SyncTuning.ts';

/** Epoch-ms clock; tests pass a fake one. */
export interface Clock {
  now(): number;
}

/** Everything the core needs from its host, passed in so the core never imports Electron. */
export interface CoreOptions {
  /** Directory for this installation's data (user-data dir in Electron, a temp dir in tests). */
  dataDir: string;
  settingsBackend: SettingsBackend;
  host: 'electron' | 'web';
  version: string;
  platform: string;
  external: ExternalOpener;
  log: Logger;
  /**
   * Seals the data key. Required for host 'electron' (the shell passes its safeStorage
   * adapter); for host 'web' it defaults to `fileKeySealer(dataDir)`, a development mode.
   */
  keySealer?: KeySealer;
  /** HTTP client (login, logout, blobs). Default: the global fetch. */
  fetch?: FetchLike;
  /** Default: Date.now. */
  clock?: Clock;
  /** Default: socket.io-client `io`. */
  socketFactory?: SocketFactory;
  /** Shown to administrators next to the device id. Default: the OS host name. */
  deviceName?: string;
  /** Timing and limits of the sync engine and the downloader (tests shorten them). */
  tuning?: {
    sync?: Partial<SyncTuning>;
    fetcher?: Partial<FetcherTuning>;
    push?: Partial<PushTuning>;
    blobChunkSizeLog2?: number;
    loginTimeoutMs?: number;
  };
}

export interface Core {
  readonly dispatch: Dispatch;
  readonly events: EventHub;
  readonly settings: SettingsService;
  readonly deviceId: string;
  connectionState(): ConnectionState;
  /** Resolves when the outbox push running now (if any) has ended (tests). */
  pushIdle(): Promise<void>;
  close(): Promise<void>;
}

/** The composition root of the client core: builds every service and the IPC handlers. */
export function createCore(options: CoreOptions): Core {
  const { log } = options;
  const clock: Clock = options.clock ?? { now: () => Date.now() };
  const fetchImpl: FetchLike = options.fetch ?? ((input, init) => fetch(input, init));
  const events = new EventHub();
  const settings = new SettingsService(options.settingsBackend, events, log);
  const sealer = resolveKeySealer(options);
  if (!sealer.isSecure)
    log.warn('no secure key store: papers will not be cached on disk (read online only)');

  // 1. Local store and device identity (device id + sealed data key).
  const db = openDatabase(options.dataDir);
  const identity = ensureDeviceIdentity(db, sealer, log);
  const cipher = new FieldCipher(identity.dataKey);
  const owner = new ReplicaOwner(db);
  const sessionStore = new SessionStore(db, cipher, log);
  const cache = new BlobCache({
    dataDir: options.dataDir,
    db,
    dataKey: identity.dataKey,
    enabled: sealer.isSecure,
    log,
    chunkSizeLog2: options.tuning?.blobChunkSizeLog2,
  });
  if (identity.keyReplaced) {
    owner.wipe();
    sessionStore.clear();
    cache.removeAll();
  }
  // 2. Start-up repair: orphan blob files of a crash between a tombstone's commit and its deletes.
  cache.sweep();
  const reader = new ReplicaReader(db, cipher, log);
  const serverClock = new ServerClock(db, () => clock.now());

  // 3. Session, downloads, sync.
  let fetcher: DocumentFetcher | null = null;
  let engine: SyncEngine | null = null;
  const sessions = new SessionService({
    store: sessionStore,
    settings,
    events,
    fetch: fetchImpl,
    deviceId: identity.deviceId,
    deviceName: options.deviceName ?? hostname(),
    log,
    loginTimeoutMs: options.tuning?.loginTimeoutMs,
    onServerTime: (serverMs) => serverClock.observe(serverMs),
    claimReplica: (userId, serverUrl) => {
      // A socket still open with the previous token must not pull into the claimed replica;
      // the login's session:changed starts the engine again with the new token.
      void engine?.stop();
      const waiting = writes.outbox.counts();
      if (!owner.claim(userId, serverUrl)) return;
      if (waiting.pending + waiting.rejected > 0)
        log.warn('unsent local changes of the previous user discarded with the replica', waiting);
      void fetcher?.cancelAll();
      cache.removeAll();
      documents.forgetRecent();
      engine?.forgetLastSync();
      log.info('replica wiped for a different user or server');
    },
  });
  const endSession = (reason: 'expired' | 'revoked'): void => sessions.end(reason);
  // 4. The outbox and what members write (comments, positions, votes), pushed over the sync socket.
  const writes = createWriteFeatures({
    db,
    cipher,
    log,
    events,
    reader,
    replicaUser: () => sessions.replicaUser(),
    activeUserId: () => sessions.active()?.user.id ?? null,
    now: () => clock.now(),
    serverNow: () => serverClock.now(),
    cursor: () => owner.cursor(),
    connectedSocket: () => engine?.connectedSocket() ?? null,
    requestPull: () => void engine?.requestPull(),
    onAuthFailure: endSession,
    pushTuning: { ...DEFAULT_PUSH_TUNING, ...options.tuning?.push },
  });
  fetcher = new DocumentFetcher({
    cache,
    fetch: fetchImpl,
    credentials: () => sessions.active(),
    onAuthFailure: endSession,
    emitProgress: (progress) => events.emit('download:progress', progress),
    now: () => clock.now(),
    log,
    tuning: { ...DEFAULT_FETCHER_TUNING, ...options.tuning?.fetcher },
  });
  const downloads = fetcher;
  const documents = new DocumentService({
    db,
    reader,
    cache,
    fetcher: downloads,
    isOnline: () => sessions.active() !== null && engine?.connection().state === 'online',
    canDownload: () => sessions.active() !== null,
    now: () => clock.now(),
    log,
  });
  const meetings = new MeetingQueries(db, reader, (sha, size) =>
    documents.downloadState(sha, size),
  );
  engine = new SyncEngine({
    socketFactory: options.socketFactory ?? defaultSocketFactory,
    credentials: () => {
      const active = sessions.active();
      return active
        ? { serverUrl: active.serverUrl, token: active.token, deviceId: identity.deviceId }
        : null;
    },
    cursor: () => owner.cursor(),
    applyPage: (page) => {
      const result = applyChanges(db, cipher, page.changes, page.cursor, log);
      // Committed. What follows must not make the engine think the page failed.
      try {
        // Files of released blobs go now; a crash before this is repaired by sweep() at start.
        for (const sha of result.releasedBlobs) downloads.cancel(sha);
        cache
          .removeFiles(result.releasedBlobs)
          .catch((error: unknown) =>
            log.warn('could not delete released blob files', { error: String(error) }),
          );
        if (page.changes.length > 0)
          events.emit('sync:applied', { entities: result.entities, cursor: page.cursor });
        documents.topUp(result.upsertedMeetings);
      } catch (error) {
        log.error('after-apply step failed', { error: String(error) });
      }
    },
    markSynced: () => {
      const now = clock.now();
      owner.markSynced(now);
      try {
        writes.pullCompleted();
      } catch (error) {
        log.error('clearing echoed local changes failed', { error: String(error) });
      }
      return now;
    },
    onPullStart: () => writes.pullStarted(),
    onOnline: (connection) => writes.pusher.online(connection),
    onOffline: () => writes.pusher.offline(),
    onProtocolRefused: () => writes.pusher.protocolRefused(),
    lastSyncedAt: () => owner.lastSyncedAt(),
    onAuthFailure: endSession,
    onState: (state) => events.emit('connection:state', state),
    log,
    tuning: { ...DEFAULT_SYNC_TUNING, ...options.tuning?.sync },
  });
  const sync = engine;

  const startIfSignedIn = (): void => {
    const active = sessions.active();
    if (!active || settings.get().serverUrl === '') return;
    sync.start();
    documents.topUp();
  };
  const unsubscribers = [
    events.on('session:changed', ({ user }) => {
      if (user) {
        startIfSignedIn();
        return;
      }
      void sync.stop();
      void downloads.cancelAll();
    }),
    // A session belongs to one server: pointing the app elsewhere signs out of the old one.
    events.on('settings:changed', ({ serverUrl }) => {
      const active = sessions.active();
      if (active && active.serverUrl !== serverUrl) sessions.end('logout');
    }),
  ];
  const startup = sessions.active();
  if (startup && startup.serverUrl !== settings.get().serverUrl) sessions.end('logout');
  startIfSignedIn();

  const requireReader = (): void => {
    if (!sessions.replicaUser())
      throw new IpcError('NOT_LOGGED_IN', 'sign in to read the papers on this device');
  };

  // 5. Written opinions: the signing certificate sealed at rest, ballots and signed answers.
  const credentials = new CredentialStore({ db, sealer, now: () => clock.now() });
  const opinions = new OpinionService({
    db,
    cipher,
    log,
    ctx: writes.context,
    credentials,
    deviceId: identity.deviceId,
    now: () => clock.now(),
  });

  // 6. Where each member left each paper (per user, in the local store).
  const positions = new ReadingPositionStore(db, log);

  const handlers: Handlers = {
    'app:info': () => ({
      version: options.version,
      host: options.host,
      platform: options.platform,
    }),
    'settings:get': () => settings.get(),
    'settings:set': (patch) => settings.set(patch),
    'shell:openExternal': async ({ url }) => ({
      opened: await openExternalSafely(url, options.external),
    }),
    'session:get': () => ({ ...sessions.snapshot(), offlineCacheAvailable: cache.enabled }),
    'session:login': async ({ username, password }) => ({
      user: await sessions.login(username, password),
    }),
    'session:logout': () => {
      sessions.logout();
      return {};
    },
    'meetings:list': () => {
      requireReader();
      return { meetings: meetings.list() };
    },
    'meetings:get': ({ meetingId }) => {
      requireReader();
      return meetings.get(meetingId);
    },
    ...paperHandlers({
      requireReader,
      userId: () => writes.context.user().id,
      documents,
      positions,
      annotations: writes.annotations,
      dataDir: options.dataDir,
      now: () => clock.now(),
    }),
    'sync:now': () => ({ started: sync.requestPull() }),
    'connection:get': () => sync.connection(),
    ...writes.handlers,
    ...opinionHandlers({ ctx: writes.context, credentials, opinions }),
    ...ballotAdminHandlers({
      db,
      cipher,
      log,
      ctx: writes.context,
      fetch: fetchImpl,
      session: () => sessions.active(),
      onAuthFailure: endSession,
      requestPull: () => void sync.requestPull(),
    }),
    ...evidenceHandlers({
      fetch: fetchImpl,
      session: () => sessions.active(),
      user: () => writes.context.user(),
      openCredential: (password) => credentials.open(password),
      exportDir: join(options.dataDir, 'exports'),
      now: () => clock.now(),
      onProgress: (progress) => events.emit('evidence:progress', progress),
    }),
  };

  const dispatch = createDispatch(handlers, {
    onUnexpectedError: (channel, error) =>
      log.error('ipc handler failed', { channel, error: String(error) }),
  });

  let closing: Promise<void> | null = null;
  return {
    dispatch,
    events,
    settings,
    deviceId: identity.deviceId,
    connectionState: () => sync.connection(),
    pushIdle: () => writes.pusher.idle(),
    close: () => {
      closing ??= (async () => {
        for (const unsubscribe of unsubscribers) unsubscribe();
        await sync.stop();
        await writes.pusher.stop();
        await downloads.close();
        db.close();
      })();
      return closing;
    },
  };
}

function resolveKeySealer(options: CoreOptions): KeySealer {
  if (options.keySealer) return options.keySealer;
  if (options.host === 'web') {
    options.log.warn('no key sealer given: using the development file sealer (browser mode only)');
    return fileKeySealer(options.dataDir);
  }
  throw new Error('createCore: the Electron host must pass keySealer (safeStorage)');
}
