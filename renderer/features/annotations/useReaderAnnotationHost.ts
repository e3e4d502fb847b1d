import { useEffect, useRef } from 'react';
import type { DocumentTextIndex } from '../reader/DocumentTextIndex.ts';
import type { ReaderAnnotations } from './readerAnnotations.ts';

/**
 * The reader's side of annotations that is not per page: scrolling to a page the host asks for
 * (`jump`), and handing the host a way to read every page's text once (re-anchoring).
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
    latest.current?.onPageTexts(async () => {
      const texts: string[] = [];
      for (let i = 0; i < numPages; i++) texts.push((await textIndex.pageText(i))?.text ?? '');
      return texts;
    });
  }, [enabled, textIndex, numPages]);
  const jump = annotations?.jump ?? null;
  useEffect(() => {
    if (jump) scrollToPage(jump.pageIndex);
  }, [jump, scrollToPage]);
}
