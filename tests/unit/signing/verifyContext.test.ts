import { describe, expect, it } from 'vitest';
import { signOpinion } from '../../../electron/core/signing/signOpinion.ts';
import { issueCrl } from '../../../server/pki/crlBuilder.ts';
import { createTrustStore } from '../../../server/src/opinions/verify/TrustStore.ts';
import { canonicalPayloadBytes } from '../../../shared/opinions/payload.ts';
import { buildCms } from './support/buildCms.ts';
import {
  BALLOT_ID,
  DEADLINE,
  DOCUMENTS,
  ENVELOPE,
  OTHER_BALLOT_ID,
  OTHER_MEMBER_ID,
  RECEIVED,
  codeOf,
  memoryLookups,
  payloadFor,
  signedBy,
  verify,
} from './support/opinionFixture.ts';
import { NOW, testPki } from './support/testPki.ts';

/** The payload against the envelope, replay, and the ballot at trusted time. */
const pki = testPki();
const MINUTE = 60_000;

describe('replay', () => {
  it('answers REPLAY for an opinion already accepted, so it has one effect', async () => {
    const fixture = signedBy(pki.member);
    const lookups = memoryLookups();
    const first = await verify(fixture, { lookups });
    expect(first.ok).toBe(true);
    if (first.ok) lookups.accepted.add(first.value.replayKey); // what the lead's insert does
    expect(await codeOf(verify(fixture, { lookups }))).toBe('REPLAY');
  });

  it('stays REPLAY when re-sent after the deadline or after the certificate was revoked', async () => {
    const fixture = signedBy(pki.member);
    const lookups = memoryLookups();
    const first = await verify(fixture, { lookups });
    if (first.ok) lookups.accepted.add(first.value.replayKey);
    expect(
      await codeOf(
        verify(fixture, { lookups, trustedTime: new Date(DEADLINE.getTime() + MINUTE) }),
      ),
    ).toBe('REPLAY');
    const revokedLater = createTrustStore({
      anchors: [pki.ca.certDer],
      crls: [
        issueCrl({
          issuerCertDer: pki.ca.certDer,
          issuerKey: pki.ca.privateKey,
          thisUpdate: RECEIVED,
          nextUpdate: DEADLINE,
          revoked: [{ serialHex: pki.member.serialHex, revokedAt: RECEIVED }],
          crlNumber: 2,
          authorityKeyId: pki.ca.keyId,
        }),
      ],
    });
    if (!revokedLater.ok) throw new Error(revokedLater.error.message);
    expect(await codeOf(verify(fixture, { trust: revokedLater.value }))).toBe('CERT_REVOKED'); // a new submission
    expect(await codeOf(verify(fixture, { lookups, trust: revokedLater.value }))).toBe('REPLAY'); // the accepted one
  });

  it('keys replay on the payload, so a re-encoded or re-signed envelope of it is still REPLAY', async () => {
    const fixture = signedBy(pki.ecP256);
    const lookups = memoryLookups();
    const first = await verify(fixture, { lookups });
    if (first.ok) lookups.accepted.add(first.value.replayKey);
    // ECDSA signatures differ each time: a second, valid SignedData over the same payload.
    const again = buildCms({
      payload: fixture.payloadBytes,
      signer: pki.ecP256,
      chain: [pki.ca.certDer],
      signingTime: NOW,
    });
    expect(Buffer.from(again).equals(fixture.signatureDer)).toBe(false);
    expect(
      await codeOf(
        verify({ payloadBytes: fixture.payloadBytes, signatureDer: again }, { lookups }),
      ),
    ).toBe('REPLAY');
  });
});

