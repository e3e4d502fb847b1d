/** The server refused the token while fetching a blob (HTTP 401). */
export class BlobAuthError extends Error {
  readonly reason: 'expired' | 'revoked';
  constructor(reason: 'expired' | 'revoked') {
    super(`token ${reason}`);
    this.name = 'BlobAuthError';
    this.reason = reason;
  }
}

/** 404: no version this user may see has that hash. Not retried. */
export class BlobNotFoundError extends Error {
  constructor() {
    super('blob not found');
    this.name = 'BlobNotFoundError';
  }
}

/** A transient failure (network cut, stall, 5xx, unexpected range): retried with backoff. */
export class BlobTransientError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'BlobTransientError';
  }
}
