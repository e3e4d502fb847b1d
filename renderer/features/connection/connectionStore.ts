import { create } from 'zustand';
import type { ConnectionState } from '../../../shared/ipc/events.ts';
import { invoke } from '../../ipc/invoke.ts';
import { subscribe } from '../../ipc/subscribe.ts';

/**
 * What the indicator shows before the core has said anything: the core's own start state
 * (offline, never synced). `connection:get` then replaces it, and every `connection:state`
 * event after that.
 */
export const INITIAL_CONNECTION: ConnectionState = { state: 'offline', lastSyncedAt: null };

export interface ConnectionStore {
  connection: ConnectionState;
  /** False until the core has reported a state: the offline banner waits for a real answer. */
  known: boolean;
}

export const useConnectionStore = create<ConnectionStore>()(() => ({
  connection: INITIAL_CONNECTION,
  known: false,
}));

/** Counts accepted states, so a slow `connection:get` never overwrites a newer event. */
let generation = 0;

function accept(connection: ConnectionState): void {
  generation += 1;
  useConnectionStore.setState({ connection, known: true });
}

/**
 * Asks for the current state and follows `connection:state` until the returned function is
 * called. Subscribes first, so no change can fall between the question and the answer. A host
 * without `connection:get` leaves the initial state until the first event.
 */
export function startConnectionSync(): () => void {
  const unsubscribe = subscribe('connection:state', accept);
  const started = generation;
  void invoke('connection:get', {}).then((result) => {
    if (result.ok && generation === started) accept(result.value);
  });
  return unsubscribe;
}
