import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { importPkcs12, type SigningCredential } from '../../electron/core/signing/importPkcs12.ts';
import { writeZip } from '../../electron/core/opinions/evidenceZip.ts';
import {
  freshKeys,
  issueSigner,
  serialFor,
  type DevCredential,
  type DevPki,
} from '../../server/pki/devPki.ts';
import { toPem } from '../../server/pki/devPkiFiles.ts';
import { readZip } from '../../server/src/opinions/evidence/readZip.ts';

/**
 * Helpers of the evidence-export tests: a secretariat signing credential from the dev CA, the
 * real `npm run verify` script, re-packing a tampered export, and poppler's pdfsig with an NSS
 * database that trusts the dev CA (certutil, Debian libnss3-tools).
 */
const REPO = join(import.meta.dirname, '..', '..');
const DAY = 86_400_000;

export function secretariatCredential(
  pki: DevPki,
  password: string,
): { dev: DevCredential; credential: SigningCredential } {
  const now = Date.now();
  const dev = issueSigner(pki.ca, {
    label: 'secretariat',
    member: { name: 'Văn phòng Chính phủ (thử nghiệm)' },
    keys: freshKeys.rsa(2048),
    serialHex: serialFor(`${now}`, 'secretariat'),
    notBefore: new Date(now - DAY),
    notAfter: new Date(now + 365 * DAY),
    password,
    p12Iterations: 1000,
  });
  const opened = importPkcs12(dev.p12, password);
  if (!opened.ok) throw new Error(`secretariat PKCS#12: ${opened.error.code}`);
  return { dev, credential: opened.value };
}

export interface RunResult {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** `npm run verify -- <path>` as a user runs it (scripts/verify.mjs). */
export function runVerify(path: string, ...extra: string[]): RunResult {
  const r = spawnSync(process.execPath, [join(REPO, 'scripts', 'verify.mjs'), path, ...extra], {
    cwd: REPO,
    encoding: 'utf8',
    env: { ...process.env, INIT_CWD: REPO },
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** The export's files with `change` applied to them, packed again as a .zip at `path`. */
export function tamperedZip(
  zip: Uint8Array,
  path: string,
  change: (files: Map<string, Uint8Array>) => void,
): string {
  const files = readZip(zip);
  change(files);
  writeFileSync(
    path,
    writeZip(
      [...files].map(([name, data]) => ({ name, data })),
      new Date(),
    ),
  );
  return path;
}

/** Flips one bit of the byte at `index` (negative: from the end). */
export function flipByte(bytes: Uint8Array, index: number): Uint8Array {
  const copy = bytes.slice();
  const i = index < 0 ? copy.length + index : index;
  copy[i] = copy[i]! ^ 0x01;
  return copy;
}

/** A fresh NSS database trusting `caDer` for e-mail and object signing (pdfsig -nssdir). */
export function nssDbTrusting(dir: string, caDer: Uint8Array): string {
  mkdirSync(dir, { recursive: true });
  const ca = join(dir, 'ca.pem');
  writeFileSync(ca, toPem(caDer, 'CERTIFICATE'));
  const run = (args: string[]) => {
    const r = spawnSync('certutil', args, { encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`certutil ${args.join(' ')}: ${r.stderr}`);
  };
  run(['-N', '-d', `sql:${dir}`, '--empty-password']);
  run(['-A', '-d', `sql:${dir}`, '-n', 'eCabinet Dev Root CA', '-t', 'CT,C,C', '-i', ca]);
  return dir;
}

export function pdfsig(path: string, nssDir?: string): RunResult {
  const args = nssDir === undefined ? [path] : ['-nssdir', `sql:${nssDir}`, path];
  const r = spawnSync('pdfsig', args, { encoding: 'utf8' });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}
