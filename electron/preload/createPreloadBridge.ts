import { isChannel, isEventName, type EventName } from '../../shared/ipc/channels.ts';
import type { BridgeEnv, EcabinetBridge } from '../../shared/ipc/bridge.ts';
import { EVENT_CHANNEL } from './ipcEventChannel.ts';

/**
 * The parts of Electron's `ipcRenderer` the bridge uses. Declared here rather than imported so
 * this file stays free of `electron` and is unit-tested in plain Node.
 */
export interface IpcRendererLike {
  invoke(channel: string, ...args: unknown[]): Promise<unknown>;
  on(channel: string, listener: (event: unknown, ...args: unknown[]) => void): unknown;
}

type Listener = (payload: unknown) => void;

/**
 * What the preload hands to `contextBridge.exposeInMainWorld('ecabinet', …)`: exactly
 * `invoke`, `on` and a frozen `env`, nothing else.
 * - `invoke` refuses a channel outside the contract with `UNKNOWN_CHANNEL` without touching
 *   IPC, and turns an IPC failure into `INTERNAL`; it never rejects.
 * - `on` refuses an event outside the contract (throws) and returns an idempotent unsubscribe.
 *   Listeners get the payload only, never Electron's event object (which carries `sender`).
 * Imports only `shared/ipc/channels.ts` (no zod) to keep the sandboxed preload small.
 */
export function createPreloadBridge(ipcRenderer: IpcRendererLike, env: BridgeEnv): EcabinetBridge {
  const listeners = new Map<EventName, Set<Listener>>();

  ipcRenderer.on(EVENT_CHANNEL, (_event, message) => {
    if (message === null || typeof message !== 'object') return;
    const { event, payload } = message as { event?: unknown; payload?: unknown };
    if (!isEventName(event)) return;
    for (const listener of [...(listeners.get(event) ?? [])]) {
      try {
        listener(payload);
      } catch {
        // One faulty listener must not stop delivery to the others.
      }
    }
  });

  const invoke = async (channel: unknown, input: unknown): Promise<unknown> => {
    if (!isChannel(channel))
      return { ok: false, error: { code: 'UNKNOWN_CHANNEL', message: 'unknown channel' } };
    try {
      return await ipcRenderer.invoke(channel, input);
    } catch {
      return { ok: false, error: { code: 'INTERNAL', message: 'ipc call failed' } };
    }
  };

  const on = (event: unknown, listener: unknown): (() => void) => {
    if (!isEventName(event)) throw new TypeError('unknown event');
    if (typeof listener !== 'function') throw new TypeError('listener must be a function');
    // A fresh wrapper per subscription, so unsubscribing one never removes another.
    const wrapped: Listener = (payload) => (listener as Listener)(payload);
    let set = listeners.get(event);
    if (!set) {
      set = new Set();
      listeners.set(event, set);
    }
    set.add(wrapped);
    return () => {
      set.delete(wrapped);
    };
  };

  return Object.freeze({
    invoke: invoke as EcabinetBridge['invoke'],
    on,
    env: Object.freeze({ host: env.host, platform: env.platform }),
  });
}
