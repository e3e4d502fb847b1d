import type { Attendance } from '../../../shared/domain/attendance.ts';
import type { AttendanceView } from '../../../shared/domain/attendanceView.ts';
import { IpcError } from '../../../shared/ipc/errors.ts';
import {
  attendanceSetResponseSchema,
  SECRETARIAT_EVENTS,
} from '../../../shared/protocol/secretariat.ts';
import { quorumStatus } from '../../../shared/rules/quorum.ts';
import { CABINET_RULES, RULE_SETS } from '../../../shared/rules/ruleSet.ts';
import type { FeatureContext } from './FeatureContext.ts';
import { notFound } from './FeatureContext.ts';
import { secretariatRequest, type SecretariatRequestDeps } from './secretariatRequest.ts';

export interface AttendanceServiceDeps extends SecretariatRequestDeps {
  ctx: FeatureContext;
  /** The roll call changed on the server: pull it now rather than wait for the hint. */
  onChanged: () => void;
  /** Rule set the quorum is judged by (shared/rules/ruleSet.ts); default the cabinet's. */
  ruleSetId?: string;
}

/**
 * Attendance and quorum of a meeting (workflow 3). The roll call comes from the server only
 * (the `attendance` entity, one record per meeting) and is read offline from the replica;
 * the quorum is computed here with shared/rules/quorum.ts over the meeting's participants as
 * this device has them. Taking the roll call (secretariat) is online only, like opening a vote:
 * `attendance:set` over the sync socket, and the server checks the role.
 */
export class AttendanceService {
  private readonly deps: AttendanceServiceDeps;

  constructor(deps: AttendanceServiceDeps) {
    this.deps = deps;
  }

  get(meetingId: string): AttendanceView {
    this.deps.ctx.user();
    const reader = this.deps.ctx.reader;
    if (!reader.meeting(meetingId)) throw notFound('meeting');
    return this.view(meetingId, reader.attendance(meetingId));
  }

  async set(input: { meetingId: string; present: readonly string[] }): Promise<AttendanceView> {
    this.deps.ctx.user();
    if (!this.deps.ctx.reader.meeting(input.meetingId)) throw notFound('meeting');
    const answer = await secretariatRequest(
      this.deps,
      SECRETARIAT_EVENTS.attendanceSet,
      { meetingId: input.meetingId, present: [...input.present] },
      attendanceSetResponseSchema,
    );
    if (answer.attendance.meetingId !== input.meetingId)
      throw new IpcError('INTERNAL', 'attendance:set answered for another meeting');
    this.deps.onChanged();
    // The server's answer, before the pull brings the same record to the replica.
    return this.view(input.meetingId, answer.attendance);
  }

  private view(meetingId: string, record: Attendance | null): AttendanceView {
    const reader = this.deps.ctx.reader;
    const rules = RULE_SETS[this.deps.ruleSetId ?? CABINET_RULES.id] ?? CABINET_RULES;
    const participants = reader.participants(meetingId);
    const present = new Set(record?.present ?? []);
    const quorum = quorumStatus(participants, [...present], rules);
    return {
      meetingId,
      recorded: record !== null,
      attendees: participants.map((p) => ({
        userId: p.userId,
        name: reader.user(p.userId)?.displayName ?? null,
        role: p.role,
        mayVote: p.mayVote,
        present: present.has(p.userId),
      })),
      quorum: { ...quorum, ...rules.quorum },
    };
  }
}
