import { randomUUID } from 'node:crypto';
import type { OpinionBallot } from '../../../shared/domain/opinionBallot.ts';
import type {
  BallotStatusResponse,
  CertificateBinding,
  MemberOpinionStatus,
} from '../../../shared/protocol/ballots.ts';
import type { createOpinionBallotRequestSchema } from '../../../shared/protocol/ballots.ts';
import { RULE_SETS } from '../../../shared/rules/ruleSet.ts';
import type { z } from 'zod';
import type { Actor } from '../audit/auditLog.ts';
import { memberOnlyUpsertChange } from '../changes/pendingChange.ts';
import { documents, users } from '../db/schema.ts';
import { asc, eq, inArray } from '../db/operators.ts';
import {
  certificateBindings,
  opinionBallotDocuments,
  opinionBallotMembers,
  opinionBallots,
  opinions,
} from '../db/opinionSchema.ts';
import type { Database } from '../db/openDatabase.ts';
import { writeTransaction } from '../db/writeTransaction.ts';
import type { ServerContext } from '../ServerContext.ts';
import { ServerError } from '../ServerError.ts';
import { loadOpinionBallot, toOpinionRecord } from './ballotRows.ts';
import { ballotResult } from '../../../shared/opinions/ballotResult.ts';
import { readCertificate } from './readCertificate.ts';

type CreateBallot = z.output<typeof createOpinionBallotRequestSchema>;

/**
 * Creates a written-opinion ballot (secretariat): the documents must exist with an uploaded
 * version, the members must be member accounts. Each member asked gets the ballot through the
 * change log (an entry only they see among members; staff see all).
 */
export async function createOpinionBallot(
  ctx: ServerContext,
  actor: Actor,
  input: CreateBallot,
): Promise<OpinionBallot> {
  if (RULE_SETS[input.ruleSetId] === undefined)
    throw new ServerError('INVALID_INPUT', 'unknown rule set');
  const documentIds = [...new Set(input.documentIds.map((d) => d.toLowerCase()))];
  const memberIds = [...new Set(input.eligibleMemberIds.map((m) => m.toLowerCase()))];
  return writeTransaction(ctx, actor, async (w) => {
    const id = (input.id ?? randomUUID()).toLowerCase();
    const [existing] = await w.tx
      .select({ id: opinionBallots.id })
      .from(opinionBallots)
      .where(eq(opinionBallots.id, id));
    if (existing !== undefined) throw new ServerError('CONFLICT', 'a ballot with this id exists');
    const docs = await w.tx
      .select({ id: documents.id, currentVersion: documents.currentVersion })
      .from(documents)
      .where(inArray(documents.id, documentIds));
    if (docs.length !== documentIds.length || docs.some((d) => d.currentVersion < 1))
      throw new ServerError('INVALID_INPUT', 'every document must exist and have a version');
    const members = await w.tx
      .select({ id: users.id, role: users.role })
      .from(users)
      .where(inArray(users.id, memberIds));
    if (members.length !== memberIds.length || members.some((m) => m.role !== 'member'))
      throw new ServerError('INVALID_INPUT', 'every eligible member must be a member account');
    await w.tx.insert(opinionBallots).values({
      id,
      meetingId: input.meetingId,
      question: input.question,
      deadline: new Date(input.deadline),
      ruleSetId: input.ruleSetId,
      status: 'open',
      createdBy: w.actor.userId,
      createdAt: w.now,
    });
    await w.tx
      .insert(opinionBallotDocuments)
      .values(documentIds.map((documentId, i) => ({ ballotId: id, documentId, position: i + 1 })));
    await w.tx
      .insert(opinionBallotMembers)
      .values(memberIds.map((userId) => ({ ballotId: id, userId })));
    const ballot = await loadOpinionBallot(w.tx, id);
    if (ballot === null) throw new Error('ballot vanished');
    w.change(...memberIds.map((m) => memberOnlyUpsertChange('opinionBallot', ballot, m)));
    w.audit('opinionBallot.create', id, { documents: ballot.documents, deadline: ballot.deadline });
    return ballot;
  });
}

/**
 * Re-sends the ballots on a document to their members after a new version was uploaded, so
 * devices sign the current version (older signatures are refused STALE_DOCUMENTS anyway).
 */
export async function refreshBallotsOfDocument(
  ctx: ServerContext,
  actor: Actor,
  documentId: string,
): Promise<void> {
  await writeTransaction(ctx, actor, async (w) => {
    const rows = await w.tx
      .select({ ballotId: opinionBallotDocuments.ballotId })
      .from(opinionBallotDocuments)
      .where(eq(opinionBallotDocuments.documentId, documentId));
    for (const { ballotId } of rows) {
      const ballot = await loadOpinionBallot(w.tx, ballotId);
      // A closed ballot is a record: what it was on stays as it was sent.
      if (ballot === null || ballot.status === 'closed') continue;
      w.change(
        ...ballot.eligibleMemberIds.map((m) => memberOnlyUpsertChange('opinionBallot', ballot, m)),
      );
    }
  });
}

