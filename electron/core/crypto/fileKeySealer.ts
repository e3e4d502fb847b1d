import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { chmodSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { KeySealer } from './KeySealer.ts';

/** Name of the wrapping-key file inside the directory given to `fileKeySealer`. */
export const WRAPPING_KEY_FILE = 'dev-wrapping.key';

const MAGIC = Buffer.from('ECKS1');
const KEY_BYTES = 32;
const IV_BYTES = 12;
const TAG_BYTES = 16;

export interface FileKeySealerOptions {
  /**
   * What `isSecure` reports (default true, so browser mode and tests exercise the cache).
   * Tests pass false to exercise the "no secret store" path.
   */
  isSecure?: boolean;
}

/**
 * DEVELOPMENT / TEST MODE ONLY. Seals with a random 32-byte wrapping key kept in
 * `<dir>/dev-wrapping.key` (mode 0600). Anyone who can read that file can unseal, so the only
 * protection is file-system permissions; the Electron shell uses `safeStorage` instead.
 *
 * Sealed format: "ECKS1" ‖ iv (12 bytes) ‖ tag (16 bytes) ‖ AES-256-GCM ciphertext.
 */
export function fileKeySealer(dir: string, options: FileKeySealerOptions = {}): KeySealer {
  const wrappingKey = loadOrCreateWrappingKey(dir);
  return {
    isSecure: options.isSecure ?? true,
    seal(plain) {
      const iv = randomBytes(IV_BYTES);
      const cipher = createCipheriv('aes-256-gcm', wrappingKey, iv);
      cipher.setAAD(MAGIC);
      const body = Buffer.concat([cipher.update(plain), cipher.final()]);
      return Buffer.concat([MAGIC, iv, cipher.getAuthTag(), body]);
    },
    unseal(sealed) {
      const head = MAGIC.length + IV_BYTES + TAG_BYTES;
      if (sealed.length < head || !sealed.subarray(0, MAGIC.length).equals(MAGIC))
        throw new Error('not a sealed value');
      const iv = sealed.subarray(MAGIC.length, MAGIC.length + IV_BYTES);
      const tag = sealed.subarray(MAGIC.length + IV_BYTES, head);
      const decipher = createDecipheriv('aes-256-gcm', wrappingKey, iv);
      decipher.setAAD(MAGIC);
      decipher.setAuthTag(tag);
      return Buffer.concat([decipher.update(sealed.subarray(head)), decipher.final()]);
    },
  };
}

function loadOrCreateWrappingKey(dir: string): Buffer {
  mkdirSync(dir, { recursive: true });
  const path = join(dir, WRAPPING_KEY_FILE);
  try {
    // `wx`: never overwrite an existing key (that would make every sealed value unreadable).
    writeFileSync(path, randomBytes(KEY_BYTES), { flag: 'wx', mode: 0o600 });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
  chmodSync(path, 0o600);
  const key = readFileSync(path);
  if (key.length !== KEY_BYTES)
    throw new Error(`${WRAPPING_KEY_FILE} is corrupt (expected ${KEY_BYTES} bytes)`);
  return key;
}
