import { useEffect, useRef } from 'react';
import type { EventName } from '../../shared/ipc/channels.ts';
import type { EventPayload } from '../../shared/ipc/events.ts';
import { subscribe } from './subscribe.ts';

/**
 * Subscribes a component to a pushed event for as long as it is mounted. The latest `listener`
 * is always the one called, so callers need not memoise it; re-renders never resubscribe.
 */
export function useIpcEvent<E extends EventName>(
  event: E,
  listener: (payload: EventPayload<E>) => void,
): void {
  const latest = useRef(listener);
  useEffect(() => {
    latest.current = listener;
  });
  useEffect(() => subscribe(event, (payload) => latest.current(payload)), [event]);
}
