import { useCallback, useEffect, useState } from 'react';
import type { IpcErrorCode } from '../../../shared/ipc/errors.ts';
import { invoke } from '../../ipc/invoke.ts';
import { preopenedLoader, type PreopenedLoader } from '../../pdf/preopenedLoader.ts';
import type { PdfLoader } from '../../pdf/pdfTypes.ts';
import { decodeBase64 } from './decodeBase64.ts';

export type PaperBytes =
  | { kind: 'loading' }
  | {
      kind: 'ready';
      data: Uint8Array;
      version: number;
      sha256: string;
      /** The paper's copy policy (documents:read): false forbids copying and export. */
      copyAllowed: boolean;
      /** The loader for the reader: it already started opening `data` (preopenedLoader). */
      loader: PdfLoader;
    }
  | { kind: 'error'; code: IpcErrorCode };

/**
 * The verified bytes of a paper's current version (`documents:read`: the core checked them
 * against their SHA-256 before they left it). `retry` asks again, e.g. after reconnecting.
 * An answer for a document no longer shown is dropped. As soon as the bytes are here, `loader`
 * starts opening them (outside React, before the reader mounts); the ready state carries the
 * loader that hands that task over, and an early task nobody took is destroyed on cleanup.
 */
export function usePaperBytes(
  documentId: string,
  loader: PdfLoader,
): { paper: PaperBytes; retry: () => void } {
  const [paper, setPaper] = useState<PaperBytes>({ kind: 'loading' });
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    let active = true;
    let early: PreopenedLoader | null = null;
    setPaper({ kind: 'loading' });
    void invoke('documents:read', { documentId }).then((result) => {
      if (!active) return;
      if (!result.ok) {
        setPaper({ kind: 'error', code: result.error.code });
        return;
      }
      const data = decodeBase64(result.value.base64);
      if (!data) {
        setPaper({ kind: 'error', code: 'INVALID_OUTPUT' });
        return;
      }
      early = preopenedLoader(loader, data);
      const { version, sha256, copyAllowed } = result.value;
      setPaper({ kind: 'ready', data, version, sha256, copyAllowed, loader: early.loader });
    });
    return () => {
      active = false;
      early?.dispose();
    };
  }, [documentId, attempt, loader]);

  const retry = useCallback(() => setAttempt((n) => n + 1), []);
  return { paper, retry };
}
