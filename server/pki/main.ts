// `npm run pki:dev [-- --dir .data/pki] [--password <pw>] [--member "Name"]... [--force]`
// Creates the development PKI (devPki.ts) and writes it under --dir (default .data/pki, which
// git ignores). Without --member, one certificate per member of the demo Government (the
// seed's roster, with their user ids in manifest.json, ready to bind) and per secretariat clerk
// (who signs the evidence report of a ballot; never bound as a member).
import { existsSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { demoId } from '../seed/demo/demoIds.ts';
import { ROSTER } from '../seed/demo/governmentRoster.ts';
import { createDevPki, type DevMemberSpec } from './devPki.ts';
import { writeDevPki } from './devPkiFiles.ts';

const { values } = parseArgs({
  options: {
    dir: { type: 'string', default: join('.data', 'pki') },
    password: {
      type: 'string',
      default: process.env['ECABINET_DEV_P12_PASSWORD'] ?? 'ecabinet-dev',
    },
    member: { type: 'string', multiple: true },
    force: { type: 'boolean', default: false },
  },
});

const dir = resolve(values.dir);
if (existsSync(join(dir, 'trust', 'ca.pem')) && !values.force) {
  process.stderr.write(
    `${dir} already holds a dev PKI; pass --force to replace it (every issued certificate becomes untrusted).\n`,
  );
  process.exit(1);
}
if (values.force) await rm(dir, { recursive: true, force: true });

const members: DevMemberSpec[] =
  values.member !== undefined && values.member.length > 0
    ? values.member.map((name) => ({ name }))
    : // Members sign opinions; the secretariat signs the evidence report (PAdES).
      ROSTER.filter((e) => e.role === 'member' || e.role === 'secretariat').map((e) => ({
        name: e.displayName,
        userId: demoId('user', e.n),
        username: e.username,
      }));

const started = performance.now();
const pki = createDevPki({ members, password: values.password });
const written = await writeDevPki(dir, pki);
process.stdout.write(
  `dev PKI written to ${dir} in ${Math.round(performance.now() - started)} ms\n` +
    `  trust anchor  trust/ca.pem\n  CRL           crl/ca.crl.pem (lists special/revoked)\n` +
    `  members       ${pki.members.length} PKCS#12 files in members/ (password: ${values.password})\n` +
    `  special       revoked, expired, foreign (issued by special/foreign-ca.pem, not trusted)\n` +
    `  manifest      ${written.manifestPath}\n`,
);
