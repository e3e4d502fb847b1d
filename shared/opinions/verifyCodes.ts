/**
 * Why the server refused a signed opinion: one code per failed check, in the order the verifier
 * runs them (server/src/opinions/verify/verifyOpinion.ts). Shared so that the device can show a
 * rejected opinion with its reason. Append only.
 */
export const OPINION_VERIFY_CODES = [
  // 1. Envelope: bounded before anything parses it.
  /** The signature blob exceeds the size limit (64 KiB by default). */
  'TOO_LARGE',
  /** ASN.1 nesting deeper than the limit: refused while walking, before any other parser. */
  'TOO_DEEP',
  /** Not strict DER, or not the shape CMS requires (lengths, tags, missing fields, order). */
  'MALFORMED',
  // 2. CMS structure.
  'NOT_SIGNED_DATA',
  /** The content is inside the SignedData: only detached signatures are accepted. */
  'ATTACHED_CONTENT',
  /** eContentType or the contentType attribute is not id-data. */
  'WRONG_CONTENT_TYPE',
  'NO_SIGNER',
  /** More than one SignerInfo: an opinion has exactly one signer. */
  'TWO_SIGNERS',
  /** The signer's certificate is not among the SignedData certificates. */
  'SIGNER_CERT_NOT_FOUND',
  // 3. Algorithms.
  /** MD5 or SHA-1 anywhere a digest or signature algorithm is named. */
  'WEAK_ALGORITHM',
  /** An algorithm outside the allow-list that is not known-weak (PSS, other curves, ...). */
  'UNSUPPORTED_ALGORITHM',
  /** Digest and signature algorithms disagree, or the key type does not fit the algorithm. */
  'ALGORITHM_MISMATCH',
  /** RSA under 2048 bits. */
  'WEAK_KEY',
  // 4. Signed attributes and the signature itself.
  /** No signed attributes, or contentType / messageDigest / signingTime missing or repeated. */
  'MISSING_SIGNED_ATTRIBUTES',
  /** messageDigest is not the digest of the payload bytes that came with it. */
  'PAYLOAD_MISMATCH',
  'BAD_SIGNATURE',
  'MISSING_SIGNING_CERT_V2',
  /** signing-certificate-v2 names another certificate than the one that signed. */
  'SIGNING_CERT_MISMATCH',
  // 5. Payload against the envelope (static: depends only on the bytes and the caller).
  /** Not UTF-8, not JSON, not the schema, or not in RFC 8785 canonical form. */
  'BAD_PAYLOAD',
  /** ballotId / memberId / deviceId / certSerial differ from what the server knows. */
  'CONTEXT_MISMATCH',
  /** The payload's signedAt and the CMS signingTime attribute disagree. */
  'SIGNING_TIME_MISMATCH',
  // 6. Idempotency: an opinion that already took effect has no second effect.
  'REPLAY',
  // 7. Certificates, at trusted time.
  'SELF_SIGNED',
  /** No path to a configured trust anchor (foreign CA, broken or non-CA intermediate). */
  'UNTRUSTED_CHAIN',
  /**
   * The SignedData carries a certificate that is neither on the validated path nor identical
   * to a configured CA certificate (e.g. an altered copy): nothing unexplained in the evidence.
   */
  'EXTRA_CERTIFICATE',
  /** A certificate on the path has a critical extension this verifier does not process. */
  'UNKNOWN_CRITICAL_EXTENSION',
  /** keyUsage missing, or without digitalSignature and nonRepudiation. */
  'BAD_KEY_USAGE',
  /** extKeyUsage present without an allowed purpose (emailProtection, document signing). */
  'BAD_EXTENDED_KEY_USAGE',
  'CERT_EXPIRED',
  'CERT_NOT_YET_VALID',
  /** No current, correctly signed CRL from the issuer: revocation cannot be decided. */
  'REVOCATION_UNKNOWN',
  'CERT_REVOKED',
  /** A valid certificate, but not one bound to this member. */
  'CERT_NOT_BOUND',
  // 8. Ballot state, at trusted time.
  'UNKNOWN_BALLOT',
  /** The documents signed are not the ballot's current versions. */
  'STALE_DOCUMENTS',
  /** signingTime later than trusted time plus the allowed skew. */
  'SIGNING_TIME_IN_FUTURE',
  /** Received (trusted time) after the deadline plus grace. */
  'LATE',
  /**
   * The secretariat had closed the ballot when the opinion arrived (trusted time): its result
   * is final. Decided by the push (server/src/push/opinionMutation.ts) before verification.
   */
  'BALLOT_CLOSED',
] as const;

export type OpinionVerifyCode = (typeof OPINION_VERIFY_CODES)[number];
