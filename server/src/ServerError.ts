import type { ServerErrorCode } from '../../shared/protocol/errors.ts';

/**
 * A failure with a typed code, thrown inside the server (it rolls back the surrounding
 * transaction) and turned into `{ error: { code, message } }` or an `err()` Result at the seam.
 * The message is for people; it never carries stack traces or SQL.
 */
export class ServerError extends Error {
  readonly code: ServerErrorCode;
  /** Extra response headers at the HTTP seam, e.g. Retry-After for RATE_LIMITED. */
  readonly headers: Readonly<Record<string, string>>;

  constructor(code: ServerErrorCode, message: string, headers: Record<string, string> = {}) {
    super(message);
    this.name = 'ServerError';
    this.code = code;
    this.headers = headers;
  }
}

export function isServerError(error: unknown): error is ServerError {
  return error instanceof ServerError;
}
