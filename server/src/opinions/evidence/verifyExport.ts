import { X509Certificate, createHash } from 'node:crypto';
import { readdir, readFile, stat } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { z } from 'zod';
import {
  BALLOT_PATH,
  MANIFEST_PATH,
  OPINION_INDEX_PATH,
  REPORT_PATH,
  SUMMARY_PATH,
  contentDigestText,
  evidenceManifestSchema,
  opinionIndexRowSchema,
  type OpinionIndexRow,
} from '../../../../shared/opinions/evidenceManifest.ts';
import { computeEvidenceSummary } from '../../../../shared/opinions/evidenceSummary.ts';
import { parseOpinionPayloadBytes } from '../../../../shared/opinions/parsePayload.ts';
import { canonicalJson, type OpinionDocument } from '../../../../shared/opinions/payload.ts';
import { evidenceResponseSchema } from '../../../../shared/protocol/evidence.ts';
import { decodePemOrDer } from '../verify/loadTrustFiles.ts';
import { createTrustStore, type TrustStore } from '../verify/TrustStore.ts';
import { verifyOpinion } from '../verify/verifyOpinion.ts';
import type { OpinionVerifyCode } from '../../../../shared/opinions/verifyCodes.ts';
import type { ExportCode } from './exportCodes.ts';
import { readZip } from './readZip.ts';
import { verifyReportPdf, type VerifiedReport } from './verifyReportPdf.ts';

/**
 * The offline check of a ballot's evidence export (`npm run verify -- <export>`,
 * docs/evidence-export.md). Nothing here trusts the server or the device that wrote it:
 * 1. every file against manifest.json (SHA-256 and size), and nothing unlisted;
 * 2. report.pdf's PAdES signature (verifyReportPdf.ts) and the content digest it binds,
 *    recomputed from the manifest: the signature thus covers every file;
 * 3. every opinion's CMS against its payload bytes with the server's own verifier, at the
 *    server's receive time, with the exported trust anchors (or `trust` given by the caller),
 *    CRLs and certificate bindings; an opinion the server verified must verify again;
 *    a rejected one is reported with the server's code and the offline result;
 * 4. summary.json against the summary recomputed from the opinions (shared function).
 */
export interface ExportProblem {
  readonly code: string;
  readonly message: string;
  readonly path?: string;
}

export interface OpinionLine {
  readonly id: string;
  readonly author: string;
  readonly choice: string | null;
  readonly status: 'verified' | 'rejected';
  readonly superseded: boolean;
  /** The server's code (rejected) or null. */
  readonly recordedCode: string | null;
  /** 'OK' when the opinion verifies offline, else the verify code. */
  readonly offlineCode: string;
  readonly receivedAt: string;
  readonly signingTime: string | null;
}

export interface ExportCheck {
  readonly valid: boolean;
  readonly ballotId: string | null;
  readonly question: string | null;
  readonly fileCount: number;
  readonly anchors: readonly { readonly subject: string; readonly sha256: string }[];
  readonly report: VerifiedReport | null;
  readonly opinions: readonly OpinionLine[];
  readonly summaryMatches: boolean;
  readonly problems: readonly ExportProblem[];
}

const sha256 = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');
const ballotFileSchema = evidenceResponseSchema.omit({ opinions: true, trust: true });

/** The files of an export: a .zip, or a folder (e.g. the .zip extracted). */
export async function readExport(path: string): Promise<Map<string, Uint8Array>> {
  const info = await stat(path);
  if (!info.isDirectory()) return readZip(new Uint8Array(await readFile(path)));
  const files = new Map<string, Uint8Array>();
  const walk = async (dir: string): Promise<void> => {
    for (const entry of await readdir(dir, { withFileTypes: true })) {
      const full = join(dir, entry.name);
      if (entry.isDirectory()) await walk(full);
      else if (entry.isFile())
        files.set(relative(path, full).split(sep).join('/'), new Uint8Array(await readFile(full)));
    }
  };
  await walk(path);
  return files;
}

