import type { OpinionPayload } from '../../../../shared/opinions/payload.ts';
import { err, ok, type Result } from '../../../../shared/util/result.ts';
import type { OpinionEnvelope, VerifyPolicy } from './verifyTypes.ts';

/**
 * The signed payload must speak about exactly this submission: the ballot and member the
 * server knows the caller is answering, the device it authenticated, and the certificate that
 * actually signed. An old payload in a new envelope, or one moved to another ballot, fails here.
 */
export function checkContext(
  payload: OpinionPayload,
  envelope: OpinionEnvelope,
  signerSerialHex: string,
  signingTimeMs: number,
  policy: Pick<VerifyPolicy, 'maxSignedAtDriftMs'>,
): Result<true, 'CONTEXT_MISMATCH' | 'SIGNING_TIME_MISMATCH'> {
  if (payload.ballotId !== envelope.ballotId)
    return err('CONTEXT_MISMATCH', 'the opinion was signed for another ballot');
  if (payload.memberId !== envelope.memberId)
    return err('CONTEXT_MISMATCH', 'the opinion was signed for another member');
  if (envelope.deviceId !== undefined && payload.deviceId !== envelope.deviceId)
    return err('CONTEXT_MISMATCH', 'the opinion was signed on another device');
  if (payload.certSerial !== signerSerialHex)
    return err('CONTEXT_MISMATCH', 'the payload names another certificate than the signer');
  if (envelope.certSerial !== undefined && envelope.certSerial !== signerSerialHex)
    return err('CONTEXT_MISMATCH', 'the envelope names another certificate than the signer');
  // signingTime has whole seconds (UTCTime); signedAt has milliseconds.
  if (Math.abs(Date.parse(payload.signedAt) - signingTimeMs) > policy.maxSignedAtDriftMs) {
    return err('SIGNING_TIME_MISMATCH', 'signedAt and the signingTime attribute disagree');
  }
  return ok(true);
}
