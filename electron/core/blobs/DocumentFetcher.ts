import type { DownloadProgress, DownloadState } from '../../../shared/domain/offline.ts';
import { IpcError, type IpcErrorCode } from '../../../shared/ipc/errors.ts';
import type { Logger } from '../log/logger.ts';
import type { FetchLike } from '../session/requestLogin.ts';
import { backoffDelay } from '../sync/backoff.ts';
import type { BlobCache } from './BlobCache.ts';
import type { BlobFileWriter } from './BlobFileWriter.ts';
import { BlobIntegrityError } from './blobFileFormat.ts';
import { BlobTransientError } from './fetchErrors.ts';
import type { FetcherTuning } from './FetcherTuning.ts';
import { ProgressThrottle } from './ProgressThrottle.ts';
import { abortableSleep } from './abortableSleep.ts';
import { classifyDownloadError } from './classifyDownloadError.ts';
import { fetchBlobToMemory } from './fetchBlobToMemory.ts';
import { readBody, requestBlob } from './requestBlob.ts';

export interface DownloadTarget {
  sha256: string;
  /** Plaintext size from the manifest, bytes. */
  size: number;
  meetingId: string;
  documentId: string;
}

export interface FetcherDeps {
  cache: BlobCache;
  fetch: FetchLike;
  credentials: () => { serverUrl: string; token: string } | null;
  onAuthFailure: (reason: 'expired' | 'revoked') => void;
  emitProgress: (progress: DownloadProgress) => void;
  now: () => number;
  log: Logger;
  tuning: FetcherTuning;
}

interface Job {
  sha256: string;
  size: number;
  /** documentId → meetingId of every paper waiting for these bytes. */
  targets: Map<string, string>;
  state: DownloadState;
  abort: AbortController;
  done: Promise<void>;
  resolve: () => void;
  reject: (error: IpcError) => void;
}

class Cancelled extends Error {}

/**
 * Downloads current document versions into the encrypted cache: one job per content hash,
 * at most `parallelism` at once, each resumed with Range after a cut, verified (SHA-256 over
 * the plaintext stream) before it counts as complete, refetched a bounded number of times on
 * a mismatch. Progress goes out as `download:progress`, throttled per download.
 */
export class DocumentFetcher {
  private readonly deps: FetcherDeps;
  private readonly jobs = new Map<string, Job>();
  private readonly queue: Job[] = [];
  private readonly failures = new Map<string, DownloadState>();
  private readonly throttle: ProgressThrottle;
  private readonly running = new Set<Promise<void>>();
  private closed = false;

  constructor(deps: FetcherDeps) {
    this.deps = deps;
    this.throttle = new ProgressThrottle(deps.tuning.progressIntervalMs, deps.now);
  }

  /**
   * Queues a download (joining one already queued for the same bytes). The promise settles
   * when the blob is cached, or rejects with a typed IpcError; callers that do not wait must
   * still handle the rejection.
   */
  enqueue(target: DownloadTarget): Promise<void> {
    if (this.closed) return Promise.reject(new IpcError('NOT_AVAILABLE', 'closing'));
    if (!this.deps.cache.enabled)
      return Promise.reject(
        new IpcError('NOT_CACHED', 'the encrypted cache is disabled on this device'),
      );
    if (this.deps.cache.has(target.sha256)) return Promise.resolve();
    const existing = this.jobs.get(target.sha256);
    if (existing) {
      existing.targets.set(target.documentId, target.meetingId);
      return existing.done;
    }
    this.failures.delete(target.sha256);
    let resolve = (): void => {};
    let reject = (_error: IpcError): void => {};
    const done = new Promise<void>((res, rej) => {
      resolve = res;
      reject = rej;
    });
    const job: Job = {
      sha256: target.sha256,
      size: target.size,
      targets: new Map([[target.documentId, target.meetingId]]),
      state: { state: 'queued', receivedBytes: 0, totalBytes: target.size, error: null },
      abort: new AbortController(),
      done,
      resolve,
      reject,
    };
    this.jobs.set(job.sha256, job);
    this.queue.push(job);
    this.emit(job, true);
    this.pump();
    return done;
  }

  /** The download state of a blob as far as this process knows (null: ask the cache). */
  state(sha256: string): DownloadState | null {
    return this.jobs.get(sha256)?.state ?? this.failures.get(sha256) ?? null;
  }

  /** Drops a download whose blob is no longer referenced (tombstone). */
  cancel(sha256: string): void {
    const job = this.jobs.get(sha256);
    this.failures.delete(sha256);
    if (!job) return;
    job.abort.abort();
    const index = this.queue.indexOf(job);
    if (index >= 0) {
      this.queue.splice(index, 1);
      this.finishJob(job, new Cancelled());
    }
  }

  /** Cancels everything and waits for running transfers to stop (their `.part` files stay). */
  async close(): Promise<void> {
    this.closed = true;
    for (const sha of [...this.jobs.keys()]) this.cancel(sha);
    await Promise.allSettled([...this.running]);
  }

  /** Cancels everything but stays usable (logout, replica wiped). */
  async cancelAll(): Promise<void> {
    for (const sha of [...this.jobs.keys()]) this.cancel(sha);
    await Promise.allSettled([...this.running]);
  }

