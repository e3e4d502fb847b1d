import type { ConnectionState } from '../../../shared/ipc/events.ts';
import type { News, PullResponse } from '../../../shared/protocol/socket.ts';
import { PROTOCOL_VERSION } from '../../../shared/protocol/version.ts';
import type { Logger } from '../log/logger.ts';
import { authRefusal } from './authRefusal.ts';
import { backoffDelay } from './backoff.ts';
import { inlinedPage } from './inlinedPage.ts';
import { requestPage } from './requestPage.ts';
import { openSyncSocket, type SyncSocket } from './openSyncSocket.ts';
import type { SocketFactory } from './SocketFactory.ts';
import type { SyncTuning } from './SyncTuning.ts';

export interface SyncEngineDeps {
  socketFactory: SocketFactory;
  /** The active credentials, or null when nobody is signed in (the engine then stops). */
  credentials: () => { serverUrl: string; token: string; deviceId: string } | null;
  /** The stored cursor. */
  cursor: () => number;
  /** Applies one validated page and its cursor atomically (applyChanges + post-commit work). */
  applyPage: (page: PullResponse) => void;
  /** A pull loop reached the end of the log: stores and returns the sync time, epoch ms. */
  markSynced: () => number;
  /** The stored time of the last completed sync (read once, at construction). */
  lastSyncedAt: () => number | null;
  /** The server refused the token. The engine has already stopped. */
  onAuthFailure: (reason: 'expired' | 'revoked') => void;
  onState: (state: ConnectionState) => void;
  /** The socket connected (the outbox pushes over it). */
  onOnline?: (connection: SyncSocket) => void;
  /** The socket announced by `onOnline` is gone. */
  onOffline?: () => void;
  /** The server refused this app's protocol version (connect_error PROTOCOL_UNSUPPORTED). */
  onProtocolRefused?: () => void;
  /** A pull loop is about to send its first request (the outbox's echo bookkeeping). */
  onPullStart?: () => void;
  log: Logger;
  tuning: SyncTuning;
}

/**
 * Down-sync over socket.io. One socket at a time, reconnected by this class (not by
 * socket.io) with capped exponential backoff and jitter. On connect, on each `news` hint
 * (coalesced: at most one extra loop however many arrive during a pull; a news carrying the
 * entries right after the cursor is applied without a pull, see onNews) and every
 * `periodicPullMs`, it pulls pages since the stored cursor until `hasMore` is false. A page that
 * fails validation or cannot be applied is logged and retried later; the cursor does not move.
 */
export class SyncEngine {
  private readonly deps: SyncEngineDeps;
  /** The current connection (attempt), or null. */
  private current: SyncSocket | null = null;
  /** `current` was announced through `onOnline` (and `onOffline` is owed when it goes). */
  private announced = false;
  private running = false;
  private reconnectAttempt = 0;
  private reconnectTimer: ReturnType<typeof setTimeout> | null = null;
  private periodicTimer: ReturnType<typeof setInterval> | null = null;
  private retryTimer: ReturnType<typeof setTimeout> | null = null;
  private pullFailures = 0;
  private pulling = false;
  private pullAgain = false;
  private state: ConnectionState['state'] = 'offline';
  /** Epoch ms of the last completed sync (cached from the store). */
  private lastSyncedAt: number | null;
  /** Resolves when the current pull loop ends (tests and close() wait on it). */
  private pullDone: Promise<void> = Promise.resolve();

  constructor(deps: SyncEngineDeps) {
    this.deps = deps;
    this.lastSyncedAt = deps.lastSyncedAt();
  }

  connection(): ConnectionState {
    return { state: this.state, lastSyncedAt: this.lastSyncedAt };
  }

  /** The connected socket, or null when offline. */
  connectedSocket(): SyncSocket | null {
    return this.current?.socket.connected ? this.current : null;
  }

