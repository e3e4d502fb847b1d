import type { MeetingDetail } from '../../../shared/domain/offline.ts';
import type { User } from '../../../shared/domain/user.ts';

/** Participant roles expected to give a position on each item (as the core counts them). */
const RESPONDENT_ROLES: ReadonlySet<string> = new Set(['chair', 'member', 'substitute']);

/**
 * Whether `user` is asked for a position on this meeting's items: a chair, member or substitute
 * on its participant list; when the list does not name them (not synced yet), any member.
 * Secretariat and guests are not asked (the server decides who may, in the end).
 */
export function takesPositions(detail: MeetingDetail, user: User): boolean {
  const entry = detail.participants.find((p) => p.participant.userId === user.id);
  if (entry) return RESPONDENT_ROLES.has(entry.participant.role);
  return user.role === 'member';
}
