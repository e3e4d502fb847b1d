import { eq, inArray, sql } from 'drizzle-orm';
import { mutationArgs, type MutationArgs } from '../../../shared/sync/mutations.ts';
import { upsertChange } from '../changes/pendingChange.ts';
import { comments } from '../db/memberSchema.ts';
import { toComment, type CommentRow } from '../db/toMemberDomain.ts';
import type { GroupMember, GroupOutcome } from './MutationGroup.ts';
import { isMutationRejected, MutationRejected } from './MutationRejected.ts';
import type { MutationScope } from './MutationScope.ts';
import { parseArgs } from './parseArgs.ts';
import {
  requireNotClosed,
  requireOpenItemForParticipant,
  requireParticipant,
} from './participation.ts';

/**
 * Comments on an agenda item (workflow 2). Participants of a meeting they may see write them;
 * a comment belongs to its author: only the author edits or deletes it, and the author's last
 * change (in the order the server receives them) wins. Everyone who may see the meeting sees
 * every comment of it. A delete keeps the row and its place in the thread: empty body,
 * deletedAt set. Once the meeting is closed its comments are final: create, edit and delete
 * are MEETING_CLOSED (after the visibility and participant checks).
 */

/**
 * What creating a comment needs to know about other comments: the agenda item (lower case) of
 * the comment with that id, or undefined when there is none — from the database, or, for a
 * group, from rows read up front plus the group's earlier members.
 */
type AgendaItemOfComment = (id: string) => Promise<string | undefined> | string | undefined;

/** Every check of comment.create, in its order; writes nothing. */
async function checkCreate(
  s: MutationScope,
  args: MutationArgs<'comment.create'>,
  itemOf: AgendaItemOfComment,
): Promise<void> {
  await requireOpenItemForParticipant(s, args.meetingId, args.agendaItemId);
  if (args.parentId !== null) {
    const parentItem = await itemOf(args.parentId);
    if (parentItem === undefined || parentItem !== args.agendaItemId.toLowerCase())
      throw new MutationRejected('NOT_FOUND', 'no such comment to reply to on this item');
  }
  if ((await itemOf(args.id)) !== undefined)
    throw new MutationRejected('INVALID_ARGS', 'this comment id is taken');
}

function commentValues(s: MutationScope, args: MutationArgs<'comment.create'>) {
  return {
    id: args.id,
    meetingId: args.meetingId,
    agendaItemId: args.agendaItemId,
    parentId: args.parentId,
    authorId: s.principal.userId,
    body: args.body,
    createdAt: s.now,
  };
}

export async function createComment(
  s: MutationScope,
  args: MutationArgs<'comment.create'>,
): Promise<void> {
  await checkCreate(s, args, async (id) => {
    const [found] = await s.tx
      .select({ agendaItemId: comments.agendaItemId })
      .from(comments)
      .where(eq(comments.id, id));
    return found?.agendaItemId;
  });
  const [row] = await s.tx.insert(comments).values(commentValues(s, args)).returning();
  if (row === undefined) throw new Error('comment insert returned nothing');
  s.change(upsertChange('comment', toComment(row), row.meetingId));
}

/** Ids per lookup query and rows per INSERT (7 parameters each). */
const GROUP_STATEMENT_ROWS = 1000;

/**
 * A run of consecutive comment.create (MutationGroup.ts): the same checks and outcomes as
 * createComment one by one, in a few statements — one read of every comment the group names
 * (its ids and parents), the checks in order against those rows plus the group's earlier
 * members (a reply to a comment created earlier in the group; an id taken by an earlier
 * member), then one multi-row INSERT of the accepted ones. A refused member writes nothing.
 */