  /** The replica was wiped (another user signed in): nothing has been synced yet. */
  forgetLastSync(): void {
    this.lastSyncedAt = null;
  }

  /** Starts connecting (no-op when already running or nobody is signed in). */
  start(): void {
    if (this.running) return;
    this.running = true;
    this.reconnectAttempt = 0;
    this.connect();
  }

  /** Closes the socket and every timer; waits for a pull in progress to finish. */
  async stop(): Promise<void> {
    this.running = false;
    this.clearTimers();
    this.dropSocket();
    this.setState('offline');
    await this.pullDone;
  }

  /**
   * "Sync now": pulls at once when connected; when disconnected, skips the backoff wait and
   * reconnects (the pull follows the connect). False when not running.
   */
  requestPull(): boolean {
    if (!this.running) return false;
    if (this.current?.socket.connected) {
      this.pull();
      return true;
    }
    if (this.reconnectTimer) {
      clearTimeout(this.reconnectTimer);
      this.reconnectTimer = null;
      this.connect();
    }
    return true;
  }

  private connect(): void {
    if (!this.running) return;
    const credentials = this.deps.credentials();
    if (!credentials) {
      void this.stop();
      return;
    }
    this.dropSocket();
    this.setState('connecting');
    const connection: SyncSocket = openSyncSocket(
      this.deps.socketFactory,
      credentials,
      this.deps.tuning.connectTimeoutMs,
      {
        onConnect: () => {
          this.reconnectAttempt = 0;
          this.setState('online');
          this.startPeriodic();
          this.pull();
          if (this.current) {
            this.announced = true;
            this.deps.onOnline?.(this.current);
          }
        },
        onConnectError: (code, message) => {
          const refusal = authRefusal(code);
          if (refusal) {
            this.authFailed(refusal);
            return;
          }
          const protocol = code === 'PROTOCOL_UNSUPPORTED';
          if (protocol) {
            this.deps.log.error('server refused the protocol version; retrying slowly', {
              version: PROTOCOL_VERSION,
            });
            this.deps.onProtocolRefused?.();
          } else this.deps.log.warn('connect failed', { code, message });
          this.scheduleReconnect(protocol);
        },
        onDisconnect: (reason) => {
          this.deps.log.info('disconnected', { reason });
          this.stopPeriodic();
          this.scheduleReconnect(false);
        },
        onNews: (news) => this.onNews(news),
      },
    );
    this.current = connection;
  }

  private scheduleReconnect(slow: boolean): void {
    this.dropSocket();
    if (!this.running) return;
    this.setState('offline');
    this.reconnectAttempt++;
    const policy = this.deps.tuning.reconnect;
    const delay = slow
      ? policy.maxMs
      : backoffDelay(this.reconnectAttempt, policy, this.deps.tuning.random);
    this.reconnectTimer = setTimeout(() => {
      this.reconnectTimer = null;
      this.connect();
    }, delay);
  }

  private authFailed(reason: 'expired' | 'revoked'): void {
    this.deps.log.warn('server refused the session', { reason });
    void this.stop();
    this.deps.onAuthFailure(reason);
  }

  /**
   * A `news` from the server. One carrying its commit's entries right after this device's
   * cursor (inlinedPage.ts) is applied through `applyPage` like a pulled page — entries and
   * cursor in one transaction — without a pull. Anything else pulls: a hint past the cursor, a
   * malformed news (null), a cursor that is not the news's `prevSeq`, a pull already running
   * (its loop goes round once more), or an apply that fails (nothing was stored).
   * It does not mark the replica synced: only a pull loop that reached the head does that (the
   * outbox forgets echoed changes then; a news may be older than an ack already received).
   */
  private onNews(news: News | null): void {
    const cursor = this.deps.cursor();
    if (news !== null && news.seq <= cursor) return;
    const page = news === null || this.pulling ? null : inlinedPage(news, cursor);
    if (page === null || !this.running || !this.current?.socket.connected) {
      this.pull();
      return;
    }
    try {
      this.deps.applyPage(page);
    } catch (error) {
      this.deps.log.error('news could not be applied; pulling instead', {
        cursor,
        seq: page.cursor,
        error: String(error),
      });
      this.pull();
    }
  }

