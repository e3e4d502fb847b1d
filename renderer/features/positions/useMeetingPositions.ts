import { useCallback, useEffect } from 'react';
import type { Stance } from '../../../shared/domain/position.ts';
import type { MeetingPositions } from '../../../shared/domain/views.ts';
import type { IpcErrorCode } from '../../../shared/ipc/errors.ts';
import type { Entity } from '../../../shared/protocol/changes.ts';
import { invoke, type IpcResult } from '../../ipc/invoke.ts';
import { useLiveQuery } from '../../ipc/useLiveQuery.ts';

/** Positions depend on the positions, the meeting (its start), its items and participants. */
const ENTITIES: readonly Entity[] = ['position', 'meeting', 'agendaItem', 'participant'];

/** While the start has passed by the device clock but not by the core's, ask again this often (ms). */
const RECHECK_MS = 30_000;
/** Margin after the start before asking whether it has started, ms. */
const START_MARGIN_MS = 1_000;
/** setTimeout's largest delay (ms); a start further away is checked again then. */
const MAX_TIMER_MS = 2_147_483_647;

export interface MeetingPositionsState {
  positions: MeetingPositions | null;
  error: IpcErrorCode | null;
  reload: () => void;
  set: (agendaItemId: string, stance: Stance, note: string) => Promise<IpcResult<'positions:set'>>;
}

/**
 * My positions on a meeting's items (and, for the secretariat, the aggregate and the consent
 * list), kept current by `sync:applied`. Positions close when the meeting starts, which no
 * event announces: while open, the core is asked again just after `startsAt` (epoch ISO), so
 * the controls lock on time. The core decides by the server's clock; the server for real.
 */
export function useMeetingPositions(
  meetingId: string,
  startsAt: string | null,
): MeetingPositionsState {
  const { value, error, reload, update } = useLiveQuery(
    meetingId,
    () => invoke('positions:get', { meetingId }),
    ENTITIES,
  );
  const open = value?.started === false;

  useEffect(() => {
    if (!open || startsAt === null) return undefined;
    const untilStart = Date.parse(startsAt) - Date.now();
    const delay = untilStart > 0 ? untilStart + START_MARGIN_MS : RECHECK_MS;
    const timer = setTimeout(reload, Math.min(delay, MAX_TIMER_MS));
    return () => clearTimeout(timer);
  }, [open, startsAt, value, reload]);

  const set = useCallback(
    async (agendaItemId: string, stance: Stance, note: string) => {
      const result = await invoke('positions:set', { agendaItemId, stance, note });
      if (result.ok) update(() => result.value);
      else if (result.error.code === 'MEETING_STARTED') reload();
      return result;
    },
    [update, reload],
  );

  return { positions: value, error, reload, set };
}
