import type { DerNode } from './parseDer.ts';

/**
 * Typed reads of DER values, all strict. A value of the wrong shape throws `DerShapeError`;
 * the structural parsers catch it at their boundary and answer MALFORMED, so a shape problem
 * can never surface as anything but a typed code.
 */
export class DerShapeError extends Error {}

/** Identifier octets used by the parsers. */
export const TAG = {
  BOOLEAN: 0x01,
  INTEGER: 0x02,
  BIT_STRING: 0x03,
  OCTET_STRING: 0x04,
  NULL: 0x05,
  OID: 0x06,
  UTC_TIME: 0x17,
  GENERALIZED_TIME: 0x18,
  SEQUENCE: 0x30,
  SET: 0x31,
  /** [n] constructed, context-specific. */
  ctx: (n: number): number => 0xa0 | n,
  /** [n] primitive, context-specific. */
  ctxPrimitive: (n: number): number => 0x80 | n,
} as const;

export function fail(message: string): never {
  throw new DerShapeError(message);
}

export function expectTag(node: DerNode | undefined, id: number, what: string): DerNode {
  if (node === undefined) fail(`${what} is missing`);
  if (node.id !== id)
    fail(`${what}: expected tag 0x${id.toString(16)}, found 0x${node.id.toString(16)}`);
  return node;
}

/** The content octets (a view, not a copy). */
export function contentOf(node: DerNode): Uint8Array {
  return node.bytes.subarray(node.contentStart, node.end);
}

/** The whole TLV (a view, not a copy): what a signature or hash over "the DER of X" covers. */
export function encodingOf(node: DerNode): Uint8Array {
  return node.bytes.subarray(node.start, node.end);
}

/** Dotted OID; refuses non-minimal sub-identifiers (a leading 0x80 octet). */
export function readOid(node: DerNode | undefined, what = 'OID'): string {
  const content = contentOf(expectTag(node, TAG.OID, what));
  if (content.length === 0) fail(`${what}: empty OID`);
  const arcs: number[] = [];
  let value = 0;
  let fresh = true;
  for (const byte of content) {
    if (fresh && byte === 0x80) fail(`${what}: non-minimal sub-identifier`);
    value = value * 128 + (byte & 0x7f);
    if (value > Number.MAX_SAFE_INTEGER) fail(`${what}: arc too large`);
    fresh = (byte & 0x80) === 0;
    if (fresh) {
      arcs.push(value);
      value = 0;
    }
  }
  if (!fresh) fail(`${what}: truncated sub-identifier`);
  const head = arcs[0]!;
  const top = head < 40 ? 0 : head < 80 ? 1 : 2;
  return [top, head - top * 40, ...arcs.slice(1)].join('.');
}

const HEX = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));

export function toHex(bytes: Uint8Array): string {
  let out = '';
  for (const b of bytes) out += HEX[b]!;
  return out;
}

/** Checks minimal two's-complement encoding and returns the content octets. */
function integerContent(node: DerNode | undefined, what: string): Uint8Array {
  const content = contentOf(expectTag(node, TAG.INTEGER, what));
  if (content.length === 0) fail(`${what}: empty INTEGER`);
  if (content.length > 1) {
    const [a, b] = [content[0]!, content[1]!];
    if ((a === 0x00 && b < 0x80) || (a === 0xff && b >= 0x80)) fail(`${what}: non-minimal INTEGER`);
  }
  return content;
}

/**
 * A positive integer as lower-case hex of whole bytes without the sign octet: the spelling of
 * certificate serials everywhere in eCabinet (payload `certSerial`, binding, CRL lookups).
 */
export function readPositiveIntegerHex(node: DerNode | undefined, what = 'INTEGER'): string {
  const content = integerContent(node, what);
  if ((content[0]! & 0x80) !== 0) fail(`${what}: negative`);
  const magnitude = content[0] === 0 && content.length > 1 ? content.subarray(1) : content;
  if (magnitude.length === 1 && magnitude[0] === 0) fail(`${what}: zero`);
  return toHex(magnitude);
}

