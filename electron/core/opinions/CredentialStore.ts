import type { DatabaseSync } from 'node:sqlite';
import type { CertificateInfo } from '../../../shared/domain/opinionViews.ts';
import { IpcError } from '../../../shared/ipc/errors.ts';
import type { KeySealer } from '../crypto/KeySealer.ts';
import {
  importPkcs12,
  type Pkcs12ErrorCode,
  type SigningCredential,
} from '../signing/importPkcs12.ts';
import { intOf, optionalBytesOf, textOf } from '../store/rowValues.ts';

/** importPkcs12's codes as the IPC codes the renderer words. */
function ipcError(code: Pkcs12ErrorCode, message: string): IpcError {
  if (code === 'WRONG_PASSWORD') return new IpcError('PKCS12_WRONG_PASSWORD', message);
  if (code === 'TAMPERED') return new IpcError('PKCS12_TAMPERED', message);
  return new IpcError('PKCS12_INVALID', `${code}: ${message}`);
}

/**
 * The member's signing certificate on this device: the PKCS#12 file as imported, sealed with
 * the KeySealer (safeStorage in the shell), opened again with the member's password only for
 * the moment of signing. Importing opens it first: a wrong password or a changed file keeps
 * nothing. One certificate per device replica; importing again replaces it.
 */
export class CredentialStore {
  private readonly db: DatabaseSync;
  private readonly sealer: KeySealer;
  private readonly now: () => number;

  constructor(deps: { db: DatabaseSync; sealer: KeySealer; now: () => number }) {
    this.db = deps.db;
    this.sealer = deps.sealer;
    this.now = deps.now;
  }

  import(p12: Uint8Array, password: string): CertificateInfo {
    const opened = importPkcs12(p12, password);
    if (!opened.ok) throw ipcError(opened.error.code, opened.error.message);
    const info = infoOf(opened.value);
    this.db
      .prepare(
        `INSERT OR REPLACE INTO signing_credentials
           (id, sealed_p12, serial, subject, issuer, not_after, sha256, imported_at)
         VALUES (1, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        this.sealer.seal(Buffer.from(p12)),
        info.serial,
        info.subject,
        info.issuer,
        Date.parse(info.notAfter),
        info.sha256,
        this.now(),
      );
    return info;
  }

  get(): CertificateInfo | null {
    const row = this.db.prepare('SELECT * FROM signing_credentials WHERE id = 1').get();
    if (!row) return null;
    return {
      serial: textOf(row, 'serial'),
      subject: textOf(row, 'subject'),
      issuer: textOf(row, 'issuer'),
      notAfter: new Date(intOf(row, 'not_after')).toISOString(),
      sha256: textOf(row, 'sha256'),
    };
  }

  /** The signing key and certificate, for one signature. NO_CERTIFICATE, PKCS12_*. */
  open(password: string): SigningCredential {
    const row = this.db.prepare('SELECT sealed_p12 FROM signing_credentials WHERE id = 1').get();
    const sealed = row ? optionalBytesOf(row, 'sealed_p12') : null;
    if (!sealed) throw new IpcError('NO_CERTIFICATE', 'no signing certificate on this device');
    let p12: Buffer;
    try {
      p12 = this.sealer.unseal(Buffer.from(sealed));
    } catch {
      throw new IpcError(
        'NO_CERTIFICATE',
        'the stored certificate cannot be opened; import it again',
      );
    }
    const opened = importPkcs12(p12, password);
    if (!opened.ok) throw ipcError(opened.error.code, opened.error.message);
    return opened.value;
  }
}

function infoOf(c: SigningCredential): CertificateInfo {
  return {
    serial: c.serial,
    subject: c.subject,
    issuer: c.issuer,
    notAfter: c.notAfter.toISOString(),
    sha256: c.sha256,
  };
}
