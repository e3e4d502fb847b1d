import forge from 'node-forge';
import { describe, expect, it } from 'vitest';
import { importPkcs12 } from '../../../electron/core/signing/importPkcs12.ts';
import {
  asn1FromDer,
  asn1ToBytes,
  forgeExtras,
  nullNode,
  octets,
  oidNode,
  seq,
  smallInteger,
} from '../../../server/pki/forgeExtras.ts';
import { appendSha256Mac } from '../../../server/pki/pkcs12Builder.ts';
import { OID } from '../../../shared/opinions/oids.ts';
import { PASSWORD, testPki } from './support/testPki.ts';

const pki = testPki();
const member = pki.members[0]!;
const codeOf = (bytes: Uint8Array, password = PASSWORD): string => {
  const r = importPkcs12(bytes, password);
  return r.ok ? 'OK' : r.error.code;
};
const forgeKey = (k: typeof member.privateKey) =>
  forge.pki.privateKeyFromPem(k.export({ type: 'pkcs1', format: 'pem' }).toString());
const forgeCert = (der: Uint8Array) =>
  forge.pki.certificateFromAsn1(forge.asn1.fromDer(Buffer.from(der).toString('binary')));

/** A forge-made PFX without MAC: the raw material for unusual files. */
function pfxWithoutMac(
  key: forge.pki.rsa.PrivateKey | null,
  certs: Uint8Array[],
  password = PASSWORD,
): forge.asn1.Asn1 {
  return forgeExtras.pkcs12.toPkcs12Asn1(
    key,
    certs.map(forgeCert),
    forge.util.encodeUtf8(password),
    {
      algorithm: 'aes256',
      prfAlgorithm: 'sha256',
      count: 2048,
      saltSize: 16,
      useMac: false,
      friendlyName: 'test',
      generateLocalKeyId: certs.length > 0,
    },
  );
}

describe('importPkcs12 on forge-made files', () => {
  it('opens a member file with a Vietnamese password: key, certificate, chain, serial, validity', () => {
    const r = importPkcs12(member.p12, PASSWORD);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value).toMatchObject({
      keyType: 'rsa',
      serial: member.serialHex,
      sha256: member.sha256,
    });
    expect(r.value.subject).toContain('CN=Nguyễn Văn An');
    expect(r.value.chain.map((c) => Buffer.from(c.der).equals(pki.ca.certDer))).toEqual([true]);
    expect(r.value.notBefore.getTime()).toBe(member.notBefore.getTime());
    expect(r.value.notAfter.getTime()).toBe(member.notAfter.getTime());
    expect(r.value.certificate.forge?.serialNumber).toBe(member.serialHex);
    expect(r.value.privateKey.type).toBe('private');
  });

  it('says WRONG_PASSWORD for a wrong password (and for the right one in another normal form)', () => {
    expect(codeOf(member.p12, 'wrong')).toBe('WRONG_PASSWORD');
    expect(codeOf(member.p12, '')).toBe('WRONG_PASSWORD');
    expect(codeOf(member.p12, PASSWORD.normalize('NFD'))).toBe('WRONG_PASSWORD');
  });

  it('says TAMPERED when the MAC does not match but the password opens the key', () => {
    const macFlipped = Buffer.from(member.p12);
    macFlipped[macFlipped.length - 30]! ^= 0x01; // inside the 32-byte HMAC, before salt and count
    expect(codeOf(macFlipped)).toBe('TAMPERED');

    const certFlipped = Buffer.from(member.p12);
    const at = certFlipped.indexOf(Buffer.from(member.certDer).subarray(200, 232));
    expect(at).toBeGreaterThan(0); // forge stores certificates unencrypted
    certFlipped[at + 5]! ^= 0x80;
    expect(codeOf(certFlipped)).toBe('TAMPERED');
  });

  it('says NOT_PKCS12 for files that are not PKCS#12', () => {
    for (const bytes of [
      new Uint8Array(),
      Uint8Array.from(Buffer.from('%PDF-1.7\n%âãÏÓ\n1 0 obj\n')),
      member.certDer,
      pki.crlDer,
      member.p12.subarray(0, member.p12.length >> 1),
      Uint8Array.from({ length: 4096 }, (_, i) => (i * 7919) & 0xff),
      new Uint8Array(2 * 1024 * 1024),
    ]) {
      expect(codeOf(bytes)).toBe('NOT_PKCS12');
    }
  });

  it('refuses a file without MAC (NO_MAC) and a MAC algorithm it does not support', () => {
    const noMac = pfxWithoutMac(forgeKey(member.privateKey), [member.certDer]);
    expect(codeOf(asn1ToBytes(noMac))).toBe('NO_MAC');
    const md5Mac = seq([
      ...(noMac.value as forge.asn1.Asn1[]),
      seq([
        seq([seq([oidNode(OID.md5), nullNode()]), octets(new Uint8Array(16))]),
        octets(new Uint8Array(8)),
        smallInteger(1),
      ]),
    ]);
    expect(codeOf(asn1ToBytes(md5Mac))).toBe('UNSUPPORTED_ALGORITHM');
  });

  it('says NO_KEY, NO_CERTIFICATE and MULTIPLE_KEYS for incomplete or ambiguous files', () => {
    expect(
      codeOf(asn1ToBytes(appendSha256Mac(pfxWithoutMac(null, [member.certDer]), PASSWORD))),
    ).toBe('NO_KEY');
    expect(
      codeOf(
        asn1ToBytes(
          appendSha256Mac(
            pfxWithoutMac(forgeKey(member.privateKey), [pki.members[1]!.certDer]),
            PASSWORD,
          ),
        ),
      ),
    ).toBe('NO_CERTIFICATE');

    const two = pfxWithoutMac(forgeKey(member.privateKey), [member.certDer]);
    const other = pfxWithoutMac(forgeKey(pki.members[1]!.privateKey), []);
    const safe = (pfx: forge.asn1.Asn1) =>
      asn1FromDer(
        Buffer.from(
          (
            ((pfx.value as forge.asn1.Asn1[])[1]!.value as forge.asn1.Asn1[])[1]!
              .value as forge.asn1.Asn1[]
          )[0]!.value as string,
          'binary',
        ),
      );
    const merged = seq([
      ...(safe(two).value as forge.asn1.Asn1[]),
      ...(safe(other).value as forge.asn1.Asn1[]),
    ]);
    (
      ((two.value as forge.asn1.Asn1[])[1]!.value as forge.asn1.Asn1[])[1]!
        .value as forge.asn1.Asn1[]
    )[0]!.value = Buffer.from(asn1ToBytes(merged)).toString('binary');
    expect(codeOf(asn1ToBytes(appendSha256Mac(two, PASSWORD)))).toBe('MULTIPLE_KEYS');
  });
});
