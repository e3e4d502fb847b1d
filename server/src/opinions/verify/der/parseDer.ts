import { err, ok, type Result } from '../../../../../shared/util/result.ts';

/**
 * A bounded, strict DER reader. Everything the opinion verifier reads (the CMS blob, the
 * certificates in it, extension values, CRLs) goes through this walker first, so an oversized
 * or deeply nested blob is refused in time proportional to the bytes actually read, before any
 * other parser (forge, OpenSSL) sees it.
 *
 * Strict DER (X.690 §10): definite lengths only, in the minimal number of octets; low-tag-number
 * form only; universal types that DER encodes primitively must be primitive; SEQUENCE and SET
 * constructed; a constructed value's children exactly fill it; nothing after the top value.
 * BER (indefinite lengths, constructed strings) is refused as MALFORMED: a signature over an
 * encoding with two readings is not evidence.
 */
export interface DerNode {
  /** The buffer every offset below refers to. */
  readonly bytes: Uint8Array;
  /** Identifier octet: class (bits 8-7) | constructed (bit 6) | tag number (bits 5-1). */
  readonly id: number;
  /** Offset of the identifier octet. */
  readonly start: number;
  /** Offset of the first content octet. */
  readonly contentStart: number;
  /** Offset one past the last content octet. */
  readonly end: number;
  /** Parsed children of a constructed value; empty for a primitive one. */
  readonly children: readonly DerNode[];
}

export interface DerLimits {
  /** Deepest nesting accepted; the top value is depth 1. */
  readonly maxDepth: number;
  /** Most TLVs accepted in one blob. */
  readonly maxNodes: number;
}

export type DerParseCode = 'TOO_DEEP' | 'TOO_LARGE' | 'MALFORMED';

/** Universal tags that DER always encodes primitively. */
const PRIMITIVE_ONLY = new Set([1, 2, 3, 4, 5, 6, 10, 12, 18, 19, 20, 22, 23, 24, 26, 28, 30]);

class DerStop extends Error {
  readonly code: DerParseCode;
  /** Depth at which the walk stopped (for TOO_DEEP: maxDepth + 1). */
  readonly depth: number;
  constructor(code: DerParseCode, message: string, depth: number) {
    super(message);
    this.code = code;
    this.depth = depth;
  }
}

/** Parses exactly one DER value filling `bytes`. */
export function parseDer(
  bytes: Uint8Array,
  limits: DerLimits,
): Result<DerNode, DerParseCode> & { readonly stoppedAtDepth?: number } {
  const state = { nodes: 0 };
  try {
    const node = readTlv(bytes, 0, bytes.length, 1, limits, state);
    if (node.end !== bytes.length) return err('MALFORMED', 'trailing bytes after the DER value');
    return ok(node);
  } catch (error) {
    if (error instanceof DerStop)
      return { ...err(error.code, error.message), stoppedAtDepth: error.depth };
    throw error;
  }
}

function readTlv(
  bytes: Uint8Array,
  offset: number,
  limit: number,
  depth: number,
  limits: DerLimits,
  state: { nodes: number },
): DerNode {
  // 1. Bounds first: depth and node count stop the walk before any content is read.
  if (depth > limits.maxDepth)
    throw new DerStop('TOO_DEEP', `nesting deeper than ${limits.maxDepth}`, depth);
  if (++state.nodes > limits.maxNodes)
    throw new DerStop('TOO_LARGE', `more than ${limits.maxNodes} ASN.1 values`, depth);
  if (offset + 2 > limit) throw new DerStop('MALFORMED', 'truncated header', depth);

  // 2. Identifier: low-tag-number form only.
  const id = bytes[offset]!;
  if ((id & 0x1f) === 0x1f)
    throw new DerStop('MALFORMED', 'high tag numbers are not used here', depth);
  const constructed = (id & 0x20) !== 0;
  if ((id & 0xc0) === 0) {
    const tag = id & 0x1f;
    if (tag === 0) throw new DerStop('MALFORMED', 'tag 0 (end-of-contents) in DER', depth);
    if (constructed && PRIMITIVE_ONLY.has(tag))
      throw new DerStop('MALFORMED', `constructed encoding of universal ${tag}`, depth);
    if (!constructed && (tag === 16 || tag === 17))
      throw new DerStop('MALFORMED', 'primitive SEQUENCE/SET', depth);
  }

  // 3. Length: definite, minimal, at most 4 octets, inside the parent.
  let pos = offset + 1;
  const first = bytes[pos++]!;
  let length: number;
  if (first < 0x80) {
    length = first;
  } else {
    const count = first & 0x7f;
    if (count === 0) throw new DerStop('MALFORMED', 'indefinite length (BER) is not DER', depth);
    if (count > 4) throw new DerStop('MALFORMED', 'length field longer than 4 octets', depth);
    if (pos + count > limit) throw new DerStop('MALFORMED', 'truncated length', depth);
    if (bytes[pos] === 0) throw new DerStop('MALFORMED', 'length with a leading zero octet', depth);
    length = 0;
    for (let i = 0; i < count; i++) length = length * 256 + bytes[pos++]!;
    if (length < 0x80) throw new DerStop('MALFORMED', 'long-form length under 128', depth);
  }
  const contentStart = pos;
  const end = contentStart + length;
  if (end > limit) throw new DerStop('MALFORMED', 'value runs past its container', depth);

  // 4. Children, which must exactly fill a constructed value.
  const children: DerNode[] = [];
  if (constructed) {
    let child = contentStart;
    while (child < end) {
      const node = readTlv(bytes, child, end, depth + 1, limits, state);
      children.push(node);
      child = node.end;
    }
  }
  return { bytes, id, start: offset, contentStart, end, children };
}
