import { useCallback, useEffect, useRef, useState } from 'react';
import type { IpcErrorCode } from '../../shared/ipc/errors.ts';
import type { Entity } from '../../shared/protocol/changes.ts';
import type { Result } from '../../shared/util/result.ts';
import { useIpcEvent } from './useIpcEvent.ts';

export interface LiveQuery<T> {
  /** The last answer for the current key; null before the first one. */
  value: T | null;
  /** Why the last load failed; a failed reload keeps `value` on screen. */
  error: IpcErrorCode | null;
  /** Loads again (coalesced with a load in flight). */
  reload: () => void;
  /**
   * Lays a local change over `value` at once (e.g. what a write returned) and reloads. Any
   * answer to a load that started before this call is dropped, so it cannot undo the change.
   */
  update: (change: (current: T) => T) => void;
}

interface Loaded<T> {
  key: string;
  value: T | null;
  error: IpcErrorCode | null;
}

/**
 * A core read kept current while the component is mounted: loaded on mount and whenever `key`
 * changes, reloaded after `sync:applied` names one of `entities` (a pulled page, a local write,
 * an ack or a refusal). Invariants: at most one load in flight; a reload asked for meanwhile
 * runs once after it; an answer for an older key, or older than a local update, is dropped
 * and loaded again; nothing is set after unmount.
 */
export function useLiveQuery<T>(
  key: string,
  load: () => Promise<Result<T, IpcErrorCode>>,
  entities: readonly Entity[],
): LiveQuery<T> {
  const [loaded, setLoaded] = useState<Loaded<T>>({ key, value: null, error: null });
  const latest = useRef({ key, load, entities });
  const loader = useRef({ inFlight: false, again: false, mounted: true, updates: 0 });
  useEffect(() => {
    latest.current = { key, load, entities };
  });

  const reload = useCallback(() => {
    const state = loader.current;
    if (state.inFlight) {
      state.again = true;
      return;
    }
    state.inFlight = true;
    void (async () => {
      try {
        do {
          state.again = false;
          const { key: askedKey, load: run } = latest.current;
          const updates = state.updates;
          const result = await run();
          if (!state.mounted) return;
          if (askedKey !== latest.current.key || updates !== state.updates) {
            state.again = true; // stale: the key changed or a local update came in meanwhile
            continue;
          }
          if (result.ok) setLoaded({ key: askedKey, value: result.value, error: null });
          else
            setLoaded((current) => ({
              key: askedKey,
              value: current.key === askedKey ? current.value : null,
              error: result.error.code,
            }));
        } while (state.again);
      } finally {
        state.inFlight = false;
      }
    })();
  }, []);

  const update = useCallback(
    (change: (current: T) => T) => {
      loader.current.updates += 1;
      const key = latest.current.key;
      setLoaded((current) =>
        current.key === key && current.value !== null
          ? { ...current, value: change(current.value) }
          : current,
      );
      reload();
    },
    [reload],
  );

  useEffect(() => {
    const state = loader.current;
    state.mounted = true;
    latest.current.key = key;
    reload();
    return () => {
      state.mounted = false;
    };
  }, [key, reload]);

  useIpcEvent('sync:applied', ({ entities: changed }) => {
    if (changed.some((entity) => latest.current.entities.includes(entity))) reload();
  });

  const current = loaded.key === key;
  return {
    value: current ? loaded.value : null,
    error: current ? loaded.error : null,
    reload,
    update,
  };
}
