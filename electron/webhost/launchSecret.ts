import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/** Bytes of entropy in a per-launch secret (256 bits). */
export const LAUNCH_SECRET_BYTES = 32;

/** A fresh secret for one launch of the web host, base64url (43 characters, URL-safe). */
export function createLaunchSecret(): string {
  return randomBytes(LAUNCH_SECRET_BYTES).toString('base64url');
}

/**
 * Constant-time comparison of a presented secret with the launch secret. Both sides are hashed
 * first so that neither the content nor the length of the secret leaks through timing.
 */
export function secretMatches(presented: string | null | undefined, secret: string): boolean {
  if (typeof presented !== 'string' || presented.length === 0) return false;
  const a = createHash('sha256').update(presented, 'utf8').digest();
  const b = createHash('sha256').update(secret, 'utf8').digest();
  return timingSafeEqual(a, b);
}
