import { createHmac } from 'node:crypto';
import { mkdirSync, readdirSync, rmSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { DatabaseSync, StatementSync } from 'node:sqlite';
import type { Logger } from '../log/logger.ts';
import { immediate, immediateRelaxed } from '../store/transaction.ts';
import { BlobFileWriter } from './BlobFileWriter.ts';
import { DEFAULT_CHUNK_SIZE_LOG2 } from './blobFileFormat.ts';
import { readBlobFile, type ExpectedBlob } from './readBlobFile.ts';

/** Directory of the encrypted cache inside the data directory. */
export const BLOBS_DIR = 'blobs';
const COMPLETE_SUFFIX = '.blob';
const PART_SUFFIX = '.blob.part';

/**
 * The encrypted document cache: one file per content hash in `<dataDir>/blobs`, in the chunked
 * format of blobFileFormat.ts, named by HMAC-SHA256(dataKey, sha256) so a file name does not
 * reveal which paper it holds. `cached_blobs` lists complete, verified files.
 *
 * Invariants:
 * - a `.blob` file only ever appears by renaming a `.part` whose SHA-256 matched;
 * - a row in `cached_blobs` exists only for a blob some document version references (checked
 *   in the same transaction that inserts it; applyChanges deletes rows it releases);
 * - files are deleted after the transaction that released them commits; `sweep()` at start-up
 *   deletes whatever a crash left behind (files no version references, rows without files).
 *
 * When `enabled` is false (no secure key store) nothing is ever written here.
 */
export class BlobCache {
  readonly enabled: boolean;
  private readonly dir: string;
  private readonly db: DatabaseSync;
  private readonly dataKey: Buffer;
  private readonly log: Logger;
  private readonly chunkSizeLog2: number;
  /** Prepared once: `has` runs for every paper of every screen. */
  private hasStatement: StatementSync | null = null;

  constructor(init: {
    dataDir: string;
    db: DatabaseSync;
    dataKey: Buffer;
    enabled: boolean;
    log: Logger;
    chunkSizeLog2?: number;
  }) {
    this.dir = join(init.dataDir, BLOBS_DIR);
    this.db = init.db;
    this.dataKey = init.dataKey;
    this.enabled = init.enabled;
    this.log = init.log;
    this.chunkSizeLog2 = init.chunkSizeLog2 ?? DEFAULT_CHUNK_SIZE_LOG2;
    mkdirSync(this.dir, { recursive: true, mode: 0o700 });
  }

  /** Path of the complete file for `sha256`. */
  pathFor(sha256: string): string {
    return join(this.dir, this.fileName(sha256) + COMPLETE_SUFFIX);
  }

  has(sha256: string): boolean {
    this.hasStatement ??= this.db.prepare('SELECT 1 AS found FROM cached_blobs WHERE sha256 = ?');
    return this.hasStatement.get(sha256) !== undefined;
  }

  /** Opens the resumable writer for a download of `expected`. */
  async openWriter(expected: ExpectedBlob): Promise<BlobFileWriter> {
    if (!this.enabled) throw new Error('the blob cache is disabled');
    return BlobFileWriter.open(
      this.pathFor(expected.sha256),
      this.dataKey,
      expected,
      this.chunkSizeLog2,
    );
  }

  /**
   * Records a finished file. Returns false (and deletes the file) when no version references
   * the blob any more (a tombstone arrived during the download). The row is committed without
   * waiting for the disk: if a power cut loses it, `sweep()` indexes the file again.
   */
  async commit(expected: ExpectedBlob, now: number): Promise<boolean> {
    const kept = immediateRelaxed(this.db, () => {
      if (
        this.db
          .prepare('SELECT 1 AS found FROM document_versions WHERE sha256 = ? LIMIT 1')
          .get(expected.sha256) === undefined
      )
        return false;
      this.db
        .prepare(
          'INSERT OR REPLACE INTO cached_blobs (sha256, size, completed_at) VALUES (?, ?, ?)',
        )
        .run(expected.sha256, expected.size, now);
      return true;
    });
    if (!kept) await this.removeFiles([expected.sha256]);
    return kept;
  }

  /** Decrypts and verifies a cached blob (throws BlobIntegrityError or ENOENT). */
  read(expected: ExpectedBlob): Promise<Buffer> {
    return readBlobFile(this.pathFor(expected.sha256), this.dataKey, expected);
  }

  /** Forgets a blob: index row first, then its files (complete and partial). */
  async remove(sha256: string): Promise<void> {
    this.db.prepare('DELETE FROM cached_blobs WHERE sha256 = ?').run(sha256);
    await this.removeFiles([sha256]);
  }

  /** Deletes the files of blobs whose rows are already gone (post-commit step of a tombstone). */
  async removeFiles(sha256s: readonly string[]): Promise<void> {
    for (const sha of sha256s) {
      const base = join(this.dir, this.fileName(sha));
      await rm(base + COMPLETE_SUFFIX, { force: true });
      await rm(base + PART_SUFFIX, { force: true });
    }
  }

  /** Deletes every cached file (replica wiped, or caching not allowed). */
  removeAll(): void {
    this.db.exec('DELETE FROM cached_blobs');
    for (const name of readdirSync(this.dir))
      rmSync(join(this.dir, name), { force: true, recursive: true });
  }

  /**
   * Start-up repair, run before any download starts: deletes files no document version
   * references (orphans of a crash between a tombstone's commit and its file deletion, or of
   * a wiped replica), drops rows whose file is missing, and indexes complete files whose row
   * a crash prevented. Returns the number of files deleted.
   */
  sweep(): number {
    if (!this.enabled) {
      const count = readdirSync(this.dir).length;
      this.removeAll();
      return count;
    }
    const referenced = new Map<string, { sha256: string; size: number }>();
    for (const row of this.db
      .prepare('SELECT sha256, MAX(size) AS size FROM document_versions GROUP BY sha256')
      .all()) {
      const sha = row['sha256'];
      const size = row['size'];
      if (typeof sha === 'string' && typeof size === 'number')
        referenced.set(this.fileName(sha), { sha256: sha, size });
    }
    const present = new Set<string>();
    let deleted = 0;
    for (const name of readdirSync(this.dir)) {
      const base = name.endsWith(PART_SUFFIX)
        ? name.slice(0, -PART_SUFFIX.length)
        : name.endsWith(COMPLETE_SUFFIX)
          ? name.slice(0, -COMPLETE_SUFFIX.length)
          : null;
      if (base !== null && referenced.has(base)) {
        if (name.endsWith(COMPLETE_SUFFIX)) present.add(base);
        continue;
      }
      rmSync(join(this.dir, name), { force: true, recursive: true });
      deleted++;
    }
    immediate(this.db, () => {
      const rows = this.db.prepare('SELECT sha256 FROM cached_blobs').all();
      for (const row of rows) {
        const sha = row['sha256'];
        if (typeof sha === 'string' && !present.has(this.fileName(sha)))
          this.db.prepare('DELETE FROM cached_blobs WHERE sha256 = ?').run(sha);
      }
      for (const base of present) {
        const blob = referenced.get(base);
        if (blob)
          this.db
            .prepare(
              'INSERT OR IGNORE INTO cached_blobs (sha256, size, completed_at) VALUES (?, ?, 0)',
            )
            .run(blob.sha256, blob.size);
      }
    });
    if (deleted > 0) this.log.info('blob cache sweep removed orphan files', { deleted });
    return deleted;
  }

  private fileName(sha256: string): string {
    return createHmac('sha256', this.dataKey)
      .update(`ecabinet/blob-name/v1:${sha256}`)
      .digest('hex');
  }
}
