import type { OpinionView } from '../domain/opinionBallot.ts';
import { parseOpinionPayloadBytes } from '../opinions/parsePayload.ts';
import type { MutationArgs } from './mutations.ts';
import type { LocalOrigin } from './optimistic.ts';

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** Standard base64 → bytes, without Node's Buffer or the DOM (this file is shared). */
export function fromBase64(text: string): Uint8Array {
  const clean = text.replace(/=+$/, '');
  const out = new Uint8Array(Math.floor((clean.length * 3) / 4));
  let bits = 0;
  let value = 0;
  let at = 0;
  for (const ch of clean) {
    const digit = ALPHABET.indexOf(ch);
    if (digit < 0) throw new RangeError('not base64');
    value = (value << 6) | digit;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out[at++] = (value >> bits) & 0xff;
    }
  }
  return out.subarray(0, at);
}

/**
 * What a queued `opinion.submit` shows before the server answers: the signed answer, read back
 * from the payload the device signed, as `pending` (no receive time yet). The server's record
 * of the same opinion (verified or rejected) always wins; it never changes once received.
 */
export function applyToOpinion(
  current: OpinionView | null,
  args: MutationArgs<'opinion.submit'>,
  origin: LocalOrigin,
): OpinionView | null {
  if (current !== null) return current;
  let bytes: Uint8Array;
  try {
    bytes = fromBase64(args.payloadBase64);
  } catch {
    return null;
  }
  const payload = parseOpinionPayloadBytes(bytes);
  if (!payload.ok) return null;
  const p = payload.value;
  return {
    id: args.opinionId,
    ballotId: args.ballotId,
    meetingId: origin.meetingId === '' ? null : origin.meetingId,
    memberId: origin.userId,
    choice: p.choice,
    text: p.text,
    exceptions: p.exceptions,
    certSerial: p.certSerial,
    signingTime: p.signedAt,
    receivedAt: null,
    status: 'pending',
    code: null,
    message: '',
    supersedes: null,
    supersededBy: null,
  };
}
