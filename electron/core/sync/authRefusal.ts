/**
 * Server error codes that mean "this token is no good": the session ends with this reason.
 * An unknown token (UNAUTHENTICATED) is reported as expired: the user just signs in again.
 */
const AUTH_REFUSALS: Readonly<Record<string, 'expired' | 'revoked'>> = {
  TOKEN_EXPIRED: 'expired',
  UNAUTHENTICATED: 'expired',
  TOKEN_REVOKED: 'revoked',
};

export function authRefusal(code: string | null | undefined): 'expired' | 'revoked' | null {
  return code ? (AUTH_REFUSALS[code] ?? null) : null;
}