/** Binds a certificate (PEM or DER) to a member (administrator). Rebinding moves it. */
export async function bindCertificate(
  ctx: ServerContext,
  actor: Actor,
  userId: string,
  certificateBytes: Uint8Array,
): Promise<CertificateBinding> {
  const cert = readCertificate(certificateBytes);
  if (cert === null)
    throw new ServerError('INVALID_INPUT', 'not an X.509 certificate (PEM or DER)');
  return writeTransaction(ctx, actor, async (w) => {
    const [user] = await w.tx
      .select({ role: users.role })
      .from(users)
      .where(eq(users.id, userId.toLowerCase()));
    if (user === undefined) throw new ServerError('NOT_FOUND', 'no such user');
    const values = {
      userId: userId.toLowerCase(),
      serial: cert.serialHex,
      subject: cert.subject,
      notAfter: cert.notAfter,
      certDer: cert.der,
      boundBy: w.actor.userId,
      boundAt: w.now,
    };
    await w.tx
      .insert(certificateBindings)
      .values({ sha256: cert.sha256, ...values })
      .onConflictDoUpdate({ target: certificateBindings.sha256, set: values });
    w.audit('certificate.bind', values.userId, { sha256: cert.sha256, serial: cert.serialHex });
    return {
      userId: values.userId,
      serial: cert.serialHex,
      sha256: cert.sha256,
      subject: cert.subject,
      notAfter: cert.notAfter.toISOString(),
      boundAt: w.now.toISOString(),
    };
  });
}

/**
 * Each member asked, by name: answered and verified (their current opinion), refused (their
 * latest refused one), or not yet. Read through `db` (a transaction when closing).
 */
async function memberStatuses(db: Database, ballot: OpinionBallot): Promise<MemberOpinionStatus[]> {
  const people =
    ballot.eligibleMemberIds.length === 0
      ? []
      : await db
          .select({ id: users.id, displayName: users.displayName })
          .from(users)
          .where(inArray(users.id, ballot.eligibleMemberIds));
  const rows = await db
    .select()
    .from(opinions)
    .where(eq(opinions.ballotId, ballot.id))
    .orderBy(asc(opinions.receivedAt));
  return people
    .sort((a, b) => a.displayName.localeCompare(b.displayName, 'vi'))
    .map((p) => {
      const mine = rows.filter((r) => r.memberId === p.id);
      const current = mine.find((r) => r.status === 'verified' && r.supersededBy === null);
      const lastRejected = mine.filter((r) => r.status === 'rejected').at(-1);
      const shown = current ?? lastRejected;
      const opinion = shown === undefined ? null : toOpinionRecord(shown, ballot.meetingId);
      return {
        memberId: p.id,
        displayName: p.displayName,
        state:
          current !== undefined
            ? 'verified'
            : lastRejected !== undefined
              ? 'rejected'
              : 'not_answered',
        choice: current === undefined ? null : (opinion?.choice ?? null),
        opinion,
      };
    });
}

/**
 * The follow-up table (per member) and the result under the ballot's rule set: the result so
 * far while open, the result stored at close once closed (never recomputed).
 */
export async function ballotStatus(
  ctx: ServerContext,
  ballotId: string,
): Promise<BallotStatusResponse> {
  const ballot = await loadOpinionBallot(ctx.db, ballotId);
  if (ballot === null) throw new ServerError('NOT_FOUND', 'no such ballot');
  const members = await memberStatuses(ctx.db, ballot);
  return { ballot, members, result: ballot.result ?? ballotResult(ballot, members) };
}

/**
 * Closes a ballot (secretariat): computes the result with shared/rules over the current
 * verified opinions and stores it with the closing time, once. The row lock orders it with
 * opinion pushes (they lock the ballot row for share): an opinion either committed before and
 * counts, or arrives after and is refused BALLOT_CLOSED. Closing a closed ballot answers it
 * unchanged (idempotent: a retry after a lost answer is harmless). Every member asked gets the
 * closed ballot by sync (staff see those entries too).
 */
export async function closeOpinionBallot(
  ctx: ServerContext,
  actor: Actor,
  ballotId: string,
): Promise<OpinionBallot> {
  return writeTransaction(ctx, actor, async (w) => {
    const [row] = await w.tx
      .select({ status: opinionBallots.status })
      .from(opinionBallots)
      .where(eq(opinionBallots.id, ballotId))
      .for('update');
    if (row === undefined) throw new ServerError('NOT_FOUND', 'no such ballot');
    const open = await loadOpinionBallot(w.tx, ballotId);
    if (open === null) throw new Error('ballot vanished');
    if (row.status === 'closed') return open;
    const result = ballotResult(open, await memberStatuses(w.tx, open));
    await w.tx
      .update(opinionBallots)
      .set({ status: 'closed', closedAt: w.now, closedBy: w.actor.userId, result })
      .where(eq(opinionBallots.id, ballotId));
    const closed = await loadOpinionBallot(w.tx, ballotId);
    if (closed === null) throw new Error('ballot vanished');
    w.change(
      ...closed.eligibleMemberIds.map((m) => memberOnlyUpsertChange('opinionBallot', closed, m)),
    );
    w.audit('opinionBallot.close', ballotId, { result });
    return closed;
  });
}
