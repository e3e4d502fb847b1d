import { useCallback, useEffect, useRef, useState } from 'react';
import type { DocumentTextIndex } from './DocumentTextIndex.ts';
import type { FindHit } from './findHit.ts';
import { READER_LIMITS } from './readerLimits.ts';

export interface FindState {
  query: string;
  ignoreDiacritics: boolean;
  status: 'idle' | 'searching' | 'done';
  /** Pages searched so far. */
  searched: number;
  hits: readonly FindHit[];
  /** More hits exist than are listed (`READER_LIMITS.maxFindHits`). */
  truncated: boolean;
  /** Index of the selected hit; -1 for none. */
  current: number;
}

export interface DocumentFind {
  state: FindState;
  setQuery: (query: string) => void;
  setIgnoreDiacritics: (value: boolean) => void;
  next: () => void;
  previous: () => void;
  select: (index: number) => void;
}

/** Characters of context either side of a hit in the results list. */
const CONTEXT = 40;
/** Pages searched between two updates of the results list. */
const BATCH_PAGES = 25;

function squash(text: string): string {
  return text.replace(/\s+/gu, ' ');
}

/** Up to CONTEXT characters before `start`, from a word start, "…" when cut. */
function contextBefore(text: string, start: number): string {
  const from = Math.max(0, start - CONTEXT);
  let slice = text.slice(from, start);
  if (from > 0) {
    const space = slice.search(/\s/u);
    slice = `…${space >= 0 ? slice.slice(space + 1) : slice}`;
  }
  return squash(slice).trimStart();
}

/** Up to CONTEXT characters after `end`, to a word end, "…" when cut. */
function contextAfter(text: string, end: number): string {
  const to = Math.min(text.length, end + CONTEXT);
  let slice = text.slice(end, to);
  if (to < text.length) {
    const space = Math.max(slice.lastIndexOf(' '), slice.lastIndexOf('\n'));
    slice = `${space > 0 ? slice.slice(0, space) : slice}…`;
  }
  return squash(slice).trimEnd();
}

/**
 * Find in the whole document: after a pause in typing, searches every page in order (text
 * extracted once per page, see DocumentTextIndex), listing hits as they are found, and selects
 * the first hit at or after `startPage()` (the page being read when the search began), or the
 * first of all. A new query or option abandons the running search. Diacritics-insensitive by
 * default: "nghi dinh" finds "nghị định".
 */
export function useDocumentFind(
  index: DocumentTextIndex,
  numPages: number,
  startPage: () => number,
): DocumentFind {
  const [state, setState] = useState<FindState>({
    query: '',
    ignoreDiacritics: true,
    status: 'idle',
    searched: 0,
    hits: [],
    truncated: false,
    current: -1,
  });
  const start = useRef(startPage);
  useEffect(() => {
    start.current = startPage;
  });
  const { query, ignoreDiacritics } = state;

  useEffect(() => {
    if (query.trim() === '') {
      setState((s) => ({
        ...s,
        status: 'idle',
        searched: 0,
        hits: [],
        truncated: false,
        current: -1,
      }));
      return undefined;
    }
    let cancelled = false;
    setState((s) => ({
      ...s,
      status: 'searching',
      searched: 0,
      hits: [],
      truncated: false,
      current: -1,
    }));
    const search = async (): Promise<void> => {
      const from = start.current();
      const hits: FindHit[] = [];
      let current = -1;
      let truncated = false;
      let announced = -1;
      for (let pageIndex = 0; pageIndex < numPages && !cancelled; pageIndex += 1) {
        const room = READER_LIMITS.maxFindHits - hits.length;
        const ranges = await index.find(pageIndex, query, { ignoreDiacritics }, room + 1);
        if (cancelled) return;
        if (ranges.length > room) truncated = true;
        const text = ranges.length > 0 ? ((await index.text(pageIndex)) ?? '') : '';
        for (const range of ranges.slice(0, room)) {
          if (current < 0 && pageIndex >= from) current = hits.length;
          hits.push({
            index: hits.length,
            pageIndex,
            ...range,
            before: contextBefore(text, range.start),
            match: squash(text.slice(range.start, range.end)),
            after: contextAfter(text, range.end),
          });
        }
        // Update the list now and then, and as soon as the hit to select is known.
        const selectNow = current >= 0 && announced < 0;
        if (selectNow || (pageIndex + 1) % BATCH_PAGES === 0) {
          if (selectNow) announced = current;
          const snapshot = hits.slice();
          const searched = pageIndex + 1;
          setState((s) => ({
            ...s,
            hits: snapshot,
            searched,
            truncated,
            current: s.current >= 0 ? s.current : current,
          }));
        }
        if (truncated) break;
      }
      if (cancelled) return;
      setState((s) => ({
        ...s,
        status: 'done',
        searched: numPages,
        hits,
        truncated,
        current: s.current >= 0 ? s.current : current >= 0 ? current : hits.length > 0 ? 0 : -1,
      }));
    };
    const timer = setTimeout(() => void search(), READER_LIMITS.findDebounceMs);
    return () => {
      cancelled = true;
      clearTimeout(timer);
    };
  }, [index, numPages, query, ignoreDiacritics]);

  const setQuery = useCallback((next: string) => setState((s) => ({ ...s, query: next })), []);
  const setIgnoreDiacritics = useCallback(
    (value: boolean) => setState((s) => ({ ...s, ignoreDiacritics: value })),
    [],
  );
  const step = useCallback((delta: number) => {
    setState((s) => {
      if (s.hits.length === 0) return s;
      const from = s.current < 0 ? (delta > 0 ? -1 : 0) : s.current;
      return { ...s, current: (from + delta + s.hits.length) % s.hits.length };
    });
  }, []);
  const next = useCallback(() => step(1), [step]);
  const previous = useCallback(() => step(-1), [step]);
  const select = useCallback(
    (hit: number) =>
      setState((s) => (hit >= 0 && hit < s.hits.length ? { ...s, current: hit } : s)),
    [],
  );
  return { state, setQuery, setIgnoreDiacritics, next, previous, select };
}
