import { useCallback, useEffect, useRef, useState } from 'react';
import type { DownloadProgress, MeetingDetail } from '../../../shared/domain/offline.ts';
import type { IpcErrorCode } from '../../../shared/ipc/errors.ts';
import { invoke } from '../../ipc/invoke.ts';
import { useIpcEvent } from '../../ipc/useIpcEvent.ts';
import { pruneOverlay, type ProgressOverlay } from './paperDownloads.ts';

export interface MeetingDetailState {
  detail: MeetingDetail | null;
  /** Why the last load failed, while there is no detail to show. */
  error: IpcErrorCode | null;
  /** Latest download progress per document of this meeting, newer than `detail`. */
  overlay: ProgressOverlay;
  reload: () => void;
}

/**
 * One meeting (`meetings:get`), kept current while the screen is open: reloaded after a pulled
 * page and after each finished download, with `download:progress` events laid over it in
 * between. Invariants: at most one `meetings:get` in flight, a reload asked for meanwhile runs
 * once after it; nothing is set after unmount.
 */
export function useMeetingDetail(meetingId: string): MeetingDetailState {
  const [detail, setDetail] = useState<MeetingDetail | null>(null);
  const [error, setError] = useState<IpcErrorCode | null>(null);
  const [overlay, setOverlay] = useState<ProgressOverlay>(() => new Map());
  const loader = useRef({ inFlight: false, again: false, mounted: true });

  const reload = useCallback(() => {
    const state = loader.current;
    if (state.inFlight) {
      state.again = true;
      return;
    }
    state.inFlight = true;
    void (async () => {
      do {
        state.again = false;
        const result = await invoke('meetings:get', { meetingId });
        if (!state.mounted) return;
        if (result.ok) {
          setDetail(result.value);
          setError(null);
          setOverlay((current) => pruneOverlay(result.value, current));
        } else {
          // A failed reload keeps what is on screen; only a first load shows the error.
          setError(result.error.code);
        }
      } while (state.again);
      state.inFlight = false;
    })();
  }, [meetingId]);

  useEffect(() => {
    const state = loader.current;
    state.mounted = true;
    reload();
    return () => {
      state.mounted = false;
    };
  }, [reload]);

  useIpcEvent('sync:applied', () => reload());
  useIpcEvent('download:progress', (progress: DownloadProgress) => {
    if (progress.meetingId !== meetingId) return;
    setOverlay((current) => new Map(current).set(progress.documentId, progress));
    if (progress.download.state === 'complete' || progress.download.state === 'failed') reload();
  });

  return { detail, error, overlay, reload };
}
