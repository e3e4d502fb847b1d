import type { EventName } from '../../shared/ipc/channels.ts';
import { events, type EventPayload } from '../../shared/ipc/events.ts';
import { getBridge } from './getBridge.ts';

/**
 * Listens to a pushed event; returns the unsubscribe function. Payloads are parsed with the
 * event's schema and a payload that does not match is dropped, so listeners only ever see
 * contract-shaped data. Without a host bridge this subscribes to nothing (and says so by
 * returning a no-op): screens then show their initial state instead of crashing.
 */
export function subscribe<E extends EventName>(
  event: E,
  listener: (payload: EventPayload<E>) => void,
): () => void {
  const schema = events[event];
  try {
    return getBridge().on(event, (payload: unknown) => {
      const parsed = schema.safeParse(payload);
      // Cast: `events[event]` with `E` unresolved is a union TypeScript cannot narrow back to E.
      if (parsed.success) listener(parsed.data as EventPayload<E>);
    });
  } catch {
    return () => {};
  }
}
