/**
 * Error codes the server returns (HTTP JSON bodies, socket acks, connect errors). Append only.
 * Existence is never leaked: acting on something that does not exist and on something the
 * caller may not see both answer NOT_FOUND.
 */
export const SERVER_ERROR_CODES = [
  'INVALID_INPUT',
  'UNAUTHENTICATED',
  'INVALID_CREDENTIALS',
  'TOKEN_EXPIRED',
  'TOKEN_REVOKED',
  'RATE_LIMITED',
  'FORBIDDEN',
  'NOT_FOUND',
  'PROTOCOL_UNSUPPORTED',
  'PAYLOAD_TOO_LARGE',
  'RANGE_NOT_SATISFIABLE',
  'INTERNAL',
  /** An upload that is not a well-formed PDF (magic bytes, `%%EOF`, no pages found). */
  'INVALID_PDF',
  /** A password-protected / encrypted PDF: members could not open it offline. */
  'ENCRYPTED_PDF',
  /** Creating something whose id or unique name already exists. */
  'CONFLICT',
] as const;

export type ServerErrorCode = (typeof SERVER_ERROR_CODES)[number];

/** HTTP status for each code, for the HTTP side of the API. */
export const HTTP_STATUS: Record<ServerErrorCode, number> = {
  INVALID_INPUT: 400,
  UNAUTHENTICATED: 401,
  INVALID_CREDENTIALS: 401,
  TOKEN_EXPIRED: 401,
  TOKEN_REVOKED: 401,
  RATE_LIMITED: 429,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  PROTOCOL_UNSUPPORTED: 426,
  PAYLOAD_TOO_LARGE: 413,
  RANGE_NOT_SATISFIABLE: 416,
  INTERNAL: 500,
  INVALID_PDF: 422,
  ENCRYPTED_PDF: 422,
  CONFLICT: 409,
};
