import { useEffect, useState } from 'react';
import type { PdfDocument, PdfOutlineNode } from '../../pdf/pdfTypes.ts';
import { withTimeout } from '../../pdf/withTimeout.ts';

export type OutlineState =
  | { kind: 'loading' }
  | { kind: 'ready'; nodes: readonly PdfOutlineNode[] }
  /** The file has no outline, the engine cannot read one, or reading it failed or took too long. */
  | { kind: 'none' };

/** The document's outline, read once per document within `timeoutMs`. */
export function useOutline(document: PdfDocument, timeoutMs: number): OutlineState {
  const [state, setState] = useState<OutlineState>({ kind: 'loading' });

  useEffect(() => {
    if (!document.getOutline) {
      setState({ kind: 'none' });
      return undefined;
    }
    let active = true;
    setState({ kind: 'loading' });
    withTimeout(document.getOutline(), timeoutMs, () => {}).then(
      (nodes) => {
        if (active) setState(nodes.length > 0 ? { kind: 'ready', nodes } : { kind: 'none' });
      },
      () => {
        if (active) setState({ kind: 'none' });
      },
    );
    return () => {
      active = false;
    };
  }, [document, timeoutMs]);

  return state;
}
