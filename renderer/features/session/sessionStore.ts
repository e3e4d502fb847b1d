import { create } from 'zustand';
import type { User } from '../../../shared/domain/user.ts';
import type { EventPayload } from '../../../shared/ipc/events.ts';
import type { IpcErrorCode } from '../../../shared/ipc/errors.ts';
import { invoke, type IpcResult } from '../../ipc/invoke.ts';
import { subscribe } from '../../ipc/subscribe.ts';

export type SessionLoadStatus = 'idle' | 'loading' | 'ready' | 'failed';

/** Why the last session ended without the user asking: the login screen says so. */
export type SessionEndReason = 'expired' | 'revoked';

export interface SessionState {
  /** The signed-in user as the core reported it; null when nobody is signed in. */
  user: User | null;
  /** False when the OS has no secret store: papers are then never cached on disk. */
  offlineCacheAvailable: boolean;
  loadStatus: SessionLoadStatus;
  /** Why the last `session:get` failed; null unless `loadStatus` is 'failed'. */
  loadError: IpcErrorCode | null;
  /** Set when the server ended the session; cleared by the next login. */
  endedReason: SessionEndReason | null;
  /** Asks the core who is signed in (`session:get`). */
  load: () => Promise<void>;
  /** Signs in through the core; on success the user is stored here at once. */
  login: (username: string, password: string) => Promise<IpcResult<'session:login'>>;
  /** Signs out through the core. */
  logout: () => Promise<IpcResult<'session:logout'>>;
}

/**
 * Counts every session value accepted from the core, so a slow `session:get` answer never
 * overwrites a newer login, logout or `session:changed`.
 */
let generation = 0;

/**
 * Who is signed in on this device. Holds only what the core returned or announced; the
 * password never enters this store (it goes straight from the form to `session:login`).
 */
export const useSessionStore = create<SessionState>()((set) => ({
  user: null,
  offlineCacheAvailable: true,
  loadStatus: 'idle',
  loadError: null,
  endedReason: null,

  async load() {
    const started = generation;
    set((state) =>
      state.loadStatus === 'ready' ? {} : { loadStatus: 'loading', loadError: null },
    );
    const result = await invoke('session:get', {});
    if (generation !== started) return;
    generation += 1;
    if (result.ok)
      set({
        user: result.value.user,
        offlineCacheAvailable: result.value.offlineCacheAvailable,
        loadStatus: 'ready',
        loadError: null,
      });
    else
      set((state) =>
        state.loadStatus === 'ready' ? {} : { loadStatus: 'failed', loadError: result.error.code },
      );
  },

  async login(username, password) {
    const result = await invoke('session:login', { username, password });
    if (result.ok) acceptUser(result.value.user, null);
    return result;
  },

  async logout() {
    const result = await invoke('session:logout', {});
    if (result.ok) acceptUser(null, null);
    return result;
  },
}));

function acceptUser(user: User | null, endedReason: SessionEndReason | null): void {
  generation += 1;
  useSessionStore.setState({ user, endedReason, loadStatus: 'ready', loadError: null });
}

function onSessionChanged({ user, reason }: EventPayload<'session:changed'>): void {
  acceptUser(user, user === null && (reason === 'expired' || reason === 'revoked') ? reason : null);
}

/**
 * Asks who is signed in and follows `session:changed` until the returned function is called.
 * The subscription starts before the load, so no change can fall between the two.
 */
export function startSessionSync(): () => void {
  const unsubscribe = subscribe('session:changed', onSessionChanged);
  void useSessionStore.getState().load();
  return unsubscribe;
}
