import type {
  DownloadProgress,
  DownloadState,
  MeetingDetail,
  PaperView,
} from '../../../shared/domain/offline.ts';

/** Latest `download:progress` per document id, for one meeting. */
export type ProgressOverlay = ReadonlyMap<string, DownloadProgress>;

/**
 * What a paper's download state is now: the latest progress event for its current version, else
 * what `meetings:get` said. Invariant: a `complete` from the core always wins (an event cannot
 * un-cache a file), and an event for another version (the paper was replaced) is ignored.
 */
export function displayedDownload(paper: PaperView, overlay: ProgressOverlay): DownloadState {
  const event = overlay.get(paper.document.id);
  if (!event || !paper.version || event.sha256 !== paper.version.sha256) return paper.download;
  if (paper.download.state === 'complete') return paper.download;
  return event.download;
}

/** Every paper of a meeting, agenda order first, then the papers attached to no item. */
export function allPapers(detail: MeetingDetail): PaperView[] {
  return [...detail.items.flatMap((entry) => entry.papers), ...detail.otherPapers];
}

export interface MeetingDownloadProgress {
  /** Same rule as the core's offline summary: complete once every paper's current version is cached. */
  state: 'none' | 'partial' | 'complete';
  cachedDocuments: number;
  totalDocuments: number;
  /** Bytes on the device now, counting partial downloads. */
  receivedBytes: number;
  totalBytes: number;
  /** Papers queued or downloading now. */
  active: number;
  /** Papers whose last download failed. */
  failed: number;
}

/** Whole-meeting progress from the papers' displayed states, so the bar moves with the events. */
export function meetingDownloadProgress(
  detail: MeetingDetail,
  overlay: ProgressOverlay,
): MeetingDownloadProgress {
  const progress: MeetingDownloadProgress = {
    state: 'none',
    cachedDocuments: 0,
    totalDocuments: 0,
    receivedBytes: 0,
    totalBytes: 0,
    active: 0,
    failed: 0,
  };
  for (const paper of allPapers(detail)) {
    const download = displayedDownload(paper, overlay);
    const size = paper.version?.size ?? 0;
    progress.totalDocuments += 1;
    progress.totalBytes += size;
    if (download.state === 'complete') {
      progress.cachedDocuments += 1;
      progress.receivedBytes += size;
    } else {
      progress.receivedBytes += Math.min(download.receivedBytes, size);
      if (download.state === 'queued' || download.state === 'downloading') progress.active += 1;
      if (download.state === 'failed') progress.failed += 1;
    }
  }
  progress.state =
    progress.cachedDocuments >= progress.totalDocuments
      ? 'complete'
      : progress.cachedDocuments === 0
        ? 'none'
        : 'partial';
  return progress;
}

/**
 * The overlay to keep after a fresh `meetings:get`: events still newer than the answer (in
 * flight) stay; events the answer already includes (finished, or for a version no longer
 * current) go.
 */
export function pruneOverlay(
  detail: MeetingDetail,
  overlay: ProgressOverlay,
): Map<string, DownloadProgress> {
  const kept = new Map<string, DownloadProgress>();
  for (const paper of allPapers(detail)) {
    const event = overlay.get(paper.document.id);
    if (!event || !paper.version || event.sha256 !== paper.version.sha256) continue;
    if (paper.download.state === 'complete') continue;
    if (event.download.state === 'complete' || event.download.state === 'failed') continue;
    kept.set(paper.document.id, event);
  }
  return kept;
}
