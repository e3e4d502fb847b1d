import type { DatabaseSync } from 'node:sqlite';
import type { DownloadState } from '../../../shared/domain/offline.ts';
import type { ChannelOutput } from '../../../shared/ipc/contract.ts';
import { IpcError } from '../../../shared/ipc/errors.ts';
import type { Logger } from '../log/logger.ts';
import type { ReplicaReader } from '../store/ReplicaReader.ts';
import type { BlobCache } from './BlobCache.ts';
import { BlobIntegrityError } from './blobFileFormat.ts';
import { RecentPaperBytes } from './RecentPaperBytes.ts';
import type { DocumentFetcher, DownloadTarget } from './DocumentFetcher.ts';

/** A version's verified bytes with the paper's copy policy (documents:read). */
export type PaperBytes = ChannelOutput<'documents:read'>;

export interface DocumentServiceDeps {
  db: DatabaseSync;
  reader: ReplicaReader;
  cache: BlobCache;
  fetcher: DocumentFetcher;
  /** True while the server can be asked (signed in and connected). */
  isOnline: () => boolean;
  /** True while a session is active (downloads need a token). */
  canDownload: () => boolean;
  now: () => number;
  log: Logger;
}

/**
 * documents:download and documents:read. Bytes leave the core only after their SHA-256 matched
 * the manifest (the synced document version). A cached file that fails verification is never
 * returned: it is deleted and fetched again, and the caller gets INTEGRITY_FAILED.
 */
export class DocumentService {
  private readonly deps: DocumentServiceDeps;
  /** Verified papers answered lately (reopening skips decrypt and hash): RecentPaperBytes. */
  private readonly recent = new RecentPaperBytes();

  constructor(deps: DocumentServiceDeps) {
    this.deps = deps;
  }

  /**
   * Remembers that the meeting should stay available offline and queues every current version
   * not cached yet. Returns how many were queued (0 when the cache is disabled: papers are
   * then read online only).
   */
  download(meetingId: string): number {
    if (!this.deps.reader.meeting(meetingId))
      throw new IpcError('NOT_FOUND', 'no such meeting on this device');
    if (!this.deps.cache.enabled) return 0;
    this.deps.db
      .prepare('INSERT OR IGNORE INTO offline_meetings (meeting_id, requested_at) VALUES (?, ?)')
      .run(meetingId, this.deps.now());
    return this.queueMissing(meetingId);
  }

  /** After a sync or a login: fetches new current versions of meetings kept offline. */
  topUp(meetingIds?: readonly string[]): void {
    if (!this.deps.cache.enabled || !this.deps.canDownload()) return;
    const wanted = new Set<string>();
    for (const row of this.deps.db.prepare('SELECT meeting_id FROM offline_meetings').all()) {
      if (typeof row['meeting_id'] === 'string') wanted.add(row['meeting_id']);
    }
    for (const id of meetingIds ?? [...wanted]) if (wanted.has(id)) this.queueMissing(id);
  }

  /** Forgets the papers kept in memory (the replica changed hands). */
  forgetRecent(): void {
    this.recent.clear();
  }

  /** What PaperView shows for one version. */
  downloadState(sha256: string, size: number): DownloadState {
    const live = this.deps.fetcher.state(sha256);
    if (live) return live;
    if (this.deps.cache.enabled && this.deps.cache.has(sha256))
      return { state: 'complete', receivedBytes: size, totalBytes: size, error: null };
    return { state: 'none', receivedBytes: 0, totalBytes: size, error: null };
  }

  async read(documentId: string): Promise<PaperBytes> {
    const document = this.deps.reader.document(documentId);
    if (!document) throw new IpcError('NOT_FOUND', 'no such document on this device');
    const version = this.deps.reader.version(document.id, document.currentVersion);
    if (!version) throw new IpcError('NOT_CACHED', 'the current version has not synced yet');
    return this.readVersionOf(document, version);
  }

