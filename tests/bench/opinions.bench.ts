// `npm run bench -- opinions`: signed-opinion benchmarks. One JSON line per scenario on stdout
// (progress on stderr):
//   opinion.sign    p50 of signing one opinion on the device with electron/core/signing
//                   (forge lays out the CMS, node:crypto signs), vs the same detached CMS made
//                   entirely by node-forge (pkcs7.createSignedData, JavaScript RSA), same key,
//                   same payload, same run. Target p50 < 5 ms.
//   opinion.verify  full server verification (DER walk, CMS, algorithms, digest, signature,
//                   ESS, payload, chain, CRL, binding, ballot) of distinct valid opinions,
//                   sequentially on one core. Target ≥ 1,000/s. `per_s` divides by the CPU
//                   time this process used (what one core can do); `wall_per_s` by elapsed
//                   time, which on a shared machine also counts time spent waiting for a core.
// Exits 0 when every scenario ran, whatever the figures.
import { performance } from 'node:perf_hooks';
import forge from 'node-forge';
import { signOpinion } from '../../electron/core/signing/signOpinion.ts';
import { verifyOpinion } from '../../server/src/opinions/verify/verifyOpinion.ts';
import { canonicalPayloadBytes } from '../../shared/opinions/payload.ts';
import {
  ENVELOPE,
  RECEIVED,
  memoryLookups,
  payloadFor,
  signedBy,
  type SignedFixture,
} from '../unit/signing/support/opinionFixture.ts';
import { NOW, testPki } from '../unit/signing/support/testPki.ts';

const log = (message: string): void => {
  process.stderr.write(`[opinions.bench] ${message}\n`);
};
const report = (line: Record<string, unknown>): void => {
  process.stdout.write(`${JSON.stringify(line)}\n`);
};
const round = (value: number, digits = 3): number => Number(value.toFixed(digits));
const percentile = (samples: number[], p: number): number => {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
};
function time(runs: number, fn: () => unknown): number[] {
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    fn();
    samples.push(performance.now() - started);
  }
  return samples;
}

log('building the test PKI');
const pki = testPki();
const signer = pki.member;
const payloadBytes = canonicalPayloadBytes(payloadFor(signer));

// --- opinion.sign ----------------------------------------------------------------------------
{
  const ours = () =>
    signOpinion({
      payloadBytes,
      privateKey: signer.privateKey,
      certificateDer: signer.certDer,
      chainDer: [pki.ca.certDer],
      signingTime: NOW,
    });
  const forgeKey = forge.pki.privateKeyFromPem(
    signer.privateKey.export({ type: 'pkcs1', format: 'pem' }).toString(),
  );
  const toForgeCert = (der: Uint8Array) =>
    forge.pki.certificateFromAsn1(forge.asn1.fromDer(Buffer.from(der).toString('binary')));
  const forgeCert = toForgeCert(signer.certDer);
  const forgeCa = toForgeCert(pki.ca.certDer);
  const content = Buffer.from(payloadBytes).toString('binary');
  const baseline = () => {
    // forge's attribute writer knows contentType, messageDigest and signingTime only, so the
    // baseline lacks signing-certificate-v2 (a SHA-256 and a few hundred bytes less work).
    const p7 = forge.pkcs7.createSignedData();
    p7.content = forge.util.createBuffer(content);
    p7.addCertificate(forgeCert);
    p7.addCertificate(forgeCa);
    p7.addSigner({
      key: forgeKey,
      certificate: forgeCert,
      digestAlgorithm: forge.pki.oids.sha256!,
      authenticatedAttributes: [
        { type: forge.pki.oids.contentType!, value: forge.pki.oids.data! },
        { type: forge.pki.oids.messageDigest! },
        { type: forge.pki.oids.signingTime!, value: NOW as unknown as string },
      ],
    });
    p7.sign({ detached: true });
    return forge.asn1.toDer(p7.toAsn1()).getBytes();
  };
  log('opinion.sign: warming up');
  time(30, ours);
  time(3, baseline);
  log('opinion.sign: measuring');
  const oursSamples = time(500, ours);
  const baselineSamples = time(40, baseline);
  const p50 = percentile(oursSamples, 50);
  const baselineP50 = percentile(baselineSamples, 50);
  report({
    scenario: 'opinion.sign',
    p50_ms: round(p50),
    p99_ms: round(percentile(oursSamples, 99)),
    baseline_p50_ms: round(baselineP50),
    ratio: round(p50 / baselineP50, 4),
    target_p50_ms: 5,
    key: 'RSA-2048',
    runs: oursSamples.length,
    baseline_runs: baselineSamples.length,
  });
}

// --- opinion.verify --------------------------------------------------------------------------
{
  const COUNT = 2000;
  log(`opinion.verify: signing ${COUNT} distinct opinions`);
  const signers = [pki.member, pki.ecP256];
  const fixtures: SignedFixture[] = Array.from({ length: COUNT }, (_, i) =>
    signedBy(signers[i % signers.length]!),
  );
  const lookups = memoryLookups();
  const run = async (fixture: SignedFixture): Promise<void> => {
    const r = await verifyOpinion({
      signatureDer: fixture.signatureDer,
      payloadBytes: fixture.payloadBytes,
      envelope: ENVELOPE,
      trustedTime: RECEIVED,
      trust: pki.trust,
      lookups,
    });
    if (!r.ok) throw new Error(`verification failed: ${r.error.code} ${r.error.message}`);
  };
  log('opinion.verify: warming up');
  for (const f of fixtures.slice(0, 200)) await run(f);
  log('opinion.verify: measuring');
  const samples: number[] = [];
  const started = performance.now();
  const cpuStarted = process.cpuUsage();
  for (const f of fixtures) {
    const t = performance.now();
    await run(f);
    samples.push(performance.now() - t);
  }
  const elapsed = performance.now() - started;
  const cpu = process.cpuUsage(cpuStarted);
  const cpuMs = (cpu.user + cpu.system) / 1000;
  report({
    scenario: 'opinion.verify',
    // Wall clock on a shared machine understates one core's capacity; CPU time measures it.
    per_s: Math.round((COUNT / cpuMs) * 1000),
    wall_per_s: Math.round((COUNT / elapsed) * 1000),
    p50_ms: round(percentile(samples, 50)),
    p99_ms: round(percentile(samples, 99)),
    target_per_s: 1000,
    opinions: COUNT,
    keys: 'RSA-2048 and ECDSA P-256, alternating',
  });
}
