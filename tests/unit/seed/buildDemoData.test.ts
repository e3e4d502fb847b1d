import { describe, expect, it } from 'vitest';
import {
  agendaItemSchema,
  documentSchema,
  meetingSchema,
  participantSchema,
} from '../../../shared/domain/meeting.ts';
import { userSchema } from '../../../shared/domain/user.ts';
import {
  createDocumentRequestSchema,
  createMeetingRequestSchema,
  createUserRequestSchema,
  setAgendaRequestSchema,
  setParticipantsRequestSchema,
} from '../../../shared/protocol/admin.ts';
import { buildDemoData, DEMO_PASSWORD } from '../../../server/seed/buildDemoData.ts';
import type { DemoData, DemoMeeting } from '../../../server/seed/DemoData.ts';
import { hanoiDay, previousMonth } from '../../../server/seed/demo/hanoiTime.ts';

const NOW = new Date('2026-10-29T03:00:00Z');
const STAMP = '2026-10-29T03:00:00.000Z';
const data = buildDemoData(NOW);

function meeting(d: DemoData, status: DemoMeeting['meeting']['status']): DemoMeeting {
  const m = d.meetings.find((x) => x.meeting.status === status);
  if (!m) throw new Error(`no ${status} meeting`);
  return m;
}

/** Every string anywhere in a value (for the NFC check). */
function strings(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(strings);
  if (value !== null && typeof value === 'object') return Object.values(value).flatMap(strings);
  return [];
}

describe('buildDemoData: shape', () => {
  it('passes the shared domain schemas', () => {
    for (const { user } of data.users) userSchema.parse(user);
    for (const m of data.meetings) {
      meetingSchema.parse({ ...m.meeting, updatedAt: STAMP });
      for (const item of m.items) agendaItemSchema.parse({ ...item, updatedAt: STAMP });
      for (const p of m.papers)
        documentSchema.parse({ ...p.document, updatedAt: STAMP, currentVersion: 1 });
      for (const p of m.participants) participantSchema.parse(p);
    }
  });

  it('passes the admin request schemas the seed writes through', () => {
    for (const { user, password } of data.users)
      createUserRequestSchema.parse({ ...user, password });
    for (const m of data.meetings) {
      const { id, title, kind, startsAt, endsAt, location, chairId } = m.meeting;
      createMeetingRequestSchema.parse({ id, title, kind, startsAt, endsAt, location, chairId });
      setAgendaRequestSchema.parse({ items: m.items.map(({ meetingId: _m, ...item }) => item) });
      for (const p of m.papers) {
        const { meetingId: _m, ...doc } = p.document;
        createDocumentRequestSchema.parse(doc);
      }
      setParticipantsRequestSchema.parse({
        participants: m.participants.map(({ userId, role, substituteFor, mayVote }) => ({
          userId,
          role,
          substituteFor,
          mayVote,
        })),
      });
    }
  });

  it('uses unique ids, usernames and participant rows', () => {
    const ids = [
      ...data.users.map((u) => u.user.id),
      ...data.meetings.flatMap((m) => [
        m.meeting.id,
        ...m.items.map((i) => i.id),
        ...m.papers.map((p) => p.document.id),
      ]),
    ];
    expect(new Set(ids).size).toBe(ids.length);
    const usernames = data.users.map((u) => u.user.username);
    expect(new Set(usernames).size).toBe(usernames.length);
    for (const name of usernames) expect(name).toMatch(/^[a-z0-9][a-z0-9._-]*$/);
    const rows = data.meetings.flatMap((m) => m.participants.map((p) => p.id));
    expect(new Set(rows).size).toBe(rows.length);
    for (const m of data.meetings)
      for (const p of m.participants) expect(p.id).toBe(`${p.meetingId}:${p.userId}`);
  });

  it('keeps ids fixed whatever `now` is, and is deterministic for a given `now`', () => {
    const other = buildDemoData(new Date('2027-03-14T20:00:00Z'));
    const idsOf = (d: DemoData) => [
      ...d.users.map((u) => u.user.id),
      ...d.meetings.flatMap((m) => [
        m.meeting.id,
        ...m.items.map((i) => i.id),
        ...m.papers.map((p) => p.document.id),
      ]),
    ];
    expect(idsOf(other)).toEqual(idsOf(data));
    expect(buildDemoData(NOW)).toEqual(data);
  });

  it('writes every text in NFC, so searching extracted text finds it', () => {
    for (const s of strings(data)) expect(s).toBe(s.normalize('NFC'));
  });
});

