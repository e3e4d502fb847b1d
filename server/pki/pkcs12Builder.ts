import { createHmac, randomBytes, type KeyObject } from 'node:crypto';
import forge from 'node-forge';
import { OID } from '../../shared/opinions/oids.ts';
import {
  asn1ToBytes,
  forgeExtras,
  nullNode,
  octets,
  oidNode,
  seq,
  smallInteger,
} from './forgeExtras.ts';

/**
 * Builds a password-protected PKCS#12 (RFC 7292) with node-forge: the private key in a
 * pkcs8ShroudedKeyBag under PBES2 (PBKDF2-HMAC-SHA-256, AES-256-CBC), the certificates in
 * certBags, and an HMAC-SHA-256 integrity MAC.
 *
 * forge 1.4.3 writes PBES2/AES-256 but its MAC is always HMAC-SHA-1 (toPkcs12Asn1 has no MAC
 * algorithm option), so the file is built with `useMac: false` and the SHA-256 MacData is
 * added here, keyed with forge's own PKCS#12 KDF (RFC 7292 Appendix B.2). forge also leaves
 * the certificate SafeContents unencrypted (OpenSSL encrypts them); the MAC covers them.
 */
export interface Pkcs12Spec {
  /** RSA only: forge cannot encode EC private keys into a key bag. */
  readonly privateKey: KeyObject;
  /** The signer certificate first, then its chain, DER. */
  readonly certificates: readonly Uint8Array[];
  readonly password: string;
  readonly friendlyName: string;
  /** PBKDF2 and MAC iterations (OpenSSL 3's default is 2048). */
  readonly iterations?: number;
}

export function buildPkcs12(spec: Pkcs12Spec): Uint8Array {
  const iterations = spec.iterations ?? 2048;
  const key = forge.pki.privateKeyFromPem(
    spec.privateKey.export({ type: 'pkcs1', format: 'pem' }).toString(),
  );
  const certs = spec.certificates.map((der) => {
    // forge's certificate reader needs BIT STRINGs decoded (its default), and re-encodes the
    // certificate into the bag: make sure that gives back the very same bytes.
    const cert = forge.pki.certificateFromAsn1(
      forge.asn1.fromDer(Buffer.from(der).toString('binary')),
    );
    if (!Buffer.from(asn1ToBytes(forge.pki.certificateToAsn1(cert))).equals(der))
      throw new Error('forge does not round-trip this certificate');
    return cert;
  });
  // PBKDF2 takes the password as bytes; OpenSSL uses its UTF-8 bytes, forge a "binary string".
  const utf8Password = forge.util.encodeUtf8(spec.password);
  const pfx = forgeExtras.pkcs12.toPkcs12Asn1(key, certs, utf8Password, {
    algorithm: 'aes256',
    prfAlgorithm: 'sha256',
    count: iterations,
    saltSize: 16,
    useMac: false,
    friendlyName: spec.friendlyName,
    generateLocalKeyId: true,
  });

  return asn1ToBytes(appendSha256Mac(pfx, spec.password, iterations));
}

/**
 * Adds an HMAC-SHA-256 MacData to a PFX built without one, keyed with forge's PKCS#12 KDF from
 * the password as a BMPString. Exported for tests that assemble unusual files.
 */
export function appendSha256Mac(
  pfx: forge.asn1.Asn1,
  password: string,
  iterations = 2048,
): forge.asn1.Asn1 {
  // PFX ::= SEQUENCE { version, authSafe ContentInfo { data, [0] OCTET STRING }, macData }
  const authSafe = (pfx.value as forge.asn1.Asn1[])[1]!;
  const content = ((authSafe.value as forge.asn1.Asn1[])[1]!.value as forge.asn1.Asn1[])[0]!
    .value as string;
  const salt = randomBytes(16);
  const macKey = forge.pkcs12.generateKey(
    password,
    forge.util.createBuffer(salt.toString('binary')),
    3,
    iterations,
    32,
    forge.md.sha256.create(),
  );
  const mac = createHmac('sha256', Buffer.from(macKey.getBytes(), 'binary'))
    .update(Buffer.from(content, 'binary'))
    .digest();
  const macData = seq([
    seq([seq([oidNode(OID.sha256), nullNode()]), octets(mac)]),
    octets(salt),
    smallInteger(iterations),
  ]);
  return seq([...(pfx.value as forge.asn1.Asn1[]).slice(0, 2), macData]);
}
