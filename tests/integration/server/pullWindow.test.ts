import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_ROUTES } from '../../../shared/protocol/admin.ts';
import {
  connectSession,
  http,
  pull,
  pullAll,
  startHarness,
  type Harness,
} from './support/harness.ts';
import { createMeetingWithPaper } from './support/meetings.ts';

// A pull examines at most `pullScanWindow` entries, so one caller's pull costs the same however
// much of the log it may not see; the cursor still moves through the invisible stretch.
describe('pull scan window', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({ pullScanWindow: 5 });
  });
  afterAll(async () => {
    await h?.close();
  });

  it('advances the cursor by at most the window per pull, with hasMore until the head', async () => {
    const staff = await h.login(await h.createAccount('secretariat'));
    const member = await h.login(await h.createAccount('member'));
    const socket = await connectSession(h.url, member);
    try {
      const start = await pullAll(socket);
      const fixture = await createMeetingWithPaper(h, staff);
      for (let i = 0; i < 12; i += 1) {
        await http(h, 'PATCH', ADMIN_ROUTES.meeting(fixture.meetingId), {
          token: staff.token,
          json: { title: `Draft ${i}` },
        });
      }
      const first = await pull(socket, start.cursor, 1000);
      expect(first).toEqual({
        ok: true,
        value: { changes: [], cursor: start.cursor + 5, hasMore: true },
      });
      const rest = await pullAll(socket, start.cursor);
      expect(rest.changes).toEqual([]);
      expect(rest.pages).toBeGreaterThan(3);
      const staffSocket = await connectSession(h.url, staff);
      try {
        const staffView = await pullAll(staffSocket, start.cursor, 1000);
        expect(staffView.cursor).toBe(rest.cursor);
        expect(staffView.changes.length).toBeGreaterThan(12);
      } finally {
        staffSocket.close();
      }
    } finally {
      socket.close();
    }
  });
});
