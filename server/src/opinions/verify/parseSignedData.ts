import { OID } from '../../../../shared/opinions/oids.ts';
import { err, ok, type Result } from '../../../../shared/util/result.ts';
import { readAlgorithmId, type AlgorithmId } from './algorithms.ts';
import type { DerNode } from './der/parseDer.ts';
import {
  TAG,
  contentOf,
  encodingOf,
  expectTag,
  fail,
  readOctets,
  readOid,
  readPositiveIntegerHex,
  readSmallInteger,
  toHex,
} from './der/derValues.ts';

/**
 * The parts of a CMS SignedData (RFC 5652 §5) an opinion verifier needs, with the structural
 * rules of an eCabinet opinion applied: exactly one SignerInfo, detached id-data content.
 * Shape errors throw `DerShapeError` (MALFORMED at the caller); the structural refusals are
 * returned as their own codes.
 */
export interface SignerInfoParts {
  readonly sid:
    | { readonly kind: 'issuerSerial'; readonly issuer: Uint8Array; readonly serialHex: string }
    | { readonly kind: 'keyId'; readonly keyIdHex: string };
  readonly digestAlgorithm: AlgorithmId;
  /** The [0] IMPLICIT signed attributes node; null when absent. */
  readonly signedAttrs: DerNode | null;
  readonly signatureAlgorithm: AlgorithmId;
  readonly signature: Uint8Array;
}

export interface SignedDataParts {
  readonly digestAlgorithms: readonly AlgorithmId[];
  /** Certificate DER nodes from the certificates field (other choices are refused). */
  readonly certificates: readonly DerNode[];
  readonly signer: SignerInfoParts;
}

export type StructureCode =
  'NOT_SIGNED_DATA' | 'ATTACHED_CONTENT' | 'WRONG_CONTENT_TYPE' | 'NO_SIGNER' | 'TWO_SIGNERS';

export function parseSignedData(root: DerNode): Result<SignedDataParts, StructureCode> {
  // ContentInfo ::= SEQUENCE { contentType, [0] EXPLICIT content }
  const contentInfo = expectTag(root, TAG.SEQUENCE, 'ContentInfo');
  if (readOid(contentInfo.children[0], 'contentType') !== OID.signedData)
    return err('NOT_SIGNED_DATA', 'not a CMS SignedData');
  if (contentInfo.children.length !== 2) fail('ContentInfo: expected 2 fields');
  const wrapper = expectTag(contentInfo.children[1], TAG.ctx(0), 'content');
  if (wrapper.children.length !== 1) fail('content: expected one value');
  const f = expectTag(wrapper.children[0], TAG.SEQUENCE, 'SignedData').children;

  // SignedData ::= SEQUENCE { version, digestAlgorithms, encapContentInfo,
  //                           [0] certificates OPTIONAL, [1] crls OPTIONAL, signerInfos }
  const version = readSmallInteger(f[0], 'SignedData.version');
  if (![1, 3].includes(version)) fail(`SignedData version ${version}`);
  const digestAlgorithms = expectTag(f[1], TAG.SET, 'digestAlgorithms').children.map((n) =>
    readAlgorithmId(n, 'digestAlgorithm'),
  );

  const encap = expectTag(f[2], TAG.SEQUENCE, 'encapContentInfo');
  const eContentType = readOid(encap.children[0], 'eContentType');
  if (encap.children.length > 2) fail('encapContentInfo: too many fields');
  if (encap.children.length === 2)
    return err('ATTACHED_CONTENT', 'the payload must be detached, not inside the signature');
  if (eContentType !== OID.data)
    return err('WRONG_CONTENT_TYPE', `eContentType ${eContentType} is not id-data`);

  let i = 3;
  const certificates: DerNode[] = [];
  if (f[i]?.id === TAG.ctx(0)) {
    for (const choice of f[i++]!.children)
      certificates.push(
        expectTag(choice, TAG.SEQUENCE, 'Certificate (other certificate formats are refused)'),
      );
  }
  if (f[i]?.id === TAG.ctx(1)) i++; // CRLs carried in the message are never trusted; ours are configured.
  const signerInfos = expectTag(f[i++], TAG.SET, 'signerInfos').children;
  if (f[i] !== undefined) fail('SignedData: trailing fields');
  if (signerInfos.length === 0) return err('NO_SIGNER', 'the SignedData has no signer');
  if (signerInfos.length > 1)
    return err('TWO_SIGNERS', `an opinion has exactly one signer, found ${signerInfos.length}`);

  return ok({ digestAlgorithms, certificates, signer: readSignerInfo(signerInfos[0]!) });
}

function readSignerInfo(node: DerNode): SignerInfoParts {
  // SignerInfo ::= SEQUENCE { version, sid, digestAlgorithm, [0] signedAttrs OPTIONAL,
  //                           signatureAlgorithm, signature, [1] unsignedAttrs OPTIONAL }
  const f = expectTag(node, TAG.SEQUENCE, 'SignerInfo').children;
  const version = readSmallInteger(f[0], 'SignerInfo.version');
  let sid: SignerInfoParts['sid'];
  if (version === 1) {
    const ias = expectTag(f[1], TAG.SEQUENCE, 'issuerAndSerialNumber');
    const issuer = encodingOf(expectTag(ias.children[0], TAG.SEQUENCE, 'issuer'));
    sid = {
      kind: 'issuerSerial',
      issuer,
      serialHex: readPositiveIntegerHex(ias.children[1], 'serialNumber'),
    };
    if (ias.children.length !== 2) fail('issuerAndSerialNumber: expected 2 fields');
  } else if (version === 3) {
    sid = {
      kind: 'keyId',
      keyIdHex: toHex(contentOf(expectTag(f[1], TAG.ctxPrimitive(0), 'subjectKeyIdentifier'))),
    };
  } else {
    return fail(`SignerInfo version ${version}`);
  }
  const digestAlgorithm = readAlgorithmId(f[2], 'digestAlgorithm');
  let i = 3;
  const signedAttrs = f[i]?.id === TAG.ctx(0) ? f[i++]! : null;
  const signatureAlgorithm = readAlgorithmId(f[i++], 'signatureAlgorithm');
  const signature = readOctets(f[i++], 'signature');
  if (f[i]?.id === TAG.ctx(1)) i++; // unsigned attributes cannot change what was signed
  if (f[i] !== undefined) fail('SignerInfo: trailing fields');
  return { sid, digestAlgorithm, signedAttrs, signatureAlgorithm, signature };
}
