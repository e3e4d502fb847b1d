import { and, asc, eq, or } from 'drizzle-orm';
import { upsertChange, type PendingChange } from '../changes/pendingChange.ts';
import { annotations } from '../db/annotationSchema.ts';
import type { Database } from '../db/openDatabase.ts';
import { commentsOfAnnotations } from './annotationCommentRows.ts';
import { toAnnotation } from './annotationRows.ts';

/**
 * The annotations of a meeting that `userId` receives when they gain access to it (part of
 * meetingSnapshot): those shared with participants, and their own of any visibility.
 * Targeted to the user, followed by the comments on those still live. Staff read every
 * secretariat one (and its comments) through the log itself.
 */
export async function annotationSnapshot(
  tx: Database,
  meetingId: string,
  userId: string,
): Promise<PendingChange[]> {
  const rows = await tx
    .select()
    .from(annotations)
    .where(
      and(
        eq(annotations.meetingId, meetingId),
        or(eq(annotations.visibility, 'participants'), eq(annotations.authorId, userId)),
      ),
    )
    .orderBy(asc(annotations.createdAt), asc(annotations.id));
  const out = rows.map((row) => upsertChange('annotation', toAnnotation(row), meetingId, userId));
  // Then the comments of the live ones among them (visible exactly as their annotation is).
  const live = rows.filter((row) => row.deletedAt === null).map((row) => row.id);
  for (const comment of await commentsOfAnnotations(tx, live))
    out.push(upsertChange('annotationComment', comment, meetingId, userId));
  return out;
}
