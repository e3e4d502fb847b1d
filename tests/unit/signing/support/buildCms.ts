import { createHash, sign, type KeyObject } from 'node:crypto';
import forge from 'node-forge';
import { OID } from '../../../../shared/opinions/oids.ts';
import {
  asn1FromDer,
  asn1ToBytes,
  nullNode,
  octets,
  oidNode,
  seq,
  smallInteger,
  utcTime,
} from '../../../../server/pki/forgeExtras.ts';

/**
 * A second, deliberately bendable CMS SignedData builder for the verifier tests: it can make
 * what the production signer never will (MD5/SHA-1, attached content, two signers, no or a
 * wrong signing-certificate-v2, RSA-1024, mismatched algorithms). With no options it makes the
 * same profile as electron/core/signing/signOpinion.ts, independently written.
 */
export interface CmsSigner {
  readonly certDer: Uint8Array;
  readonly privateKey: KeyObject;
}

export interface CmsOptions {
  readonly payload: Uint8Array;
  readonly signer: CmsSigner;
  readonly chain?: readonly Uint8Array[];
  readonly signingTime: Date;
  readonly digest?: 'sha256' | 'sha384' | 'sha1' | 'md5';
  /** Override the SignerInfo signatureAlgorithm OID (e.g. to mismatch it). */
  readonly signatureOid?: string;
  readonly ess?: 'ok' | 'missing' | 'v1-only' | 'other-cert' | 'wrong-serial' | 'sha1-hash';
  /** Certificate the 'other-cert' ESS names. */
  readonly essOtherCertDer?: Uint8Array;
  readonly attachContent?: boolean;
  readonly secondSigner?: CmsSigner;
  readonly includeCertificates?: boolean;
  readonly contentTypeAttr?: string;
  readonly omitAttributes?: readonly string[];
  /** Leave signed attributes in the order given instead of DER order. */
  readonly unsorted?: boolean;
}

const { Class, Type } = forge.asn1;
const ctx = (tag: number, items: forge.asn1.Asn1[]): forge.asn1.Asn1 =>
  forge.asn1.create(Class.CONTEXT_SPECIFIC, tag, true, items);
const set = (items: forge.asn1.Asn1[]): forge.asn1.Asn1 =>
  forge.asn1.create(Class.UNIVERSAL, Type.SET, true, items);
const DIGEST_OIDS = {
  sha256: OID.sha256,
  sha384: OID.sha384,
  sha1: OID.sha1,
  md5: OID.md5,
} as const;

function tbsFields(certDer: Uint8Array): { issuer: forge.asn1.Asn1; serial: forge.asn1.Asn1 } {
  const tbs = (asn1FromDer(certDer).value as forge.asn1.Asn1[])[0]!.value as forge.asn1.Asn1[];
  return { serial: tbs[1]!, issuer: tbs[3]! };
}

function sortDer(nodes: forge.asn1.Asn1[]): forge.asn1.Asn1[] {
  return nodes
    .map((n) => ({ n, d: Buffer.from(asn1ToBytes(n)) }))
    .sort((a, b) =>
      Buffer.compare(
        Buffer.concat([a.d, Buffer.alloc(Math.max(0, b.d.length - a.d.length))]),
        Buffer.concat([b.d, Buffer.alloc(Math.max(0, a.d.length - b.d.length))]),
      ),
    )
    .map((x) => x.n);
}

function signerInfo(options: CmsOptions, signer: CmsSigner): forge.asn1.Asn1 {
  const digest = options.digest ?? 'sha256';
  const { issuer, serial } = tbsFields(signer.certDer);
  const essCert =
    options.ess === 'other-cert' && options.essOtherCertDer !== undefined
      ? options.essOtherCertDer
      : signer.certDer;
  const essSerial =
    options.ess === 'wrong-serial'
      ? forge.asn1.create(Class.UNIVERSAL, Type.INTEGER, false, '\u0012\u0034')
      : tbsFields(essCert).serial;
  const essHashAlg = options.ess === 'sha1-hash' ? [seq([oidNode(OID.sha1)])] : [];
  const essHash = createHash(options.ess === 'sha1-hash' ? 'sha1' : 'sha256')
    .update(essCert)
    .digest();
  const issuerSerial = seq([seq([ctx(4, [tbsFields(essCert).issuer])]), essSerial]);

  const attrs: [string, forge.asn1.Asn1][] = [
    [OID.contentType, oidNode(options.contentTypeAttr ?? OID.data)],
    [OID.signingTime, utcTime(options.signingTime)],
    [OID.messageDigest, octets(createHash(digest).update(options.payload).digest())],
  ];
  if (options.ess === 'v1-only') {
    attrs.push([
      OID.signingCertificate,
      seq([seq([seq([octets(createHash('sha1').update(essCert).digest())])])]),
    ]);
  } else if (options.ess !== 'missing') {
    attrs.push([
      OID.signingCertificateV2,
      seq([seq([seq([...essHashAlg, octets(essHash), issuerSerial])])]),
    ]);
  }
  const nodes = attrs
    .filter(([type]) => !(options.omitAttributes ?? []).includes(type))
    .map(([type, value]) => seq([oidNode(type), set([value])]));
  const ordered = options.unsorted === true ? nodes.reverse() : sortDer(nodes);
  const signature = sign(digest, asn1ToBytes(set(ordered)), signer.privateKey);
  const isEc = signer.privateKey.asymmetricKeyType === 'ec';
  const sigOid = options.signatureOid ?? (isEc ? OID.ecdsaWithSha256 : OID.rsaEncryption);
  return seq([
    smallInteger(1),
    seq([issuer, serial]),
    seq([oidNode(DIGEST_OIDS[digest])]),
    ctx(0, ordered),
    sigOid.startsWith('1.2.840.10045.')
      ? seq([oidNode(sigOid)])
      : seq([oidNode(sigOid), nullNode()]), // ECDSA: no parameters
    octets(signature),
  ]);
}

export function buildCms(options: CmsOptions): Uint8Array {
  const digest = options.digest ?? 'sha256';
  const signers = [
    options.signer,
    ...(options.secondSigner === undefined ? [] : [options.secondSigner]),
  ];
  const certs =
    options.includeCertificates === false
      ? []
      : [...signers.map((s) => s.certDer), ...(options.chain ?? [])];
  const encap =
    options.attachContent === true
      ? seq([oidNode(OID.data), ctx(0, [octets(options.payload)])])
      : seq([oidNode(OID.data)]);
  const signedData = seq([
    smallInteger(1),
    set([seq([oidNode(DIGEST_OIDS[digest])])]),
    encap,
    ...(certs.length === 0
      ? []
      : [
          ctx(
            0,
            certs.map((c) => asn1FromDer(c)),
          ),
        ]),
    set(signers.map((s) => signerInfo(options, s))),
  ]);
  return asn1ToBytes(seq([oidNode(OID.signedData), ctx(0, [signedData])]));
}
