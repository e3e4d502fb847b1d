import { z } from 'zod';
import { idSchema } from './ids.ts';

export const ROLES = ['member', 'secretariat', 'admin'] as const;
export const roleSchema = z.enum(ROLES);
export type Role = z.infer<typeof roleSchema>;

/** A directory entry as every participant of a shared meeting may see it. */
export const userSchema = z.strictObject({
  id: idSchema,
  username: z.string().min(1).max(64),
  displayName: z.string().min(1).max(200),
  /** Office, e.g. "Bộ trưởng Bộ Tài chính". */
  title: z.string().max(200),
  /** Agency or unit, e.g. "Bộ Tài chính". */
  unit: z.string().max(200),
  role: roleSchema,
});
export type User = z.infer<typeof userSchema>;