  /**
   * One version's bytes (an older one, e.g. to show what changed since the member annotated
   * it): from the cache when it is there, else fetched (into the cache when it is enabled).
   * Versions are content-addressed, so the same verification applies.
   */
  async readVersion(
    documentId: string,
    versionNumber: number,
  ): Promise<PaperBytes> {
    const document = this.deps.reader.document(documentId);
    if (!document) throw new IpcError('NOT_FOUND', 'no such document on this device');
    const version = this.deps.reader.version(document.id, versionNumber);
    if (!version)
      throw new IpcError('NOT_FOUND', 'no such version of this document on this device');
    return this.readVersionOf(document, version);
  }

  private async readVersionOf(
    document: { id: string; meetingId: string; copyAllowed: boolean },
    version: { sha256: string; size: number; version: number },
  ): Promise<PaperBytes> {
    const target: DownloadTarget = {
      sha256: version.sha256,
      size: version.size,
      meetingId: document.meetingId,
      documentId: document.id,
    };
    const answer = (base64: string): PaperBytes => ({
      sha256: version.sha256,
      version: version.version,
      base64,
      copyAllowed: document.copyAllowed,
    });
    const done = (bytes: Buffer): PaperBytes => {
      const base64 = bytes.toString('base64');
      this.recent.put(version.sha256, base64);
      return answer(base64);
    };
    const hot = this.recent.get(version.sha256);
    if (hot !== undefined) return answer(hot);

    const { cache } = this.deps;
    if (cache.enabled && cache.has(target.sha256)) {
      const cached = await this.readCached(target);
      if (cached) return done(cached);
    }
    if (!this.deps.isOnline()) throw new IpcError('NOT_CACHED', 'not available offline');
    if (!cache.enabled)
      return done(
        await this.viaNetwork(() => this.deps.fetcher.fetchToMemory(target.sha256, target.size)),
      );
    await this.viaNetwork(() => this.deps.fetcher.enqueue(target));
    const fetched = await this.readCached(target);
    if (!fetched) throw new IpcError('NOT_CACHED', 'the downloaded copy disappeared');
    return done(fetched);
  }

  /** The verified plaintext; null when the file is missing (its index row is dropped). */
  private async readCached(target: DownloadTarget): Promise<Buffer | null> {
    const expected = { sha256: target.sha256, size: target.size };
    try {
      return await this.deps.cache.read(expected);
    } catch (error) {
      this.recent.delete(target.sha256);
      await this.deps.cache.remove(target.sha256);
      if (error instanceof BlobIntegrityError) {
        this.deps.log.warn('cached paper failed verification; deleted and queued again', {
          sha256: target.sha256,
          reason: error.message,
        });
        if (this.deps.canDownload()) this.deps.fetcher.enqueue(target).catch(() => {});
        throw new IpcError(
          'INTEGRITY_FAILED',
          'the cached copy was damaged; it is being downloaded again',
        );
      }
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw error;
    }
  }

  /** Runs a network read; failures other than integrity become NOT_CACHED for the caller. */
  private async viaNetwork<T>(work: () => Promise<T>): Promise<T> {
    try {
      return await work();
    } catch (error) {
      if (
        error instanceof IpcError &&
        (error.code === 'INTEGRITY_FAILED' || error.code === 'NOT_FOUND')
      )
        throw error;
      throw new IpcError(
        'NOT_CACHED',
        `could not fetch the paper: ${error instanceof Error ? error.message : String(error)}`,
      );
    }
  }

  private queueMissing(meetingId: string): number {
    let queued = 0;
    for (const version of this.deps.reader.currentVersions(meetingId)) {
      if (this.deps.cache.has(version.sha256)) continue;
      queued++;
      this.deps.fetcher
        .enqueue({
          sha256: version.sha256,
          size: version.size,
          meetingId,
          documentId: version.documentId,
        })
        .catch(() => {});
    }
    return queued;
  }
}
