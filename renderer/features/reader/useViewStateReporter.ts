import { useCallback, useEffect, useRef } from 'react';
import { READER_LIMITS } from './readerLimits.ts';
import type { ReaderViewState } from './readerViewState.ts';
import type { ZoomMode } from './zoom.ts';

export interface ViewStateReporter {
  /** Call whenever the view moved or zoomed: reports once things settle. */
  schedule: () => void;
  /** Where the view is now (page index and points down it); set by the scroll model. */
  source: { current: () => { pageIndex: number; offsetPt: number } };
}

/**
 * Reports the view state (page, offset, zoom) through `onChange`, debounced by
 * `READER_LIMITS.viewStateDebounceMs`, never twice the same (nor the state it opened with),
 * and once more on unmount if a report is pending, so leaving a paper keeps the last position.
 */
export function useViewStateReporter(
  initial: ReaderViewState | null,
  zoom: ZoomMode,
  onChange: ((state: ReaderViewState) => void) | undefined,
): ViewStateReporter {
  const callback = useRef(onChange);
  const zoomRef = useRef(zoom);
  useEffect(() => {
    callback.current = onChange;
    zoomRef.current = zoom;
  });
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const last = useRef(initial ? JSON.stringify(initial) : '');
  const source = useRef<() => { pageIndex: number; offsetPt: number }>(() => ({
    pageIndex: 0,
    offsetPt: 0,
  }));

  const flush = useCallback(() => {
    if (timer.current !== null) clearTimeout(timer.current);
    timer.current = null;
    const anchor = source.current();
    const state: ReaderViewState = {
      page: anchor.pageIndex + 1,
      offsetPt: Math.round(Math.max(0, anchor.offsetPt) * 100) / 100,
      zoom: zoomRef.current,
    };
    const key = JSON.stringify(state);
    if (key === last.current) return;
    last.current = key;
    callback.current?.(state);
  }, []);

  const schedule = useCallback(() => {
    if (timer.current !== null) clearTimeout(timer.current);
    timer.current = setTimeout(flush, READER_LIMITS.viewStateDebounceMs);
  }, [flush]);

  useEffect(
    () => () => {
      if (timer.current !== null) flush();
    },
    [flush],
  );

  // A zoom change is a change of view state even when nothing scrolled.
  useEffect(() => schedule(), [zoom, schedule]);

  return { schedule, source };
}
