import { err, ok, type Result } from '../util/result.ts';
import {
  MAX_OPINION_PAYLOAD_BYTES,
  canonicalJson,
  opinionPayloadSchema,
  type OpinionPayload,
} from './payload.ts';
import { decodeUtf8Strict, encodeUtf8 } from './utf8.ts';

/**
 * Reads signed payload bytes back, accepting only the one spelling that could have been signed:
 * strict UTF-8, JSON, the schema, and byte-for-byte its own RFC 8785 canonical form (so no
 * duplicate keys, whitespace, escapes or number spellings can give one signature two readings).
 */
export function parseOpinionPayloadBytes(bytes: Uint8Array): Result<OpinionPayload, 'BAD_PAYLOAD'> {
  if (bytes.length > MAX_OPINION_PAYLOAD_BYTES)
    return err('BAD_PAYLOAD', `payload larger than ${MAX_OPINION_PAYLOAD_BYTES} bytes`);
  const text = decodeUtf8Strict(bytes);
  if (text === null) return err('BAD_PAYLOAD', 'payload is not strict UTF-8');
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return err('BAD_PAYLOAD', 'payload is not JSON');
  }
  const parsed = opinionPayloadSchema.safeParse(json);
  if (!parsed.success)
    return err(
      'BAD_PAYLOAD',
      `payload does not match ecabinet.opinion/v1: ${parsed.error.issues[0]?.message ?? 'invalid'}`,
    );
  const canonical = encodeUtf8(canonicalJson(parsed.data));
  if (canonical.length !== bytes.length || canonical.some((b, i) => b !== bytes[i])) {
    return err('BAD_PAYLOAD', 'payload is not in RFC 8785 canonical form');
  }
  return ok(parsed.data);
}