  /** Starts a pull loop, or marks that one more is needed after the running one. */
  private pull(): void {
    if (this.pulling) {
      this.pullAgain = true;
      return;
    }
    this.pulling = true;
    this.pullDone = this.pullLoop().finally(() => {
      this.pulling = false;
    });
  }

  private async pullLoop(): Promise<void> {
    do {
      this.pullAgain = false;
      const connection = this.current;
      if (!connection?.socket.connected || !this.running) return;
      this.deps.onPullStart?.();
      const outcome = await this.pullToEnd(connection);
      if (outcome === 'failed') {
        this.scheduleRetry();
        return;
      }
      if (outcome === 'abandoned') return;
      this.pullFailures = 0;
      this.lastSyncedAt = this.deps.markSynced();
      this.setState('online', true);
    } while (this.pullAgain);
  }

  /** Pulls pages until `hasMore` is false. */
  private async pullToEnd(connection: SyncSocket): Promise<'done' | 'failed' | 'abandoned'> {
    const { pullLimit, ackTimeoutMs } = this.deps.tuning;
    for (;;) {
      const since = this.deps.cursor();
      const outcome = await requestPage(
        connection.socket,
        connection.gone,
        { since, limit: pullLimit },
        ackTimeoutMs,
      );
      if (outcome.kind === 'gone' || this.current !== connection || !this.running)
        return 'abandoned';
      switch (outcome.kind) {
        case 'no-answer':
          this.deps.log.warn('pull got no answer', { reason: outcome.reason });
          return 'failed';
        case 'auth-failed':
          this.authFailed(outcome.reason);
          return 'abandoned';
        case 'refused':
          this.deps.log.warn('pull refused', { code: outcome.code, message: outcome.message });
          return 'failed';
        case 'malformed':
          this.deps.log.warn('malformed page ignored; cursor not moved', {
            since,
            issues: outcome.issues,
          });
          return 'failed';
        case 'page':
          break;
      }
      const page = outcome.page;
      try {
        this.deps.applyPage(page);
      } catch (error) {
        this.deps.log.error('page could not be applied; cursor not moved', {
          since,
          error: String(error),
        });
        return 'failed';
      }
      if (!page.hasMore) return 'done';
      if (page.cursor <= since && page.changes.length === 0) {
        this.deps.log.warn('server said hasMore without progress; stopping this loop', { since });
        return 'done';
      }
    }
  }

  private scheduleRetry(): void {
    if (!this.running || this.retryTimer) return;
    this.pullFailures++;
    const delay = backoffDelay(
      this.pullFailures,
      this.deps.tuning.pullRetry,
      this.deps.tuning.random,
    );
    this.retryTimer = setTimeout(() => {
      this.retryTimer = null;
      this.pull();
    }, delay);
  }

  private startPeriodic(): void {
    this.stopPeriodic();
    this.periodicTimer = setInterval(() => this.pull(), this.deps.tuning.periodicPullMs);
  }

  private stopPeriodic(): void {
    if (this.periodicTimer) clearInterval(this.periodicTimer);
    this.periodicTimer = null;
  }

  private clearTimers(): void {
    this.stopPeriodic();
    if (this.reconnectTimer) clearTimeout(this.reconnectTimer);
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.reconnectTimer = null;
    this.retryTimer = null;
  }

  private dropSocket(): void {
    this.current?.drop();
    this.current = null;
    if (this.announced) {
      this.announced = false;
      this.deps.onOffline?.();
    }
  }

  private setState(state: ConnectionState['state'], force = false): void {
    if (this.state === state && !force) return;
    this.state = state;
    this.deps.onState(this.connection());
  }
}