/** A small non-negative integer (versions, counts). */
export function readSmallInteger(node: DerNode | undefined, what = 'INTEGER'): number {
  const content = integerContent(node, what);
  if (content.length > 4 || (content[0]! & 0x80) !== 0) fail(`${what}: out of range`);
  let value = 0;
  for (const b of content) value = value * 256 + b;
  return value;
}

export function readBoolean(node: DerNode | undefined, what = 'BOOLEAN'): boolean {
  const content = contentOf(expectTag(node, TAG.BOOLEAN, what));
  if (content.length !== 1 || (content[0] !== 0x00 && content[0] !== 0xff))
    fail(`${what}: not a DER BOOLEAN`);
  return content[0] === 0xff;
}

export function readOctets(node: DerNode | undefined, what = 'OCTET STRING'): Uint8Array {
  return contentOf(expectTag(node, TAG.OCTET_STRING, what));
}

/** BIT STRING holding whole octets (keys, signatures). */
export function readBitStringOctets(node: DerNode | undefined, what = 'BIT STRING'): Uint8Array {
  const content = contentOf(expectTag(node, TAG.BIT_STRING, what));
  if (content.length === 0 || content[0] !== 0) fail(`${what}: not whole octets`);
  return content.subarray(1);
}

/** Named-bit BIT STRING (keyUsage) as a number: bit 0 (the first, most significant) = 1 << 0. */
export function readNamedBits(node: DerNode | undefined, what = 'BIT STRING'): number {
  const content = contentOf(expectTag(node, TAG.BIT_STRING, what));
  if (content.length === 0 || content[0]! > 7 || (content.length === 1 && content[0] !== 0))
    fail(`${what}: bad unused-bits octet`);
  let bits = 0;
  for (let i = 1; i < content.length && i <= 4; i++) {
    for (let b = 0; b < 8; b++)
      if ((content[i]! & (0x80 >> b)) !== 0) bits |= 1 << ((i - 1) * 8 + b);
  }
  return bits;
}

/**
 * UTCTime (YYMMDDHHMMSSZ; 50-99 → 19xx) or GeneralizedTime (YYYYMMDDHHMMSSZ), the only forms
 * RFC 5280 and RFC 5652 allow. Returns ms since the epoch.
 */
export function readTime(node: DerNode | undefined, what = 'Time'): number {
  if (node === undefined) fail(`${what} is missing`);
  if (node.end - node.contentStart > 15) fail(`${what}: too long for a DER time`);
  const text = String.fromCharCode(...contentOf(node));
  const utc =
    node.id === TAG.UTC_TIME ? /^(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})Z$/.exec(text) : null;
  const gen =
    node.id === TAG.GENERALIZED_TIME
      ? /^(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})Z$/.exec(text)
      : null;
  const m = utc ?? gen;
  if (m === null) fail(`${what}: not a DER UTCTime/GeneralizedTime`);
  const [first, mo, d, h, mi, s] = m.slice(1).map(Number) as [
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  const year = gen !== null ? first : first >= 50 ? 1900 + first : 2000 + first;
  const ms = Date.UTC(year, mo - 1, d, h, mi, s);
  const check = new Date(ms);
  if (
    check.getUTCFullYear() !== year ||
    check.getUTCMonth() !== mo - 1 ||
    check.getUTCDate() !== d ||
    h > 23 ||
    mi > 59 ||
    s > 59
  )
    fail(`${what}: not a real date`);
  return ms;
}

/** True when two byte views hold the same octets. */
export function bytesEqual(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** X.690 §11.6 order of SET OF elements: octet-wise, the shorter padded with zeros at the end. */
export function compareDerForSet(a: Uint8Array, b: Uint8Array): number {
  const n = Math.max(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const d = (a[i] ?? 0) - (b[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}
