/**
 * The codes of `npm run verify` (verifyExport.ts), one per kind of failure, besides the
 * opinion verify codes (shared/opinions/verifyCodes.ts) reported for a verified opinion that
 * no longer verifies offline.
 */
export const EXPORT_CODES = [
  /** Not a readable .zip or folder. */
  'UNREADABLE',
  /** manifest.json is missing or not a manifest. */
  'MANIFEST_INVALID',
  /** A file the manifest lists is not in the export. */
  'FILE_MISSING',
  /** A file's SHA-256 or size is not the manifest's. */
  'FILE_HASH_MISMATCH',
  /** A file in the export the manifest does not list. */
  'FILE_UNLISTED',
  /** The manifest's content digest is not the one the signed report binds (or not its own). */
  'MANIFEST_NOT_BOUND',
  /** report.pdf is missing or not a PDF signature this checker understands. */
  'REPORT_MALFORMED',
  /** The signature leaves part of the file unsigned (appended or incremental changes). */
  'REPORT_NOT_COVERING',
  /** Not the PAdES profile: filter, sub-filter, /M, attributes, signing-certificate-v2. */
  'REPORT_PROFILE',
  /** The signed bytes of the PDF were changed, or the CMS signature does not verify. */
  'REPORT_SIGNATURE_INVALID',
  /** The report signer's certificate does not chain to the trust anchors, or is not valid. */
  'REPORT_CERT_INVALID',
  /** The report is signed with a certificate bound to a member asked (not the secretariat's). */
  'REPORT_SIGNER_IS_MEMBER',
  /** The trust files of the export (certs/, crl/) cannot be used. */
  'TRUST_INVALID',
  /** ballot.json, opinions/index.json or summary.json cannot be read. */
  'CONTENT_INVALID',
  /** A verified opinion's payload or signature file is missing. */
  'OPINION_FILES_MISSING',
  /** Two verified opinions with the same payload (replay key). */
  'DUPLICATE_OPINION',
  /** summary.json is not the summary recomputed from the opinions. */
  'SUMMARY_MISMATCH',
  /** A closed ballot's result, stored by the server when it closed, is not the recomputed one. */
  'RESULT_MISMATCH',
] as const;

export type ExportCode = (typeof EXPORT_CODES)[number];
