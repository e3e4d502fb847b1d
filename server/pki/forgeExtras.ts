import forge from 'node-forge';

/**
 * The few node-forge 1.4.3 functions that exist at runtime but are missing from, or narrower
 * in, @types/node-forge. Typed here once, precisely, instead of casting at each use.
 */
interface ForgeRuntimeExtras {
  asn1: {
    fromDer(
      bytes: string,
      options: { strict: boolean; parseAllBytes: boolean; decodeBitStrings: boolean },
    ): forge.asn1.Asn1;
  };
  pki: {
    getTBSCertificate(cert: forge.pki.Certificate): forge.asn1.Asn1;
  };
  pkcs12: {
    toPkcs12Asn1(
      key: forge.pki.rsa.PrivateKey | null,
      cert: forge.pki.Certificate[],
      password: string,
      options: {
        algorithm: 'aes256';
        prfAlgorithm: 'sha256';
        count: number;
        saltSize: number;
        useMac: false;
        friendlyName: string;
        generateLocalKeyId: boolean;
      },
    ): forge.asn1.Asn1;
  };
}

// The runtime object has these members; the declaration above only names them.
export const forgeExtras = forge as unknown as ForgeRuntimeExtras;

/** Parses DER without decoding BIT STRING contents, so re-encoding gives the same bytes. */
export function asn1FromDer(der: Uint8Array): forge.asn1.Asn1 {
  return forgeExtras.asn1.fromDer(Buffer.from(der).toString('binary'), {
    strict: true,
    parseAllBytes: true,
    decodeBitStrings: false,
  });
}

export function asn1ToBytes(node: forge.asn1.Asn1): Uint8Array {
  return new Uint8Array(Buffer.from(forge.asn1.toDer(node).getBytes(), 'binary'));
}

const { Class, Type } = forge.asn1;

export const oidNode = (oid: string): forge.asn1.Asn1 =>
  forge.asn1.create(Class.UNIVERSAL, Type.OID, false, forge.asn1.oidToDer(oid).getBytes());
export const nullNode = (): forge.asn1.Asn1 =>
  forge.asn1.create(Class.UNIVERSAL, Type.NULL, false, '');
export const seq = (items: forge.asn1.Asn1[]): forge.asn1.Asn1 =>
  forge.asn1.create(Class.UNIVERSAL, Type.SEQUENCE, true, items);
export const octets = (bytes: Uint8Array): forge.asn1.Asn1 =>
  forge.asn1.create(
    Class.UNIVERSAL,
    Type.OCTETSTRING,
    false,
    Buffer.from(bytes).toString('binary'),
  );
export const utcTime = (date: Date): forge.asn1.Asn1 =>
  forge.asn1.create(Class.UNIVERSAL, Type.UTCTIME, false, forge.asn1.dateToUtcTime(date));
export const bitString = (bytes: Uint8Array): forge.asn1.Asn1 =>
  forge.asn1.create(
    Class.UNIVERSAL,
    Type.BITSTRING,
    false,
    '\u0000' + Buffer.from(bytes).toString('binary'),
  );
/** Positive INTEGER from lower-case hex (a leading 00 is added when the top bit is set). */
export const integerHex = (hex: string): forge.asn1.Asn1 => {
  const bytes = forge.util.hexToBytes(hex.length % 2 === 1 ? `0${hex}` : hex);
  return forge.asn1.create(
    Class.UNIVERSAL,
    Type.INTEGER,
    false,
    bytes.charCodeAt(0) >= 0x80 ? `\u0000${bytes}` : bytes,
  );
};
export const smallInteger = (n: number): forge.asn1.Asn1 =>
  forge.asn1.create(Class.UNIVERSAL, Type.INTEGER, false, forge.asn1.integerToDer(n).getBytes());
