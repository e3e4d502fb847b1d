import { useCallback } from 'react';
import type { AttendanceView } from '../../../shared/domain/attendanceView.ts';
import type { IpcErrorCode } from '../../../shared/ipc/errors.ts';
import type { Entity } from '../../../shared/protocol/changes.ts';
import { invoke, type IpcResult } from '../../ipc/invoke.ts';
import { useLiveQuery } from '../../ipc/useLiveQuery.ts';

/** What the attendance view depends on: the roll call, the participants and their names. */
const ENTITIES: readonly Entity[] = ['attendance', 'participant', 'user'];

export interface AttendanceState {
  attendance: AttendanceView | null;
  error: IpcErrorCode | null;
  reload: () => void;
  /** Secretariat: records the roll call (online only); the answer is shown at once. */
  save: (present: readonly string[]) => Promise<IpcResult<'attendance:set'>>;
}

/** The meeting's attendance and quorum (`attendance:get`), kept current by `sync:applied`. */
export function useAttendance(meetingId: string): AttendanceState {
  const { value, error, reload, update } = useLiveQuery(
    meetingId,
    () => invoke('attendance:get', { meetingId }),
    ENTITIES,
  );
  const save = useCallback(
    async (present: readonly string[]) => {
      const result = await invoke('attendance:set', { meetingId, present: [...present] });
      if (result.ok) update(() => result.value);
      return result;
    },
    [meetingId, update],
  );
  return { attendance: value, error, reload, save };
}
