import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { err, type Result } from '../../../../shared/util/result.ts';
import { createTrustStore, type TrustConfigCode, type TrustStore } from './TrustStore.ts';

/**
 * The server's file-based trust configuration: every certificate in `<dir>/trust` is a trust
 * anchor, every file in `<dir>/intermediates` (optional) an intermediate CA, every file in
 * `<dir>/crl` a CRL. PEM (one or more blocks per file) or DER. `npm run pki:dev` writes this
 * layout under .data/pki; in production the administrator puts the government CA's root
 * and current CRLs there. Load once at start and after a change, not per opinion.
 */
export type TrustFilesCode = TrustConfigCode | 'TRUST_DIR_UNREADABLE' | 'NO_ANCHORS';

/** DER blobs from PEM text (any number of `label` blocks) or from a binary DER file. */
export function decodePemOrDer(bytes: Uint8Array, label: 'CERTIFICATE' | 'X509 CRL'): Uint8Array[] {
  const text = Buffer.from(bytes).toString('latin1');
  if (!text.includes('-----BEGIN ')) return [bytes];
  const blocks = [
    ...text.matchAll(
      new RegExp(`-----BEGIN ${label}-----([A-Za-z0-9+/=\\s]+)-----END ${label}-----`, 'g'),
    ),
  ];
  return blocks.map((m) => new Uint8Array(Buffer.from(m[1]!.replace(/\s+/g, ''), 'base64')));
}

async function filesIn(dir: string): Promise<Uint8Array[] | null> {
  try {
    const names = (await readdir(dir)).filter((n) => !n.startsWith('.')).sort();
    return await Promise.all(names.map(async (n) => new Uint8Array(await readFile(join(dir, n)))));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}

export async function loadTrustFiles(dir: string): Promise<Result<TrustStore, TrustFilesCode>> {
  let anchors: Uint8Array[] | null;
  let intermediates: Uint8Array[] | null;
  let crls: Uint8Array[] | null;
  try {
    [anchors, intermediates, crls] = await Promise.all([
      filesIn(join(dir, 'trust')),
      filesIn(join(dir, 'intermediates')),
      filesIn(join(dir, 'crl')),
    ]);
  } catch (error) {
    return err(
      'TRUST_DIR_UNREADABLE',
      `cannot read ${dir}: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
  const anchorDers = (anchors ?? []).flatMap((b) => decodePemOrDer(b, 'CERTIFICATE'));
  if (anchorDers.length === 0)
    return err('NO_ANCHORS', `no trust anchors in ${join(dir, 'trust')}`);
  return createTrustStore({
    anchors: anchorDers,
    intermediates: (intermediates ?? []).flatMap((b) => decodePemOrDer(b, 'CERTIFICATE')),
    crls: (crls ?? []).flatMap((b) => decodePemOrDer(b, 'X509 CRL')),
  });
}
