import { errorBodySchema } from '../../../shared/protocol/auth.ts';
import { ROUTES } from '../../../shared/protocol/http.ts';
import type { FetchLike } from '../session/requestLogin.ts';
import { describeFetchError } from '../session/requestLogin.ts';
import { BlobAuthError, BlobNotFoundError, BlobTransientError } from './fetchErrors.ts';

export type BlobResponse =
  | {
      kind: 'body';
      /** Plaintext offset of the first body byte. */ start: number;
      body: ReadableStream<Uint8Array>;
    }
  /** 416: the server cannot serve from `offset`; restart from 0. */
  | { kind: 'range-refused' };

/**
 * GET /api/blobs/:sha256, from byte `offset` (`Range: bytes=<offset>-` when > 0).
 * Throws BlobAuthError (401), BlobNotFoundError (404) or BlobTransientError (no answer, 5xx, …).
 */
export async function requestBlob(
  fetchImpl: FetchLike,
  serverUrl: string,
  token: string,
  sha256: string,
  offset: number,
  signal: AbortSignal,
  headersTimeoutMs: number,
): Promise<BlobResponse> {
  const headers: Record<string, string> = { authorization: `Bearer ${token}` };
  if (offset > 0) headers['range'] = `bytes=${offset}-`;
  // Aborts on the caller's signal, or when no response head arrives within headersTimeoutMs
  // (the body has its own idle timeout in readBody).
  const controller = new AbortController();
  const abort = (): void => controller.abort();
  if (signal.aborted) abort();
  signal.addEventListener('abort', abort, { once: true });
  const headersTimer = setTimeout(abort, headersTimeoutMs);
  let response: Response;
  try {
    response = await fetchImpl(`${serverUrl}${ROUTES.blob(sha256)}`, {
      headers,
      signal: controller.signal,
      redirect: 'error',
    });
  } catch (error) {
    signal.removeEventListener('abort', abort);
    throw new BlobTransientError(`blob request failed: ${describeFetchError(error)}`);
  } finally {
    clearTimeout(headersTimer);
  }
  if (response.status === 200 || response.status === 206) {
    if (!response.body) throw new BlobTransientError('blob response without a body');
    let start = 0;
    if (response.status === 206) {
      const match = /^bytes (\d+)-\d+\/(\d+|\*)$/.exec(response.headers.get('content-range') ?? '');
      if (!match) {
        await response.body.cancel();
        throw new BlobTransientError('206 without a usable Content-Range');
      }
      start = Number(match[1]);
    }
    return { kind: 'body', start, body: response.body };
  }
  const json: unknown = await response.json().catch(() => undefined);
  const code = errorBodySchema.safeParse(json).data?.error.code;
  if (response.status === 401)
    throw new BlobAuthError(code === 'TOKEN_REVOKED' ? 'revoked' : 'expired');
  if (response.status === 404) throw new BlobNotFoundError();
  if (response.status === 416) return { kind: 'range-refused' };
  throw new BlobTransientError(
    `blob request answered HTTP ${response.status}${code ? ` ${code}` : ''}`,
  );
}

/**
 * Feeds the body to `onChunk` and fails with BlobTransientError when no byte arrives for
 * `idleMs` (a stalled connection that never closes) or the connection breaks.
 * One idle timer per body, re-armed on each chunk (this loop runs once per network read).
 */
export async function readBody(
  body: ReadableStream<Uint8Array>,
  idleMs: number,
  onChunk: (chunk: Uint8Array) => Promise<void>,
): Promise<void> {
  const reader = body.getReader();
  let idle = false;
  let inChunk = false;
  // Only time spent waiting for the network counts. Cancelling the reader ends the pending
  // read() with `done`; `idle` tells that from the real end of the body.
  const timer = setTimeout(() => {
    if (inChunk) {
      timer.refresh();
      return;
    }
    idle = true;
    reader.cancel().catch(() => {});
  }, idleMs);
  try {
    for (;;) {
      let next: Awaited<ReturnType<typeof reader.read>>;
      try {
        next = await reader.read();
      } catch (error) {
        throw new BlobTransientError(`blob transfer broke: ${describeFetchError(error)}`);
      }
      if (idle) throw new BlobTransientError(`no data for ${idleMs} ms`);
      if (next.done) return;
      inChunk = true;
      try {
        await onChunk(next.value);
      } finally {
        inChunk = false;
      }
      timer.refresh();
    }
  } finally {
    clearTimeout(timer);
    reader.cancel().catch(() => {});
    reader.releaseLock();
  }
}
