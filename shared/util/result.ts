/**
 * A result that crosses a seam (IPC, socket ack). Errors are typed codes, never raw Errors,
 * so nothing about the other side's stack or internals leaks across.
 */
export type Result<T, C extends string = string> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly error: { readonly code: C; readonly message: string } };

export function ok<T>(value: T): { ok: true; value: T } {
  return { ok: true, value };
}

export function err<C extends string>(code: C, message: string): { ok: false; error: { code: C; message: string } } {
  return { ok: false, error: { code, message } };
}
