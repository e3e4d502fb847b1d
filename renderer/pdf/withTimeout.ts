/** Raised when an operation took longer than its limit. */
export class PdfTimeoutError extends Error {
  override readonly name = 'PdfTimeoutError';
}

/**
 * `promise`, or a `PdfTimeoutError` after `ms` milliseconds, whichever comes first. On timeout
 * `onTimeout` runs (to cancel the work) after the timeout has settled the race, so the caller
 * sees the timeout, not the cancellation it causes. The timer is always cleared.
 */
export function withTimeout<T>(promise: Promise<T>, ms: number, onTimeout: () => void): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => {
      reject(new PdfTimeoutError(`took longer than ${ms} ms`));
      onTimeout();
    }, ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