  /**
   * Read-through without the cache (no secure key store): the whole blob in memory, returned
   * only if its SHA-256 and size match. Plaintext never touches the disk.
   */
  async fetchToMemory(sha256: string, size: number): Promise<Buffer> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await fetchBlobToMemory(this.deps, sha256, size);
      } catch (error) {
        const code = this.classify(error);
        const retry =
          code === 'INTEGRITY_FAILED'
            ? attempt <= this.deps.tuning.integrityRetries
            : code === 'SERVER_UNREACHABLE' && attempt < this.deps.tuning.maxAttempts;
        if (!retry) throw new IpcError(code, `read-through failed: ${String(error)}`);
      }
    }
  }

  private pump(): void {
    while (
      !this.closed &&
      this.running.size < this.deps.tuning.parallelism &&
      this.queue.length > 0
    ) {
      const job = this.queue.shift();
      if (!job) break;
      const run: Promise<void> = this.run(job).finally(() => {
        this.running.delete(run);
        this.pump();
      });
      this.running.add(run);
    }
  }

  private async run(job: Job): Promise<void> {
    let integrityFailures = 0;
    let transientFailures = 0;
    job.state = { ...job.state, state: 'downloading' };
    this.emit(job, true);
    for (;;) {
      try {
        if (job.abort.signal.aborted) throw new Cancelled();
        await this.downloadOnce(job);
        this.finishJob(job, null);
        return;
      } catch (error) {
        if (error instanceof Cancelled || job.abort.signal.aborted) {
          this.finishJob(job, new Cancelled());
          return;
        }
        const code = this.classify(error);
        if (code === 'INTEGRITY_FAILED') integrityFailures++;
        if (code === 'SERVER_UNREACHABLE') transientFailures++;
        const retry =
          (code === 'INTEGRITY_FAILED' && integrityFailures <= this.deps.tuning.integrityRetries) ||
          (code === 'SERVER_UNREACHABLE' && transientFailures < this.deps.tuning.maxAttempts);
        this.deps.log.warn('download attempt failed', {
          sha256: job.sha256,
          code,
          retry,
          error: String(error),
        });
        if (!retry) {
          this.finishJob(job, new IpcError(code, `download failed: ${String(error)}`));
          return;
        }
        if (code === 'SERVER_UNREACHABLE') {
          const delay = backoffDelay(
            transientFailures,
            this.deps.tuning.retryBackoff,
            this.deps.tuning.random,
          );
          if (!(await abortableSleep(delay, job.abort.signal))) {
            this.finishJob(job, new Cancelled());
            return;
          }
        }
      }
    }
  }

  /** One attempt: resume (or start) the `.part`, transfer the rest, verify, rename, index. */
  private async downloadOnce(job: Job): Promise<void> {
    const credentials = this.deps.credentials();
    if (!credentials) throw new IpcError('NOT_LOGGED_IN', 'not signed in');
    const expected = { sha256: job.sha256, size: job.size };
    const writer = await this.deps.cache.openWriter(expected);
    try {
      if (!writer.complete) await this.transfer(job, writer, credentials);
      await writer.finish();
    } catch (error) {
      if (error instanceof BlobIntegrityError) await writer.discard();
      else await writer.close();
      throw error;
    }
    if (!(await this.deps.cache.commit(expected, this.deps.now()))) throw new Cancelled();
  }

  private async transfer(
    job: Job,
    writer: BlobFileWriter,
    credentials: { serverUrl: string; token: string },
  ): Promise<void> {
    const offset = writer.plainOffset;
    this.progress(job, offset);
    const response = await requestBlob(
      this.deps.fetch,
      credentials.serverUrl,
      credentials.token,
      job.sha256,
      offset,
      job.abort.signal,
      this.deps.tuning.stallTimeoutMs,
    );
    if (response.kind === 'range-refused') {
      await writer.restart();
      throw new BlobTransientError('range refused; restarting from 0');
    }
    if (response.start !== offset) {
      if (response.start !== 0) {
        await response.body.cancel();
        throw new BlobTransientError(`asked for ${offset}, got ${response.start}`);
      }
      await writer.restart(); // the server sent everything from the start
    }
    await readBody(response.body, this.deps.tuning.stallTimeoutMs, async (chunk) => {
      await writer.write(chunk);
      this.progress(job, writer.received);
    });
  }

  private classify(error: unknown): IpcErrorCode {
    const { code, authFailure } = classifyDownloadError(error);
    if (authFailure) this.deps.onAuthFailure(authFailure);
    if (code === 'INTERNAL')
      this.deps.log.error('unexpected download error', { error: String(error) });
    return code;
  }

  private progress(job: Job, received: number): void {
    job.state = { ...job.state, receivedBytes: received };
    this.emit(job, false);
  }

  private finishJob(job: Job, error: IpcError | Cancelled | null): void {
    if (this.jobs.get(job.sha256) !== job) return;
    this.jobs.delete(job.sha256);
    if (error === null) {
      job.state = { state: 'complete', receivedBytes: job.size, totalBytes: job.size, error: null };
      this.emit(job, true);
      job.resolve();
    } else if (error instanceof IpcError) {
      job.state = { ...job.state, state: 'failed', error: error.code };
      this.failures.set(job.sha256, job.state);
      this.emit(job, true);
      job.reject(error);
    } else {
      job.reject(new IpcError('NOT_FOUND', 'download cancelled'));
    }
    this.throttle.forget(job.sha256);
  }

  private emit(job: Job, force: boolean): void {
    if (!this.throttle.allow(job.sha256, force)) return;
    for (const [documentId, meetingId] of job.targets) {
      this.deps.emitProgress({ meetingId, documentId, sha256: job.sha256, download: job.state });
    }
  }
}