describe('buildDemoData: people', () => {
  it('has a Government of 20+ members, substitutes, a secretariat and an admin, all with the demo password', () => {
    const byRole = (role: string) => data.users.filter((u) => u.user.role === role);
    expect(byRole('member').length).toBeGreaterThanOrEqual(20);
    expect(byRole('secretariat').length).toBeGreaterThanOrEqual(1);
    expect(byRole('admin')).toHaveLength(1);
    for (const u of data.users) expect(u.password).toBe(DEMO_PASSWORD);
    const pm = data.users.find((u) => u.user.username === 'thutuong');
    expect(pm?.user.title).toBe('Thủ tướng Chính phủ');
    expect(
      data.users.some(
        (u) => u.user.title === 'Bộ trưởng Bộ Tài chính' && u.user.unit === 'Bộ Tài chính',
      ),
    ).toBe(true);
    expect(data.users.find((u) => u.user.role === 'secretariat')?.user.unit).toBe(
      'Văn phòng Chính phủ',
    );
  });

  it('invites all members and the secretariat to meeting 1, with non-voting substitutes', () => {
    const m1 = meeting(data, 'published');
    const voters = m1.participants.filter((p) => p.role === 'member' || p.role === 'chair');
    expect(voters.length).toBeGreaterThanOrEqual(20);
    const chair = m1.participants.filter((p) => p.role === 'chair');
    expect(chair).toHaveLength(1);
    expect(chair[0]?.userId).toBe(m1.meeting.chairId);
    const memberIds = new Set(
      data.users.filter((u) => u.user.role === 'member').map((u) => u.user.id),
    );
    const substitutes = m1.participants.filter((p) => p.role === 'substitute');
    expect(substitutes.length).toBeGreaterThanOrEqual(1);
    for (const s of substitutes) {
      expect(s.mayVote).toBe(false);
      expect(voters.some((v) => v.userId === s.substituteFor)).toBe(true);
    }
    for (const v of voters) expect(memberIds.has(v.userId)).toBe(true);
    expect(m1.participants.some((p) => p.role === 'secretariat')).toBe(true);
  });

  it('shows the draft meeting to the secretariat only', () => {
    const draft = meeting(data, 'draft');
    const secretariat = new Set(
      data.users.filter((u) => u.user.role === 'secretariat').map((u) => u.user.id),
    );
    expect(draft.participants.length).toBeGreaterThan(0);
    for (const p of draft.participants) expect(secretariat.has(p.userId)).toBe(true);
  });
});

