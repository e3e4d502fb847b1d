import { randomBytes, randomUUID } from 'node:crypto';
import type { DatabaseSync } from 'node:sqlite';
import type { KeySealer } from '../crypto/KeySealer.ts';
import type { Logger } from '../log/logger.ts';

/** Length of the data key, bytes (AES-256). */
export const DATA_KEY_BYTES = 32;

export interface DeviceIdentity {
  /** UUID generated on first run and kept for the life of the installation. */
  deviceId: string;
  /** The data key that encrypts sensitive columns and cached blobs. Only ever stored sealed. */
  dataKey: Buffer;
  /**
   * True when a stored key could not be unsealed (another OS account, a wiped keychain) and a
   * new one replaced it: everything encrypted with the old key is unreadable and must be wiped.
   */
  keyReplaced: boolean;
}

/**
 * Loads the device row, creating it on first run: a fresh device id and 32 random bytes of
 * data key, written only in sealed form.
 */
export function ensureDeviceIdentity(
  db: DatabaseSync,
  sealer: KeySealer,
  log: Logger,
): DeviceIdentity {
  const row = db.prepare('SELECT device_id, sealed_data_key FROM device WHERE id = 1').get();
  const storedId = row?.['device_id'];
  const storedKey = row?.['sealed_data_key'];
  if (typeof storedId === 'string' && storedKey instanceof Uint8Array) {
    try {
      const dataKey = sealer.unseal(Buffer.from(storedKey));
      if (dataKey.length !== DATA_KEY_BYTES)
        throw new Error('unsealed data key has the wrong length');
      return { deviceId: storedId, dataKey, keyReplaced: false };
    } catch (error) {
      log.warn('data key could not be unsealed; replacing it and wiping encrypted local data', {
        error: String(error),
      });
      const dataKey = randomBytes(DATA_KEY_BYTES);
      db.prepare('UPDATE device SET sealed_data_key = ? WHERE id = 1').run(sealer.seal(dataKey));
      return { deviceId: storedId, dataKey, keyReplaced: true };
    }
  }
  const deviceId = randomUUID();
  const dataKey = randomBytes(DATA_KEY_BYTES);
  db.prepare('INSERT INTO device (id, device_id, sealed_data_key) VALUES (1, ?, ?)').run(
    deviceId,
    sealer.seal(dataKey),
  );
  return { deviceId, dataKey, keyReplaced: false };
}
