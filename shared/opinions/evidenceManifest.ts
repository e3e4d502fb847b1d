import { z } from 'zod';
import { idSchema, isoInstantSchema, sha256Schema } from '../domain/ids.ts';
import { canonicalJson } from './payload.ts';

/**
 * manifest.json of a ballot's evidence export (docs/evidence-export.md), shared by the device
 * that writes it and the offline checker that reads it:
 * - `files`: every file of the export except manifest.json itself, report.pdf included, with
 *   its SHA-256 and size, sorted by path;
 * - `contentSha256`: SHA-256 of `contentDigestText(files)` — the RFC 8785 JSON of the entries
 *   WITHOUT report.pdf. The signed report carries the same value (Info dictionary key
 *   CONTENT_DIGEST_KEY, and printed), so the secretariat's signature covers every file: a
 *   changed file changes its hash; a manifest edited to match no longer matches the report.
 */
export const EVIDENCE_FORMAT = 'ecabinet.evidence/v1';
export const REPORT_PATH = 'report.pdf';
export const MANIFEST_PATH = 'manifest.json';
export const SUMMARY_PATH = 'summary.json';
export const BALLOT_PATH = 'ballot.json';
export const OPINION_INDEX_PATH = 'opinions/index.json';
/** The report's Info dictionary key holding `contentSha256`. */
export const CONTENT_DIGEST_KEY = 'ECabinetContentSha256';

export const manifestEntrySchema = z.strictObject({
  path: z.string().min(1).max(512),
  sha256: sha256Schema,
  size: z.number().int().min(0),
});
export type ManifestEntry = z.infer<typeof manifestEntrySchema>;

export const evidenceManifestSchema = z.strictObject({
  format: z.literal(EVIDENCE_FORMAT),
  ballotId: idSchema,
  generatedAt: isoInstantSchema,
  generatedBy: z.strictObject({ userId: idSchema, displayName: z.string() }),
  contentSha256: sha256Schema,
  files: z.array(manifestEntrySchema).max(20_000),
});
export type EvidenceManifest = z.infer<typeof evidenceManifestSchema>;

const byPath = (a: { path: string }, b: { path: string }): number =>
  a.path < b.path ? -1 : a.path > b.path ? 1 : 0;

/** The text whose SHA-256 is `contentSha256`: entries except report.pdf, by path, RFC 8785. */
export function contentDigestText(entries: readonly ManifestEntry[]): string {
  return canonicalJson(
    entries
      .filter((e) => e.path !== REPORT_PATH && e.path !== MANIFEST_PATH)
      .map((e) => ({ path: e.path, sha256: e.sha256, size: e.size }))
      .sort(byPath),
  );
}

export const sortEntries = (entries: readonly ManifestEntry[]): ManifestEntry[] =>
  [...entries].sort(byPath);

/** One row of opinions/index.json. */
export const opinionIndexRowSchema = z.strictObject({
  id: idSchema,
  memberId: idSchema,
  displayName: z.string(),
  status: z.enum(['verified', 'rejected']),
  superseded: z.boolean(),
  choice: z.enum(['agree', 'disagree', 'other']).nullable(),
  code: z.string().nullable(),
  message: z.string(),
  receivedAt: isoInstantSchema,
  signingTime: isoInstantSchema.nullable(),
  claimedSignedAt: z.string().nullable(),
  supersedes: idSchema.nullable(),
  supersededBy: idSchema.nullable(),
  payload: z.string(),
  signature: z.string(),
});
export type OpinionIndexRow = z.infer<typeof opinionIndexRowSchema>;
