import { z } from 'zod';
import { agendaItemSchema, documentSchema, documentVersionSchema, meetingSchema, participantSchema } from '../domain/meeting.ts';
import { userSchema } from '../domain/user.ts';

/**
 * One entry of the server's change log as a device receives it. `seq` is global and gap-free
 * over the whole log; a device sees only the entries it may see, so it may observe gaps, and it
 * only ever stores the `cursor` the server hands back.
 *
 * Applying is idempotent: an upsert replaces the whole record; a delete of something unknown
 * is a no-op. Deleting a meeting on a device erases its items, documents, versions,
 * participants and cached files too (access withdrawn → tombstone).
 */
const upsert = <E extends string, S extends z.ZodType>(entity: E, data: S) =>
  z.strictObject({ seq: z.number().int().min(1), op: z.literal('upsert'), entity: z.literal(entity), data });

export const ENTITIES = ['user', 'meeting', 'agendaItem', 'document', 'documentVersion', 'participant'] as const;
export type Entity = (typeof ENTITIES)[number];

export const deleteChangeSchema = z.strictObject({
  seq: z.number().int().min(1),
  op: z.literal('delete'),
  entity: z.enum(ENTITIES),
  id: z.string().min(1).max(100),
});

export const changeSchema = z.union([
  upsert('user', userSchema),
  upsert('meeting', meetingSchema),
  upsert('agendaItem', agendaItemSchema),
  upsert('document', documentSchema),
  upsert('documentVersion', documentVersionSchema),
  upsert('participant', participantSchema),
  deleteChangeSchema,
]);
export type Change = z.infer<typeof changeSchema>;
