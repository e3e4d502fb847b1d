import type { Channel } from '../../shared/ipc/channels.ts';
import { contract, type ChannelInput, type ChannelOutput } from '../../shared/ipc/contract.ts';
import { IPC_ERROR_CODES, type IpcErrorCode } from '../../shared/ipc/errors.ts';
import { err, ok, type Result } from '../../shared/util/result.ts';
import { getBridge } from './getBridge.ts';

/** What every IPC call resolves to: the channel's typed output, or a typed error code. */
export type IpcResult<C extends Channel> = Result<ChannelOutput<C>, IpcErrorCode>;

const knownCodes: readonly string[] = IPC_ERROR_CODES;

function isIpcErrorCode(code: unknown): code is IpcErrorCode {
  return typeof code === 'string' && knownCodes.includes(code);
}

/** Narrows a code from the host to the shared list; anything else is reported as INTERNAL. */
export function toIpcErrorCode(code: unknown): IpcErrorCode {
  return isIpcErrorCode(code) ? code : 'INTERNAL';
}

/**
 * Calls `channel` on the host. Never throws and never rejects:
 * - no host bridge, or the bridge itself failing (closed socket, torn-down window) → NOT_AVAILABLE;
 * - an error code outside `IPC_ERROR_CODES` → INTERNAL (the UI only knows the shared codes);
 * - a value outside the contract's output schema → INVALID_OUTPUT.
 * Invariant: contract output schemas accept their own output (parsing is idempotent), so the
 * value the core already checked parses again unchanged.
 */
export async function invoke<C extends Channel>(
  channel: C,
  input: ChannelInput<C>,
): Promise<IpcResult<C>> {
  let raw: unknown;
  try {
    raw = await getBridge().invoke(channel, input);
  } catch {
    return err('NOT_AVAILABLE', `host bridge unavailable for ${channel}`);
  }
  if (typeof raw !== 'object' || raw === null || !('ok' in raw)) {
    return err('INVALID_OUTPUT', `malformed result from ${channel}`);
  }
  if (raw.ok !== true) {
    const error: unknown = 'error' in raw ? raw.error : undefined;
    const code =
      typeof error === 'object' && error !== null && 'code' in error ? error.code : undefined;
    const message =
      typeof error === 'object' && error !== null && 'message' in error ? error.message : undefined;
    return err(toIpcErrorCode(code), typeof message === 'string' ? message : '');
  }
  const value: unknown = 'value' in raw ? raw.value : undefined;
  const parsed = contract[channel].output.safeParse(value);
  if (!parsed.success)
    return err('INVALID_OUTPUT', `value from ${channel} is outside the contract`);
  // The cast only re-attaches the generic: `contract[channel]` with `C` unresolved is the union
  // of all channels' schemas, and TypeScript cannot correlate it back to `ChannelOutput<C>`.
  return ok(parsed.data as ChannelOutput<C>);
}
