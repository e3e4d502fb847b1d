// `npm run verify -- <export.zip | folder> [--trust-dir <dir>]`: checks a ballot's evidence
// export offline (verifyExport.ts) and prints one line per opinion and a final verdict.
// --trust-dir: trust anchors/intermediates/CRLs from a TRUST_DIR-style folder (trust/,
// intermediates/, crl/) instead of the ones inside the export (e.g. the VGCA root you hold).
// Exit code: 0 valid, 1 invalid, 2 cannot read the export or the arguments.
import { parseArgs } from 'node:util';
import { loadTrustFiles } from '../verify/loadTrustFiles.ts';
import type { TrustStore } from '../verify/TrustStore.ts';
import { readExport, verifyExport } from './verifyExport.ts';

const out = (line: string): void => void process.stdout.write(`${line}\n`);

async function main(): Promise<number> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: { 'trust-dir': { type: 'string' } },
  });
  if (positionals.length !== 1) {
    process.stderr.write('usage: npm run verify -- <export.zip | folder> [--trust-dir <dir>]\n');
    return 2;
  }
  const path = positionals[0]!;
  let trust: TrustStore | undefined;
  if (values['trust-dir'] !== undefined) {
    const loaded = await loadTrustFiles(values['trust-dir']);
    if (!loaded.ok) {
      out(`UNREADABLE trust dir: ${loaded.error.code}: ${loaded.error.message}`);
      return 2;
    }
    trust = loaded.value;
  }
  let files: Map<string, Uint8Array>;
  try {
    files = await readExport(path);
  } catch (error) {
    out(`UNREADABLE ${path}: ${error instanceof Error ? error.message : String(error)}`);
    out('VERDICT: INVALID (UNREADABLE)');
    return 2;
  }
  const check = await verifyExport(files, trust ? { trust } : {});
  out(`Evidence export ${path}`);
  out(`Ballot ${check.ballotId ?? '?'}: ${check.question ?? '?'}`);
  out(`Files: ${check.fileCount}`);
  for (const a of check.anchors) out(`Trust anchor: ${a.subject} (SHA-256 ${a.sha256})`);
  if (check.report)
    out(
      `Report: signature valid, signed by ${check.report.signer} (certificate SHA-256 ${check.report.signerSha256}) at ${check.report.signedAt.toISOString()} (the signer's claim)`,
    );
  for (const o of check.opinions) {
    const status = `${o.status}${o.superseded ? ',superseded' : ''}`;
    const code =
      o.status === 'rejected'
        ? `${o.recordedCode ?? '?'} (offline: ${o.offlineCode})`
        : o.offlineCode;
    out(
      `OPINION ${o.id} author="${o.author}" choice=${o.choice ?? '-'} status=${status} code=${code} received=${o.receivedAt} signed=${o.signingTime ?? '-'}`,
    );
  }
  out(`Summary: ${check.summaryMatches ? 'matches the opinions' : 'DOES NOT match the opinions'}`);
  for (const p of check.problems) out(`FAIL ${p.code}${p.path ? ` ${p.path}` : ''}: ${p.message}`);
  const codes = [...new Set(check.problems.map((p) => p.code))];
  out(check.valid ? 'VERDICT: VALID' : `VERDICT: INVALID (${codes.join(', ')})`);
  return check.valid ? 0 : 1;
}

process.exitCode = await main();
