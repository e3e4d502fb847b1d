import type { News, PullResponse } from '../../../shared/protocol/socket.ts';

/**
 * The page a validated `news` stands for when it carries its commit's entries AND this
 * device's stored cursor is exactly the `prevSeq` it follows: applying it (entries and cursor
 * `seq`, one transaction) leaves the replica as a pull would. null otherwise: pull instead.
 * `hasMore` is false: the entries end the log as far as this news knows.
 */
export function inlinedPage(news: News, cursor: number): PullResponse | null {
  if (news.changes === undefined || news.prevSeq !== cursor || news.seq <= cursor) return null;
  return { changes: news.changes, cursor: news.seq, hasMore: false };
}
