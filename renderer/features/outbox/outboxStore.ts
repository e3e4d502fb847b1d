import { create } from 'zustand';
import type { OutboxCounts, OutboxStatus } from '../../../shared/domain/views.ts';
import type { IpcErrorCode } from '../../../shared/ipc/errors.ts';
import { invoke, type IpcResult } from '../../ipc/invoke.ts';
import { subscribe } from '../../ipc/subscribe.ts';

export interface OutboxState {
  /** The latest counts the core announced or returned; null before the first. */
  counts: OutboxCounts | null;
  /** The full status (`outbox:status`): refused changes, last push; null until loaded. */
  status: OutboxStatus | null;
  /** Why the last `outbox:status` failed; null once one succeeded. */
  loadError: IpcErrorCode | null;
  /** Asks for the status (coalesced: one in flight, one more after it at most). */
  load: () => Promise<void>;
  /** Forgets a refused change (`outbox:dismiss`); the status it returns replaces ours. */
  dismiss: (mutationId: number) => Promise<IpcResult<'outbox:dismiss'>>;
}

function countsOf(status: OutboxStatus): OutboxCounts {
  return {
    pending: status.pending,
    rejected: status.rejected.length,
    updateRequired: status.updateRequired,
  };
}

/** Bumped by every reset (sign-out): answers to older requests are dropped. */
let epoch = 0;
/** Bumped by every `outbox:changed`: a status asked for before it has older counts. */
let announced = 0;
let inFlight: Promise<void> | null = null;
let again = false;

/**
 * The device's outbox as the sync panel shows it: changes waiting for the server, changes it
 * refused (with their reason, until dismissed) and whether the server wants a newer app.
 * Invariants: counts from an `outbox:changed` are never overwritten by an older status answer;
 * nothing is kept across users.
 */
export const useOutboxStore = create<OutboxState>()((set) => ({
  counts: null,
  status: null,
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
        const seen = announced;
        const result = await invoke('outbox:status', {});
        if (started !== epoch) continue;
        if (!result.ok) {
          set({ loadError: result.error.code });
          continue;
        }
        set({
          status: result.value,
          loadError: null,
          ...(seen === announced ? { counts: countsOf(result.value) } : {}),
        });
      } while (again);
    };
    inFlight = run().finally(() => {
      inFlight = null;
    });
    return inFlight;
  },

  async dismiss(mutationId) {
    const started = epoch;
    const seen = announced;
    const result = await invoke('outbox:dismiss', { mutationId });
    if (result.ok && started === epoch)
      set({
        status: result.value,
        ...(seen === announced ? { counts: countsOf(result.value) } : {}),
      });
    return result;
  },
}));

/** Forgets everything (sign-out) and any answer still on its way. */
export function resetOutbox(): void {
  epoch += 1;
  again = false;
  useOutboxStore.setState({ counts: null, status: null, loadError: null });
}

/**
 * Follows `outbox:changed` until the returned function is called: counts at once, and the full
 * status reloaded when one was loaded (the panel's list of refusals stays current). Forgets
 * everything on sign-out or a change of user.
 */
export function startOutboxSync(): () => void {
  const stops = [
    subscribe('outbox:changed', (counts) => {
      announced += 1;
      useOutboxStore.setState({ counts });
      // A status on screen, or on its way, would list older refusals: ask again.
      if (useOutboxStore.getState().status || inFlight) void useOutboxStore.getState().load();
    }),
    subscribe('session:changed', ({ user }) => {
      resetOutbox();
      if (user) void useOutboxStore.getState().load();
    }),
  ];
  return () => {
    for (const stop of stops) stop();
  };
}
