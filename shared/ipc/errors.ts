/**
 * Error codes that may cross the IPC seam. The renderer maps each code to a translated
 * message (`renderer/i18n/*.json`, key `errors.<CODE>`); the `message` beside it is for logs.
 * Append only: a code once shipped keeps its meaning.
 */
export const IPC_ERROR_CODES = [
  'UNKNOWN_CHANNEL',
  'INVALID_INPUT',
  'INVALID_OUTPUT',
  'FORBIDDEN_SENDER',
  'NOT_AVAILABLE',
  'INTERNAL',
  'NO_SERVER_CONFIGURED',
  'SERVER_UNREACHABLE',
  'INVALID_CREDENTIALS',
  'RATE_LIMITED',
  'SESSION_EXPIRED',
  'NOT_LOGGED_IN',
  'PROTOCOL_UNSUPPORTED',
  'NOT_FOUND',
  'NOT_CACHED',
  'INTEGRITY_FAILED',
] as const;

export type IpcErrorCode = (typeof IPC_ERROR_CODES)[number];

/** An error a core handler throws on purpose to return a typed code to the caller. */
export class IpcError extends Error {
  readonly code: IpcErrorCode;
  constructor(code: IpcErrorCode, message: string) {
    super(message);
    this.name = 'IpcError';
    this.code = code;
  }
}
