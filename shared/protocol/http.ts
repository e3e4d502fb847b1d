/**
 * HTTP routes of the sync server (all JSON unless noted). Authenticated routes take
 * `Authorization: Bearer <token>`.
 *
 * - GET  /api/health                 → healthResponseSchema (no auth)
 * - POST /api/auth/login             → loginResponseSchema | 401 INVALID_CREDENTIALS | 429 RATE_LIMITED | 426
 * - POST /api/auth/logout            → 204, revokes the token
 * - GET  /api/blobs/:sha256          → the blob bytes (application/pdf); supports `Range: bytes=a-b`
 *                                      (206 with Content-Range), `ETag: "<sha256>"`, Content-Length;
 *                                      404 when the caller may not see any document version with
 *                                      that hash (same answer as a missing blob).
 */
export const ROUTES = {
  health: '/api/health',
  login: '/api/auth/login',
  logout: '/api/auth/logout',
  blob: (sha256: string) => `/api/blobs/${sha256}`,
} as const;
