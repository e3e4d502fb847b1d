import forge from 'node-forge';

/**
 * node-forge's ASN.1 objects, read and built with types. forge represents bytes as "binary
 * strings" (one char per octet); these helpers convert at the edge so the rest of the signing
 * code deals in Uint8Array only.
 */
export type Asn1 = forge.asn1.Asn1;
export const { Class, Type } = forge.asn1;

/** A shape error while reading forge ASN.1; callers turn it into their typed code. */
export class Asn1ShapeError extends Error {}

interface FromDerOptions {
  strict: boolean;
  parseAllBytes: boolean;
  decodeBitStrings: boolean;
}
// forge 1.4.3 takes an options object here; @types/node-forge only declares the boolean form.
const fromDerWithOptions = forge.asn1.fromDer as unknown as (
  bytes: string,
  options: FromDerOptions,
) => Asn1;

export const toBinary = (bytes: Uint8Array): string =>
  Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
export const fromBinary = (binary: string): Uint8Array =>
  new Uint8Array(Buffer.from(binary, 'latin1'));

/**
 * Parses DER (and the BER that PKCS#12 producers emit) without decoding BIT STRING contents,
 * so that re-encoding a parsed certificate gives back the very same bytes.
 */
export function parseAsn1(bytes: Uint8Array): Asn1 {
  try {
    return fromDerWithOptions(toBinary(bytes), {
      strict: true,
      parseAllBytes: true,
      decodeBitStrings: false,
    });
  } catch (error) {
    throw new Asn1ShapeError(
      `not ASN.1: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
}

export const encodeAsn1 = (node: Asn1): Uint8Array => fromBinary(forge.asn1.toDer(node).getBytes());

// --- reading -------------------------------------------------------------------------------

export function childrenOf(node: Asn1 | undefined, what: string): Asn1[] {
  if (node === undefined || !node.constructed || !Array.isArray(node.value))
    throw new Asn1ShapeError(`${what}: expected a constructed value`);
  return node.value;
}

export function expectUniversal(node: Asn1 | undefined, type: forge.asn1.Type, what: string): Asn1 {
  if (node === undefined || node.tagClass !== Class.UNIVERSAL || node.type !== type)
    throw new Asn1ShapeError(`${what}: unexpected type`);
  return node;
}

export function expectContext(node: Asn1 | undefined, tag: number, what: string): Asn1 {
  if (
    node === undefined ||
    node.tagClass !== Class.CONTEXT_SPECIFIC ||
    (node.type as number) !== tag
  )
    throw new Asn1ShapeError(`${what}: expected [${tag}]`);
  return node;
}

export function readOid(node: Asn1 | undefined, what: string): string {
  const oid = expectUniversal(node, Type.OID, what);
  if (typeof oid.value !== 'string') throw new Asn1ShapeError(`${what}: constructed OID`);
  return forge.asn1.derToOid(oid.value);
}

/** Octets of an OCTET STRING (or of a [n] IMPLICIT one), joining BER constructed segments. */
export function readOctets(node: Asn1 | undefined, what: string): Uint8Array {
  if (node === undefined) throw new Asn1ShapeError(`${what}: missing`);
  if (typeof node.value === 'string') return fromBinary(node.value);
  const parts = node.value.map((part) => readOctets(part, what));
  return new Uint8Array(Buffer.concat(parts));
}

/** A non-negative INTEGER that fits a JS number (iteration counts, versions). */
export function readCount(node: Asn1 | undefined, what: string): number {
  const int = expectUniversal(node, Type.INTEGER, what);
  if (typeof int.value !== 'string' || int.value.length === 0 || int.value.length > 6)
    throw new Asn1ShapeError(`${what}: out of range`);
  const bytes = fromBinary(int.value);
  if ((bytes[0]! & 0x80) !== 0) throw new Asn1ShapeError(`${what}: negative`);
  return bytes.reduce((n, b) => n * 256 + b, 0);
}

// --- building ------------------------------------------------------------------------------

export const oidNode = (oid: string): Asn1 =>
  forge.asn1.create(Class.UNIVERSAL, Type.OID, false, forge.asn1.oidToDer(oid).getBytes());
export const nullNode = (): Asn1 => forge.asn1.create(Class.UNIVERSAL, Type.NULL, false, '');
export const sequence = (items: Asn1[]): Asn1 =>
  forge.asn1.create(Class.UNIVERSAL, Type.SEQUENCE, true, items);
export const set = (items: Asn1[]): Asn1 =>
  forge.asn1.create(Class.UNIVERSAL, Type.SET, true, items);
export const octetString = (bytes: Uint8Array): Asn1 =>
  forge.asn1.create(Class.UNIVERSAL, Type.OCTETSTRING, false, toBinary(bytes));
export const smallInteger = (n: number): Asn1 =>
  forge.asn1.create(Class.UNIVERSAL, Type.INTEGER, false, forge.asn1.integerToDer(n).getBytes());
/** [tag] EXPLICIT / constructed IMPLICIT wrapper. */
export const contextConstructed = (tag: number, items: Asn1[]): Asn1 =>
  forge.asn1.create(Class.CONTEXT_SPECIFIC, tag, true, items);

/** RFC 5652 §11.3: UTCTime for 1950-2049, GeneralizedTime otherwise; whole seconds, UTC. */
export function timeNode(date: Date): Asn1 {
  const year = date.getUTCFullYear();
  return year >= 1950 && year < 2050
    ? forge.asn1.create(Class.UNIVERSAL, Type.UTCTIME, false, forge.asn1.dateToUtcTime(date))
    : forge.asn1.create(
        Class.UNIVERSAL,
        Type.GENERALIZEDTIME,
        false,
        forge.asn1.dateToGeneralizedTime(date),
      );
}

/** X.690 §11.6: DER orders SET OF elements by their encodings, the shorter zero-padded. */
export function sortForSet(nodes: Asn1[]): Asn1[] {
  const encoded = nodes.map((node) => ({ node, der: encodeAsn1(node) }));
  encoded.sort((a, b) => {
    const n = Math.max(a.der.length, b.der.length);
    for (let i = 0; i < n; i++) {
      const d = (a.der[i] ?? 0) - (b.der[i] ?? 0);
      if (d !== 0) return d;
    }
    return 0;
  });
  return encoded.map((e) => e.node);
}
