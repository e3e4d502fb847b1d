import type { EventName } from '../../../shared/ipc/channels.ts';
import type { EventPayload } from '../../../shared/ipc/events.ts';

type Listener<E extends EventName> = (payload: EventPayload<E>) => void;

/**
 * Typed fan-out of core events to whichever host forwards them to the renderer.
 * A listener that throws does not stop the others.
 */
export class EventHub {
  private readonly listeners = new Map<EventName, Set<(payload: unknown) => void>>();

  on<E extends EventName>(event: E, listener: Listener<E>): () => void {
    let set = this.listeners.get(event);
    if (!set) {
      set = new Set();
      this.listeners.set(event, set);
    }
    const wrapped = listener as (payload: unknown) => void;
    set.add(wrapped);
    return () => set.delete(wrapped);
  }

  /** Subscribes to every event; used by hosts that forward all events over one pipe. */
  onAny(listener: (event: EventName, payload: unknown) => void): () => void {
    this.anyListeners.add(listener);
    return () => this.anyListeners.delete(listener);
  }

  emit<E extends EventName>(event: E, payload: EventPayload<E>): void {
    for (const listener of this.listeners.get(event) ?? []) safeCall(() => listener(payload));
    for (const listener of this.anyListeners) safeCall(() => listener(event, payload));
  }

  private readonly anyListeners = new Set<(event: EventName, payload: unknown) => void>();
}

function safeCall(fn: () => void): void {
  try {
    fn();
  } catch {
    // A faulty listener must not break delivery to the rest; hosts log their own failures.
  }
}