function parseJson<S extends z.ZodType>(
  bytes: Uint8Array | undefined,
  schema: S,
): z.output<S> | null {
  if (bytes === undefined) return null;
  try {
    const parsed = schema.safeParse(JSON.parse(Buffer.from(bytes).toString('utf8')));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/** Trust from the export's certs/ and crl/ folders (the same layout as the server's TRUST_DIR). */
export function exportTrust(files: ReadonlyMap<string, Uint8Array>): TrustStore | string {
  const under = (prefix: string, label: 'CERTIFICATE' | 'X509 CRL') =>
    [...files.entries()]
      .filter(([p]) => p.startsWith(prefix))
      .sort(([x], [y]) => (x < y ? -1 : 1))
      .flatMap(([, bytes]) => decodePemOrDer(bytes, label));
  const trust = createTrustStore({
    anchors: under('certs/trust/', 'CERTIFICATE'),
    intermediates: under('certs/intermediates/', 'CERTIFICATE'),
    crls: under('crl/', 'X509 CRL'),
  });
  return trust.ok ? trust.value : `${trust.error.code}: ${trust.error.message}`;
}

export async function verifyExport(
  files: ReadonlyMap<string, Uint8Array>,
  options: { trust?: TrustStore } = {},
): Promise<ExportCheck> {
  const problems: ExportProblem[] = [];
  const problem = (code: ExportCode | OpinionVerifyCode, message: string, path?: string): void => {
    problems.push(path === undefined ? { code, message } : { code, message, path });
  };

  // 1. Manifest and files.
  const manifest = parseJson(files.get(MANIFEST_PATH), evidenceManifestSchema);
  if (manifest === null) problem('MANIFEST_INVALID', 'manifest.json is missing or not a manifest');
  const listed = new Set<string>();
  for (const entry of manifest?.files ?? []) {
    listed.add(entry.path);
    const bytes = files.get(entry.path);
    if (bytes === undefined)
      problem('FILE_MISSING', 'listed in the manifest, not in the export', entry.path);
    else if (bytes.length !== entry.size || sha256(bytes) !== entry.sha256)
      problem('FILE_HASH_MISMATCH', 'the file is not the one the manifest lists', entry.path);
  }
  for (const path of files.keys())
    if (path !== MANIFEST_PATH && manifest !== null && !listed.has(path))
      problem('FILE_UNLISTED', 'in the export, not in the manifest', path);
  const digest = manifest ? sha256(Buffer.from(contentDigestText(manifest.files), 'utf8')) : null;
  if (manifest !== null && digest !== manifest.contentSha256)
    problem(
      'MANIFEST_NOT_BOUND',
      'the manifest content digest is not that of its own entries',
      MANIFEST_PATH,
    );

  // 2. Trust, then the signed report.
  const own = exportTrust(files);
  if (typeof own === 'string') problem('TRUST_INVALID', own);
  const trust = options.trust ?? (typeof own === 'string' ? null : own);
  let report: VerifiedReport | null = null;
  const pdf = files.get(REPORT_PATH);
  if (pdf === undefined) problem('REPORT_MALFORMED', 'no report.pdf', REPORT_PATH);
  else if (trust !== null) {
    const checked = verifyReportPdf(pdf, trust);
    if (!checked.ok) problem(checked.error.code, checked.error.message, REPORT_PATH);
    else {
      report = checked.value;
      if (digest !== null && report.contentSha256 !== digest)
        problem(
          'MANIFEST_NOT_BOUND',
          'the signed report binds other files than the manifest lists',
          MANIFEST_PATH,
        );
    }
  }

  // 3. Opinions.
  const ballotFile = parseJson(files.get(BALLOT_PATH), ballotFileSchema);
  const index = parseJson(files.get(OPINION_INDEX_PATH), z.array(opinionIndexRowSchema));
  if (ballotFile === null) problem('CONTENT_INVALID', 'ballot.json cannot be read', BALLOT_PATH);
  if (index === null)
    problem('CONTENT_INVALID', 'opinions/index.json cannot be read', OPINION_INDEX_PATH);
  const lines: OpinionLine[] = [];
  if (ballotFile !== null && index !== null) {
    const { ballot } = ballotFile;
    const names = new Map(ballotFile.members.map((m) => [m.id, m.displayName]));
    // Any certificate of the trust anchors makes a valid PAdES signature; a member asked must
    // not be the one certifying the summary of their own ballot (the secretariat signs it).
    const signerSha256 = report?.signerSha256;
    const signerBinding = ballotFile.bindings.find(
      (b) => b.sha256 === signerSha256 && ballot.eligibleMemberIds.includes(b.userId),
    );
    if (signerBinding !== undefined)
      problem(
        'REPORT_SIGNER_IS_MEMBER',
        `the report is signed with the certificate of ${names.get(signerBinding.userId) ?? signerBinding.userId}, a member asked`,
        REPORT_PATH,
      );
    const seenReplay = new Set<string>();
    for (const row of index) {
      const payloadBytes = files.get(row.payload);
      const signatureDer = files.get(row.signature);
      let offlineCode: ExportCode | OpinionVerifyCode | 'OK';
      if (payloadBytes === undefined || signatureDer === undefined)
        offlineCode = 'OPINION_FILES_MISSING';
      else if (trust === null) offlineCode = 'TRUST_INVALID';
      else offlineCode = await verifyOffline(row, payloadBytes, signatureDer, ballotFile, trust);
      if (payloadBytes !== undefined && row.status === 'verified') {
        const key = sha256(payloadBytes);
        if (seenReplay.has(key))
          problem('DUPLICATE_OPINION', 'the same signed payload twice', row.payload);
        seenReplay.add(key);
      }
      if (row.status === 'verified' && offlineCode !== 'OK')
        problem(
          offlineCode,
          `opinion ${row.id} (${names.get(row.memberId) ?? row.memberId}) does not verify`,
          row.signature,
        );
      const parsed = payloadBytes ? parseOpinionPayloadBytes(payloadBytes) : null;
      lines.push({
        id: row.id,
        author: names.get(row.memberId) ?? row.displayName,
        choice: parsed?.ok ? parsed.value.choice : row.choice,
        status: row.status,
        superseded: row.supersededBy !== null,
        recordedCode: row.code,
        offlineCode,
        receivedAt: row.receivedAt,
        signingTime: row.signingTime,
      });
    }

    // 4. The summary, recomputed from the exported opinions.
    const recomputed = computeEvidenceSummary(
      ballot,
      ballotFile.members,
      index.map((row) => {
        const bytes = files.get(row.payload);
        const parsed = bytes ? parseOpinionPayloadBytes(bytes) : null;
        return {
          id: row.id,
          memberId: row.memberId,
          status: row.status,
          supersededBy: row.supersededBy,
          receivedAt: row.receivedAt,
          payload: parsed?.ok ? parsed.value : null,
        };
      }),
    );
    const summary = parseJson(files.get(SUMMARY_PATH), z.unknown());
    if (summary === null) problem('CONTENT_INVALID', 'summary.json cannot be read', SUMMARY_PATH);
    else if (canonicalJson(summary) !== canonicalJson(recomputed))
      problem(
        'SUMMARY_MISMATCH',
        'summary.json is not the summary of the exported opinions',
        SUMMARY_PATH,
      );
    // A closed ballot carries the result the server stored when it closed: the opinions
    // exported must give that same result (else some were added, dropped or changed since).
    const stored = ballot.status === 'closed' ? ballot.result : null;
    if (stored != null && canonicalJson(stored) !== canonicalJson(recomputed.result))
      problem(
        'RESULT_MISMATCH',
        'the result stored when the ballot closed is not the result of the exported opinions',
        BALLOT_PATH,
      );
  }

  return {
    valid: problems.length === 0,
    ballotId: ballotFile?.ballot.id ?? manifest?.ballotId ?? null,
    question: ballotFile?.ballot.question ?? null,
    fileCount: files.size,
    anchors: (trust?.anchors ?? []).map((a) => ({ subject: subjectOf(a.der), sha256: a.sha256 })),
    report,
    opinions: lines,
    summaryMatches: !problems.some((p) => p.code === 'SUMMARY_MISMATCH'),
    problems,
  };
}

function subjectOf(der: Uint8Array): string {
  try {
    return new X509Certificate(der).subject.replaceAll('\n', ', ');
  } catch {
    return '?';
  }
}

/**
 * One opinion with the server's verifier, offline: trusted time = the server's receipt; the
 * binding from ballot.json; the documents: each signed version must be a version of a ballot
 * document (the ballot's current versions may have moved on since); no replay lookup (checked
 * across the export instead); then, as the server does, signed no later than the deadline.
 */
async function verifyOffline(
  row: OpinionIndexRow,
  payloadBytes: Uint8Array,
  signatureDer: Uint8Array,
  ballotFile: z.output<typeof ballotFileSchema>,
  trust: TrustStore,
): Promise<OpinionVerifyCode | 'OK'> {
  const { ballot } = ballotFile;
  const deadline = new Date(ballot.deadline);
  const parsed = parseOpinionPayloadBytes(payloadBytes);
  const signedDocs = parsed.ok ? parsed.value.documents : [];
  const known = (d: OpinionDocument) =>
    ballot.documents.some((b) => b.id === d.id) &&
    ballotFile.documentVersions.some(
      (v) => v.documentId === d.id && v.version === d.version && v.sha256 === d.sha256,
    );
  const documents =
    signedDocs.length === ballot.documents.length && signedDocs.every(known)
      ? signedDocs
      : ballot.documents;
  const result = await verifyOpinion({
    signatureDer,
    payloadBytes,
    envelope: { ballotId: ballot.id, memberId: row.memberId },
    trustedTime: new Date(row.receivedAt),
    trust,
    policy: { requireRevocationInfo: false },
    lookups: {
      isCertificateBound: (memberId, cert) =>
        ballotFile.bindings.some((b) => b.userId === memberId && b.sha256 === cert.sha256),
      ballot: () => ({ deadline, graceMs: ballotFile.graceSeconds * 1000, documents }),
      hasAccepted: () => false,
    },
  });
  if (!result.ok) return result.error.code;
  if (result.value.signingTime.getTime() > deadline.getTime()) return 'LATE';
  return 'OK';
}
