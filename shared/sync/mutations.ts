import { z } from 'zod';
import {
  annotationColorSchema,
  annotationShapeSchema,
  annotationVisibilitySchema,
  MAX_ANNOTATION_BODY,
} from '../domain/annotation.ts';
import { idSchema, sha256Schema } from '../domain/ids.ts';
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
  /** Annotations on a paper (shared/domain/annotation.ts); comments on them: annotationComment.*. */
  'annotation.create': z.strictObject({
    id: idSchema,
    meetingId: idSchema,
    documentId: idSchema,
    version: z.number().int().min(1),
    sha256: sha256Schema,
    pageIndex: z.number().int().min(0).max(100_000),
    visibility: annotationVisibilitySchema,
    color: annotationColorSchema,
    body: z.string().max(MAX_ANNOTATION_BODY),
    shape: annotationShapeSchema,
  }),
  /** Only the author; `shape` must keep the annotation's kind (INVALID_ARGS otherwise). */
  'annotation.update': z.strictObject({
    id: idSchema,
    patch: z.strictObject({
      color: annotationColorSchema.optional(),
      visibility: annotationVisibilitySchema.optional(),
      body: z.string().max(MAX_ANNOTATION_BODY).optional(),
      shape: annotationShapeSchema.optional(),
    }),
  }),
  'annotation.delete': z.strictObject({ id: idSchema }),
  /**
   * A signed written opinion (workflow 4): the exact payload bytes and the detached CMS, both
   * base64. The server verifies and stores it as verified or rejected (OPINION_REJECTED with
   * the verify code first in the message); nothing in it is trusted before verification.
   */
  'opinion.submit': z.strictObject({
    opinionId: idSchema,
    ballotId: idSchema,
    payloadBase64: z.string().min(1).max(700_000).regex(/^[A-Za-z0-9+/]*={0,2}$/),
    signatureBase64: z.string().min(1).max(90_000).regex(/^[A-Za-z0-9+/]*={0,2}$/),
  }),
  /**
   * A comment on an annotation, or a reply (`parentId`: a comment of the same annotation).
   * Whoever can see the annotation may comment on it; the comment reaches exactly the
   * annotation's audience (shared/domain/annotationComment.ts).
   */
  'annotationComment.create': z.strictObject({
    id: idSchema,
    annotationId: idSchema,
    parentId: idSchema.nullable(),
    body: z.string().trim().min(1).max(MAX_COMMENT_LENGTH),
  }),
  /** Only the author (NOT_AUTHOR); a deleted comment is NOT_FOUND. */
  'annotationComment.edit': z.strictObject({
    id: idSchema,
    body: z.string().trim().min(1).max(MAX_COMMENT_LENGTH),
  }),
  /** Only the author; the comment keeps its place with an empty body. Again: no change. */
  'annotationComment.delete': z.strictObject({ id: idSchema }),
  /**
   * The author's own text annotation carried onto a newer version of its paper (re-anchored by
   * its quote): the new version, its file, page, rectangles and quote. Only the author; the
   * kind stays. A placement on a version not newer than the annotation's changes nothing (a
   * second device of the author re-anchoring too), so it takes effect once.
   */
  'annotation.reanchor': z.strictObject({
    id: idSchema,
    version: z.number().int().min(1),
    sha256: sha256Schema,
    pageIndex: z.number().int().min(0).max(100_000),
    shape: annotationShapeSchema,
  }),
  /**
   * The author undoes the deletion of their annotation: it lives again under its own id, with
   * `body` (a delete empties it), and its comments return to its audience. Only the author; a
   * live annotation changes nothing (the author's other device restored it first).
   */
  'annotation.restore': z.strictObject({
    id: idSchema,
    body: z.string().max(MAX_ANNOTATION_BODY),
  }),
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
