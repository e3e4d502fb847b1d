import { createHash } from 'node:crypto';
import { parseOpinionPayloadBytes } from '../../../shared/opinions/parsePayload.ts';
import {
  computeEvidenceSummary,
  type EvidenceSummary,
} from '../../../shared/opinions/evidenceSummary.ts';
import {
  BALLOT_PATH,
  EVIDENCE_FORMAT,
  OPINION_INDEX_PATH,
  SUMMARY_PATH,
  contentDigestText,
  sortEntries,
  type EvidenceManifest,
  type ManifestEntry,
  type OpinionIndexRow,
} from '../../../shared/opinions/evidenceManifest.ts';
import type { EvidenceResponse } from '../../../shared/protocol/evidence.ts';
import type { ZipEntry } from './evidenceZip.ts';

/**
 * The files of a ballot's evidence export except report.pdf and manifest.json (layout:
 * docs/evidence-export.md), and the manifest built over them. Pure apart from hashing.
 */
const utf8 = (text: string): Uint8Array => new Uint8Array(Buffer.from(text, 'utf8'));
const json = (value: unknown): Uint8Array => utf8(`${JSON.stringify(value, null, 2)}\n`);
const sha256 = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');
const fromBase64 = (b64: string): Uint8Array => new Uint8Array(Buffer.from(b64, 'base64'));

export function toPem(der: Uint8Array, label: string): string {
  const lines =
    Buffer.from(der)
      .toString('base64')
      .match(/.{1,64}/g) ?? [];
  return `-----BEGIN ${label}-----\n${lines.join('\n')}\n-----END ${label}-----\n`;
}

export const entryOf = (path: string, data: Uint8Array): ManifestEntry => ({
  path,
  sha256: sha256(data),
  size: data.length,
});

/** The digest the report signs (shared/opinions/evidenceManifest.ts). */
export const contentDigest = (entries: readonly ManifestEntry[]): string =>
  sha256(utf8(contentDigestText(entries)));

const README = `Bộ chứng cứ phiếu lấy ý kiến thành viên Chính phủ (eCabinet)
Evidence export of a written-opinion ballot (eCabinet)

report.pdf            Bảng tổng hợp ý kiến, ký số PAdES bởi Văn phòng Chính phủ / signed summary report
summary.json          Bảng tổng hợp dạng máy đọc / the summary table, machine-readable
ballot.json           Phiếu, thành viên, dự thảo, gắn chứng thư / ballot, members, drafts, bindings
opinions/index.json   Danh sách phiếu đã nhận (kể cả bị từ chối, đã thay thế) / every opinion received
opinions/NNN-<id>/payload.json   Nội dung đã ký (JSON RFC 8785) / the exact signed bytes
opinions/NNN-<id>/signature.p7s  Chữ ký CMS tách rời / detached CMS signature (DER)
certs/, crl/          Chứng thư gốc, trung gian và CRL dùng để xác thực / trust anchors, intermediates, CRLs
manifest.json         SHA-256 của mọi tệp / SHA-256 of every file

Kiểm tra / check: npm run verify -- <this folder or .zip>
OpenSSL: openssl cms -verify -binary -inform DER -in opinions/NNN-<id>/signature.p7s \\
           -content opinions/NNN-<id>/payload.json -CAfile certs/trust/anchor-1.pem -purpose any
`;

export interface EvidenceContent {
  readonly files: ZipEntry[];
  readonly summary: EvidenceSummary;
}

/** Everything but the report and the manifest. */
export function evidenceContent(data: EvidenceResponse): EvidenceContent {
  const names = new Map(data.members.map((m) => [m.id, m.displayName]));
  const files: ZipEntry[] = [{ name: 'README.txt', data: utf8(README) }];
  const index = data.opinions.map((o, i): OpinionIndexRow => {
    const folder = `opinions/${String(i + 1).padStart(3, '0')}-${o.id}`;
    const payloadBytes = fromBase64(o.payloadBase64);
    const parsed = parseOpinionPayloadBytes(payloadBytes);
    files.push({ name: `${folder}/payload.json`, data: payloadBytes });
    files.push({ name: `${folder}/signature.p7s`, data: fromBase64(o.signatureBase64) });
    return {
      id: o.id,
      memberId: o.memberId,
      displayName: names.get(o.memberId) ?? o.memberId,
      status: o.status,
      superseded: o.supersededBy !== null,
      choice: parsed.ok ? parsed.value.choice : null,
      code: o.code,
      message: o.message,
      receivedAt: o.receivedAt,
      signingTime: o.signingTime,
      claimedSignedAt: parsed.ok ? parsed.value.signedAt : null,
      supersedes: o.supersedes,
      supersededBy: o.supersededBy,
      payload: `${folder}/payload.json`,
      signature: `${folder}/signature.p7s`,
    };
  });
  files.push({ name: OPINION_INDEX_PATH, data: json(index) });
  data.trust.anchors.forEach((b64, i) =>
    files.push({
      name: `certs/trust/anchor-${i + 1}.pem`,
      data: utf8(toPem(fromBase64(b64), 'CERTIFICATE')),
    }),
  );
  data.trust.intermediates.forEach((b64, i) =>
    files.push({
      name: `certs/intermediates/intermediate-${i + 1}.pem`,
      data: utf8(toPem(fromBase64(b64), 'CERTIFICATE')),
    }),
  );
  data.trust.crls.forEach((b64, i) =>
    files.push({
      name: `crl/crl-${i + 1}.crl.pem`,
      data: utf8(toPem(fromBase64(b64), 'X509 CRL')),
    }),
  );
  files.push({
    name: BALLOT_PATH,
    data: json({
      ballot: data.ballot,
      members: data.members,
      documentVersions: data.documentVersions,
      bindings: data.bindings,
      graceSeconds: data.graceSeconds,
      serverTime: data.serverTime,
    }),
  });
  const summary = computeEvidenceSummary(
    data.ballot,
    data.members,
    data.opinions.map((o) => {
      const parsed = parseOpinionPayloadBytes(fromBase64(o.payloadBase64));
      return {
        id: o.id,
        memberId: o.memberId,
        status: o.status,
        supersededBy: o.supersededBy,
        receivedAt: o.receivedAt,
        payload: parsed.ok ? parsed.value : null,
      };
    }),
  );
  files.push({ name: SUMMARY_PATH, data: json(summary) });
  return { files, summary };
}

export function manifestOf(
  files: readonly ZipEntry[],
  meta: Pick<EvidenceManifest, 'ballotId' | 'generatedAt' | 'generatedBy'>,
  contentSha256: string,
): EvidenceManifest {
  const entries = sortEntries(files.map((f) => entryOf(f.name, f.data)));
  return { format: EVIDENCE_FORMAT, ...meta, contentSha256, files: entries };
}

export const manifestBytes = (manifest: EvidenceManifest): Uint8Array => json(manifest);
