import { useCallback, useRef, useState } from 'react';
import { diffPages, type PageDiff } from '../../../shared/annotations/wordDiff.ts';
import type { IpcErrorCode } from '../../../shared/ipc/errors.ts';
import { invoke } from '../../ipc/invoke.ts';
import type { PdfLoader } from '../../pdf/pdfTypes.ts';
import { decodeBase64 } from '../papers/decodeBase64.ts';
import { extractPageTexts } from './extractPageTexts.ts';

export type VersionDiffState =
  | { kind: 'idle' }
  | { kind: 'loading'; from: number }
  | { kind: 'ready'; from: number; to: number; pages: PageDiff[] }
  | { kind: 'error'; from: number; code: IpcErrorCode | 'UNREADABLE' };

/**
 * "What changed" between an older version of the paper and the one being read: the older file
 * comes from the core (`documents:readVersion`, verified like every paper), both are read with
 * pdf.js in the renderer, and each page is compared word by word (shared/annotations/wordDiff).
 * `readCurrent` gives the current version's page texts (the reader's own text index).
 */
export function useVersionDiff(
  documentId: string,
  current: number,
  loader: PdfLoader,
  readCurrent: () => Promise<string[]> | null,
): { state: VersionDiffState; compare: (from: number) => void; close: () => void } {
  const [state, setVisible] = useState<VersionDiffState>({ kind: 'idle' });
  // Only the latest request may show its answer (an older one finishing late is dropped).
  const latest = useRef(0);
  const compare = useCallback(
    (from: number) => {
      const ticket = ++latest.current;
      const setState = (next: VersionDiffState): void => {
        if (ticket === latest.current) setVisible(next);
      };
      setState({ kind: 'loading', from });
      void (async () => {
        const result = await invoke('documents:readVersion', { documentId, version: from });
        if (!result.ok) {
          setState({ kind: 'error', from, code: result.error.code });
          return;
        }
        const bytes = decodeBase64(result.value.base64);
        const currentTexts = readCurrent();
        if (!bytes || !currentTexts) {
          setState({ kind: 'error', from, code: 'UNREADABLE' });
          return;
        }
        try {
          const [before, after] = await Promise.all([
            extractPageTexts(loader, bytes),
            currentTexts,
          ]);
          setState({ kind: 'ready', from, to: current, pages: diffPages(before, after) });
        } catch {
          setState({ kind: 'error', from, code: 'UNREADABLE' });
        }
      })();
    },
    [documentId, current, loader, readCurrent],
  );
  const close = useCallback(() => {
    latest.current++;
    setVisible({ kind: 'idle' });
  }, []);
  return { state, compare, close };
}
