import { create } from 'zustand';
import type { MeetingSummary } from '../../../shared/domain/offline.ts';
import type { IpcErrorCode } from '../../../shared/ipc/errors.ts';
import { invoke } from '../../ipc/invoke.ts';
import { subscribe } from '../../ipc/subscribe.ts';

export type MeetingsLoadStatus = 'idle' | 'loading' | 'ready' | 'failed';

export interface MeetingsState {
  /** The meetings on this device as the core last listed them; null before the first answer. */
  meetings: MeetingSummary[] | null;
  loadStatus: MeetingsLoadStatus;
  /** Why the last load failed; null unless `loadStatus` is 'failed'. */
  loadError: IpcErrorCode | null;
  /** Lists the meetings (`meetings:list`). Concurrent calls coalesce (see `load`). */
  load: () => Promise<void>;
}

/** Bumped by every reset: an answer to a request made before it is dropped. */
let epoch = 0;
let inFlight: Promise<void> | null = null;
let again = false;

/**
 * The meetings list. Invariants: at most one `meetings:list` is in flight; a reload asked for
 * meanwhile runs once after it (so a burst of sync events costs two calls, not one per event);
 * an answer that arrives after a sign-out is dropped, so one user's list never shows to the next.
 */
export const useMeetingsStore = create<MeetingsState>()((set) => ({
  meetings: null,
  loadStatus: 'idle',
  loadError: null,

  load() {
    if (inFlight) {
      again = true;
      return inFlight;
    }
    const run = async (): Promise<void> => {
      do {
        again = false;
        const started = epoch;
        set((state) => (state.meetings ? {} : { loadStatus: 'loading', loadError: null }));
        const result = await invoke('meetings:list', {});
        // Reset meanwhile: drop this answer; a load asked for since then still runs.
        if (started !== epoch) continue;
        if (result.ok)
          set({ meetings: result.value.meetings, loadStatus: 'ready', loadError: null });
        else
          set((state) =>
            state.meetings ? {} : { loadStatus: 'failed', loadError: result.error.code },
          );
      } while (again);
    };
    inFlight = run().finally(() => {
      inFlight = null;
    });
    return inFlight;
  },
}));

/** Forgets the list (sign-out) and any answer still on its way. */
export function resetMeetings(): void {
  epoch += 1;
  again = false;
  useMeetingsStore.setState({ meetings: null, loadStatus: 'idle', loadError: null });
}

/**
 * Keeps the list current until the returned function is called: reloads after a pulled page
 * (`sync:applied`) or a finished download (the offline badge), and forgets it on sign-out.
 * Only a list that was loaded is reloaded; the screen loads it the first time.
 */
export function startMeetingsSync(): () => void {
  const reloadIfLoaded = (): void => {
    if (useMeetingsStore.getState().loadStatus !== 'idle') void useMeetingsStore.getState().load();
  };
  const stops = [
    subscribe('sync:applied', reloadIfLoaded),
    subscribe('download:progress', ({ download }) => {
      if (download.state === 'complete' || download.state === 'failed') reloadIfLoaded();
    }),
    subscribe('session:changed', ({ user }) => {
      // A list on screen (or on its way) reloads for the new user; nothing is kept across users.
      const wanted = useMeetingsStore.getState().loadStatus !== 'idle';
      resetMeetings();
      if (user && wanted) void useMeetingsStore.getState().load();
    }),
  ];
  return () => {
    for (const stop of stops) stop();
  };
}
