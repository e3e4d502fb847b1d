import { and, asc, eq, gt, isNull, lte, or } from 'drizzle-orm';
import type { SQL } from 'drizzle-orm';
import { changeSchema, type Change } from '../../../shared/protocol/changes.ts';
import type { PullRequest, PullResponse } from '../../../shared/protocol/socket.ts';
import { isStaff, type Principal } from '../auth/authService.ts';
import type { Database } from '../db/openDatabase.ts';
import { changeLog } from '../db/schema.ts';
import { memberCanSee } from '../meetings/meetingAccess.ts';
import type { ServerContext } from '../ServerContext.ts';
import { readChangeHead } from './appendChanges.ts';

/**
 * Which entries `principal` may see, decided now (not when the entry was written):
 * - targeted entries only reach their target;
 * - global entries (meeting_id null: the users directory) reach everyone logged in;
 * - staff see every untargeted entry (drafts included);
 * - a member sees meeting entries while they may see the meeting — except a tombstone
 *   targeted to them, which they see precisely because they no longer may;
 * - an owned entry (a member's position or ballot) reaches, among members, only its owner.
 */
export function visibleTo(db: Database, principal: Principal): SQL {
  const reachesCaller = or(
    isNull(changeLog.targetUserId),
    eq(changeLog.targetUserId, principal.userId),
  );
  if (isStaff(principal.role)) return reachesCaller ?? isNull(changeLog.targetUserId);
  const allowed = or(
    isNull(changeLog.meetingId),
    and(eq(changeLog.targetUserId, principal.userId), eq(changeLog.op, 'delete')),
    memberCanSee(db, principal.userId, changeLog.meetingId),
  );
  const owned = or(isNull(changeLog.ownerUserId), eq(changeLog.ownerUserId, principal.userId));
  const condition = and(reachesCaller, allowed, owned);
  if (condition === undefined) throw new Error('unreachable: and() of defined conditions');
  return condition;
}

/**
 * One page of the change log after `since`, filtered for the caller.
 *
 * 1. Read the head first: every entry <= head is committed (see appendChanges), so the window
 *    (since, min(head, since + config.pullScanWindow)] has no holes that could fill in later.
 * 2. Take up to `limit` visible entries of that window, in seq order.
 * 3. `cursor` is the last seq examined: the last returned entry when the page is full,
 *    otherwise the end of the window — so a stretch of invisible entries still advances it.
 */
export async function pullChanges(
  ctx: ServerContext,
  principal: Principal,
  request: PullRequest,
): Promise<PullResponse> {
  const head = await readChangeHead(ctx.db);
  if (request.since >= head) {
    // Nothing new (or a cursor from another database: keep it, and say so in the log).
    if (request.since > head)
      ctx.logger.warn('pull past the head of the log', {
        since: request.since,
        head,
        userId: principal.userId,
      });
    return { changes: [], cursor: request.since, hasMore: false };
  }
  const windowEnd = Math.min(head, request.since + ctx.config.pullScanWindow);
  const rows = await ctx.db
    .select()
    .from(changeLog)
    .where(
      and(
        gt(changeLog.seq, request.since),
        lte(changeLog.seq, windowEnd),
        visibleTo(ctx.db, principal),
      ),
    )
    .orderBy(asc(changeLog.seq))
    .limit(request.limit + 1);

  const full = rows.length > request.limit;
  const page = full ? rows.slice(0, request.limit) : rows;
  const changes = page.map((row): Change => {
    const change =
      row.op === 'delete'
        ? { seq: row.seq, op: 'delete', entity: row.entity, id: row.entityId }
        : { seq: row.seq, op: 'upsert', entity: row.entity, data: row.data };
    // Rows are parsed like any other input (they were valid when written).
    return changeSchema.parse(change);
  });
  const last = page.at(-1);
  const cursor = full && last !== undefined ? last.seq : windowEnd;
  return { changes, cursor, hasMore: cursor < head };
}
