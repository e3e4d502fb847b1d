import type { OfflineSummary } from '../../../shared/domain/offline.ts';

/**
 * How much of a meeting is on this device, 0…1: by bytes when sizes are known, else by papers.
 * A meeting without papers counts as fully available (there is nothing left to fetch).
 */
export function offlineFraction(summary: OfflineSummary): number {
  if (summary.totalBytes > 0) return summary.cachedBytes / summary.totalBytes;
  if (summary.totalDocuments > 0) return summary.cachedDocuments / summary.totalDocuments;
  return 1;
}
