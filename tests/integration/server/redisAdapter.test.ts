import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_ROUTES } from '../../../shared/protocol/admin.ts';
import { startPostgres, type PostgresInstance } from '../../support/postgres.ts';
import { startRedis, type RedisInstance } from '../../support/redis.ts';
import {
  connectSession,
  disconnected,
  http,
  nextNews,
  pullAll,
  startHarness,
  type Harness,
} from './support/harness.ts';
import { createMeetingWithPaper } from './support/meetings.ts';

// Two server instances (each with its own socket.io, Redis clients and data dir) on one
// PostgreSQL and one Redis: what a change commits through A must reach a client of B.
describe('two servers sharing PostgreSQL and Redis', () => {
  let postgres: PostgresInstance | undefined;
  let redis: RedisInstance | undefined;
  let a: Harness;
  let b: Harness;

  beforeAll(async () => {
    [postgres, redis] = await Promise.all([startPostgres(), startRedis()]);
    const databaseUrl = await postgres.createDatabase('ecabinet_cluster');
    // Started together: the migrator's advisory lock must let exactly one apply the schema.
    [a, b] = await Promise.all([
      startHarness({ databaseUrl, redisUrl: redis.url }),
      startHarness({ databaseUrl, redisUrl: redis.url }),
    ]);
  });

  afterAll(async () => {
    await Promise.allSettled([a?.close(), b?.close()]);
    await Promise.allSettled([postgres?.stop(), redis?.stop()]);
  });

  it('delivers news of a change made through A to a client on B, and B serves the pull', async () => {
    const staff = await a.login(await a.createAccount('secretariat'));
    const member = await a.createAccount('member');
    const onB = await connectSession(b.url, await b.login(member));
    const seen: object[] = [];
    onB.on('news', (news: object) => seen.push(news));
    try {
      const start = await pullAll(onB);
      const published = nextNews(onB, start.cursor + 1);
      const fixture = await createMeetingWithPaper(a, staff, {
        participants: [{ userId: member.user.id }],
        publish: true,
      });
      await published;
      const afterPublish = await pullAll(onB, start.cursor);
      expect(
        afterPublish.changes.some(
          (c) => c.op === 'upsert' && c.entity === 'meeting' && c.data.id === fixture.meetingId,
        ),
      ).toBe(true);

      // The room join for the new meeting travelled through Redis too: a plain meeting update
      // made on A reaches the socket on B.
      const updated = nextNews(onB, afterPublish.cursor + 1);
      expect(
        (
          await http(a, 'PATCH', ADMIN_ROUTES.meeting(fixture.meetingId), {
            token: staff.token,
            json: { title: 'Đổi tên' },
          })
        ).status,
      ).toBe(200);
      await updated;
      const afterUpdate = await pullAll(onB, afterPublish.cursor);
      expect(afterUpdate.changes).toEqual([
        expect.objectContaining({
          entity: 'meeting',
          data: expect.objectContaining({ title: 'Đổi tên' }) as unknown,
        }),
      ]);
      // With several processes no news carries entries (an access change made on another
      // process may reach this one's rooms late): hints only, the pull checks access.
      expect(seen.length).toBeGreaterThan(0);
      expect(seen.filter((news) => 'changes' in news)).toEqual([]);
    } finally {
      onB.close();
    }
  });

  it('disconnects the sockets on B of a device whose tokens an admin revokes on A', async () => {
    const admin = await a.login(await a.createAccount('admin'));
    const member = await a.createAccount('member');
    const session = await b.login(member);
    const onB = await connectSession(b.url, session);
    try {
      const gone = disconnected(onB);
      const res = await http(a, 'POST', ADMIN_ROUTES.revokeTokens, {
        token: admin.token,
        json: { userId: member.user.id },
      });
      expect(res.json).toEqual({ revoked: 1 });
      await gone;
    } finally {
      onB.close();
    }
  });
});
