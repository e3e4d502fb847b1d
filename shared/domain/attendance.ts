import { z } from 'zod';
import { idSchema } from './ids.ts';

/**
 * Who the secretariat recorded present at a meeting (the roll call), one record per meeting:
 * `id` is the meeting's id, and every upsert carries the whole list (a roll call replaces the
 * previous one). Quorum is judged on it (shared/rules/quorum.ts); a user listed here who is no
 * longer a participant does not count. An empty list means nobody is recorded present.
 */
export const attendanceSchema = z.strictObject({
  /** The meeting's id: one attendance record per meeting. */
  id: idSchema,
  meetingId: idSchema,
  /** User ids recorded present, sorted, without duplicates. */
  present: z.array(idSchema).max(10_000),
});
export type Attendance = z.infer<typeof attendanceSchema>;
