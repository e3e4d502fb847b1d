import type { OpinionVerifyCode } from '../../../shared/opinions/verifyCodes.ts';

/** Refusal codes worded on their own; every other code reads as `other` with the code shown. */
export const WORDED_REASONS = [
  'STALE_DOCUMENTS',
  'LATE',
  'CERT_NOT_BOUND',
  'REPLAY',
  'CERT_EXPIRED',
  'CERT_NOT_YET_VALID',
  'CERT_REVOKED',
  'REVOCATION_UNKNOWN',
  'UNTRUSTED_CHAIN',
  'SELF_SIGNED',
  'UNKNOWN_BALLOT',
  'SIGNING_TIME_IN_FUTURE',
  'BAD_SIGNATURE',
  'PAYLOAD_MISMATCH',
  'BALLOT_CLOSED',
] as const satisfies readonly OpinionVerifyCode[];
export type WordedReason = (typeof WORDED_REASONS)[number];

const worded: readonly string[] = WORDED_REASONS;

export function reasonKey(code: OpinionVerifyCode | null): WordedReason | 'other' {
  return code !== null && worded.includes(code) ? (code as WordedReason) : 'other';
}
