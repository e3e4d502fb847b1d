import type { EvidenceResponse } from '../../../../shared/protocol/evidence.ts';
import { documents, documentVersions, users } from '../../db/schema.ts';
import { asc, eq, inArray } from '../../db/operators.ts';
import { certificateBindings, opinionBallotDocuments, opinions } from '../../db/opinionSchema.ts';
import type { ServerContext } from '../../ServerContext.ts';
import { ServerError } from '../../ServerError.ts';
import { loadOpinionBallot } from '../ballotRows.ts';
import { trustStoreFor } from '../trustStoreFor.ts';

const b64 = (bytes: Uint8Array): string => Buffer.from(bytes).toString('base64');

/**
 * Everything a ballot's evidence export needs (shared/protocol/evidence.ts), read in one go:
 * every opinion received (verified, rejected, superseded) with its exact bytes, the trust
 * configuration the server verifies against (the loaded store: what was actually used, not a
 * re-read of the directory), the members asked, their bindings and the documents' versions.
 * NOT_FOUND when there is no such ballot. The caller checks the role (staff).
 */
export async function loadEvidence(
  ctx: ServerContext,
  ballotId: string,
): Promise<EvidenceResponse> {
  const ballot = await loadOpinionBallot(ctx.db, ballotId);
  if (ballot === null) throw new ServerError('NOT_FOUND', 'no such ballot');
  const memberIds = ballot.eligibleMemberIds;
  const people =
    memberIds.length === 0
      ? []
      : await ctx.db
          .select({ id: users.id, displayName: users.displayName })
          .from(users)
          .where(inArray(users.id, memberIds));
  const rows = await ctx.db
    .select()
    .from(opinions)
    .where(eq(opinions.ballotId, ballotId))
    .orderBy(asc(opinions.receivedAt), asc(opinions.id));
  const versions = await ctx.db
    .select({
      documentId: documentVersions.documentId,
      title: documents.title,
      version: documentVersions.version,
      sha256: documentVersions.sha256,
      createdAt: documentVersions.createdAt,
    })
    .from(opinionBallotDocuments)
    .innerJoin(documents, eq(documents.id, opinionBallotDocuments.documentId))
    .innerJoin(documentVersions, eq(documentVersions.documentId, documents.id))
    .where(eq(opinionBallotDocuments.ballotId, ballotId))
    .orderBy(asc(opinionBallotDocuments.position), asc(documentVersions.version));
  const bindings =
    memberIds.length === 0
      ? []
      : await ctx.db
          .select()
          .from(certificateBindings)
          .where(inArray(certificateBindings.userId, memberIds))
          .orderBy(asc(certificateBindings.boundAt));
  const trust = await trustStoreFor(ctx.config);
  return {
    ballot,
    members: people
      .map((p) => ({ id: p.id, displayName: p.displayName }))
      .sort((a, b) => a.displayName.localeCompare(b.displayName, 'vi') || a.id.localeCompare(b.id)),
    documentVersions: versions.map((v) => ({ ...v, createdAt: v.createdAt.toISOString() })),
    opinions: rows.map((r) => ({
      id: r.id,
      memberId: r.memberId,
      status: r.status === 'verified' ? 'verified' : 'rejected',
      code: r.code,
      message: r.message,
      receivedAt: r.receivedAt.toISOString(),
      signingTime: r.signingTime?.toISOString() ?? null,
      supersedes: r.supersedes,
      supersededBy: r.supersededBy,
      payloadBase64: b64(r.payload),
      signatureBase64: b64(r.signature),
    })),
    bindings: bindings.map((b) => ({
      userId: b.userId,
      sha256: b.sha256,
      serial: b.serial,
      subject: b.subject,
      boundAt: b.boundAt.toISOString(),
    })),
    trust: {
      anchors: (trust?.anchors ?? []).map((c) => b64(c.der)),
      intermediates: (trust?.intermediates ?? []).map((c) => b64(c.der)),
      crls: [...(trust?.crlByIssuerSha256.values() ?? [])].map((c) => b64(c.der)),
    },
    graceSeconds: ctx.config.opinionGraceSeconds,
    serverTime: ctx.clock().toISOString(),
  };
}
