import type { AttendanceView } from '../../shared/domain/attendanceView.ts';
import type { User } from '../../shared/domain/user.ts';
import type { Channel } from '../../shared/ipc/channels.ts';
import { quorumStatus } from '../../shared/rules/quorum.ts';
import { CABINET_RULES } from '../../shared/rules/ruleSet.ts';
import type { FakeWriteHost } from './fakeWriteCore.ts';

const ok = (value: unknown): unknown => ({ ok: true, value });
const fail = (code: string): unknown => ({ ok: false, error: { code, message: '' } });

/**
 * `attendance:get` / `attendance:set` of the fake core, as the contract says: the roll call per
 * meeting id in `rollCalls` (absent: none taken), the quorum by the cabinet's rules over the
 * meeting's participants; setting it is staff only, online only, refused in a closed meeting
 * (CONFLICT), and announced with `sync:applied` naming `attendance`.
 */
export function handleAttendance(
  host: FakeWriteHost,
  rollCalls: Record<string, string[]>,
  channel: Channel,
  input: unknown,
  user: User,
): unknown {
  if (channel !== 'attendance:get' && channel !== 'attendance:set') return undefined;
  const meetingId = (input as { meetingId?: unknown }).meetingId;
  const detail = host.meetings().find((m) => m.meeting.id === meetingId);
  if (!detail) return fail('NOT_FOUND');
  const view = (): AttendanceView => {
    const present = new Set(rollCalls[detail.meeting.id] ?? []);
    const participants = detail.participants.map((p) => p.participant);
    return {
      meetingId: detail.meeting.id,
      recorded: rollCalls[detail.meeting.id] !== undefined,
      attendees: detail.participants.map(({ participant, user: who }) => ({
        userId: participant.userId,
        name: who?.displayName ?? null,
        role: participant.role,
        mayVote: participant.mayVote,
        present: present.has(participant.userId),
      })),
      quorum: {
        ...quorumStatus(participants, [...present], CABINET_RULES),
        ...CABINET_RULES.quorum,
      },
    };
  };
  if (channel === 'attendance:get') return ok(view());
  if (user.role === 'member') return fail('FORBIDDEN');
  if (host.connection().state !== 'online') return fail('SERVER_UNREACHABLE');
  if (detail.meeting.status === 'closed') return fail('CONFLICT');
  const present = (input as { present?: unknown }).present;
  rollCalls[detail.meeting.id] = Array.isArray(present) ? present.map(String).sort() : [];
  host.emit('sync:applied', { entities: ['attendance'], cursor: 4 });
  return ok(view());
}
