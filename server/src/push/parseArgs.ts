import type { z } from 'zod';
import { MutationRejected } from './MutationRejected.ts';

/** The args as the kind's schema says, or INVALID_ARGS naming the first problem. */
export function parseArgs<S extends z.ZodType>(schema: S, raw: unknown): z.output<S> {
  const parsed = schema.safeParse(raw);
  if (parsed.success) return parsed.data;
  const first = parsed.error.issues[0];
  const where = first === undefined || first.path.length === 0 ? '' : ` (${first.path.join('.')})`;
  throw new MutationRejected('INVALID_ARGS', `${first?.message ?? 'invalid arguments'}${where}`);
}
