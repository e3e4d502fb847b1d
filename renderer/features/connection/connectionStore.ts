import { create } from 'zustand';
import type { ConnectionState } from '../../../shared/ipc/events.ts';
import { subscribe } from '../../ipc/subscribe.ts';

/**
 * What the indicator shows before the core has said anything: the core's own start state
 * (offline, never synced). The contract has no channel to ask for the current state, so the
 * first `connection:state` event replaces it.
 */
export const INITIAL_CONNECTION: ConnectionState = { state: 'offline', lastSyncedAt: null };

export interface ConnectionStore {
  connection: ConnectionState;
}

export const useConnectionStore = create<ConnectionStore>()(() => ({
  connection: INITIAL_CONNECTION,
}));

/** Follows `connection:state` until the returned function is called. */
export function startConnectionSync(): () => void {
  return subscribe('connection:state', (connection) => useConnectionStore.setState({ connection }));
}
