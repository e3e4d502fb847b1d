import { and, asc, eq } from 'drizzle-orm';
import { annotationSnapshot } from '../annotations/annotationSnapshot.ts';
import { deleteChange, upsertChange, type PendingChange } from '../changes/pendingChange.ts';
import { voteBallots, comments, positions, votes } from '../db/memberSchema.ts';
import type { Database } from '../db/openDatabase.ts';
import { agendaItems, documents, documentVersions, meetings, participants } from '../db/schema.ts';
import { toBallot, toComment, toPosition, toVote } from '../db/toMemberDomain.ts';
import {
  toAgendaItem,
  toDocument,
  toDocumentVersion,
  toMeeting,
  toParticipant,
} from '../db/toDomain.ts';
import { attendanceRecord } from './attendanceRecord.ts';

/**
 * Everything a device needs of one meeting, as entries targeted to one user: appended when
 * that user gains access (meeting published, or added to a published meeting), because the
 * meeting's earlier entries may lie behind the device's cursor. Built from the transaction's
 * own view, after its writes, so it is the state being committed.
 *
 * The users directory is not repeated here: user entries are global (every logged-in user
 * sees them, always), so every device already has the meeting's people. The roll call
 * (attendance) comes with the participants. What members wrote
 * follows: every comment and vote of the meeting, and this user's own positions and ballots
 * (members do not see each other's).
 */
export async function meetingSnapshot(
  tx: Database,
  meetingId: string,
  userId: string,
): Promise<PendingChange[]> {
  const [meeting] = await tx.select().from(meetings).where(eq(meetings.id, meetingId));
  if (meeting === undefined) return [];
  const items = await tx
    .select()
    .from(agendaItems)
    .where(eq(agendaItems.meetingId, meetingId))
    .orderBy(asc(agendaItems.position));
  const docs = await tx
    .select()
    .from(documents)
    .where(eq(documents.meetingId, meetingId))
    .orderBy(asc(documents.position));
  const versions = await tx
    .select({ version: documentVersions })
    .from(documentVersions)
    .innerJoin(
      documents,
      and(
        eq(documents.id, documentVersions.documentId),
        eq(documents.currentVersion, documentVersions.version),
      ),
    )
    .where(eq(documentVersions.meetingId, meetingId));
  const people = await tx.select().from(participants).where(eq(participants.meetingId, meetingId));

  const out: PendingChange[] = [];
  out.push(upsertChange('meeting', toMeeting(meeting), meetingId, userId));
  for (const item of items)
    out.push(upsertChange('agendaItem', toAgendaItem(item), meetingId, userId));
  for (const doc of docs) {
    const wire = toDocument(doc);
    if (wire !== null) out.push(upsertChange('document', wire, meetingId, userId));
  }
  for (const { version } of versions)
    out.push(upsertChange('documentVersion', toDocumentVersion(version), meetingId, userId));
  for (const p of people)
    out.push(upsertChange('participant', toParticipant(p), meetingId, userId));
  // The roll call, once one was taken (no record: nobody recorded present, the same to a device).
  const roll = await attendanceRecord(tx, meetingId);
  if (roll.present.length > 0) out.push(upsertChange('attendance', roll, meetingId, userId));
  out.push(...(await writtenSnapshot(tx, meetingId, userId)));
  out.push(...(await annotationSnapshot(tx, meetingId, userId)));
  return out;
}

/** Comments and votes of the meeting, and `userId`'s own positions and ballots, targeted. */
async function writtenSnapshot(
  tx: Database,
  meetingId: string,
  userId: string,
): Promise<PendingChange[]> {
  const threads = await tx
    .select()
    .from(comments)
    .where(eq(comments.meetingId, meetingId))
    .orderBy(asc(comments.createdAt), asc(comments.id));
  const stances = await tx
    .select()
    .from(positions)
    .where(and(eq(positions.meetingId, meetingId), eq(positions.userId, userId)));
  const liveVotes = await tx
    .select()
    .from(votes)
    .where(eq(votes.meetingId, meetingId))
    .orderBy(asc(votes.openedAt), asc(votes.id));
  const mine = await tx
    .select()
    .from(voteBallots)
    .where(and(eq(voteBallots.meetingId, meetingId), eq(voteBallots.userId, userId)));
  return [
    ...threads.map((c) => upsertChange('comment', toComment(c), meetingId, userId)),
    ...stances.map((p) => upsertChange('position', toPosition(p), meetingId, userId)),
    ...liveVotes.map((v) => upsertChange('vote', toVote(v), meetingId, userId)),
    ...mine.map((b) => upsertChange('ballot', toBallot(b), meetingId, userId)),
  ];
}

/** Access withdrawn: the device erases the meeting and everything under it, cached files too. */
export function meetingTombstone(meetingId: string, userId: string): PendingChange {
  return deleteChange('meeting', meetingId, meetingId, userId);
}
