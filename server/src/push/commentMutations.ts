import { eq } from 'drizzle-orm';
import type { MutationArgs } from '../../../shared/sync/mutations.ts';
import { upsertChange } from '../changes/pendingChange.ts';
import { comments } from '../db/memberSchema.ts';
import { toComment, type CommentRow } from '../db/toMemberDomain.ts';
import { MutationRejected } from './MutationRejected.ts';
import type { MutationScope } from './MutationScope.ts';
import { requireAgendaItem, requireParticipant } from './participation.ts';

/**
 * Comments on an agenda item (workflow 2). Participants of a meeting they may see write them;
 * a comment belongs to its author: only the author edits or deletes it, and the author's last
 * change (in the order the server receives them) wins. Everyone who may see the meeting sees
 * every comment of it. A delete keeps the row and its place in the thread: empty body,
 * deletedAt set.
 */

export async function createComment(
  s: MutationScope,
  args: MutationArgs<'comment.create'>,
): Promise<void> {
  await requireParticipant(s.tx, s.principal, args.meetingId);
  await requireAgendaItem(s.tx, args.meetingId, args.agendaItemId);
  if (args.parentId !== null) {
    const [parent] = await s.tx.select().from(comments).where(eq(comments.id, args.parentId));
    if (parent === undefined || parent.agendaItemId !== args.agendaItemId.toLowerCase())
      throw new MutationRejected('NOT_FOUND', 'no such comment to reply to on this item');
  }
  const [taken] = await s.tx
    .select({ id: comments.id })
    .from(comments)
    .where(eq(comments.id, args.id));
  if (taken !== undefined) throw new MutationRejected('INVALID_ARGS', 'this comment id is taken');
  const [row] = await s.tx
    .insert(comments)
    .values({
      id: args.id,
      meetingId: args.meetingId,
      agendaItemId: args.agendaItemId,
      parentId: args.parentId,
      authorId: s.principal.userId,
      body: args.body,
      createdAt: s.now,
    })
    .returning();
  if (row === undefined) throw new Error('comment insert returned nothing');
  s.change(upsertChange('comment', toComment(row), row.meetingId));
}

/**
 * The comment, locked, if the caller may see its meeting and takes part in it; NOT_FOUND for
 * an unknown comment and for one in a meeting the caller may not see (the same answer).
 */
async function lockOwnComment(s: MutationScope, id: string): Promise<CommentRow> {
  const [row] = await s.tx.select().from(comments).where(eq(comments.id, id)).for('update');
  if (row === undefined) throw new MutationRejected('NOT_FOUND', 'no such comment');
  await requireParticipant(s.tx, s.principal, row.meetingId, 'comment');
  return row;
}

export async function editComment(
  s: MutationScope,
  args: MutationArgs<'comment.edit'>,
): Promise<void> {
  const row = await lockOwnComment(s, args.id);
  if (row.deletedAt !== null) throw new MutationRejected('NOT_FOUND', 'this comment was deleted');
  if (row.authorId !== s.principal.userId)
    throw new MutationRejected('NOT_AUTHOR', 'only the author edits a comment');
  const [saved] = await s.tx
    .update(comments)
    .set({ body: args.body, editedAt: s.now })
    .where(eq(comments.id, row.id))
    .returning();
  if (saved === undefined) throw new Error('comment update returned nothing');
  s.change(upsertChange('comment', toComment(saved), saved.meetingId));
}

/** Deleting a deleted comment again (e.g. from the author's second device) changes nothing. */
export async function deleteComment(
  s: MutationScope,
  args: MutationArgs<'comment.delete'>,
): Promise<void> {
  const row = await lockOwnComment(s, args.id);
  if (row.authorId !== s.principal.userId)
    throw new MutationRejected('NOT_AUTHOR', 'only the author deletes a comment');
  if (row.deletedAt !== null) return;
  const [saved] = await s.tx
    .update(comments)
    .set({ body: '', deletedAt: s.now })
    .where(eq(comments.id, row.id))
    .returning();
  if (saved === undefined) throw new Error('comment update returned nothing');
  s.change(upsertChange('comment', toComment(saved), saved.meetingId));
}
