import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FieldCipher } from '../../../electron/core/crypto/FieldCipher.ts';
import { WRAPPING_KEY_FILE, fileKeySealer } from '../../../electron/core/crypto/fileKeySealer.ts';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'sealer-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('fileKeySealer (development/test mode)', () => {
  it('round-trips, keeps its wrapping key in a 0600 file, and survives a restart', () => {
    const secret = randomBytes(32);
    const sealed = fileKeySealer(dir).seal(secret);
    expect(sealed.includes(secret)).toBe(false);
    expect(statSync(join(dir, WRAPPING_KEY_FILE)).mode & 0o777).toBe(0o600);
    expect(fileKeySealer(dir).unseal(sealed).equals(secret)).toBe(true);
    expect(readFileSync(join(dir, WRAPPING_KEY_FILE))).toHaveLength(32);
  });

  it('refuses altered or foreign sealed values', () => {
    const sealer = fileKeySealer(dir);
    const sealed = sealer.seal(randomBytes(32));
    const bad = Buffer.from(sealed);
    bad[bad.length - 1] = (bad[bad.length - 1] ?? 0) ^ 1;
    expect(() => sealer.unseal(bad)).toThrow();
    const other = mkdtempSync(join(tmpdir(), 'sealer-other-'));
    try {
      expect(() => fileKeySealer(other).unseal(sealed)).toThrow();
    } finally {
      rmSync(other, { recursive: true, force: true });
    }
  });

  it('reports isSecure as configured', () => {
    expect(fileKeySealer(dir).isSecure).toBe(true);
    expect(fileKeySealer(dir, { isSecure: false }).isSecure).toBe(false);
  });
});

describe('FieldCipher', () => {
  const cipher = new FieldCipher(randomBytes(32));

  it('round-trips text and binds the context', () => {
    const sealed = cipher.seal('bí mật', 'session:token');
    expect(cipher.open(sealed, 'session:token')).toBe('bí mật');
    expect(() => cipher.open(sealed, 'session:user')).toThrow();
  });

  it('uses a fresh IV per value and rejects tampering', () => {
    const a = cipher.seal('x', 'c');
    const b = cipher.seal('x', 'c');
    expect(a.equals(b)).toBe(false);
    for (let i = 0; i < a.length; i++) {
      const bad = Buffer.from(a);
      bad[i] = (bad[i] ?? 0) ^ 0x80;
      expect(() => cipher.open(bad, 'c')).toThrow();
    }
  });

  it('refuses a key of the wrong length', () => {
    expect(() => new FieldCipher(randomBytes(16))).toThrow();
  });
});
