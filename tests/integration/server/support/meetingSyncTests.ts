import { describe, expect, it } from 'vitest';
import { ADMIN_ROUTES } from '../../../../shared/protocol/admin.ts';
import type { Change } from '../../../../shared/protocol/changes.ts';
import { changeSchema } from '../../../../shared/protocol/changes.ts';
import { connectSession, errorOf, http, nextNews, pullAll, type Harness } from './harness.ts';
import { changeStatus, createMeetingWithPaper, setParticipants, uploadPdf } from './meetings.ts';
import { makePdf } from './pdfs.ts';

/** The entries about one meeting (deletes carry only an id: pass the ids of its items too). */
const ofMeeting = (changes: Change[], meetingId: string, itemIds: string[] = []): Change[] =>
  changes.filter((c) => {
    if (c.op === 'delete')
      return c.id === meetingId || c.id.startsWith(`${meetingId}:`) || itemIds.includes(c.id);
    return 'meetingId' in c.data ? c.data.meetingId === meetingId : c.data.id === meetingId;
  });

const entities = (changes: Change[]): string[] =>
  [...new Set(changes.filter((c) => c.op === 'upsert').map((c) => c.entity))].sort();

export function meetingSyncTests(get: () => Harness): void {
  describe('meetings and the change log', () => {
    it('a member sees nothing of a draft; publishing sends a snapshot and a news hint', async () => {
      const h = get();
      const staff = await h.login(await h.createAccount('secretariat'));
      const member = await h.createAccount('member');
      const outsider = await h.createAccount('member');
      const memberSocket = await connectSession(h.url, await h.login(member));
      const outsiderSocket = await connectSession(h.url, await h.login(outsider));
      const staffSocket = await connectSession(h.url, staff);
      try {
        const start = await pullAll(memberSocket);
        const fixture = await createMeetingWithPaper(h, staff, {
          participants: [{ userId: member.user.id }, { userId: outsider.user.id, role: 'guest' }],
        });
        // Outsider is a participant too but we take them out before publishing.
        await setParticipants(h, staff, fixture.meetingId, [{ userId: member.user.id }]);

        const draft = await pullAll(memberSocket, start.cursor);
        expect(ofMeeting(draft.changes, fixture.meetingId)).toEqual([]);
        const staffView = await pullAll(staffSocket);
        expect(entities(ofMeeting(staffView.changes, fixture.meetingId))).toEqual([
          'agendaItem',
          'document',
          'documentVersion',
          'meeting',
          'participant',
        ]);

        const news = nextNews(memberSocket, draft.cursor + 1);
        await changeStatus(h, staff, fixture.meetingId, 'publish');
        await news;
        const published = await pullAll(memberSocket, draft.cursor);
        const mine = ofMeeting(published.changes, fixture.meetingId);
        expect(entities(mine)).toEqual([
          'agendaItem',
          'document',
          'documentVersion',
          'meeting',
          'participant',
        ]);
        const meeting = mine.find((c) => c.op === 'upsert' && c.entity === 'meeting');
        expect(meeting).toMatchObject({ data: { status: 'published' } });
        const version = mine.find((c) => c.op === 'upsert' && c.entity === 'documentVersion');
        expect(version).toMatchObject({
          data: { sha256: fixture.upload.version.sha256, pageCount: 2 },
        });
        // People come from the users directory, which everyone logged in sees from the start.
        expect(
          start.changes.some(
            (c) => c.op === 'upsert' && c.entity === 'user' && c.data.id === outsider.user.id,
          ),
        ).toBe(true);
        for (const change of published.changes) changeSchema.parse(change);

        const outsiderView = await pullAll(outsiderSocket);
        expect(ofMeeting(outsiderView.changes, fixture.meetingId)).toEqual([]);
      } finally {
        memberSocket.close();
        outsiderSocket.close();
        staffSocket.close();
      }
    });

    it('changes to a published meeting reach its participants as news and in the pull', async () => {
      const h = get();
      const staff = await h.login(await h.createAccount('secretariat'));
      const member = await h.createAccount('member');
      const fixture = await createMeetingWithPaper(h, staff, {
        participants: [{ userId: member.user.id }],
        publish: true,
      });
      const socket = await connectSession(h.url, await h.login(member));
      try {
        const before = await pullAll(socket);
        const news = nextNews(socket, before.cursor + 1);
        const res = await http(h, 'PATCH', ADMIN_ROUTES.meeting(fixture.meetingId), {
          token: staff.token,
          json: { location: 'Phòng họp số 1' },
        });
        expect(res.status).toBe(200);
        await news;
        const after = await pullAll(socket, before.cursor);
        expect(after.changes).toHaveLength(1);
        expect(after.changes[0]).toMatchObject({
          op: 'upsert',
          entity: 'meeting',
          data: { location: 'Phòng họp số 1' },
        });

        // A new version: the document (now pointing at version 2), then the version.
        const uploaded = await uploadPdf(
          h,
          staff.token,
          fixture.documentId,
          await makePdf(3),
          'v2.pdf',
        );
        expect(uploaded.status).toBe(201);
        const v2 = await pullAll(socket, after.cursor);
        expect(v2.changes.map((c) => c.entity)).toEqual(['document', 'documentVersion']);
        expect(v2.changes[0]).toMatchObject({ data: { currentVersion: 2 } });
        expect(v2.changes[1]).toMatchObject({
          data: { version: 2, pageCount: 3, fileName: 'v2.pdf' },
        });
      } finally {
        socket.close();
      }
    });

    it('removing a participant sends them a tombstone and ends their blob access', async () => {
      const h = get();
      const staff = await h.login(await h.createAccount('secretariat'));
      const leaving = await h.createAccount('member');
      const staying = await h.createAccount('member');
      const fixture = await createMeetingWithPaper(h, staff, {
        participants: [{ userId: leaving.user.id }, { userId: staying.user.id }],
        publish: true,
      });
      const leavingSession = await h.login(leaving);
      const stayingSession = await h.login(staying);
      const socket = await connectSession(h.url, leavingSession);
      const blob = `/api/blobs/${fixture.upload.version.sha256}`;
      try {
        expect((await http(h, 'GET', blob, { token: leavingSession.token })).status).toBe(200);
        const before = await pullAll(socket);
        const news = nextNews(socket, before.cursor + 1);
        await setParticipants(h, staff, fixture.meetingId, [{ userId: staying.user.id }]);
        await news;
        const after = await pullAll(socket, before.cursor);
        expect(after.changes).toEqual([
          {
            seq: expect.any(Number) as number,
            op: 'delete',
            entity: 'meeting',
            id: fixture.meetingId,
          },
        ]);

        const denied = await http(h, 'GET', blob, { token: leavingSession.token });
        expect(denied.status).toBe(404);
        expect(errorOf(denied).code).toBe('NOT_FOUND');
        expect((await http(h, 'GET', blob, { token: stayingSession.token })).status).toBe(200);

        // From scratch, the removed member gets no upsert of the meeting, only the tombstone.
        const fresh = await pullAll(socket, 0, 7);
        const theirs = ofMeeting(fresh.changes, fixture.meetingId);
        expect(theirs).toEqual([
          {
            seq: expect.any(Number) as number,
            op: 'delete',
            entity: 'meeting',
            id: fixture.meetingId,
          },
        ]);
        expect(fresh.cursor).toBe(after.cursor);
      } finally {
        socket.close();
      }
    });

    it('unpublishing sends tombstones to every member; re-publishing sends fresh snapshots', async () => {
      const h = get();
      const staff = await h.login(await h.createAccount('secretariat'));
      const a = await h.createAccount('member');
      const b = await h.createAccount('member');
      const fixture = await createMeetingWithPaper(h, staff, {
        participants: [{ userId: a.user.id }, { userId: b.user.id }],
        publish: true,
      });
      const socketA = await connectSession(h.url, await h.login(a));
      const socketB = await connectSession(h.url, await h.login(b));
      try {
        const startA = await pullAll(socketA);
        const startB = await pullAll(socketB);
        await changeStatus(h, staff, fixture.meetingId, 'unpublish');
        for (const [socket, start] of [
          [socketA, startA],
          [socketB, startB],
        ] as const) {
          const after = await pullAll(socket, start.cursor);
          expect(after.changes).toEqual([
            {
              seq: expect.any(Number) as number,
              op: 'delete',
              entity: 'meeting',
              id: fixture.meetingId,
            },
          ]);
        }
        const cursorA = (await pullAll(socketA, startA.cursor)).cursor;
        await changeStatus(h, staff, fixture.meetingId, 'publish');
        const again = await pullAll(socketA, cursorA);
        expect(entities(ofMeeting(again.changes, fixture.meetingId))).toEqual([
          'agendaItem',
          'document',
          'documentVersion',
          'meeting',
          'participant',
        ]);
        // Publishing twice is a no-op: no new entries.
        await changeStatus(h, staff, fixture.meetingId, 'publish');
        expect((await pullAll(socketA, again.cursor)).changes).toEqual([]);
      } finally {
        socketA.close();
        socketB.close();
      }
    });

    it('updating and deleting a paper reaches the participants, and the blob of a deleted paper is gone', async () => {
      const h = get();
      const staff = await h.login(await h.createAccount('secretariat'));
      const account = await h.createAccount('member');
      const member = await h.login(account);
      const fixture = await createMeetingWithPaper(h, staff, {
        participants: [{ userId: account.user.id }],
        publish: true,
      });
      const socket = await connectSession(h.url, member);
      try {
        const start = await pullAll(socket);
        const patched = await http(h, 'PATCH', ADMIN_ROUTES.document(fixture.documentId), {
          token: staff.token,
          json: { title: 'Tờ trình (sửa đổi)', agendaItemId: null },
        });
        expect(patched.status).toBe(200);
        const afterPatch = await pullAll(socket, start.cursor);
        expect(afterPatch.changes).toEqual([
          expect.objectContaining({
            entity: 'document',
            data: expect.objectContaining({
              title: 'Tờ trình (sửa đổi)',
              agendaItemId: null,
            }) as unknown,
          }),
        ]);

        expect(
          (
            await http(h, 'DELETE', ADMIN_ROUTES.document(fixture.documentId), {
              token: staff.token,
            })
          ).status,
        ).toBe(204);
        const afterDelete = await pullAll(socket, afterPatch.cursor);
        expect(
          afterDelete.changes.map((c) => (c.op === 'delete' ? `${c.entity}:${c.id}` : c.op)),
        ).toEqual([
          `documentVersion:${fixture.upload.version.id}`,
          `document:${fixture.documentId}`,
        ]);
        expect(
          (
            await http(h, 'GET', `/api/blobs/${fixture.upload.version.sha256}`, {
              token: member.token,
            })
          ).status,
        ).toBe(404);
        expect(
          errorOf(
            await http(h, 'DELETE', ADMIN_ROUTES.document(fixture.documentId), {
              token: staff.token,
            }),
          ).code,
        ).toBe('NOT_FOUND');
      } finally {
        socket.close();
      }
    });

    it('answers NOT_FOUND for a meeting that does not exist and INVALID_INPUT for a wrong transition', async () => {
      const h = get();
      const staff = await h.login(await h.createAccount('secretariat'));
      const missing = await http(
        h,
        'POST',
        ADMIN_ROUTES.publish('00000000-0000-4000-8000-000000000000'),
        { token: staff.token },
      );
      expect(errorOf(missing).code).toBe('NOT_FOUND');
      const fixture = await createMeetingWithPaper(h, staff);
      const close = await http(h, 'POST', ADMIN_ROUTES.close(fixture.meetingId), {
        token: staff.token,
      });
      expect(errorOf(close).code).toBe('INVALID_INPUT');
      const dup = await http(h, 'PUT', ADMIN_ROUTES.agenda(fixture.meetingId), {
        token: staff.token,
        json: {
          items: [
            { id: fixture.itemId, position: 1, title: 'a' },
            { id: fixture.itemId, position: 2, title: 'b' },
          ],
        },
      });
      expect(errorOf(dup).code).toBe('INVALID_INPUT');
    });

    it('setting the same agenda twice writes nothing the second time; deleting an item detaches its papers', async () => {
      const h = get();
      const staff = await h.login(await h.createAccount('secretariat'));
      const fixture = await createMeetingWithPaper(h, staff);
      const socket = await connectSession(h.url, staff);
      try {
        const start = await pullAll(socket);
        const agenda = {
          items: [
            {
              id: fixture.itemId,
              position: 1,
              title: 'Dự thảo Nghị định',
              presenter: 'Bộ Tư pháp',
              durationMinutes: 30,
            },
          ],
        };
        expect(
          (
            await http(h, 'PUT', ADMIN_ROUTES.agenda(fixture.meetingId), {
              token: staff.token,
              json: agenda,
            })
          ).status,
        ).toBe(200);
        expect(
          (await pullAll(socket, start.cursor)).changes.filter(
            (c) => ofMeeting([c], fixture.meetingId).length > 0,
          ),
        ).toEqual([]);

        expect(
          (
            await http(h, 'PUT', ADMIN_ROUTES.agenda(fixture.meetingId), {
              token: staff.token,
              json: { items: [] },
            })
          ).status,
        ).toBe(200);
        const after = ofMeeting((await pullAll(socket, start.cursor)).changes, fixture.meetingId, [
          fixture.itemId,
        ]);
        expect(after.map((c) => `${c.op}:${c.entity}`)).toEqual([
          'upsert:document',
          'delete:agendaItem',
        ]);
        expect(after[0]).toMatchObject({ data: { agendaItemId: null } });
      } finally {
        socket.close();
      }
    });
  });
}
