import { createHash, generateKeyPairSync, randomBytes, type KeyObject } from 'node:crypto';
import { OID } from '../../shared/opinions/oids.ts';
import {
  ext,
  issueCertificate,
  keyIdOf,
  type ExtensionSpec,
  type Issuer,
  type NameSpec,
} from './certificateBuilder.ts';
import { issueCrl } from './crlBuilder.ts';
import { buildPkcs12 } from './pkcs12Builder.ts';

/**
 * A development and test PKI, in memory (devPkiFiles.ts writes it out): a root CA, one signing
 * certificate + PKCS#12 per member, and the certificates the verifier must refuse (revoked and
 * on the CA's CRL, expired, issued by a foreign CA). Never for real signatures: the CA is made
 * on the spot and its key is not kept.
 *
 * Deterministic where tests need it: serials derive from `seed` and a label, validity windows
 * from `now`. Keys come from `keys` (tests pass pre-generated ones; RSA key generation is the
 * only slow step, and node:crypto does it in native code).
 */
export interface KeyPair {
  readonly privateKey: KeyObject;
  readonly publicKey: KeyObject;
}

export interface KeySource {
  rsa(bits: number): KeyPair;
}

export const freshKeys: KeySource = {
  rsa: (bits) => generateKeyPairSync('rsa', { modulusLength: bits }),
};

export interface DevMemberSpec {
  /** Subject CN: the member's display name. */
  readonly name: string;
  readonly userId?: string;
  readonly username?: string;
}

export interface DevPkiOptions {
  readonly members: readonly DevMemberSpec[];
  readonly password: string;
  readonly now?: Date;
  /** Fixes the serials; random when absent. */
  readonly seed?: string;
  /** Root CA modulus, bits (3072 by default). */
  readonly caBits?: number;
  /** Member modulus, bits (2048 by default). */
  readonly memberBits?: number;
  readonly p12Iterations?: number;
  /** Days the CRL stays current (long: a development PKI is not re-issued daily). */
  readonly crlValidityDays?: number;
  readonly keys?: KeySource;
}

export interface DevCa {
  readonly name: NameSpec;
  readonly certDer: Uint8Array;
  readonly privateKey: KeyObject;
  readonly keyId: string;
  readonly issuer: Issuer;
}

export interface DevCredential {
  readonly label: string;
  readonly name: string;
  readonly userId: string | null;
  readonly username: string | null;
  /** Lower-case hex, the payload's `certSerial` spelling. */
  readonly serialHex: string;
  /** SHA-256 of the certificate DER, hex: what a member is bound to. */
  readonly sha256: string;
  readonly certDer: Uint8Array;
  readonly privateKey: KeyObject;
  readonly p12: Uint8Array;
  readonly notBefore: Date;
  readonly notAfter: Date;
}

export interface DevPki {
  readonly createdAt: Date;
  readonly password: string;
  readonly ca: DevCa;
  readonly foreignCa: DevCa;
  readonly crlDer: Uint8Array;
  readonly members: readonly DevCredential[];
  /** Issued by the CA, listed on its CRL. */
  readonly revoked: DevCredential;
  /** Issued by the CA, validity ended a year ago. */
  readonly expired: DevCredential;
  /** Issued by a CA that is not a trust anchor. */
  readonly foreign: DevCredential;
}

const DAY_MS = 86_400_000;
const YEAR_MS = 365 * DAY_MS;
const ORG = 'eCabinet (development only)';

/** A positive, minimal, 16-octet serial from seed and label (lower-case hex). */
export function serialFor(seed: string, label: string): string {
  const bytes = createHash('sha256').update(`${seed}:${label}`).digest().subarray(0, 16);
  bytes[0] = (bytes[0]! & 0x7f) | 0x40;
  return bytes.toString('hex');
}

/** The extensions of an opinion-signing certificate (RFC 5280 profile; see domain.md). */
export function signerExtensions(subjectKeyId: string, issuerKeyId: string): ExtensionSpec[] {
  return [
    ext.keyUsage([0, 1]), // digitalSignature, nonRepudiation
    ext.extKeyUsage([OID.emailProtection, OID.documentSigning]),
    ext.subjectKeyId(subjectKeyId),
    ext.authorityKeyId(issuerKeyId),
  ];
}

export function createCa(
  name: NameSpec,
  keys: KeyPair,
  serialHex: string,
  notBefore: Date,
  notAfter: Date,
): DevCa {
  const keyId = keyIdOf(keys.publicKey);
  const certDer = issueCertificate({
    subject: name,
    publicKey: keys.publicKey,
    issuer: 'self',
    selfPrivateKey: keys.privateKey,
    serialHex,
    notBefore,
    notAfter,
    extensions: [ext.basicConstraintsCa(), ext.keyUsage([5, 6]), ext.subjectKeyId(keyId)],
  });
  return {
    name,
    certDer,
    privateKey: keys.privateKey,
    keyId,
    issuer: { name, privateKey: keys.privateKey, keyId },
  };
}

