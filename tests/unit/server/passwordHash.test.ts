import { describe, expect, it } from 'vitest';
import { hashPassword, verifyPassword } from '../../../server/src/auth/passwordHash.ts';

describe('passwordHash', () => {
  it('verifies the right password and refuses others', async () => {
    const hash = await hashPassword('mật khẩu đúng', 10);
    expect(await verifyPassword('mật khẩu đúng', hash)).toBe(true);
    expect(await verifyPassword('mật khẩu sai', hash)).toBe(false);
    expect(await verifyPassword('', hash)).toBe(false);
  });

  it('stores its parameters and a random salt with each hash', async () => {
    const a = await hashPassword('same', 10);
    const b = await hashPassword('same', 11);
    expect(a).toMatch(/^scrypt\$10\$8\$1\$[A-Za-z0-9+/=]+\$[A-Za-z0-9+/=]+$/);
    expect(b.startsWith('scrypt$11$8$1$')).toBe(true);
    expect(a.split('$')[4]).not.toBe(b.split('$')[4]);
    expect(await verifyPassword('same', b)).toBe(true);
  });

  it('treats the Unicode normal forms of one password alike', async () => {
    const hash = await hashPassword('Nguyễn', 10);
    expect(await verifyPassword('Nguyễn'.normalize('NFD'), hash)).toBe(true);
  });

  it('refuses malformed stored hashes instead of throwing', async () => {
    for (const stored of [
      '',
      'plain',
      'scrypt$10$8$1$$',
      'scrypt$99$8$1$c2FsdA==$a2V5',
      'bcrypt$10$8$1$c2FsdA==$a2V5',
      'scrypt$10$8$1$c2FsdA==$c2hvcnQ=',
    ]) {
      expect(await verifyPassword('x', stored)).toBe(false);
    }
  });
});
