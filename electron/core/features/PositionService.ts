import type { Stance } from '../../../shared/domain/position.ts';
import type { User } from '../../../shared/domain/user.ts';
import type { ItemPositionView, MeetingPositions } from '../../../shared/domain/views.ts';
import { IpcError } from '../../../shared/ipc/errors.ts';
import { consentList, tallyPositions } from '../../../shared/rules/consent.ts';
import { FeatureContext, notFound } from './FeatureContext.ts';

/** Participant roles expected to give a position on each item (the others may, but are not
 * counted as "no answer"). */
const RESPONDENT_ROLES: ReadonlySet<string> = new Set(['chair', 'member', 'substitute']);

/**
 * Positions per agenda item before the meeting (workflow 2): no objection / wish to speak /
 * object. A member sees their own; the secretariat (and admins) also the aggregate per item and
 * the consent list (shared/rules/consent.ts), computed from the positions on this device.
 */
export class PositionService {
  private readonly ctx: FeatureContext;

  constructor(ctx: FeatureContext) {
    this.ctx = ctx;
  }

  get(meetingId: string): MeetingPositions {
    const user = this.ctx.user();
    const meeting = this.ctx.reader.meeting(meetingId);
    if (!meeting) throw notFound('meeting');
    const items = this.ctx.reader.items(meetingId);
    const rows = this.ctx.activity.positionsOfMeeting(meetingId);
    const mine = new Map(
      rows.filter((r) => r.view.userId === user.id).map((r) => [r.view.agendaItemId, r]),
    );
    const refused = FeatureContext.latestBy(this.ctx.rejected(), (m) =>
      m.kind === 'position.set' && m.args.meetingId === meetingId ? m.args.agendaItemId : null,
    );
    const staff = isStaff(user);
    const tallies = staff
      ? tallyPositions(
          items.map((i) => i.id),
          rows.map((r) => r.view),
          this.ctx.reader
            .participants(meetingId)
            .filter((p) => RESPONDENT_ROLES.has(p.role))
            .map((p) => p.userId),
        )
      : null;
    const aggregates = new Map(tallies?.map((t) => [t.agendaItemId, t]));
    const views: ItemPositionView[] = items.map((item) => {
      const row = mine.get(item.id);
      const t = aggregates.get(item.id);
      return {
        agendaItemId: item.id,
        order: item.position,
        title: item.title,
        mine: row
          ? { stance: row.view.stance, note: row.view.note, updatedAt: row.view.updatedAt }
          : null,
        pending: row?.pending ?? false,
        rejection: refused.get(item.id)?.rejection ?? null,
        aggregate: t
          ? {
              noObjection: t.noObjection,
              wishToSpeak: t.wishToSpeak,
              object: t.object,
              noAnswer: t.noAnswer,
            }
          : null,
      };
    });
    return {
      meetingId,
      started: this.started(meeting.startsAt),
      items: views,
      consent: tallies ? consentList(tallies) : null,
    };
  }

  /** Refused with MEETING_STARTED once the meeting's start has passed by the server's clock
   * as last seen; the server decides for real. */
  set(input: { agendaItemId: string; stance: Stance; note: string }): MeetingPositions {
    const user = this.ctx.user();
    const item = this.ctx.reader.agendaItem(input.agendaItemId);
    const meeting = item ? this.ctx.reader.meeting(item.meetingId) : null;
    if (!item || !meeting) throw notFound('agenda item');
    this.ctx.requireOpenMeeting(meeting.id);
    if (this.started(meeting.startsAt))
      throw new IpcError('MEETING_STARTED', 'positions close when the meeting starts');
    const args = {
      meetingId: meeting.id,
      agendaItemId: item.id,
      stance: input.stance,
      note: input.note,
    };
    this.ctx.write(user, { kind: 'position.set', args }, meeting.id);
    return this.get(meeting.id);
  }

  private started(startsAt: string): boolean {
    return this.ctx.deps.serverNow() >= Date.parse(startsAt);
  }
}

function isStaff(user: User): boolean {
  return user.role === 'secretariat' || user.role === 'admin';
}
