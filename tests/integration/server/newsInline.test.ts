import { randomUUID } from 'node:crypto';
import type { Socket as ClientSocket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_ROUTES, uploadVersionResponseSchema } from '../../../shared/protocol/admin.ts';
import { newsSchema, type News } from '../../../shared/protocol/socket.ts';
import { connectSession, http, pullAll, startHarness, type Harness } from './support/harness.ts';
import { uploadPdf } from './support/meetings.ts';
import { makePdf } from './support/pdfs.ts';
import { createWriteMeeting, mutation, openVoteOk, pushOk } from './support/writeFixture.ts';

// News with the committed entries inlined (server/src/socket/announceNews.ts), on PGlite,
// asserted on what actually travels on each socket.

/** Records every socket.io text packet a client socket receives, raw, and its parsed news. */
function record(socket: ClientSocket): { frames: string[]; news: unknown[] } {
  const frames: string[] = [];
  const news: unknown[] = [];
  socket.io.engine.on('packet', (packet: { type: string; data?: unknown }) => {
    if (packet.type === 'message' && typeof packet.data === 'string') frames.push(packet.data);
  });
  socket.on('news', (payload: unknown) => news.push(payload));
  return { frames, news };
}

/** Waits until `news` has one that parses and matches. */
async function newsWhere(list: unknown[], match: (news: News) => boolean): Promise<News> {
  const deadline = Date.now() + 5_000;
  for (;;) {
    for (const payload of list) {
      const parsed = newsSchema.safeParse(payload);
      if (parsed.success && match(parsed.data)) return parsed.data;
    }
    if (Date.now() > deadline) throw new Error(`no such news in ${JSON.stringify(list)}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

describe('news with inlined entries (PGlite)', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  }, 60_000);
  afterAll(async () => {
    await h.close();
  });

  it('an untargeted commit rides inside the news: prevSeq is the cursor of a device in sync', async () => {
    const m = await createWriteMeeting(h, { people: [{}] });
    const [member] = m.people;
    if (member === undefined) throw new Error('fixture');
    const memberSocket = await connectSession(h.url, member);
    const staffSocket = await connectSession(h.url, m.staff);
    try {
      const seen = record(memberSocket);
      const staffSeen = record(staffSocket);
      const start = await pullAll(memberSocket);
      // A first commit so this process's announcer has a chain to continue (the first commit
      // it sees after start is announced as a hint only).
      await openVoteOk(staffSocket, m.meetingId, m.itemIds[0] ?? '');
      const afterFirst = await pullAll(memberSocket, start.cursor);
      const vote = await openVoteOk(staffSocket, m.meetingId, m.itemIds[0] ?? '');
      const news = await newsWhere(seen.news, (n) => n.seq > afterFirst.cursor);
      expect(news.prevSeq).toBe(afterFirst.cursor);
      expect(news.changes).toEqual([
        expect.objectContaining({ op: 'upsert', entity: 'vote', data: vote }),
      ]);
      // Exactly what a pull from the same cursor gives.
      const pulled = await pullAll(memberSocket, afterFirst.cursor);
      expect(news.changes).toEqual(pulled.changes);
      expect(news.seq).toBe(pulled.cursor);
      // Staff get the same news.
      expect(await newsWhere(staffSeen.news, (n) => n.seq === news.seq)).toEqual(news);
    } finally {
      memberSocket.disconnect();
      staffSocket.disconnect();
    }
  });

  it('targeted and owned entries never travel to another member; shared ones do', async () => {
    const m = await createWriteMeeting(h, { people: [{}, {}], publish: false });
    const token = m.staff.token;
    const documentId = randomUUID();
    expect(
      (
        await http(h, 'POST', ADMIN_ROUTES.documents(m.meetingId), {
          token,
          json: {
            id: documentId,
            agendaItemId: m.itemIds[0],
            title: 'Tờ trình',
            kind: 'submission',
          },
        })
      ).status,
    ).toBe(201);
    const uploaded = await uploadPdf(h, token, documentId, await makePdf(1));
    expect(uploaded.status).toBe(201);
    const { sha256 } = uploadVersionResponseSchema.parse(uploaded.json).version;
    expect((await http(h, 'POST', ADMIN_ROUTES.publish(m.meetingId), { token })).status).toBe(200);

    const [alice, bob] = m.people;
    if (alice === undefined || bob === undefined) throw new Error('fixture');
    const aliceSocket = await connectSession(h.url, alice);
    const bobSocket = await connectSession(h.url, bob);
    const staffSocket = await connectSession(h.url, m.staff);
    try {
      const bobSeen = record(bobSocket);
      const staffSeen = record(staffSocket);
      await pullAll(bobSocket);
      const secret = (label: string): string => `${label}-${randomUUID()}`;
      const privateBody = secret('private');
      const staffOnlyBody = secret('for-secretariat');
      const positionNote = secret('position');
      const sharedBody = secret('shared');
      const annotation = (visibility: string, body: string) => ({
        id: randomUUID(),
        meetingId: m.meetingId,
        documentId,
        version: 1,
        sha256,
        pageIndex: 0,
        visibility,
        color: '#ffd400',
        body,
        shape: { kind: 'note', point: { x: 10, y: 10 } },
      });
      const clientId = randomUUID();
      // One push per entry: each its own commit, each announced on its own.
      const pushes = [
        mutation(1, 'annotation.create', annotation('private', privateBody)),
        mutation(2, 'annotation.create', annotation('secretariat', staffOnlyBody)),
        mutation(3, 'position.set', {
          meetingId: m.meetingId,
          agendaItemId: m.itemIds[0],
          stance: 'object',
          note: positionNote,
        }),
        mutation(4, 'annotation.create', annotation('participants', sharedBody)),
      ];
      for (const envelope of pushes) {
        const result = await pushOk(aliceSocket, clientId, [envelope]);
        expect(result.acks.map((a) => a.status)).toEqual(['applied']);
      }
      // The shared annotation reaches Bob inlined (so the recorder sees inlined news)…
      const shared = await newsWhere(bobSeen.news, (n) =>
        (n.changes ?? []).some((c) => c.op === 'upsert' && c.entity === 'annotation'),
      );
      expect(JSON.stringify(shared)).toContain(sharedBody);
      // …and news are sent in order, so every earlier one has arrived too: none carried the
      // private annotation, the secretariat-only one or Alice's position.
      const traffic = bobSeen.frames.join('\n');
      expect(traffic).toContain(sharedBody);
      for (const hidden of [privateBody, staffOnlyBody, positionNote])
        expect(traffic).not.toContain(hidden);
      // Staff may pull the secretariat-only annotation and the position, but they were
      // announced as hints, never inlined (owned entries are not for every room member).
      await newsWhere(staffSeen.news, (n) => n.seq === shared.seq);
      const staffTraffic = staffSeen.frames.join('\n');
      for (const hidden of [privateBody, staffOnlyBody, positionNote])
        expect(staffTraffic).not.toContain(hidden);
    } finally {
      aliceSocket.disconnect();
      bobSocket.disconnect();
      staffSocket.disconnect();
    }
  });

  it('a commit of more entries than a news may carry is announced as a hint', async () => {
    const m = await createWriteMeeting(h, { people: [{}] });
    const [member] = m.people;
    if (member === undefined) throw new Error('fixture');
    const socket = await connectSession(h.url, member);
    try {
      const seen = record(socket);
      const start = await pullAll(socket);
      const items = Array.from({ length: 30 }, (_, i) => ({
        id: randomUUID(),
        position: i + 1,
        title: `Nội dung ${i + 1}`,
      }));
      const res = await http(h, 'PUT', ADMIN_ROUTES.agenda(m.meetingId), {
        token: m.staff.token,
        json: { items },
      });
      expect(res.status).toBe(200);
      const news = await newsWhere(seen.news, (n) => n.seq > start.cursor);
      expect(news).toEqual({ seq: news.seq });
      const pulled = await pullAll(socket, start.cursor);
      expect(pulled.changes.length).toBeGreaterThan(20);
    } finally {
      socket.disconnect();
    }
  });
});
