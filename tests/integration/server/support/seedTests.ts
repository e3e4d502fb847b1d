import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { readChangeHead } from '../../../../server/src/changes/appendChanges.ts';
import type { DemoData } from '../../../../server/seed/DemoData.ts';
import { seedDatabase } from '../../../../server/seed/seedDatabase.ts';
import { connectSession, http, pullAll, type Harness } from './harness.ts';
import { makePdf } from './pdfs.ts';

/** A tiny DemoData standing in for server/seed/demoData.ts (fresh ids per call). */
export function stubDemoData(): DemoData {
  const secretariat = randomUUID();
  const member = randomUUID();
  const meetingId = randomUUID();
  const itemId = randomUUID();
  const closedId = randomUUID();
  const tag = randomUUID().slice(0, 8);
  return {
    users: [
      {
        user: {
          id: secretariat,
          username: `vpcp-${tag}`,
          displayName: 'Văn phòng Chính phủ',
          title: 'Chuyên viên',
          unit: 'VPCP',
          role: 'secretariat',
        },
        password: 'demo-secretariat',
      },
      {
        user: {
          id: member,
          username: `btc-${tag}`,
          displayName: 'Bộ trưởng Bộ Tài chính',
          title: 'Bộ trưởng',
          unit: 'Bộ Tài chính',
          role: 'member',
        },
        password: 'demo-member',
      },
    ],
    meetings: [
      {
        meeting: {
          id: meetingId,
          title: 'Phiên họp Chính phủ thường kỳ tháng 11/2026',
          kind: 'regular',
          startsAt: '2026-11-30T01:00:00.000Z',
          endsAt: '2026-11-30T10:00:00.000Z',
          location: 'Trụ sở Chính phủ',
          chairId: null,
          status: 'published',
        },
        items: [
          {
            id: itemId,
            meetingId,
            position: 1,
            title: 'Tình hình kinh tế - xã hội',
            presenter: 'Bộ Kế hoạch và Đầu tư',
            startsAt: null,
            durationMinutes: 45,
            summary: '',
          },
        ],
        papers: [
          {
            document: {
              id: randomUUID(),
              meetingId,
              agendaItemId: itemId,
              title: 'Báo cáo',
              kind: 'report',
              position: 1,
              copyAllowed: true,
            },
            fileName: 'bao-cao.pdf',
            content: {
              issuer: 'CHÍNH PHỦ',
              number: 'Số: 1/BC-CP',
              placeDate: 'Hà Nội',
              kindHeading: 'BÁO CÁO',
              title: 'Báo cáo',
              sections: [],
              signature: { role: 'TM. CHÍNH PHỦ', name: 'X' },
            },
          },
        ],
        participants: [
          {
            id: `${meetingId}:${member}`,
            meetingId,
            userId: member,
            role: 'member',
            substituteFor: null,
            mayVote: true,
          },
        ],
      },
      {
        meeting: {
          id: closedId,
          title: 'Phiên họp Chính phủ thường kỳ tháng 10/2026',
          kind: 'regular',
          startsAt: '2026-10-30T01:00:00.000Z',
          endsAt: '2026-10-30T10:00:00.000Z',
          location: 'Trụ sở Chính phủ',
          chairId: member,
          status: 'closed',
        },
        items: [],
        papers: [],
        participants: [
          {
            id: `${closedId}:${member}`,
            meetingId: closedId,
            userId: member,
            role: 'chair',
            substituteFor: null,
            mayVote: true,
          },
        ],
      },
    ],
  };
}

export function seedTests(get: () => Harness): void {
  describe('seed', () => {
    it('seeds demo data idempotently, publishing the meetings to their participants', async () => {
      const h = get();
      const data = stubDemoData();
      let renders = 0;
      const render = async () => {
        renders += 1;
        return makePdf(2);
      };
      const first = await seedDatabase(h.server.context, data, render);
      expect(first).toMatchObject({ usersCreated: 2, meetingsCreated: 2, versionsCreated: 1 });
      const head = await readChangeHead(h.server.db);
      const second = await seedDatabase(h.server.context, data, render);
      expect(second).toMatchObject({ usersCreated: 0, meetingsCreated: 0, versionsCreated: 0 });
      expect(await readChangeHead(h.server.db)).toBe(head);
      expect(renders).toBe(1);

      const [, member] = data.users;
      if (member === undefined) throw new Error('stub has two users');
      const session = await h.login({ user: member.user, password: member.password });
      const socket = await connectSession(h.url, session);
      try {
        const { changes } = await pullAll(socket);
        const version = changes.find(
          (c) =>
            c.op === 'upsert' &&
            c.entity === 'documentVersion' &&
            c.data.meetingId === data.meetings[0]?.meeting.id,
        );
        if (
          version === undefined ||
          version.op !== 'upsert' ||
          version.entity !== 'documentVersion'
        )
          throw new Error('no version pulled');
        expect(version.data).toMatchObject({ fileName: 'bao-cao.pdf', pageCount: 2 });
        expect(
          (await http(h, 'GET', `/api/blobs/${version.data.sha256}`, { token: session.token }))
            .status,
        ).toBe(200);
        const closed = changes.filter(
          (c) =>
            c.op === 'upsert' &&
            c.entity === 'meeting' &&
            c.data.id === data.meetings[1]?.meeting.id,
        );
        expect(closed.at(-1)).toMatchObject({ data: { status: 'closed' } });
      } finally {
        socket.close();
      }
    });
  });
}
