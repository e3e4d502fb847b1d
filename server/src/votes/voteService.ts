import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import type { Vote } from '../../../shared/domain/vote.ts';
import type { VoteCloseRequest, VoteOpenRequest } from '../../../shared/protocol/secretariat.ts';
import { RULE_SETS } from '../../../shared/rules/ruleSet.ts';
import { actorOf, requireRole, type Principal } from '../auth/authService.ts';
import { upsertChange } from '../changes/pendingChange.ts';
import { votes } from '../db/memberSchema.ts';
import { agendaItems } from '../db/schema.ts';
import { toVote } from '../db/toMemberDomain.ts';
import { writeTransaction } from '../db/writeTransaction.ts';
import { lockMeeting } from '../meetings/meetingAccess.ts';
import type { ServerContext } from '../ServerContext.ts';
import { ServerError } from '../ServerError.ts';
import { closeLockedVote } from './closeLockedVote.ts';
import { lockVote } from './voteRows.ts';

const STAFF = ['secretariat', 'admin'] as const;

/**
 * `vote:open` (secretariat/admin; FORBIDDEN otherwise). Opens a live vote on an agenda item of
 * a PUBLISHED meeting (a draft has no members on the wire yet, a closed one is over: CONFLICT).
 * The vote goes to the change log for everyone who may see the meeting, with a news hint after
 * the commit. A retry with the same voteId, item and question answers the existing vote (a
 * lost ack cannot open a second one); the id taken by anything else is CONFLICT.
 */
export async function openVote(
  ctx: ServerContext,
  principal: Principal,
  request: VoteOpenRequest,
): Promise<Vote> {
  requireRole(principal, STAFF);
  if (RULE_SETS[request.ruleSetId] === undefined)
    throw new ServerError('INVALID_INPUT', 'unknown rule set');
  const meetingId = request.meetingId.toLowerCase();
  const agendaItemId = request.agendaItemId.toLowerCase();
  const voteId = request.voteId?.toLowerCase() ?? randomUUID();
  return writeTransaction(ctx, actorOf(principal), async (w) => {
    const meeting = await lockMeeting(w.tx, meetingId);
    const [item] = await w.tx
      .select({ id: agendaItems.id })
      .from(agendaItems)
      .where(and(eq(agendaItems.id, agendaItemId), eq(agendaItems.meetingId, meetingId)));
    if (item === undefined) throw new ServerError('NOT_FOUND', 'no such agenda item');
    const [existing] = await w.tx.select().from(votes).where(eq(votes.id, voteId));
    if (existing !== undefined) {
      const same =
        existing.meetingId === meetingId &&
        existing.agendaItemId === agendaItemId &&
        existing.question === request.question;
      if (!same) throw new ServerError('CONFLICT', 'this vote id is taken');
      return toVote(existing);
    }
    if (meeting.status !== 'published')
      throw new ServerError(
        'CONFLICT',
        `votes are opened in a published meeting, not a ${meeting.status} one`,
      );
    const [row] = await w.tx
      .insert(votes)
      .values({
        id: voteId,
        meetingId,
        agendaItemId,
        question: request.question,
        ruleSetId: request.ruleSetId,
        status: 'open',
        openedAt: w.now,
        openedBy: principal.userId,
        countFor: 0,
        countAgainst: 0,
        countAbstain: 0,
      })
      .returning();
    if (row === undefined) throw new Error('vote insert returned nothing');
    const vote = toVote(row);
    w.change(upsertChange('vote', vote, meetingId));
    w.audit('vote.open', vote.id, { meetingId, agendaItemId, ruleSetId: vote.ruleSetId });
    return vote;
  });
}

/**
 * `vote:close` (secretariat/admin). Closes at the SERVER's time and stores the tally
 * (closeLockedVote.ts, also used when the meeting closes) with the final counts. Closed is final: the row can no longer change (a
 * trigger refuses it), a ballot arriving later is VOTING_CLOSED, and closing again answers the
 * stored vote unchanged — never a recount.
 */
export async function closeVote(
  ctx: ServerContext,
  principal: Principal,
  request: VoteCloseRequest,
): Promise<Vote> {
  requireRole(principal, STAFF);
  return writeTransaction(ctx, actorOf(principal), async (w) => {
    const row = await lockVote(w.tx, request.voteId);
    if (row === null) throw new ServerError('NOT_FOUND', 'no such vote');
    if (row.status === 'closed') return toVote(row);
    return closeLockedVote(w, row, principal.userId);
  });
}
