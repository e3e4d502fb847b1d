import { createHash, generateKeyPairSync, type KeyObject } from 'node:crypto';
import { OID } from '../../../../shared/opinions/oids.ts';
import {
  ext,
  issueCertificate,
  keyIdOf,
  type ExtensionSpec,
  type SignatureHash,
} from '../../../../server/pki/certificateBuilder.ts';
import {
  createCa,
  createDevPki,
  freshKeys,
  serialFor,
  signerExtensions,
  type DevCa,
  type DevPki,
  type KeyPair,
} from '../../../../server/pki/devPki.ts';
import { oidNode } from '../../../../server/pki/forgeExtras.ts';
import {
  createTrustStore,
  type TrustStore,
} from '../../../../server/src/opinions/verify/TrustStore.ts';

/**
 * One in-memory PKI per test file (keys are the slow part: generated once, in native code),
 * with the dev PKI's members and refused certificates plus the odd ones the verifier tests need.
 */
/**
 * The signing moment of the tests: the start of the previous hour. Relative to the real clock
 * because OpenSSL checks validity and CRL freshness against it (the CRL's thisUpdate, NOW - 1 h,
 * is then always past); fixed within a run, so every window the tests compute is exact.
 */
export const NOW = new Date(Math.floor(Date.now() / 3_600_000) * 3_600_000 - 3_600_000);
export const PASSWORD = 'Mật khẩu thử 123';
const DAY = 86_400_000;
const YEAR = 365 * DAY;

export interface TestSigner {
  readonly certDer: Uint8Array;
  readonly privateKey: KeyObject;
  readonly serialHex: string;
  readonly sha256: string;
}

export interface TestPki extends DevPki {
  readonly trust: TrustStore;
  readonly member: TestSigner;
  readonly otherMember: TestSigner;
  readonly notYetValid: TestSigner;
  readonly selfSigned: TestSigner;
  readonly rsa1024: TestSigner;
  readonly ecP256: TestSigner;
  readonly noSigningUsage: TestSigner;
  readonly clientAuthOnly: TestSigner;
  readonly unknownCritical: TestSigner;
  readonly sha1Signed: TestSigner;
  /** Extra RSA-2048 key pairs for tests that need a key unrelated to any certificate. */
  readonly spareKey: KeyPair;
}

const signerOf = (certDer: Uint8Array, privateKey: KeyObject, serialHex: string): TestSigner => ({
  certDer,
  privateKey,
  serialHex,
  sha256: createHash('sha256').update(certDer).digest('hex'),
});

export function issueTestSigner(
  ca: DevCa,
  options: {
    label: string;
    keys: KeyPair;
    from?: number;
    to?: number;
    extensions?: ExtensionSpec[];
    hash?: SignatureHash;
    name?: string;
  },
): TestSigner {
  const serialHex = serialFor('tests', options.label);
  const certDer = issueCertificate({
    subject: {
      commonName: options.name ?? `Test ${options.label}`,
      organization: 'eCabinet tests',
      country: 'VN',
    },
    publicKey: options.keys.publicKey,
    issuer: ca.issuer,
    serialHex,
    notBefore: new Date(NOW.getTime() + (options.from ?? -DAY)),
    notAfter: new Date(NOW.getTime() + (options.to ?? YEAR)),
    extensions: options.extensions ?? signerExtensions(keyIdOf(options.keys.publicKey), ca.keyId),
    ...(options.hash === undefined ? {} : { hash: options.hash }),
  });
  return signerOf(certDer, options.keys.privateKey, serialHex);
}

let cached: TestPki | undefined;

export function testPki(): TestPki {
  if (cached !== undefined) return cached;
  const keys = freshKeys;
  const pki = createDevPki({
    members: [
      { name: 'Nguyễn Văn An', userId: 'ecab0001-0000-4000-8000-000000000001' },
      { name: 'Trần Thị Bình', userId: 'ecab0001-0000-4000-8000-000000000002' },
    ],
    password: PASSWORD,
    now: NOW,
    seed: 'tests',
    caBits: 2048,
    keys,
  });
  const trust = createTrustStore({ anchors: [pki.ca.certDer], crls: [pki.crlDer] });
  if (!trust.ok) throw new Error(trust.error.message);

  const spare = keys.rsa(2048);
  const weak = keys.rsa(1024);
  const ec = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  const signerExt = (k: KeyPair) => signerExtensions(keyIdOf(k.publicKey), pki.ca.keyId);
  const [m1, m2] = pki.members as [DevPki['members'][number], DevPki['members'][number]];

  const selfKeys = spare;
  const selfCa = createCa(
    { commonName: 'Self-signed member' },
    selfKeys,
    serialFor('tests', 'self'),
    new Date(NOW.getTime() - DAY),
    new Date(NOW.getTime() + YEAR),
  );
  const selfSignedDer = issueCertificate({
    subject: { commonName: 'Self-signed member', organization: 'eCabinet tests', country: 'VN' },
    publicKey: selfKeys.publicKey,
    issuer: 'self',
    selfPrivateKey: selfKeys.privateKey,
    serialHex: serialFor('tests', 'self-signed'),
    notBefore: new Date(NOW.getTime() - DAY),
    notAfter: new Date(NOW.getTime() + YEAR),
    extensions: signerExtensions(selfCa.keyId, selfCa.keyId),
  });

  cached = {
    ...pki,
    trust: trust.value,
    member: signerOf(m1.certDer, m1.privateKey, m1.serialHex),
    otherMember: signerOf(m2.certDer, m2.privateKey, m2.serialHex),
    notYetValid: issueTestSigner(pki.ca, {
      label: 'not-yet-valid',
      keys: spare,
      from: YEAR,
      to: 2 * YEAR,
    }),
    selfSigned: signerOf(selfSignedDer, selfKeys.privateKey, serialFor('tests', 'self-signed')),
    rsa1024: issueTestSigner(pki.ca, { label: 'rsa-1024', keys: weak }),
    ecP256: issueTestSigner(pki.ca, { label: 'ec-p256', keys: ec }),
    noSigningUsage: issueTestSigner(pki.ca, {
      label: 'key-encipherment-only',
      keys: spare,
      extensions: [ext.keyUsage([2]), ext.extKeyUsage([OID.emailProtection])],
    }),
    clientAuthOnly: issueTestSigner(pki.ca, {
      label: 'client-auth-only',
      keys: spare,
      extensions: [ext.keyUsage([0, 1]), ext.extKeyUsage(['1.3.6.1.5.5.7.3.2'])],
    }),
    unknownCritical: issueTestSigner(pki.ca, {
      label: 'unknown-critical',
      keys: spare,
      extensions: [...signerExt(spare), ext.raw('1.3.6.1.4.1.99999.1', true, oidNode('1.2.3'))],
    }),
    sha1Signed: issueTestSigner(pki.ca, { label: 'sha1-signed', keys: spare, hash: 'sha1' }),
    spareKey: spare,
  };
  return cached;
}
