import type { z } from 'zod';
import { MutationRejected } from './MutationRejected.ts';

/**
 * The args as the kind's schema says, or INVALID_ARGS naming the first problem.
 *
 * Text PostgreSQL cannot store is settled here, before any schema or database sees it, so that
 * every path (one by one, or a group writing rows as JSON) decides the same, and no such
 * mutation fails the whole push transaction (INTERNAL on every resend: a poison that would
 * block the device's queue forever):
 * - U+0000 anywhere (a string or a key): PostgreSQL text and jsonb refuse it → INVALID_ARGS;
 * - an unpaired UTF-16 surrogate becomes U+FFFD, which is what PostgreSQL stores when such text
 *   is sent as a text parameter; sent inside JSON (jsonb) it would be refused instead.
 */
export function parseArgs<S extends z.ZodType>(schema: S, raw: unknown): z.output<S> {
  const clean = storableText(raw);
  if (clean === NUL_FOUND)
    throw new MutationRejected('INVALID_ARGS', 'text must not contain the character U+0000');
  if (clean === TOO_DEEP) throw new MutationRejected('INVALID_ARGS', 'arguments nested too deeply');
  const parsed = schema.safeParse(clean);
  if (parsed.success) return parsed.data;
  const first = parsed.error.issues[0];
  const where = first === undefined || first.path.length === 0 ? '' : ` (${first.path.join('.')})`;
  throw new MutationRejected('INVALID_ARGS', `${first?.message ?? 'invalid arguments'}${where}`);
}

/** A high surrogate not followed by a low one, or a low one not preceded by a high one. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

const NUL_FOUND: unique symbol = Symbol('NUL found');
const TOO_DEEP: unique symbol = Symbol('too deep');

/** Nesting levels looked into; no kind's args come near it (deeper: INVALID_ARGS). */
const MAX_DEPTH = 32;

/**
 * `value` with every string well-formed, or NUL_FOUND / TOO_DEEP. Plain JSON values (as
 * pushed); a value without anything to change comes back as an equal copy.
 */
function storableText(value: unknown, depth = 0): unknown {
  if (typeof value === 'string') {
    if (value.includes('\u0000')) return NUL_FOUND;
    return value.replace(LONE_SURROGATE, '\uFFFD');
  }
  if (value === null || typeof value !== 'object') return value;
  if (depth >= MAX_DEPTH) return TOO_DEEP;
  if (Array.isArray(value)) {
    const out: unknown[] = [];
    for (const item of value as unknown[]) {
      const clean = storableText(item, depth + 1);
      if (clean === NUL_FOUND || clean === TOO_DEEP) return clean;
      out.push(clean);
    }
    return out;
  }
  const out: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) {
    if (key.includes('\u0000')) return NUL_FOUND;
    const clean = storableText(item, depth + 1);
    if (clean === NUL_FOUND || clean === TOO_DEEP) return clean;
    // An own property even for the key "__proto__" (JSON.parse makes it one; `out[key] =`
    // would set the prototype instead, and the schema would then see different args).
    Object.defineProperty(out, key, {
      value: clean,
      enumerable: true,
      writable: true,
      configurable: true,
    });
  }
  return out;
}
