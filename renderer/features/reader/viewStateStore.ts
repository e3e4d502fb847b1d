import { invoke } from '../../ipc/invoke.ts';
import { readerViewStateSchema, type ReaderViewState } from './readerViewState.ts';

/**
 * Remembers where each paper was left (page, offset, zoom) for the signed-in member, keyed by
 * document id and file SHA-256 (a new version starts at the top). Kept by the client core in its
 * local store (IPC `readingPositions:get`/`set`, per user and document), not in the renderer's
 * storage: it survives a browser-mode profile reset (the origin changes with the port) and
 * another member on the same device has their own. This module is the only renderer code that
 * knows where positions live.
 */

/** How the store reaches the core; tests pass a fake. */
export interface ViewStatePort {
  /** The position last kept for the document and the file (SHA-256) it is for, or null. */
  get(documentId: string): Promise<{ sha256: string; position: unknown } | null>;
  set(documentId: string, sha256: string, state: ReaderViewState): Promise<void>;
}

export const ipcViewStatePort: ViewStatePort = {
  async get(documentId) {
    const result = await invoke('readingPositions:get', { documentId });
    if (!result.ok || result.value.sha256 === null) return null;
    return { sha256: result.value.sha256, position: result.value.position };
  },
  async set(documentId, sha256, position) {
    await invoke('readingPositions:set', { documentId, sha256, position });
  },
};

/** Where a paper was last left: the file (SHA-256) and the view state there. */
export interface KeptViewState {
  readonly sha256: string;
  readonly state: ReaderViewState;
}

/**
 * Where `documentId` was last left, whatever its file; null if never opened here (or
 * unreadable). Needs no hash, so it can be asked while the paper's bytes are on their way;
 * `viewStateFor` then keeps it only for the same file (a new version starts at the top).
 */
export async function loadKeptViewState(
  documentId: string,
  port: ViewStatePort = ipcViewStatePort,
): Promise<KeptViewState | null> {
  try {
    const kept = await port.get(documentId);
    if (kept === null) return null;
    const parsed = readerViewStateSchema.safeParse(kept.position);
    return parsed.success ? { sha256: kept.sha256, state: parsed.data } : null;
  } catch {
    return null;
  }
}

/** The kept state if it is for the file `sha256`, else null (start at the top). */
export function viewStateFor(kept: KeptViewState | null, sha256: string): ReaderViewState | null {
  return kept !== null && kept.sha256 === sha256 ? kept.state : null;
}

export interface ViewStateSaver {
  /** Remembers `state`; never throws. */
  save(state: ReaderViewState): void;
  /** Resolves when nothing is being written (tests). */
  idle(): Promise<void>;
}

/**
 * Saves the positions of one paper version. The reader already debounces its reports
 * (useViewStateReporter); this adds coalescing: at most one write in flight, and while it runs
 * only the latest state waits, so a burst of reports costs at most two writes. A failed write
 * is dropped: a reading position is a convenience, never worth an error.
 */
export function createViewStateSaver(
  documentId: string,
  sha256: string,
  port: ViewStatePort = ipcViewStatePort,
): ViewStateSaver {
  let running: Promise<void> | null = null;
  let waiting: ReaderViewState | null = null;
  const run = (state: ReaderViewState): Promise<void> =>
    port
      .set(documentId, sha256, state)
      .catch(() => undefined)
      .then(() => {
        const next = waiting;
        waiting = null;
        running = next === null ? null : run(next);
        return running ?? undefined;
      });
  return {
    save(state) {
      const parsed = readerViewStateSchema.safeParse(state);
      if (!parsed.success) return;
      if (running !== null) {
        waiting = parsed.data;
        return;
      }
      running = run(parsed.data);
    },
    async idle() {
      while (running !== null) await running;
    },
  };
}
