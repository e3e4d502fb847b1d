import { IpcError, type IpcErrorCode } from '../../../shared/ipc/errors.ts';
import { BlobIncompleteError } from './BlobFileWriter.ts';
import { BlobIntegrityError } from './blobFileFormat.ts';
import { BlobAuthError, BlobNotFoundError, BlobTransientError } from './fetchErrors.ts';

/**
 * The typed code a failed download attempt reports, and whether it means the server refused
 * the session. SERVER_UNREACHABLE and INTEGRITY_FAILED are retried (bounded); the rest are final.
 */
export function classifyDownloadError(error: unknown): {
  code: IpcErrorCode;
  authFailure: 'expired' | 'revoked' | null;
} {
  if (error instanceof IpcError) return { code: error.code, authFailure: null };
  if (error instanceof BlobIntegrityError) return { code: 'INTEGRITY_FAILED', authFailure: null };
  if (error instanceof BlobNotFoundError) return { code: 'NOT_FOUND', authFailure: null };
  if (error instanceof BlobAuthError) return { code: 'SESSION_EXPIRED', authFailure: error.reason };
  if (error instanceof BlobTransientError || error instanceof BlobIncompleteError)
    return { code: 'SERVER_UNREACHABLE', authFailure: null };
  return { code: 'INTERNAL', authFailure: null };
}