export interface IssueSignerSpec {
  readonly label: string;
  readonly member: DevMemberSpec;
  readonly keys: KeyPair;
  readonly serialHex: string;
  readonly notBefore: Date;
  readonly notAfter: Date;
  readonly password: string;
  readonly p12Iterations?: number;
}

/** Issues a signing certificate and its PKCS#12 (with the CA certificate as chain). */
export function issueSigner(ca: DevCa, spec: IssueSignerSpec): DevCredential {
  const certDer = issueCertificate({
    subject: { commonName: spec.member.name, organization: ORG, country: 'VN' },
    publicKey: spec.keys.publicKey,
    issuer: ca.issuer,
    serialHex: spec.serialHex,
    notBefore: spec.notBefore,
    notAfter: spec.notAfter,
    extensions: signerExtensions(keyIdOf(spec.keys.publicKey), ca.keyId),
  });
  const p12 = buildPkcs12({
    privateKey: spec.keys.privateKey,
    certificates: [certDer, ca.certDer],
    password: spec.password,
    friendlyName: spec.member.name,
    ...(spec.p12Iterations === undefined ? {} : { iterations: spec.p12Iterations }),
  });
  return {
    label: spec.label,
    name: spec.member.name,
    userId: spec.member.userId ?? null,
    username: spec.member.username ?? null,
    serialHex: spec.serialHex,
    sha256: createHash('sha256').update(certDer).digest('hex'),
    certDer,
    privateKey: spec.keys.privateKey,
    p12,
    notBefore: spec.notBefore,
    notAfter: spec.notAfter,
  };
}

export function createDevPki(options: DevPkiOptions): DevPki {
  const now = options.now ?? new Date();
  const t = now.getTime();
  const seed = options.seed ?? randomBytes(16).toString('hex');
  const keys = options.keys ?? freshKeys;
  const memberBits = options.memberBits ?? 2048;
  const at = (ms: number): Date => new Date(t + ms);

  // 1. The root CA (valid from five years back, so the expired certificate was once inside it)
  //    and a foreign CA that is never configured as an anchor.
  const ca = createCa(
    { commonName: 'eCabinet Dev Root CA', organization: ORG, country: 'VN' },
    keys.rsa(options.caBits ?? 3072),
    serialFor(seed, 'ca'),
    at(-5 * YEAR_MS),
    at(10 * YEAR_MS),
  );
  const foreignCa = createCa(
    { commonName: 'Foreign Test Root CA', organization: 'Not trusted by eCabinet', country: 'VN' },
    keys.rsa(memberBits),
    serialFor(seed, 'foreign-ca'),
    at(-5 * YEAR_MS),
    at(10 * YEAR_MS),
  );

  // 2. Signers: members, then the ones to refuse.
  const signer = (
    issuer: DevCa,
    label: string,
    member: DevMemberSpec,
    from: number,
    to: number,
  ): DevCredential =>
    issueSigner(issuer, {
      label,
      member,
      keys: keys.rsa(memberBits),
      serialHex: serialFor(seed, label),
      notBefore: at(from),
      notAfter: at(to),
      password: options.password,
      ...(options.p12Iterations === undefined ? {} : { p12Iterations: options.p12Iterations }),
    });
  const members = options.members.map((m, i) =>
    signer(ca, `member-${i + 1}`, m, -DAY_MS, 2 * YEAR_MS),
  );
  const revoked = signer(
    ca,
    'revoked',
    { name: 'Thành viên Thu hồi (revoked)' },
    -DAY_MS,
    2 * YEAR_MS,
  );
  const expired = signer(
    ca,
    'expired',
    { name: 'Thành viên Hết hạn (expired)' },
    -2 * YEAR_MS,
    -YEAR_MS,
  );
  const foreign = signer(
    foreignCa,
    'foreign',
    { name: 'Thành viên CA lạ (foreign CA)' },
    -DAY_MS,
    2 * YEAR_MS,
  );

  // 3. The CA's CRL, listing the revoked certificate.
  const crlDer = issueCrl({
    issuerCertDer: ca.certDer,
    issuerKey: ca.privateKey,
    thisUpdate: at(-3_600_000),
    nextUpdate: at((options.crlValidityDays ?? 365) * DAY_MS),
    revoked: [{ serialHex: revoked.serialHex, revokedAt: at(-3_600_000) }],
    crlNumber: 1,
    authorityKeyId: ca.keyId,
  });

  return {
    createdAt: now,
    password: options.password,
    ca,
    foreignCa,
    crlDer,
    members,
    revoked,
    expired,
    foreign,
  };
}
