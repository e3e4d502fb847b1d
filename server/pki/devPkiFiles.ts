import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { DevCredential, DevPki } from './devPki.ts';

/** PEM armour (RFC 7468): base64 in 64-character lines. */
export function toPem(der: Uint8Array, label: string): string {
  const b64 = Buffer.from(der)
    .toString('base64')
    .replace(/(.{64})/g, '$1\n')
    .replace(/\n$/, '');
  return `-----BEGIN ${label}-----\n${b64}\n-----END ${label}-----\n`;
}

/** ASCII file name from a Vietnamese display name: "Nguyễn Văn Đức" → "nguyen-van-duc". */
export function slug(name: string): string {
  return name
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

export interface WrittenDevPki {
  readonly dir: string;
  readonly manifestPath: string;
  readonly files: readonly string[];
}

/**
 * Writes a dev PKI under `dir` (default .data/pki, git-ignored):
 *   trust/ca.pem            the trust anchor for the server's file-based trust configuration
 *   crl/ca.crl.pem          the CA's CRL (lists special/revoked)
 *   members/NN-<name>.p12   one PKCS#12 per member (+ .cert.pem), password in manifest.json
 *   special/{revoked,expired,foreign}.p12 (+ .cert.pem), special/foreign-ca.pem (NOT trusted)
 *   manifest.json           serials, SHA-256 fingerprints, user ids: what to bind to whom
 * Key material is written with mode 0600.
 */
export async function writeDevPki(dir: string, pki: DevPki): Promise<WrittenDevPki> {
  const files: string[] = [];
  const put = async (
    relative: string,
    data: string | Uint8Array,
    secret = false,
  ): Promise<void> => {
    const path = join(dir, relative);
    await mkdir(join(path, '..'), { recursive: true });
    await writeFile(path, data, { mode: secret ? 0o600 : 0o644 });
    files.push(path);
  };
  const credential = async (folder: string, base: string, c: DevCredential) => {
    await put(`${folder}/${base}.p12`, c.p12, true);
    await put(`${folder}/${base}.cert.pem`, toPem(c.certDer, 'CERTIFICATE'));
    return {
      name: c.name,
      userId: c.userId,
      username: c.username,
      serial: c.serialHex,
      sha256: c.sha256,
      notBefore: c.notBefore.toISOString(),
      notAfter: c.notAfter.toISOString(),
      p12: `${folder}/${base}.p12`,
    };
  };

  await put('trust/ca.pem', toPem(pki.ca.certDer, 'CERTIFICATE'));
  await put('crl/ca.crl.pem', toPem(pki.crlDer, 'X509 CRL'));
  await put('special/foreign-ca.pem', toPem(pki.foreignCa.certDer, 'CERTIFICATE'));
  const members = [];
  for (const [i, m] of pki.members.entries())
    members.push(
      await credential('members', `${String(i + 1).padStart(2, '0')}-${slug(m.name)}`, m),
    );
  const special = {
    revoked: await credential('special', 'revoked', pki.revoked),
    expired: await credential('special', 'expired', pki.expired),
    foreign: await credential('special', 'foreign', pki.foreign),
  };
  const manifest = {
    note: 'Development PKI: never use for real signatures.',
    createdAt: pki.createdAt.toISOString(),
    p12Password: pki.password,
    trustAnchors: ['trust/ca.pem'],
    crls: ['crl/ca.crl.pem'],
    members,
    special,
  };
  await put('manifest.json', `${JSON.stringify(manifest, null, 2)}\n`, true);
  return { dir, manifestPath: join(dir, 'manifest.json'), files };
}
