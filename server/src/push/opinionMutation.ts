import { createHash } from 'node:crypto';
import type { MutationArgs } from '../../../shared/sync/mutations.ts';
import { parseOpinionPayloadBytes } from '../../../shared/opinions/parsePayload.ts';
import type { OpinionVerifyCode } from '../../../shared/opinions/verifyCodes.ts';
import { and, eq, isNull } from '../db/operators.ts';
import type { Database } from '../db/openDatabase.ts';
import { opinionBallotMembers, opinionBallots, opinions } from '../db/opinionSchema.ts';
import { memberOnlyUpsertChange } from '../changes/pendingChange.ts';
import { toOpinionRecord } from '../opinions/ballotRows.ts';
import { opinionLookups } from '../opinions/opinionLookups.ts';
import { trustStoreFor } from '../opinions/trustStoreFor.ts';
import { verifyOpinion } from '../opinions/verify/verifyOpinion.ts';
import { MutationRejected } from './MutationRejected.ts';
import type { MutationScope } from './MutationScope.ts';

const sha256Hex = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');

/**
 * A signed written opinion (workflow 4), checked in this order:
 * 1. NOT_FOUND unless the ballot exists and the caller is one of its members (same answer);
 * 2. OPINION_REJECTED "REPLAY" when this opinion id was already received (nothing kept);
 * 3. BALLOT_CLOSED when the secretariat closed the ballot before it arrived (its result is
 *    stored and final);
 * 4. verifyOpinion on trusted time = the server's receipt (`s.now`), with the bound
 *    certificates, the ballot's current document versions and GRACE_SECONDS; then the grace
 *    rule's other half: signingTime ≤ deadline (the device clock never extends a deadline, and
 *    the grace period only covers opinions signed in time that arrived late).
 * A refusal is OPINION_REJECTED with the verify code first in the message ("STALE_DOCUMENTS: …"),
 * and the opinion is kept as rejected evidence with its code (outside the rolled-back savepoint).
 * A verified opinion supersedes the member's previous verified one (kept, superseded_by set).
 */
export async function submitOpinion(
  s: MutationScope,
  args: MutationArgs<'opinion.submit'>,
): Promise<void> {
  const memberId = s.principal.userId;
  // Share lock: closing the ballot (ballotService.closeOpinionBallot) waits for this push, and a
  // push after a close sees it closed.
  const [ballot] = await s.tx
    .select()
    .from(opinionBallots)
    .where(eq(opinionBallots.id, args.ballotId))
    .for('share');
  const [member] = await s.tx
    .select({ userId: opinionBallotMembers.userId })
    .from(opinionBallotMembers)
    .where(
      and(
        eq(opinionBallotMembers.ballotId, args.ballotId),
        eq(opinionBallotMembers.userId, memberId),
      ),
    );
  if (ballot === undefined || member === undefined)
    throw new MutationRejected('NOT_FOUND', 'no such ballot');
  const [seen] = await s.tx
    .select({ id: opinions.id })
    .from(opinions)
    .where(eq(opinions.id, args.opinionId));
  if (seen !== undefined)
    throw new MutationRejected('OPINION_REJECTED', 'REPLAY: this opinion was already received');

  const payloadBytes = new Uint8Array(Buffer.from(args.payloadBase64, 'base64'));
  const signatureDer = new Uint8Array(Buffer.from(args.signatureBase64, 'base64'));
  const base = {
    id: args.opinionId,
    ballotId: ballot.id,
    memberId,
    payload: payloadBytes,
    signature: signatureDer,
    signatureSha256: sha256Hex(signatureDer),
    replayKey: sha256Hex(payloadBytes),
    receivedAt: s.now,
  };
  const reject = (code: OpinionVerifyCode, message: string): never => {
    const parsed = parseOpinionPayloadBytes(payloadBytes);
    const claimed = parsed.ok ? parsed.value : null;
    throw new MutationRejected('OPINION_REJECTED', `${code}: ${message}`, async (tx: Database) => {
      const [row] = await tx
        .insert(opinions)
        .values({
          ...base,
          choice: claimed?.choice ?? null,
          text: claimed?.text ?? '',
          exceptions: claimed?.exceptions ?? [],
          certSerial: claimed?.certSerial ?? null,
          signingTime: null,
          status: 'rejected',
          code,
          message,
        })
        .returning();
      if (row === undefined) throw new Error('opinion insert returned nothing');
      return [memberOnlyUpsertChange('opinion', toOpinionRecord(row, ballot.meetingId), memberId)];
    });
  };

  if (ballot.status === 'closed')
    return reject('BALLOT_CLOSED', 'the ballot was closed before this opinion arrived');

  const trust = await trustStoreFor(s.config);
  if (trust === null) return reject('UNTRUSTED_CHAIN', 'the server has no trust configuration');
  const graceMs = s.config.opinionGraceSeconds * 1000;
  const verified = await verifyOpinion({
    signatureDer,
    payloadBytes,
    envelope: { ballotId: ballot.id, memberId, deviceId: s.principal.deviceId },
    trustedTime: s.now,
    trust,
    lookups: opinionLookups(s.tx, graceMs),
  });
  if (!verified.ok) return reject(verified.error.code, verified.error.message);
  const v = verified.value;
  if (v.signingTime.getTime() > ballot.deadline.getTime())
    return reject('LATE', 'signed after the deadline');

  // Supersede: the member's current verified opinion, if any, stays as history.
  const previous = await s.tx
    .update(opinions)
    .set({ supersededBy: args.opinionId })
    .where(
      and(
        eq(opinions.ballotId, ballot.id),
        eq(opinions.memberId, memberId),
        eq(opinions.status, 'verified'),
        isNull(opinions.supersededBy),
      ),
    )
    .returning();
  const [row] = await s.tx
    .insert(opinions)
    .values({
      ...base,
      signatureSha256: v.signatureSha256,
      replayKey: v.replayKey,
      choice: v.payload.choice,
      text: v.payload.text,
      exceptions: v.payload.exceptions,
      certSerial: v.certSerial,
      signingTime: v.signingTime,
      status: 'verified',
      code: null,
      message: v.subject,
      supersedes: previous[0]?.id ?? null,
    })
    .returning();
  if (row === undefined) throw new Error('opinion insert returned nothing');
  s.change(
    ...previous.map((p) =>
      memberOnlyUpsertChange('opinion', toOpinionRecord(p, ballot.meetingId), memberId),
    ),
    memberOnlyUpsertChange('opinion', toOpinionRecord(row, ballot.meetingId), memberId),
  );
  s.audit('opinion.verified', args.opinionId, {
    ballotId: ballot.id,
    choice: v.payload.choice,
    certSha256: v.certSha256,
    replayKey: v.replayKey,
    signingTime: v.signingTime.toISOString(),
  });
}
