import { createHash, randomBytes } from 'node:crypto';
import { mkdir, open, readdir, rename, stat, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import { ServerError } from '../ServerError.ts';

/** A blob written to a temp file and hashed, not yet in its content-addressed place. */
export interface StagedBlob {
  readonly sha256: string;
  /** Bytes. */
  readonly size: number;
  readonly tempPath: string;
}

/**
 * Content-addressed files: `<root>/ab/cdef…` for SHA-256 `abcdef…` (2 hex chars of directory,
 * then the other 62). Never named by anything a client chose. Writes go to `<root>/tmp/` first
 * and are renamed into place once complete, hashed and fsynced, so a reader never sees a
 * partial blob; a blob that exists is never rewritten with other bytes (same name = same bytes).
 */
export interface BlobStore {
  readonly root: string;
  pathOf(sha256: string): string;
  /** Size in bytes, or null when absent. */
  size(sha256: string): Promise<number | null>;
  /**
   * Streams `source` into a temp file while hashing it. Throws PAYLOAD_TOO_LARGE as soon as
   * more than `maxBytes` have arrived (the temp file is removed; nothing else is buffered).
   */
  stage(
    source: AsyncIterable<Uint8Array> | Iterable<Uint8Array>,
    maxBytes: number,
  ): Promise<StagedBlob>;
  /** Moves a staged blob into its place. */
  commit(staged: StagedBlob): Promise<void>;
  discard(staged: StagedBlob): Promise<void>;
  /** stage + commit for bytes already in memory (the seed). */
  put(bytes: Uint8Array): Promise<{ sha256: string; size: number }>;
}

const SHA256_HEX = /^[0-9a-f]{64}$/;

/** Temp files older than this at start are leftovers of a crash; ms. */
const STALE_TEMP_MS = 60 * 60 * 1000;

export async function openBlobStore(root: string): Promise<BlobStore> {
  const tempDir = join(root, 'tmp');
  await mkdir(tempDir, { recursive: true });
  await removeStaleTemps(tempDir);

  const pathOf = (sha256: string): string => {
    if (!SHA256_HEX.test(sha256)) throw new Error('not a lower-case hex SHA-256');
    return join(root, sha256.slice(0, 2), sha256.slice(2));
  };

  const discard = async (staged: StagedBlob): Promise<void> => {
    await unlink(staged.tempPath).catch(() => undefined);
  };

  const stage = async (
    source: AsyncIterable<Uint8Array> | Iterable<Uint8Array>,
    maxBytes: number,
  ): Promise<StagedBlob> => {
    const tempPath = join(tempDir, `${randomBytes(16).toString('hex')}.part`);
    const file = await open(tempPath, 'wx', 0o600);
    const hash = createHash('sha256');
    let size = 0;
    try {
      for await (const chunk of source) {
        size += chunk.byteLength;
        if (size > maxBytes)
          throw new ServerError('PAYLOAD_TOO_LARGE', `larger than the limit of ${maxBytes} bytes`);
        hash.update(chunk);
        await file.write(chunk);
      }
      await file.sync();
    } catch (error) {
      await file.close().catch(() => undefined);
      await unlink(tempPath).catch(() => undefined);
      throw error;
    }
    await file.close();
    return { sha256: hash.digest('hex'), size, tempPath };
  };

  const commit = async (staged: StagedBlob): Promise<void> => {
    const target = pathOf(staged.sha256);
    await mkdir(join(root, staged.sha256.slice(0, 2)), { recursive: true });
    // rename() replaces atomically; an existing blob of the same hash has the same bytes.
    await rename(staged.tempPath, target);
  };

  return {
    root,
    pathOf,
    size: async (sha256) => {
      if (!SHA256_HEX.test(sha256)) return null;
      try {
        const info = await stat(pathOf(sha256));
        return info.isFile() ? info.size : null;
      } catch {
        return null;
      }
    },
    stage,
    commit,
    discard,
    put: async (bytes) => {
      const staged = await stage([bytes], Number.MAX_SAFE_INTEGER);
      await commit(staged);
      return { sha256: staged.sha256, size: staged.size };
    },
  };
}

async function removeStaleTemps(tempDir: string): Promise<void> {
  const cutoff = Date.now() - STALE_TEMP_MS;
  for (const name of await readdir(tempDir)) {
    const path = join(tempDir, name);
    const info = await stat(path).catch(() => null);
    if (info !== null && info.mtimeMs < cutoff) await unlink(path).catch(() => undefined);
  }
}
