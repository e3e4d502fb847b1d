import {
  createCipheriv,
  createDecipheriv,
  createSecretKey,
  randomBytes,
  type KeyObject,
} from 'node:crypto';

const VERSION = 1;
const IV_BYTES = 12;
const TAG_BYTES = 16;
const HEAD_BYTES = 1 + IV_BYTES + TAG_BYTES;

/**
 * Encrypts small column values (record JSON, the session token) with the data key.
 *
 * Format: version (1 byte, = 1) ‖ iv (12 random bytes) ‖ GCM tag (16 bytes) ‖ ciphertext.
 * `context` is bound as additional authenticated data (e.g. "meetings:<id>"), so a value
 * copied into another row or column fails to open.
 */
export class FieldCipher {
  /** A KeyObject, made once: a raw Buffer key is converted again on every cipher. */
  private readonly key: KeyObject;

  constructor(dataKey: Buffer) {
    if (dataKey.length !== 32) throw new Error('data key must be 32 bytes');
    this.key = createSecretKey(dataKey);
  }

  seal(plain: string, context: string): Buffer {
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv('aes-256-gcm', this.key, iv);
    cipher.setAAD(Buffer.from(context, 'utf8'));
    const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
    return Buffer.concat([Buffer.of(VERSION), iv, cipher.getAuthTag(), body]);
  }

  /** Throws when the value was altered, moved to another context, or sealed with another key. */
  open(sealed: Uint8Array, context: string): string {
    const buf = Buffer.from(sealed.buffer, sealed.byteOffset, sealed.byteLength);
    if (buf.length < HEAD_BYTES || buf[0] !== VERSION) throw new Error('not a sealed field');
    const decipher = createDecipheriv('aes-256-gcm', this.key, buf.subarray(1, 1 + IV_BYTES));
    decipher.setAAD(Buffer.from(context, 'utf8'));
    decipher.setAuthTag(buf.subarray(1 + IV_BYTES, HEAD_BYTES));
    return Buffer.concat([decipher.update(buf.subarray(HEAD_BYTES)), decipher.final()]).toString(
      'utf8',
    );
  }
}
