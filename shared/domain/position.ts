import { z } from 'zod';
import { idSchema, isoInstantSchema } from './ids.ts';

/** A member's position on an agenda item before the meeting (domain.md workflow 2). */
export const STANCES = ['no_objection', 'wish_to_speak', 'object'] as const;
export const stanceSchema = z.enum(STANCES);
export type Stance = z.infer<typeof stanceSchema>;

export const positionSchema = z.strictObject({
  /** `${agendaItemId}:${userId}`: one position per member and item. */
  id: z.string().max(100),
  meetingId: idSchema,
  agendaItemId: idSchema,
  userId: idSchema,
  stance: stanceSchema,
  note: z.string().max(2000),
  updatedAt: isoInstantSchema,
});
export type Position = z.infer<typeof positionSchema>;
