import { randomUUID } from 'node:crypto';
import { and, asc, eq, gt, isNull, sql } from '../../../../server/src/db/operators.ts';
import { describe, expect, it } from 'vitest';
import { ADMIN_ROUTES } from '../../../../shared/protocol/admin.ts';
import { verifyAuditChain } from '../../../../server/src/audit/auditLog.ts';
import { auditLog, changeLog, counters } from '../../../../server/src/db/schema.ts';
import { connectSession, http, pull, pullAll, type Harness } from './harness.ts';
import { createMeetingWithPaper } from './meetings.ts';

export function changeLogTests(get: () => Harness): void {
  describe('change log and audit log', () => {
    it('keeps seq gap-free under 50 concurrent writers, and a reader pulling meanwhile skips nothing', async () => {
      const h = get();
      const staff = await h.login(await h.createAccount('secretariat'));
      const a = await createMeetingWithPaper(h, staff);
      const b = await createMeetingWithPaper(h, staff);
      const socket = await connectSession(h.url, staff);
      try {
        const start = await pullAll(socket);
        // A reader pulling small pages in a loop while the writers commit.
        const received: number[] = [];
        let writing = true;
        const reader = (async () => {
          let cursor = start.cursor;
          for (;;) {
            const done = !writing;
            const page = await pullAll(socket, cursor, 7);
            received.push(...page.changes.map((c) => c.seq));
            cursor = page.cursor;
            if (done) return;
          }
        })();
        // Half create meetings (contending only on the seq counter), half update two meetings.
        const writes = Array.from({ length: 50 }, (_, i) =>
          i % 2 === 0
            ? http(h, 'PATCH', ADMIN_ROUTES.meeting(i % 4 === 0 ? a.meetingId : b.meetingId), {
                token: staff.token,
                json: { location: `Phòng ${i}` },
              })
            : http(h, 'POST', ADMIN_ROUTES.meetings, {
                token: staff.token,
                json: {
                  id: randomUUID(),
                  title: `Họp ${i}`,
                  kind: 'thematic',
                  startsAt: '2026-12-02T01:00:00Z',
                  endsAt: '2026-12-02T02:00:00Z',
                },
              }),
        );
        const results = await Promise.all(writes);
        writing = false;
        await reader;
        expect(results.map((r) => r.status).sort()).toEqual([
          ...Array.from({ length: 25 }, () => 200),
          ...Array.from({ length: 25 }, () => 201),
        ]);

        const db = h.server.db;
        const seqs = (
          await db.select({ seq: changeLog.seq }).from(changeLog).orderBy(asc(changeLog.seq))
        ).map((r) => r.seq);
        expect(seqs).toEqual(Array.from({ length: seqs.length }, (_, i) => i + 1));
        const [head] = await db.select().from(counters).where(eq(counters.name, 'change_seq'));
        expect(head?.value).toBe(seqs.length);

        // Everything untargeted committed after the start reached the reader, once, in order.
        const expected = (
          await db
            .select({ seq: changeLog.seq })
            .from(changeLog)
            .where(and(gt(changeLog.seq, start.cursor), isNull(changeLog.targetUserId)))
            .orderBy(asc(changeLog.seq))
        ).map((r) => r.seq);
        expect(expected.length).toBeGreaterThanOrEqual(50);
        expect(received).toEqual(expected);
      } finally {
        socket.close();
      }
    });

    it('pages with limit, cursor and hasMore, and lets invisible entries advance the cursor', async () => {
      const h = get();
      const staff = await h.login(await h.createAccount('secretariat'));
      const outsider = await h.login(await h.createAccount('member'));
      const staffSocket = await connectSession(h.url, staff);
      const outsiderSocket = await connectSession(h.url, outsider);
      try {
        const start = await pullAll(staffSocket);
        const outsiderStart = await pullAll(outsiderSocket);
        const fixture = await createMeetingWithPaper(h, staff);
        for (let i = 0; i < 6; i += 1) {
          await http(h, 'PATCH', ADMIN_ROUTES.meeting(fixture.meetingId), {
            token: staff.token,
            json: { title: `Draft ${i}` },
          });
        }
        const whole = await pullAll(staffSocket, start.cursor, 1000);
        expect(whole.pages).toBe(1);
        const paged = await pullAll(staffSocket, start.cursor, 3);
        expect(paged.changes).toEqual(whole.changes);
        expect(paged.cursor).toBe(whole.cursor);
        expect(paged.pages).toBe(Math.max(1, Math.ceil(whole.changes.length / 3)));

        const first = await pull(staffSocket, start.cursor, 3);
        if (!first.ok) throw new Error(first.error.code);
        expect(first.value.changes.map((c) => c.seq)).toEqual(
          whole.changes.slice(0, 3).map((c) => c.seq),
        );
        expect(first.value.cursor).toBe(whole.changes[2]?.seq);
        expect(first.value.hasMore).toBe(true);

        // Everything since is a draft the outsider may not see: one pull, nothing, cursor at the head.
        const invisible = await pull(outsiderSocket, outsiderStart.cursor, 1);
        expect(invisible).toEqual({
          ok: true,
          value: { changes: [], cursor: whole.cursor, hasMore: false },
        });

        // A cursor at or past the head: nothing, and the cursor is kept.
        expect(await pull(outsiderSocket, whole.cursor + 10, 5)).toEqual({
          ok: true,
          value: { changes: [], cursor: whole.cursor + 10, hasMore: false },
        });
      } finally {
        staffSocket.close();
        outsiderSocket.close();
      }
    });

    it('chains the audit log: it verifies, refuses edits, and detects an edited row', async () => {
      const h = get();
      const staff = await h.login(await h.createAccount('secretariat'));
      const fixture = await createMeetingWithPaper(h, staff);
      const db = h.server.db;
      const verified = await verifyAuditChain(db);
      expect(verified.ok).toBe(true);

      const [row] = await db
        .select()
        .from(auditLog)
        .where(and(eq(auditLog.action, 'meeting.create'), eq(auditLog.subject, fixture.meetingId)));
      if (row === undefined) throw new Error('no audit row');
      expect(row.actorUserId).toBe(staff.user.id);
      await expect(
        db.update(auditLog).set({ details: '{}' }).where(eq(auditLog.seq, row.seq)),
      ).rejects.toThrow();
      await expect(db.delete(auditLog).where(eq(auditLog.seq, row.seq))).rejects.toThrow();

      // Someone with superuser rights edits a row behind the triggers' back: the chain shows it.
      await db.transaction(async (tx) => {
        await tx.execute(sql`ALTER TABLE audit_log DISABLE TRIGGER audit_log_no_update_delete`);
        await tx
          .update(auditLog)
          .set({ details: JSON.stringify({ title: 'something else' }) })
          .where(eq(auditLog.seq, row.seq));
        await tx.execute(sql`ALTER TABLE audit_log ENABLE TRIGGER audit_log_no_update_delete`);
      });
      expect(await verifyAuditChain(db)).toEqual({
        ok: false,
        seq: row.seq,
        reason: 'content does not match its hash',
      });

      // Put it back so later tests in this server see a clean chain.
      await db.transaction(async (tx) => {
        await tx.execute(sql`ALTER TABLE audit_log DISABLE TRIGGER audit_log_no_update_delete`);
        await tx.update(auditLog).set({ details: row.details }).where(eq(auditLog.seq, row.seq));
        await tx.execute(sql`ALTER TABLE audit_log ENABLE TRIGGER audit_log_no_update_delete`);
      });
      expect((await verifyAuditChain(db)).ok).toBe(true);
    });
  });
}