describe('context', () => {
  it('refuses an opinion moved to another ballot, or an old payload in a new envelope (CONTEXT_MISMATCH)', async () => {
    const fixture = signedBy(pki.member);
    const lookups = memoryLookups();
    const first = await verify(fixture, { lookups });
    if (first.ok) lookups.accepted.add(first.value.replayKey);
    // The accepted opinion of ballot 1, wrapped for ballot 2: not a replay, a different claim.
    expect(
      await codeOf(
        verify(fixture, { lookups, envelope: { ...ENVELOPE, ballotId: OTHER_BALLOT_ID } }),
      ),
    ).toBe('CONTEXT_MISMATCH');
  });

  it('refuses another member, device or certificate than the envelope says (CONTEXT_MISMATCH)', async () => {
    const fixture = signedBy(pki.member);
    expect(
      await codeOf(verify(fixture, { envelope: { ...ENVELOPE, memberId: OTHER_MEMBER_ID } })),
    ).toBe('CONTEXT_MISMATCH');
    expect(
      await codeOf(
        verify(fixture, {
          envelope: { ...ENVELOPE, deviceId: 'de71ce00-0000-4000-8000-0000000000d2' },
        }),
      ),
    ).toBe('CONTEXT_MISMATCH');
    expect(
      await codeOf(
        verify(fixture, { envelope: { ...ENVELOPE, certSerial: pki.otherMember.serialHex } }),
      ),
    ).toBe('CONTEXT_MISMATCH');
    // A payload naming another certificate than the one that signed it.
    expect(
      await codeOf(verify(signedBy(pki.member, { certSerial: pki.otherMember.serialHex }))),
    ).toBe('CONTEXT_MISMATCH');
  });

  it('refuses a payload whose signedAt disagrees with the CMS signingTime (SIGNING_TIME_MISMATCH)', async () => {
    const payloadBytes = canonicalPayloadBytes(payloadFor(pki.member));
    const signatureDer = buildCms({
      payload: payloadBytes,
      signer: pki.member,
      chain: [pki.ca.certDer],
      signingTime: new Date(NOW.getTime() - 60 * MINUTE),
    });
    expect(await codeOf(verify({ payloadBytes, signatureDer }))).toBe('SIGNING_TIME_MISMATCH');
  });

  it('refuses validly signed bytes that are not a canonical ecabinet.opinion/v1 payload (BAD_PAYLOAD)', async () => {
    const sign = (payloadBytes: Uint8Array) => ({
      payloadBytes,
      signatureDer: signOpinion({
        payloadBytes,
        privateKey: pki.member.privateKey,
        certificateDer: pki.member.certDer,
        chainDer: [pki.ca.certDer],
        signingTime: NOW,
      }),
    });
    const payload = payloadFor(pki.member);
    expect(await codeOf(verify(sign(Buffer.from(JSON.stringify(payload, null, 2)))))).toBe(
      'BAD_PAYLOAD',
    );
    expect(
      await codeOf(verify(sign(Buffer.from(JSON.stringify({ ...payload, role: 'secretariat' }))))),
    ).toBe('BAD_PAYLOAD');
    expect(await codeOf(verify(sign(Buffer.from('not json'))))).toBe('BAD_PAYLOAD');
  });
});

describe('the ballot at trusted time', () => {
  it('refuses an unknown ballot and documents that are not the current versions (STALE_DOCUMENTS)', async () => {
    const fixture = signedBy(pki.member);
    expect(await codeOf(verify(fixture, { lookups: memoryLookups({ ballot: () => null }) }))).toBe(
      'UNKNOWN_BALLOT',
    );
    const withDocs = (documents: typeof DOCUMENTS) =>
      memoryLookups({ ballot: () => ({ deadline: DEADLINE, graceMs: 0, documents }) });
    const [d1, d2] = DOCUMENTS as [(typeof DOCUMENTS)[number], (typeof DOCUMENTS)[number]];
    expect(
      await codeOf(
        verify(fixture, { lookups: withDocs([{ ...d1, version: 4, sha256: 'e'.repeat(64) }, d2]) }),
      ),
    ).toBe('STALE_DOCUMENTS');
    expect(
      await codeOf(verify(fixture, { lookups: withDocs([d1, { ...d2, sha256: 'f'.repeat(64) }]) })),
    ).toBe('STALE_DOCUMENTS');
    expect(
      await codeOf(
        verify(fixture, {
          lookups: withDocs([
            d1,
            d2,
            { id: 'd0c00000-0000-4000-8000-000000000003', version: 1, sha256: 'c'.repeat(64) },
          ]),
        }),
      ),
    ).toBe('STALE_DOCUMENTS');
    expect(await codeOf(verify(fixture, { lookups: withDocs([d1]) }))).toBe('STALE_DOCUMENTS');
    expect(await codeOf(verify(fixture, { lookups: withDocs([d2, d1]) }))).toBe('OK'); // order does not matter
  });

  it('refuses a signing time far ahead of trusted time (SIGNING_TIME_IN_FUTURE), tolerating 5 minutes of skew', async () => {
    const ahead = (ms: number) =>
      signedBy(pki.member, { signedAt: new Date(RECEIVED.getTime() + ms).toISOString() });
    expect(await codeOf(verify(ahead(4 * MINUTE)))).toBe('OK');
    expect(await codeOf(verify(ahead(10 * MINUTE)))).toBe('SIGNING_TIME_IN_FUTURE');
  });

  it('decides the deadline on trusted time with the grace period (LATE), whatever the device clock says', async () => {
    const fixture = signedBy(pki.member); // signed well before the deadline, by the device clock
    const at = (ms: number) => ({ trustedTime: new Date(DEADLINE.getTime() + ms) });
    expect(await codeOf(verify(fixture, at(0)))).toBe('OK');
    expect(await codeOf(verify(fixture, at(1)))).toBe('LATE');
    const grace = memoryLookups({
      ballot: (id) =>
        id === BALLOT_ID
          ? { deadline: DEADLINE, graceMs: 10 * MINUTE, documents: DOCUMENTS }
          : null,
    });
    expect(await codeOf(verify(fixture, { ...at(9 * MINUTE), lookups: grace }))).toBe('OK');
    expect(await codeOf(verify(fixture, { ...at(11 * MINUTE), lookups: grace }))).toBe('LATE');
  });
});
