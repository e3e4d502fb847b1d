import { randomUUID } from 'node:crypto';
import type { Reminder } from '../../../shared/domain/reminder.ts';
import type { Actor } from '../audit/auditLog.ts';
import { upsertChange } from '../changes/pendingChange.ts';
import { and, eq, isNull } from '../db/operators.ts';
import { opinionBallots, opinions } from '../db/opinionSchema.ts';
import { reminders } from '../db/reminderSchema.ts';
import { writeTransaction } from '../db/writeTransaction.ts';
import type { ServerContext } from '../ServerContext.ts';
import { ServerError } from '../ServerError.ts';
import { loadOpinionBallot } from './ballotRows.ts';

/**
 * Reminds members asked on an open ballot to answer (secretariat). The members reminded are
 * those named (or, without names, every member asked) who have no verified current opinion;
 * one answered meanwhile is skipped. Each reminder is a change-log entry TARGETED to its member:
 * only that member's devices receive it (not other members, not the secretariat's devices).
 * One audit row per send, listing who was reminded.
 * Errors: NOT_FOUND (no such ballot), CONFLICT (closed), INVALID_INPUT (a name not asked).
 */
export async function sendBallotReminders(
  ctx: ServerContext,
  actor: Actor,
  ballotId: string,
  memberIds: readonly string[] | undefined,
): Promise<Reminder[]> {
  return writeTransaction(ctx, actor, async (w) => {
    // Share lock: a close waits for this send and a send after a close sees it closed.
    const [row] = await w.tx
      .select({ status: opinionBallots.status })
      .from(opinionBallots)
      .where(eq(opinionBallots.id, ballotId))
      .for('share');
    if (row === undefined) throw new ServerError('NOT_FOUND', 'no such ballot');
    if (row.status === 'closed') throw new ServerError('CONFLICT', 'the ballot is closed');
    const ballot = await loadOpinionBallot(w.tx, ballotId);
    if (ballot === null) throw new Error('ballot vanished');
    const asked = new Set(ballot.eligibleMemberIds);
    const named =
      memberIds === undefined ? null : [...new Set(memberIds.map((m) => m.toLowerCase()))];
    if (named !== null && named.some((m) => !asked.has(m)))
      throw new ServerError('INVALID_INPUT', 'every member reminded must be asked on the ballot');
    const answered = new Set(
      (
        await w.tx
          .select({ memberId: opinions.memberId })
          .from(opinions)
          .where(
            and(
              eq(opinions.ballotId, ballotId),
              eq(opinions.status, 'verified'),
              isNull(opinions.supersededBy),
            ),
          )
      ).map((r) => r.memberId),
    );
    const targets = (named ?? ballot.eligibleMemberIds).filter((m) => !answered.has(m)).sort();
    if (targets.length === 0) return [];
    const sent: Reminder[] = targets.map((memberId) => ({
      id: randomUUID(),
      kind: 'opinionBallot',
      memberId,
      ballotId,
      question: ballot.question,
      deadline: ballot.deadline,
      sentAt: w.now.toISOString(),
    }));
    await w.tx.insert(reminders).values(
      sent.map((r) => ({
        id: r.id,
        ballotId,
        memberId: r.memberId,
        sentBy: w.actor.userId,
        sentAt: w.now,
      })),
    );
    w.change(...sent.map((r) => upsertChange('reminder', r, null, r.memberId)));
    w.audit('reminder.send', ballotId, { members: targets });
    return sent;
  });
}
