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
  /** Editing or deleting someone else's comment. */
  'NOT_AUTHOR',
  /** Setting a position after the meeting started (by the last known server time). */
  'MEETING_STARTED',
  /** Voting in a vote that is closed. */
  'VOTING_CLOSED',
  /** Voting where the meeting's participant list says this user's vote does not count. */
  'NOT_ELIGIBLE',
  /** The server refused the operation for this user's role (e.g. a member opening a vote). */
  'FORBIDDEN',
  /** The server refused because the target already exists in another form. */
  'CONFLICT',
  /** The certificate file's password is wrong. */
  'PKCS12_WRONG_PASSWORD',
  /** The certificate file was changed (its integrity check fails). */
  'PKCS12_TAMPERED',
  /** Not a usable PKCS#12 certificate file (no key, no certificate, unsupported, no MAC). */
  'PKCS12_INVALID',
  /** Signing needs a certificate imported on this device first. */
  'NO_CERTIFICATE',
  /** Commenting, giving a position or voting in a meeting that is closed. */
  'MEETING_CLOSED',
  /** Signing an opinion on a written-opinion ballot this device knows is closed. */
  'BALLOT_CLOSED',
  /** Exporting a paper whose copy policy (document.copyAllowed) forbids it leaving the app. */
  'COPY_NOT_ALLOWED',
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
