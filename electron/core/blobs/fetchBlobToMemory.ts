import { createHash } from 'node:crypto';
import { IpcError } from '../../../shared/ipc/errors.ts';
import type { FetchLike } from '../session/requestLogin.ts';
import { BlobIntegrityError } from './blobFileFormat.ts';
import { BlobTransientError } from './fetchErrors.ts';
import { readBody, requestBlob } from './requestBlob.ts';

/**
 * One attempt at fetching a whole blob into memory (used when caching is not allowed). Returns
 * the bytes only when their size and SHA-256 match the manifest; throws BlobIntegrityError,
 * the request errors of requestBlob, or IpcError NOT_LOGGED_IN.
 */
export async function fetchBlobToMemory(
  deps: {
    fetch: FetchLike;
    credentials: () => { serverUrl: string; token: string } | null;
    tuning: { stallTimeoutMs: number };
  },
  sha256: string,
  size: number,
): Promise<Buffer> {
  const credentials = deps.credentials();
  if (!credentials) throw new IpcError('NOT_LOGGED_IN', 'not signed in');
  const { stallTimeoutMs } = deps.tuning;
  const response = await requestBlob(
    deps.fetch,
    credentials.serverUrl,
    credentials.token,
    sha256,
    0,
    new AbortController().signal,
    stallTimeoutMs,
  );
  if (response.kind !== 'body' || response.start !== 0)
    throw new BlobTransientError('unexpected range');
  const parts: Buffer[] = [];
  let received = 0; // bytes
  const hash = createHash('sha256');
  await readBody(response.body, stallTimeoutMs, (chunk) => {
    received += chunk.length;
    if (received > size)
      return Promise.reject(new BlobIntegrityError('more bytes than the manifest size'));
    hash.update(chunk);
    parts.push(Buffer.from(chunk));
    return Promise.resolve();
  });
  if (received !== size || hash.digest('hex') !== sha256)
    throw new BlobIntegrityError('SHA-256 mismatch');
  return Buffer.concat(parts, size);
}
