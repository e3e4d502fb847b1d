import { z } from 'zod';
import { idSchema, isoInstantSchema } from './ids.ts';

/**
 * An in-app reminder to ONE member (workflow 4: "absent answers are chased with reminders"):
 * the secretariat asks a member who has not answered a written-opinion ballot yet to answer.
 * It reaches only that member's devices (a change-log entry targeted to them), carries what the
 * notice shows (the ballot's question and deadline, as they stood when it was sent) and links
 * to the ballot task. Dismissing it is local to the device; the server keeps the record.
 */
export const reminderSchema = z.strictObject({
  id: idSchema,
  kind: z.literal('opinionBallot'),
  /** The member reminded: the only user whose devices receive it. */
  memberId: idSchema,
  ballotId: idSchema,
  question: z.string().min(1).max(2000),
  deadline: isoInstantSchema,
  /** Server time of sending. */
  sentAt: isoInstantSchema,
});
export type Reminder = z.infer<typeof reminderSchema>;
