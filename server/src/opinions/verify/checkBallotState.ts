import type { OpinionPayload } from '../../../../shared/opinions/payload.ts';
import { err, ok, type Result } from '../../../../shared/util/result.ts';
import type { BallotState, VerifyPolicy } from './verifyTypes.ts';

/**
 * The ballot as it stands at trusted time (`nowMs`, server receipt):
 * - the opinion signed exactly the current version of every ballot document, no more, no less;
 * - the device's signing time is not implausibly ahead of trusted time;
 * - it arrived by the deadline plus grace. The device clock never extends a deadline.
 */
export function checkBallotState(
  payload: OpinionPayload,
  ballot: BallotState | null | undefined,
  signingTimeMs: number,
  nowMs: number,
  policy: Pick<VerifyPolicy, 'maxFutureSkewMs'>,
): Result<true, 'UNKNOWN_BALLOT' | 'STALE_DOCUMENTS' | 'SIGNING_TIME_IN_FUTURE' | 'LATE'> {
  if (ballot === null || ballot === undefined) return err('UNKNOWN_BALLOT', 'no such ballot');
  const current = new Map(ballot.documents.map((d) => [d.id, d]));
  const signed = payload.documents;
  const stale =
    signed.length !== current.size ||
    signed.some((d) => {
      const now = current.get(d.id);
      return now === undefined || now.version !== d.version || now.sha256 !== d.sha256;
    });
  if (stale)
    return err('STALE_DOCUMENTS', "the documents signed are not the ballot's current versions");
  if (signingTimeMs > nowMs + policy.maxFutureSkewMs)
    return err(
      'SIGNING_TIME_IN_FUTURE',
      'signingTime is ahead of trusted time by more than the allowed skew',
    );
  if (nowMs > ballot.deadline.getTime() + ballot.graceMs)
    return err('LATE', 'received after the deadline');
  return ok(true);
}
