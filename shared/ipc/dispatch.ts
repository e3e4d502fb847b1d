import type { z } from 'zod';
import { isChannel, type Channel } from './channels.ts';
import { contract, type ChannelOutput, type Contract } from './contract.ts';
import { IpcError, type IpcErrorCode } from './errors.ts';
import { err, ok, type Result } from '../util/result.ts';

/** One function per channel, taking the parsed input. May throw `IpcError` for a typed code. */
export type Handlers = {
  [C in Channel]: (input: z.output<Contract[C]['input']>) => Promise<ChannelOutput<C>> | ChannelOutput<C>;
};

/** Deepest nesting of arrays/objects accepted in an IPC payload. */
export const MAX_INPUT_DEPTH = 16;

/** Keys that could reach an object's prototype if the value were ever merged unsafely. */
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/**
 * True when `value` is plain JSON-shaped data within the depth limit and has no own key that
 * could poison a prototype. Runs before zod so a hostile payload never reaches a schema.
 */
export function isSafePlainData(value: unknown, depth = 0): boolean {
  if (depth > MAX_INPUT_DEPTH) return false;
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return true;
  if (typeof value === 'number') return Number.isFinite(value);
  if (Array.isArray(value)) return value.every((item) => isSafePlainData(item, depth + 1));
  if (typeof value !== 'object') return false;
  const proto: unknown = Object.getPrototypeOf(value);
  if (proto !== Object.prototype && proto !== null) return false;
  for (const key of Object.keys(value)) {
    if (FORBIDDEN_KEYS.has(key)) return false;
    if (!isSafePlainData((value as Record<string, unknown>)[key], depth + 1)) return false;
  }
  return true;
}

export type Dispatch = (channel: unknown, input: unknown) => Promise<Result<unknown, IpcErrorCode>>;

export interface DispatchOptions {
  /** Called with unexpected errors (not `IpcError`); the caller only sees `INTERNAL`. */
  onUnexpectedError?: (channel: Channel, error: unknown) => void;
}

/**
 * Builds the single entry point both hosts (Electron main and the browser-mode bridge) use:
 * refuse unknown channels, parse the input as `unknown`, call the handler, check the output,
 * and turn every failure into a typed code. Never throws.
 */
export function createDispatch(handlers: Handlers, options: DispatchOptions = {}): Dispatch {
  return async (channel, input) => {
    if (!isChannel(channel)) return err('UNKNOWN_CHANNEL', 'unknown channel');
    if (!isSafePlainData(input)) return err('INVALID_INPUT', 'input is not plain data');
    const spec = contract[channel];
    const parsed = spec.input.safeParse(input);
    if (!parsed.success) return err('INVALID_INPUT', parsed.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`).join('; '));
    try {
      const handler = handlers[channel] as (input: unknown) => unknown;
      const output: unknown = await handler(parsed.data);
      const checked = spec.output.safeParse(output);
      if (!checked.success) return err('INVALID_OUTPUT', `handler for ${channel} returned a value outside the contract`);
      return ok(checked.data);
    } catch (error) {
      if (error instanceof IpcError) return err(error.code, error.message);
      options.onUnexpectedError?.(channel, error);
      return err('INTERNAL', 'internal error');
    }
  };
}
