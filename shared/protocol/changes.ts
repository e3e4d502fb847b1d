import { z } from 'zod';
import { agendaItemSchema, documentSchema, documentVersionSchema, meetingSchema, participantSchema } from '../domain/meeting.ts';
import { userSchema } from '../domain/user.ts';
import { annotationRecordSchema } from '../domain/annotation.ts';
import { annotationCommentSchema } from '../domain/annotationComment.ts';
import { commentSchema } from '../domain/comment.ts';
import { positionSchema } from '../domain/position.ts';
import { ballotSchema, voteSchema } from '../domain/vote.ts';
import { opinionBallotSchema, opinionRecordSchema } from '../domain/opinionBallot.ts';
import { reminderSchema } from '../domain/reminder.ts';
import { attendanceSchema } from '../domain/attendance.ts';

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

/**
 * APPEND ONLY (a device that does not know an entity refuses the whole page as malformed).
 * The last four carry what members write (workflows 2 and 3): comments on an agenda item,
 * positions per item (a member sees their own; the secretariat sees everyone's), live votes
 * with their counts, and ballots (a member's counted choice; a member sees their own).
 */
export const ENTITIES = [
  'user',
  'meeting',
  'agendaItem',
  'document',
  'documentVersion',
  'participant',
  'comment',
  'position',
  'vote',
  'ballot',
  /** A member's annotation on a paper; reaches only those its visibility allows. */
  'annotation',
  /** A written-opinion ballot; reaches, among members, only those asked (staff see all). */
  'opinionBallot',
  /** A received signed opinion (verified or rejected); among members only its author's. */
  'opinion',
  /** Who is recorded present at a meeting (one record per meeting, id = meeting id); reaches
   * everyone who may see the meeting. Quorum is shown from it. */
  'attendance',
  /** A comment on an annotation; reaches exactly those its annotation reaches. */
  'annotationComment',
  /** An in-app reminder to answer a written-opinion ballot; reaches only the member reminded. */
  'reminder',
] as const;
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
  upsert('comment', commentSchema),
  upsert('position', positionSchema),
  upsert('vote', voteSchema),
  upsert('ballot', ballotSchema),
  upsert('annotation', annotationRecordSchema),
  upsert('opinionBallot', opinionBallotSchema),
  upsert('opinion', opinionRecordSchema),
  upsert('attendance', attendanceSchema),
  upsert('annotationComment', annotationCommentSchema),
  upsert('reminder', reminderSchema),
  deleteChangeSchema,
]);
export type Change = z.infer<typeof changeSchema>;
