import type { MutationArgs } from '../../../shared/sync/mutations.ts';
import { ownedUpsertChange } from '../changes/pendingChange.ts';
import { positions } from '../db/memberSchema.ts';
import { toPosition } from '../db/toMemberDomain.ts';
import { MutationRejected } from './MutationRejected.ts';
import type { MutationScope } from './MutationScope.ts';
import { requireOpenItemForParticipant } from './participation.ts';

/**
 * A participant's position on an agenda item before the meeting (workflow 2): one row per
 * (item, user), the latest received replaces the earlier one. Refused with MEETING_STARTED once
 * the SERVER's time has reached the meeting's start, whatever the device's clock said when the
 * member set it offline; MEETING_CLOSED (checked first) once the meeting is closed, whenever
 * it started. The entry is owned: among members only the author sees it on their
 * devices; staff see everyone's (for the aggregate and the consent list).
 */
export async function setPosition(
  s: MutationScope,
  args: MutationArgs<'position.set'>,
): Promise<void> {
  const meeting = await requireOpenItemForParticipant(s, args.meetingId, args.agendaItemId);
  if (s.now.getTime() >= meeting.startsAt.getTime())
    throw new MutationRejected(
      'MEETING_STARTED',
      'the meeting has started; positions are given before it',
    );
  const values = { stance: args.stance, note: args.note, updatedAt: s.now };
  const [row] = await s.tx
    .insert(positions)
    .values({
      agendaItemId: args.agendaItemId,
      userId: s.principal.userId,
      meetingId: args.meetingId,
      ...values,
    })
    .onConflictDoUpdate({ target: [positions.agendaItemId, positions.userId], set: values })
    .returning();
  if (row === undefined) throw new Error('position upsert returned nothing');
  s.change(ownedUpsertChange('position', toPosition(row), row.meetingId, row.userId));
}