export async function createComments(
  s: MutationScope,
  members: readonly GroupMember[],
): Promise<GroupOutcome[]> {
  const outcomes: GroupOutcome[] = [];
  const parsed: { index: number; args: MutationArgs<'comment.create'> }[] = [];
  members.forEach((member, index) => {
    try {
      parsed.push({ index, args: parseArgs(mutationArgs['comment.create'], member.args) });
      outcomes.push('applied');
    } catch (error) {
      if (!isMutationRejected(error)) throw error;
      outcomes.push(error);
    }
  });

  // 1. Every comment the group names, as the database has it (ids in lower case).
  const named = new Set<string>();
  for (const { args } of parsed) {
    named.add(args.id.toLowerCase());
    if (args.parentId !== null) named.add(args.parentId.toLowerCase());
  }
  const itemOf = new Map<string, string>();
  const ids = [...named];
  for (let start = 0; start < ids.length; start += GROUP_STATEMENT_ROWS) {
    const rows = await s.tx
      .select({ id: comments.id, agendaItemId: comments.agendaItemId })
      .from(comments)
      .where(inArray(comments.id, ids.slice(start, start + GROUP_STATEMENT_ROWS)));
    for (const row of rows) itemOf.set(row.id.toLowerCase(), row.agendaItemId.toLowerCase());
  }

  // 2. The checks, in order; an accepted member is visible to the ones after it.
  const accepted: { index: number; args: MutationArgs<'comment.create'> }[] = [];
  for (const entry of parsed) {
    const scope = members[entry.index]!.scope;
    try {
      await checkCreate(scope, entry.args, (id) => itemOf.get(id.toLowerCase()));
    } catch (error) {
      if (!isMutationRejected(error)) throw error;
      outcomes[entry.index] = error;
      continue;
    }
    itemOf.set(entry.args.id.toLowerCase(), entry.args.agendaItemId.toLowerCase());
    accepted.push(entry);
  }

  // 3. One INSERT per GROUP_STATEMENT_ROWS accepted members (the rows as one jsonb parameter);
  // each member's entry is the row as stored (ids in lower case, like the database returns).
  for (let start = 0; start < accepted.length; start += GROUP_STATEMENT_ROWS) {
    const slice = accepted.slice(start, start + GROUP_STATEMENT_ROWS);
    const rows: CommentRow[] = slice.map(({ index, args }) => {
      const values = commentValues(members[index]!.scope, args);
      return {
        ...values,
        id: values.id.toLowerCase(),
        meetingId: values.meetingId.toLowerCase(),
        agendaItemId: values.agendaItemId.toLowerCase(),
        parentId: values.parentId?.toLowerCase() ?? null,
        authorId: values.authorId.toLowerCase(),
        editedAt: null,
        deletedAt: null,
      };
    });
    const json = JSON.stringify(
      rows.map((r) => ({
        id: r.id,
        meeting_id: r.meetingId,
        agenda_item_id: r.agendaItemId,
        parent_id: r.parentId,
        author_id: r.authorId,
        body: r.body,
      })),
    );
    await s.tx.execute(sql`
      INSERT INTO comments (id, meeting_id, agenda_item_id, parent_id, author_id, body, created_at)
      SELECT id, meeting_id, agenda_item_id, parent_id, author_id, body, ${s.now.toISOString()}::timestamptz
      FROM jsonb_to_recordset(${json}::jsonb) AS r(
        id uuid, meeting_id uuid, agenda_item_id uuid, parent_id uuid, author_id uuid, body text)`);
    slice.forEach(({ index }, i) => {
      const row = rows[i]!;
      members[index]!.scope.change(upsertChange('comment', toComment(row), row.meetingId));
    });
  }
  return outcomes;
}

/**
 * The comment, locked, if the caller may see its meeting and takes part in it; NOT_FOUND for
 * an unknown comment and for one in a meeting the caller may not see (the same answer);
 * MEETING_CLOSED when its meeting is closed.
 */
async function lockOwnComment(s: MutationScope, id: string): Promise<CommentRow> {
  const [row] = await s.tx.select().from(comments).where(eq(comments.id, id)).for('update');
  if (row === undefined) throw new MutationRejected('NOT_FOUND', 'no such comment');
  const { meeting } = await requireParticipant(
    s.tx,
    s.principal,
    row.meetingId,
    'comment',
    s.cache,
  );
  requireNotClosed(meeting);
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
