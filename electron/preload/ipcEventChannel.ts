/**
 * The one Electron IPC channel on which main pushes core events to the preload, as
 * `{ event, payload }`. A single channel keeps event names out of the invoke namespace; the
 * preload demultiplexes by `event` and drops anything not in `EVENTS`.
 * Pure (no electron import): main and the preload both import it.
 */
export const EVENT_CHANNEL = 'ecabinet:event';

export interface IpcEventMessage {
  readonly event: string;
  readonly payload: unknown;
}
