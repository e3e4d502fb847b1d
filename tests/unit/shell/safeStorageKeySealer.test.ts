import { randomBytes } from 'node:crypto';
import { describe, expect, it, vi } from 'vitest';
import { silentLogger } from '../../../electron/core/log/logger.ts';
import { safeStorageKeySealer } from '../../../electron/main/safeStorageKeySealer.ts';
import { FakeSafeStorage } from './fakeElectron.ts';

vi.mock('electron', () => ({}));

const storage = (
  options: {
    encryptionAvailable?: boolean;
    storageBackend?: 'basic_text' | 'gnome_libsecret' | 'unknown';
  } = {},
) =>
  new FakeSafeStorage({ userData: '/unused', ...options }) as unknown as Parameters<
    typeof safeStorageKeySealer
  >[0];

describe('safeStorageKeySealer', () => {
  it('seals through the OS store and round-trips the data key', () => {
    const sealer = safeStorageKeySealer(storage(), 'linux', silentLogger);
    const key = randomBytes(32);
    const sealed = sealer.seal(key);
    expect(sealer.isSecure).toBe(true);
    expect(sealed.includes(key)).toBe(false);
    expect(sealed.subarray(0, 5).toString()).toBe('ECSS1');
    expect(sealer.unseal(sealed)).toEqual(key);
  });

  it('refuses a value it did not seal', () => {
    const sealer = safeStorageKeySealer(storage(), 'darwin', silentLogger);
    expect(() => sealer.unseal(Buffer.from('ECKS1garbage'))).toThrow();
    expect(() => sealer.unseal(Buffer.alloc(0))).toThrow();
  });

  it('is not secure on Linux basic_text (no keyring), nor before the backend is known', () => {
    expect(
      safeStorageKeySealer(storage({ storageBackend: 'basic_text' }), 'linux', silentLogger)
        .isSecure,
    ).toBe(false);
    expect(
      safeStorageKeySealer(storage({ storageBackend: 'unknown' }), 'linux', silentLogger).isSecure,
    ).toBe(false);
    // The backend question only exists on Linux.
    expect(
      safeStorageKeySealer(storage({ storageBackend: 'basic_text' }), 'win32', silentLogger)
        .isSecure,
    ).toBe(true);
  });

  it('without any OS store, keeps the key in memory for this run only', () => {
    const first = safeStorageKeySealer(
      storage({ encryptionAvailable: false }),
      'linux',
      silentLogger,
    );
    const key = randomBytes(32);
    const sealed = first.seal(key);
    expect(first.isSecure).toBe(false);
    expect(sealed.includes(key)).toBe(false);
    expect(first.unseal(sealed)).toEqual(key);
    const afterRestart = safeStorageKeySealer(
      storage({ encryptionAvailable: false }),
      'linux',
      silentLogger,
    );
    expect(() => afterRestart.unseal(sealed)).toThrow();
  });
});
