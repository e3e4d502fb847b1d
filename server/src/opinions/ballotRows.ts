import type { OpinionBallot, OpinionRecord } from '../../../shared/domain/opinionBallot.ts';
import {
  ballotResultSchema,
  type BallotResult,
} from '../../../shared/opinions/ballotResultSchema.ts';
import type { OpinionDocument } from '../../../shared/opinions/payload.ts';
import { opinionExceptionSchema } from '../../../shared/opinions/payload.ts';
import {
  OPINION_VERIFY_CODES,
  type OpinionVerifyCode,
} from '../../../shared/opinions/verifyCodes.ts';
import { opinionChoiceSchema } from '../../../shared/opinions/payload.ts';
import { documents, documentVersions } from '../db/schema.ts';
import { and, asc, eq } from '../db/operators.ts';
import type { Database } from '../db/openDatabase.ts';
import {
  opinionBallotDocuments,
  opinionBallotMembers,
  opinionBallots,
} from '../db/opinionSchema.ts';
import type { opinions } from '../db/opinionSchema.ts';

type OpinionRow = typeof opinions.$inferSelect;

/**
 * The current version of each document of the ballot, in ballot order: what an opinion must
 * have signed at this moment. A document without an uploaded version is left out (and makes
 * every opinion STALE_DOCUMENTS until it has one).
 */
export async function currentBallotDocuments(
  tx: Database,
  ballotId: string,
): Promise<OpinionDocument[]> {
  const rows = await tx
    .select({
      id: documents.id,
      version: documentVersions.version,
      sha256: documentVersions.sha256,
    })
    .from(opinionBallotDocuments)
    .innerJoin(documents, eq(documents.id, opinionBallotDocuments.documentId))
    .innerJoin(
      documentVersions,
      and(
        eq(documentVersions.documentId, documents.id),
        eq(documentVersions.version, documents.currentVersion),
      ),
    )
    .where(eq(opinionBallotDocuments.ballotId, ballotId))
    .orderBy(asc(opinionBallotDocuments.position));
  return rows;
}

export async function eligibleMembers(tx: Database, ballotId: string): Promise<string[]> {
  const rows = await tx
    .select({ userId: opinionBallotMembers.userId })
    .from(opinionBallotMembers)
    .where(eq(opinionBallotMembers.ballotId, ballotId));
  return rows.map((r) => r.userId).sort();
}

/** The ballot with its current documents and members, or null when there is none. */
export async function loadOpinionBallot(
  tx: Database,
  ballotId: string,
): Promise<OpinionBallot | null> {
  const [row] = await tx.select().from(opinionBallots).where(eq(opinionBallots.id, ballotId));
  if (row === undefined) return null;
  return {
    id: row.id,
    meetingId: row.meetingId,
    question: row.question,
    documents: await currentBallotDocuments(tx, ballotId),
    deadline: row.deadline.toISOString(),
    eligibleMemberIds: await eligibleMembers(tx, ballotId),
    ruleSetId: row.ruleSetId,
    status: row.status === 'closed' ? 'closed' : 'open',
    createdAt: row.createdAt.toISOString(),
    closedAt: row.closedAt?.toISOString() ?? null,
    result: storedResult(row.result),
  };
}

/** The result stored at close (JSON read back from the database is parsed like any input). */
function storedResult(value: unknown): BallotResult | null {
  if (value === null || value === undefined) return null;
  const parsed = ballotResultSchema.safeParse(value);
  return parsed.success ? parsed.data : null;
}

const isVerifyCode = (code: string | null): code is OpinionVerifyCode =>
  code !== null && (OPINION_VERIFY_CODES as readonly string[]).includes(code);

export function toOpinionRecord(row: OpinionRow, meetingId: string | null): OpinionRecord {
  const choice = opinionChoiceSchema.safeParse(row.choice);
  const exceptions = opinionExceptionSchema.array().safeParse(row.exceptions);
  return {
    id: row.id,
    ballotId: row.ballotId,
    meetingId,
    memberId: row.memberId,
    choice: choice.success ? choice.data : null,
    text: row.text,
    exceptions: exceptions.success ? exceptions.data : [],
    certSerial: row.certSerial,
    signingTime: row.signingTime?.toISOString() ?? null,
    receivedAt: row.receivedAt.toISOString(),
    status: row.status === 'verified' ? 'verified' : 'rejected',
    code: isVerifyCode(row.code) ? row.code : null,
    message: row.message,
    supersedes: row.supersedes,
    supersededBy: row.supersededBy,
  };
}