describe('buildDemoData: meetings and papers', () => {
  it('plans meeting 1 as this month’s regular meeting with 6-10 items of 1-3 papers', () => {
    const m1 = meeting(data, 'published');
    const start = new Date(m1.meeting.startsAt);
    const day = hanoiDay(start);
    expect(m1.meeting.title).toBe(`Phiên họp Chính phủ thường kỳ tháng ${day.month}/${day.year}`);
    expect(m1.meeting.location).toBe('Trụ sở Chính phủ, số 1 Hoàng Hoa Thám, Ba Đình, Hà Nội');
    expect(m1.items.length).toBeGreaterThanOrEqual(6);
    expect(m1.items.length).toBeLessThanOrEqual(10);
    const kinds = new Set(m1.papers.map((p) => p.document.kind));
    expect([...kinds].sort()).toEqual(['draft', 'report', 'submission']);
  });

  it('orders items back to back inside the meeting, each with its papers', () => {
    for (const m of data.meetings) {
      expect(m.items.map((i) => i.position)).toEqual(m.items.map((_, i) => i + 1));
      let expected = Date.parse(m.meeting.startsAt);
      for (const item of m.items) {
        expect(item.meetingId).toBe(m.meeting.id);
        expect(Date.parse(item.startsAt ?? '')).toBe(expected);
        expected += item.durationMinutes * 60_000;
        expect(item.presenter).not.toBe('');
        expect(item.summary.length).toBeGreaterThan(40);
        const papers = m.papers.filter((p) => p.document.agendaItemId === item.id);
        expect(papers.length).toBeGreaterThanOrEqual(1);
        expect(papers.length).toBeLessThanOrEqual(3);
        expect(papers.map((p) => p.document.position)).toEqual(papers.map((_, i) => i + 1));
      }
      expect(Date.parse(m.meeting.endsAt)).toBeGreaterThanOrEqual(expected);
      const itemIds = new Set(m.items.map((i) => i.id));
      for (const p of m.papers) {
        expect(p.document.meetingId).toBe(m.meeting.id);
        expect(itemIds.has(p.document.agendaItemId ?? '')).toBe(true);
        expect(p.fileName).toMatch(/^[a-z0-9-]+\.pdf$/);
      }
      const names = m.papers.map((p) => p.fileName);
      expect(new Set(names).size).toBe(names.length);
    }
  });

  it('keeps meeting 1 upcoming and meeting 2 in the month before, whatever `now` is', () => {
    const nows = [
      NOW,
      new Date('2026-01-01T00:00:00Z'),
      new Date('2026-12-31T16:59:59Z'), // 23:59:59 Hanoi on 31 December
      new Date('2026-12-31T17:00:00Z'), // 00:00 Hanoi on 1 January
      new Date('2027-02-26T10:00:00Z'), // a Friday
      new Date('2028-02-29T12:00:00Z'),
      ...Array.from({ length: 12 }, (_, i) => new Date(Date.UTC(2027, i, 27, 9))),
    ];
    for (const now of nows) {
      const d = buildDemoData(now);
      const m1 = meeting(d, 'published').meeting;
      const m2 = meeting(d, 'closed').meeting;
      const m3 = meeting(d, 'draft').meeting;
      expect(Date.parse(m1.startsAt)).toBeGreaterThan(now.getTime());
      expect(Date.parse(m2.endsAt)).toBeLessThan(now.getTime());
      expect(Date.parse(m3.startsAt)).toBeGreaterThan(Date.parse(m1.endsAt));
      const day1 = hanoiDay(new Date(m1.startsAt));
      const day2 = hanoiDay(new Date(m2.startsAt));
      expect({ year: day2.year, month: day2.month }).toEqual(previousMonth(day1));
      for (const m of [m1, m2, m3])
        expect([1, 2, 3, 4, 5]).toContain(new Date(m.startsAt).getUTCDay());
    }
  });

  it('gives every paper a heading block, sections of several pages of text and a signature', () => {
    for (const m of data.meetings) {
      for (const p of m.papers) {
        const c = p.content;
        expect(c.issuer).not.toBe('');
        expect(c.number).toMatch(/^(Luật s|S)ố:/);
        expect(['TỜ TRÌNH', 'BÁO CÁO', 'NGHỊ ĐỊNH', 'NGHỊ QUYẾT', 'LUẬT']).toContain(c.kindHeading);
        expect(c.title.length).toBeGreaterThan(10);
        expect(c.sections.length).toBeGreaterThanOrEqual(2);
        const words = c.sections
          .flatMap((s) => s.paragraphs)
          .join(' ')
          .split(' ').length;
        expect(words).toBeGreaterThan(600); // syllables; the PDF test checks the page count
        expect(c.signature.role).not.toBe('');
        if (p.document.kind !== 'draft') {
          expect(c.placeDate).toMatch(/^Hà Nội, ngày \d{2} tháng \d{1,2} năm \d{4}$/);
          expect(c.signature.name).not.toBe('');
        }
      }
    }
  });

  it('numbers the articles of every draft 1, 2, 3 … in order, in chapters for decrees and laws', () => {
    const drafts = data.meetings
      .flatMap((m) => m.papers)
      .filter((p) => p.document.kind === 'draft');
    expect(drafts.length).toBeGreaterThanOrEqual(3);
    for (const p of drafts) {
      const paragraphs = p.content.sections.flatMap((s) => s.paragraphs);
      const numbers = paragraphs.flatMap((t) => /^Điều (\d+)\. \S/.exec(t)?.[1] ?? []).map(Number);
      expect(numbers.length).toBeGreaterThanOrEqual(4);
      expect(numbers).toEqual(numbers.map((_, i) => i + 1));
      if (p.content.kindHeading !== 'NGHỊ QUYẾT') {
        const chapters = p.content.sections.filter((s) => s.heading.startsWith('Chương '));
        expect(chapters[0]?.heading).toBe('Chương I\nQUY ĐỊNH CHUNG');
        expect(chapters.length).toBeGreaterThanOrEqual(3);
      }
    }
  });

  it('cites only articles a submission’s own draft has', () => {
    for (const m of data.meetings) {
      for (const item of m.items) {
        const papers = m.papers.filter((p) => p.document.agendaItemId === item.id);
        const draft = papers.find((p) => p.document.kind === 'draft');
        const submission = papers.find((p) => p.document.kind === 'submission');
        if (!draft || !submission) continue;
        const count = draft.content.sections
          .flatMap((s) => s.paragraphs)
          .filter((t) => /^Điều \d+\. /.test(t)).length;
        const cited = submission.content.sections
          .flatMap((s) => s.paragraphs)
          .flatMap((t) =>
            [...t.matchAll(/\(Điều (\d+)(?: và Điều (\d+))?\)/g)].flatMap((x) => [x[1], x[2]]),
          )
          .filter((x): x is string => x !== undefined)
          .map(Number);
        for (const n of cited) expect(n).toBeLessThanOrEqual(count);
      }
    }
  });
});
