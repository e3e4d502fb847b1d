import { useCallback, useEffect, useState } from 'react';
import type { IpcErrorCode } from '../../../shared/ipc/errors.ts';
import { invoke } from '../../ipc/invoke.ts';
import { decodeBase64 } from './decodeBase64.ts';

export type PaperBytes =
  | { kind: 'loading' }
  | { kind: 'ready'; data: Uint8Array; version: number; sha256: string }
  | { kind: 'error'; code: IpcErrorCode };

/**
 * The verified bytes of a paper's current version (`documents:read`: the core checked them
 * against their SHA-256 before they left it). `retry` asks again, e.g. after reconnecting.
 * An answer for a document no longer shown is dropped.
 */
export function usePaperBytes(documentId: string): { paper: PaperBytes; retry: () => void } {
  const [paper, setPaper] = useState<PaperBytes>({ kind: 'loading' });
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    let active = true;
    setPaper({ kind: 'loading' });
    void invoke('documents:read', { documentId }).then((result) => {
      if (!active) return;
      if (!result.ok) {
        setPaper({ kind: 'error', code: result.error.code });
        return;
      }
      const data = decodeBase64(result.value.base64);
      setPaper(
        data
          ? { kind: 'ready', data, version: result.value.version, sha256: result.value.sha256 }
          : { kind: 'error', code: 'INVALID_OUTPUT' },
      );
    });
    return () => {
      active = false;
    };
  }, [documentId, attempt]);

  const retry = useCallback(() => setAttempt((n) => n + 1), []);
  return { paper, retry };
}
