import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import type { SafeStorage } from 'electron';
import type { KeySealer } from '../core/crypto/KeySealer.ts';
import type { Logger } from '../core/log/logger.ts';

/** Marks a key sealed by the OS secret store through `safeStorage`. */
const SAFE_STORAGE_MAGIC = Buffer.from('ECSS1');
/** Marks a key sealed with this process's in-memory key (no OS store at all). */
const EPHEMERAL_MAGIC = Buffer.from('ECEP1');
const IV_BYTES = 12;
const TAG_BYTES = 16;

export type SafeStorageLike = Pick<
  SafeStorage,
  'isEncryptionAvailable' | 'encryptString' | 'decryptString' | 'getSelectedStorageBackend'
>;

/**
 * The shell's `KeySealer`, built after `ready` (safeStorage is not usable before).
 * - OS store available (Keychain, DPAPI, libsecret, kwallet): sealed with `safeStorage`;
 *   `isSecure` true.
 * - Linux `basic_text` (no keyring; Electron's fixed password): still `safeStorage`, but
 *   `isSecure` false, so the core keeps no confidential documents on disk.
 * - No encryption at all: sealed with a random key held only in memory, `isSecure` false; the
 *   data key cannot be unsealed after a restart, so the core replaces it and wipes what it
 *   encrypted (the user signs in again) — nothing readable survives on disk.
 * `safeStorage` is used through its synchronous API because `KeySealer` is synchronous.
 * Sealed format: magic (5 bytes) ‖ body.
 */
export function safeStorageKeySealer(
  safeStorage: SafeStorageLike,
  platform: NodeJS.Platform,
  log: Logger,
): KeySealer {
  if (!safeStorage.isEncryptionAvailable()) {
    log.warn('no OS secret store: the data key lives in memory only for this run');
    return ephemeralKeySealer();
  }
  const backend = platform === 'linux' ? safeStorage.getSelectedStorageBackend() : null;
  const isSecure = backend !== 'basic_text' && backend !== 'unknown';
  if (!isSecure) log.warn('OS secret store is not secure', { backend });
  return {
    isSecure,
    seal: (plain) =>
      Buffer.concat([SAFE_STORAGE_MAGIC, safeStorage.encryptString(plain.toString('base64'))]),
    unseal: (sealed) => {
      if (!hasMagic(sealed, SAFE_STORAGE_MAGIC)) throw new Error('not sealed by safeStorage');
      return Buffer.from(
        safeStorage.decryptString(sealed.subarray(SAFE_STORAGE_MAGIC.length)),
        'base64',
      );
    },
  };
}

function ephemeralKeySealer(): KeySealer {
  const key = randomBytes(32);
  return {
    isSecure: false,
    seal: (plain) => {
      const iv = randomBytes(IV_BYTES);
      const cipher = createCipheriv('aes-256-gcm', key, iv);
      const body = Buffer.concat([cipher.update(plain), cipher.final()]);
      return Buffer.concat([EPHEMERAL_MAGIC, iv, cipher.getAuthTag(), body]);
    },
    unseal: (sealed) => {
      const head = EPHEMERAL_MAGIC.length + IV_BYTES + TAG_BYTES;
      if (!hasMagic(sealed, EPHEMERAL_MAGIC) || sealed.length < head)
        throw new Error('not sealed in this run');
      const decipher = createDecipheriv(
        'aes-256-gcm',
        key,
        sealed.subarray(EPHEMERAL_MAGIC.length, EPHEMERAL_MAGIC.length + IV_BYTES),
      );
      decipher.setAuthTag(sealed.subarray(EPHEMERAL_MAGIC.length + IV_BYTES, head));
      return Buffer.concat([decipher.update(sealed.subarray(head)), decipher.final()]);
    },
  };
}

function hasMagic(sealed: Buffer, magic: Buffer): boolean {
  return sealed.length > magic.length && sealed.subarray(0, magic.length).equals(magic);
}
