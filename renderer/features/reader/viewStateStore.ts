import { z } from 'zod';
import { readerViewStateSchema, type ReaderViewState } from './readerViewState.ts';

/**
 * Remembers where each paper was left (page, offset, zoom), keyed by document id and file
 * SHA-256 (a new version starts at the top). Kept in the renderer's localStorage: a reading
 * position is not confidential (no text of the paper, only ids and numbers), and the key space
 * is bounded to the most recent `MAX_ENTRIES` papers. This small module is the only code that
 * knows where positions live, so they can move to the client core (and sync across devices)
 * by changing it alone. Note: in browser mode the origin changes with the port, so positions
 * only survive restarts in the Electron app (fixed `app://` origin).
 */
const STORAGE_KEY = 'ecabinet.reader.viewStates.v1';
const MAX_ENTRIES = 200;

const storedSchema = z.record(
  z.string().max(200),
  z.strictObject({ state: readerViewStateSchema, at: z.number().finite() }),
);
type Stored = z.infer<typeof storedSchema>;

/** The storage used; null where there is none (or it throws, e.g. disabled). */
export type ViewStateStorage = Pick<Storage, 'getItem' | 'setItem'>;

function defaultStorage(): ViewStateStorage | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    return null;
  }
}

function keyOf(documentId: string, sha256: string): string {
  return `${documentId}:${sha256}`;
}

function read(storage: ViewStateStorage): Stored {
  try {
    const raw = storage.getItem(STORAGE_KEY);
    if (raw === null) return {};
    const parsed = storedSchema.safeParse(JSON.parse(raw));
    return parsed.success ? parsed.data : {};
  } catch {
    return {};
  }
}

/** Where `documentId` at `sha256` was left; null if never opened here (or unreadable). */
export function loadViewState(
  documentId: string,
  sha256: string,
  storage: ViewStateStorage | null = defaultStorage(),
): ReaderViewState | null {
  if (!storage) return null;
  return read(storage)[keyOf(documentId, sha256)]?.state ?? null;
}

/** Remembers `state`, dropping the oldest entries beyond `MAX_ENTRIES`. Never throws. */
export function saveViewState(
  documentId: string,
  sha256: string,
  state: ReaderViewState,
  storage: ViewStateStorage | null = defaultStorage(),
  now: number = Date.now(),
): void {
  if (!storage) return;
  const parsed = readerViewStateSchema.safeParse(state);
  if (!parsed.success) return;
  const entries = read(storage);
  entries[keyOf(documentId, sha256)] = { state: parsed.data, at: now };
  const kept = Object.entries(entries)
    .sort(([, a], [, b]) => b.at - a.at)
    .slice(0, MAX_ENTRIES);
  try {
    storage.setItem(STORAGE_KEY, JSON.stringify(Object.fromEntries(kept)));
  } catch {
    // Quota or disabled storage: the position is a convenience, losing it is harmless.
  }
}
