import { z } from 'zod';
import { idSchema } from '../domain/ids.ts';
import { MAX_COMMENT_LENGTH } from '../domain/comment.ts';
import { stanceSchema } from '../domain/position.ts';
import { voteChoiceSchema } from '../domain/vote.ts';

/**
 * The kinds of change a device may queue offline, with their argument schemas.
 * APPEND ONLY: a kind once shipped keeps its name and meaning forever (old outboxes may still
 * hold it); a changed meaning is a new kind. The server refuses kinds it does not know with
 * UNKNOWN_MUTATION, never silently.
 */
export const mutationArgs = {
  'comment.create': z.strictObject({
    id: idSchema,
    meetingId: idSchema,
    agendaItemId: idSchema,
    parentId: idSchema.nullable(),
    body: z.string().trim().min(1).max(MAX_COMMENT_LENGTH),
  }),
  'comment.edit': z.strictObject({ id: idSchema, body: z.string().trim().min(1).max(MAX_COMMENT_LENGTH) }),
  'comment.delete': z.strictObject({ id: idSchema }),
  'position.set': z.strictObject({
    meetingId: idSchema,
    agendaItemId: idSchema,
    stance: stanceSchema,
    note: z.string().max(2000),
  }),
  'vote.cast': z.strictObject({ voteId: idSchema, choice: voteChoiceSchema }),
} as const;

export type MutationKind = keyof typeof mutationArgs;
export const MUTATION_KINDS = Object.keys(mutationArgs) as MutationKind[];
export type MutationArgs<K extends MutationKind> = z.output<(typeof mutationArgs)[K]>;

/** A queued mutation as it travels. `mutationId` increases by exactly 1 per client. */
export const mutationEnvelopeSchema = z.strictObject({
  mutationId: z.number().int().min(1),
  kind: z.string().min(1).max(64),
  /** Parsed against `mutationArgs[kind]` by the receiver; unknown until then. */
  args: z.unknown(),
  /** Device clock at the time of the change, epoch ms. Shown, never trusted for rules. */
  clientTime: z.number().int().min(0),
});
export type MutationEnvelope = z.infer<typeof mutationEnvelopeSchema>;

export function isMutationKind(value: string): value is MutationKind {
  return Object.hasOwn(mutationArgs, value);
}
