import type { User } from '../../../shared/domain/user.ts';
import { IpcError } from '../../../shared/ipc/errors.ts';
import { ROUTES } from '../../../shared/protocol/http.ts';
import { PROTOCOL_VERSION } from '../../../shared/protocol/version.ts';
import type { EventHub } from '../events/EventHub.ts';
import type { Logger } from '../log/logger.ts';
import type { SettingsService } from '../settings/SettingsService.ts';
import { requestLogin, type FetchLike } from './requestLogin.ts';
import type { SessionStore, StoredSession } from './SessionStore.ts';

/** Credentials the sync engine and the fetcher use while a session is active. */
export interface ActiveSession {
  user: User;
  serverUrl: string;
  token: string;
}

export interface SessionServiceDeps {
  store: SessionStore;
  settings: SettingsService;
  events: EventHub;
  fetch: FetchLike;
  deviceId: string;
  deviceName: string;
  log: Logger;
  /** Called after a successful login, before it is announced: claims (maybe wipes) the replica. */
  claimReplica: (userId: string, serverUrl: string) => void;
  /** The server's time in the login answer, epoch ms (after the replica was claimed). */
  onServerTime?: (serverMs: number) => void;
  loginTimeoutMs?: number;
}

/** How long logout waits for the server to revoke the token before giving up, ms. */
const LOGOUT_TIMEOUT_MS = 3000;

/**
 * Who is signed in. A session ends on logout, or when the server reports the token expired or
 * revoked (socket connect_error, HTTP 401): then `session:changed {user: null, reason}` is
 * emitted and the UI returns to the login screen, while the replica and the encrypted cache stay
 * readable for that same user (`replicaUser`) until someone else signs in.
 */
export class SessionService {
  private readonly deps: SessionServiceDeps;
  private current: StoredSession | null;

  constructor(deps: SessionServiceDeps) {
    this.deps = deps;
    this.current = deps.store.load();
  }

  /** The active session with its token, or null. */
  active(): ActiveSession | null {
    const s = this.current;
    if (!s || s.endedReason !== null || s.token === null) return null;
    return { user: s.user, serverUrl: s.serverUrl, token: s.token };
  }

  /**
   * The user whose replica may be read: the signed-in user, or the last one whose session was
   * ended by the server (expired/revoked). After an explicit logout nobody: the next person at
   * the device must sign in.
   */
  replicaUser(): User | null {
    const s = this.current;
    if (!s || s.endedReason === 'logout') return null;
    return s.user;
  }

  snapshot(): { user: User | null; serverUrl: string; deviceId: string } {
    const active = this.active();
    return {
      user: active?.user ?? null,
      serverUrl: active?.serverUrl ?? this.deps.settings.get().serverUrl,
      deviceId: this.deps.deviceId,
    };
  }

  async login(username: string, password: string): Promise<User> {
    const serverUrl = this.deps.settings.get().serverUrl;
    if (serverUrl === '') throw new IpcError('NO_SERVER_CONFIGURED', 'no server URL in settings');
    const response = await requestLogin(
      this.deps.fetch,
      serverUrl,
      {
        username,
        password,
        deviceId: this.deps.deviceId,
        deviceName: this.deps.deviceName,
        protocolVersion: PROTOCOL_VERSION,
      },
      this.deps.loginTimeoutMs,
    );
    this.deps.claimReplica(response.user.id, serverUrl);
    this.deps.onServerTime?.(Date.parse(response.serverTime));
    this.deps.store.save({
      user: response.user,
      serverUrl,
      token: response.token,
      expiresAt: response.expiresAt,
    });
    this.current = this.deps.store.load();
    this.deps.log.info('signed in', { userId: response.user.id });
    this.deps.events.emit('session:changed', { user: response.user, reason: 'login' });
    return response.user;
  }

  /**
   * Signs out locally at once; asks the server to revoke the token without waiting for it
   * (offline, the token simply stays valid on the server until it expires; it is gone here).
   */
  logout(): void {
    const active = this.active();
    if (!this.current) return;
    this.end('logout');
    if (!active) return;
    this.deps
      .fetch(`${active.serverUrl}${ROUTES.logout}`, {
        method: 'POST',
        headers: { authorization: `Bearer ${active.token}` },
        signal: AbortSignal.timeout(LOGOUT_TIMEOUT_MS),
      })
      .then((response) => response.body?.cancel())
      .catch(() => {});
  }

  /** Ends the active session (idempotent: only the first report of a dead token counts). */
  end(reason: 'logout' | 'expired' | 'revoked'): void {
    if (!this.current || this.current.endedReason !== null) {
      if (reason === 'logout' && this.current) {
        // Turning an expired session into a logout: nobody may read the replica now.
        this.deps.store.end('logout');
        this.current = { ...this.current, endedReason: 'logout', token: null };
      }
      return;
    }
    this.deps.store.end(reason);
    this.current = { ...this.current, endedReason: reason, token: null };
    this.deps.log.info('session ended', { reason });
    this.deps.events.emit('session:changed', { user: null, reason });
  }
}
