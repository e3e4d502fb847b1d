import { createHash, randomBytes } from 'node:crypto';

/** Bytes of randomness in a login token. */
const TOKEN_BYTES = 32;

/** A new opaque token: 32 random bytes, base64url (43 characters). Only its hash is stored. */
export function newToken(): string {
  return randomBytes(TOKEN_BYTES).toString('base64url');
}

/** What the database keeps of a token: lower-case hex SHA-256 of its text. */
export function tokenHash(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}
