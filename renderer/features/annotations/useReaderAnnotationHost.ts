import { useEffect, useRef } from 'react';
import { rectsForRange } from '../../../shared/annotations/pageText.ts';
import { makeTextQuote } from '../../../shared/annotations/textQuote.ts';
import type { DocumentTextIndex } from '../reader/DocumentTextIndex.ts';
import type { ReaderAnnotations } from './readerAnnotations.ts';

/**
 * The reader's side of annotations that is not per page: scrolling to a page the host asks for
 * (`jump`), and handing the host a way to read every page's text once and to measure a range
 * of it (re-anchoring, and making re-anchored placements durable).
 */
export function useReaderAnnotationHost(
  annotations: ReaderAnnotations | null,
  textIndex: DocumentTextIndex,
  numPages: number,
  scrollToPage: (pageIndex: number) => void,
): void {
  const latest = useRef(annotations);
  useEffect(() => {
    latest.current = annotations;
  });
  const enabled = annotations !== null;
  useEffect(() => {
    if (!enabled) return;
    latest.current?.onPageTexts(
      async () => {
        const texts: string[] = [];
        for (let i = 0; i < numPages; i++) texts.push((await textIndex.pageText(i))?.text ?? '');
        return texts;
      },
      async (pageIndex, start, end) => {
        const page = await textIndex.pageText(pageIndex);
        if (!page || start < 0 || end > page.text.length || end <= start) return null;
        const rects = rectsForRange(page, start, end);
        return rects.length === 0 ? null : { rects, quote: makeTextQuote(page.text, start, end) };
      },
    );
  }, [enabled, textIndex, numPages]);
  const jump = annotations?.jump ?? null;
  useEffect(() => {
    if (jump) scrollToPage(jump.pageIndex);
  }, [jump, scrollToPage]);
}
