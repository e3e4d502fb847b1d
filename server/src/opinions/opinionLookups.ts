import { and, eq } from '../db/operators.ts';
import type { Database } from '../db/openDatabase.ts';
import { certificateBindings, opinionBallots, opinions } from '../db/opinionSchema.ts';
import { currentBallotDocuments } from './ballotRows.ts';
import type { OpinionLookups } from './verify/verifyTypes.ts';

/**
 * verifyOpinion's lookups over the database, inside the push's transaction:
 * - a certificate is bound when an administrator bound its SHA-256 to this member;
 * - the ballot's documents are the CURRENT version of each (a new draft version makes older
 *   signatures STALE_DOCUMENTS); the grace period is the server's GRACE_SECONDS;
 * - accepted = a verified opinion with this replay key exists (the unique index enforces it).
 */
export function opinionLookups(tx: Database, graceMs: number): OpinionLookups {
  return {
    isCertificateBound: async (memberId, cert) => {
      const rows = await tx
        .select({ sha256: certificateBindings.sha256 })
        .from(certificateBindings)
        .where(
          and(
            eq(certificateBindings.sha256, cert.sha256),
            eq(certificateBindings.userId, memberId),
          ),
        );
      return rows.length > 0;
    },
    ballot: async (ballotId) => {
      const [row] = await tx
        .select({ deadline: opinionBallots.deadline })
        .from(opinionBallots)
        .where(eq(opinionBallots.id, ballotId));
      if (row === undefined) return null;
      return {
        deadline: row.deadline,
        graceMs,
        documents: await currentBallotDocuments(tx, ballotId),
      };
    },
    hasAccepted: async (replayKey) => {
      const rows = await tx
        .select({ id: opinions.id })
        .from(opinions)
        .where(and(eq(opinions.replayKey, replayKey), eq(opinions.status, 'verified')));
      return rows.length > 0;
    },
  };
}
