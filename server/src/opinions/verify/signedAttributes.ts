import { OID } from '../../../../shared/opinions/oids.ts';
import { err, ok, type Result } from '../../../../shared/util/result.ts';
import type { DerNode } from './der/parseDer.ts';
import {
  TAG,
  compareDerForSet,
  encodingOf,
  expectTag,
  fail,
  readOctets,
  readOid,
  readTime,
} from './der/derValues.ts';

/**
 * The signed attributes of the one SignerInfo (RFC 5652 §5.3, §11). contentType, messageDigest
 * and signingTime are required by the eCabinet profile and may appear once each, with one
 * value; signing-certificate-v2 is checked separately (its own codes).
 */
export interface SignedAttributes {
  readonly contentType: string;
  readonly messageDigest: Uint8Array;
  /** ms since the epoch (the device clock: informative, bounded against trusted time). */
  readonly signingTime: number;
  /** The SigningCertificateV2 value, or null when the attribute is absent. */
  readonly signingCertificateV2: DerNode | null;
  /**
   * What the signature covers: the DER of the attributes as a SET OF (tag 0x31), i.e. the
   * received encoding with its [0] IMPLICIT tag replaced (RFC 5652 §5.4).
   */
  readonly signedBytes: Uint8Array;
}

export function readSignedAttributes(
  node: DerNode | null,
): Result<SignedAttributes, 'MISSING_SIGNED_ATTRIBUTES'> {
  if (node === null) return err('MISSING_SIGNED_ATTRIBUTES', 'the signer has no signed attributes');
  const values = new Map<string, DerNode>();
  let previous: Uint8Array | null = null;
  for (const attr of node.children) {
    // DER SET OF: elements in ascending order of their encodings (X.690 §11.6).
    const encoding = encodingOf(attr);
    if (previous !== null && compareDerForSet(previous, encoding) > 0)
      fail('signed attributes are not in DER SET OF order');
    previous = encoding;
    // Attribute ::= SEQUENCE { attrType, attrValues SET OF }
    const parts = expectTag(attr, TAG.SEQUENCE, 'Attribute').children;
    const type = readOid(parts[0], 'attrType');
    const set = expectTag(parts[1], TAG.SET, 'attrValues');
    if (parts.length !== 2) fail('Attribute: expected 2 fields');
    if (values.has(type))
      return err('MISSING_SIGNED_ATTRIBUTES', `attribute ${type} appears twice`);
    if (
      set.children.length !== 1 &&
      (type === OID.contentType ||
        type === OID.messageDigest ||
        type === OID.signingTime ||
        type === OID.signingCertificateV2)
    ) {
      return err('MISSING_SIGNED_ATTRIBUTES', `attribute ${type} must have exactly one value`);
    }
    values.set(type, set.children[0]!);
  }
  const contentType = values.get(OID.contentType);
  const messageDigest = values.get(OID.messageDigest);
  const signingTime = values.get(OID.signingTime);
  if (contentType === undefined)
    return err('MISSING_SIGNED_ATTRIBUTES', 'no contentType attribute');
  if (messageDigest === undefined)
    return err('MISSING_SIGNED_ATTRIBUTES', 'no messageDigest attribute');
  if (signingTime === undefined)
    return err('MISSING_SIGNED_ATTRIBUTES', 'no signingTime attribute');

  const signedBytes = encodingOf(node).slice();
  signedBytes[0] = TAG.SET;
  return ok({
    contentType: readOid(contentType, 'contentType'),
    messageDigest: readOctets(messageDigest, 'messageDigest'),
    signingTime: readTime(signingTime, 'signingTime'),
    signingCertificateV2: values.get(OID.signingCertificateV2) ?? null,
    signedBytes,
  });
}
