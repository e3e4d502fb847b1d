import { randomUUID } from 'node:crypto';
import { eq } from '../../../../server/src/db/operators.ts';
import { describe, expect, it } from 'vitest';
import { ADMIN_ROUTES, createUserResponseSchema } from '../../../../shared/protocol/admin.ts';
import { healthResponseSchema, loginResponseSchema } from '../../../../shared/protocol/auth.ts';
import { PROTOCOL_VERSION } from '../../../../shared/protocol/version.ts';
import { tokenHash } from '../../../../server/src/auth/token.ts';
import { devices, tokens } from '../../../../server/src/db/schema.ts';
import {
  connect,
  connectSession,
  disconnected,
  errorOf,
  http,
  nextNews,
  pull,
  pullAll,
  type Harness,
} from './harness.ts';

/** Tokens in these suites live one hour (set by the suite files). */
export const SUITE_TOKEN_TTL_SECONDS = 3600;

const loginBody = (username: string, password: string, deviceId: string = randomUUID()) => ({
  username,
  password,
  deviceId,
  deviceName: 'Laptop',
  protocolVersion: PROTOCOL_VERSION,
});

export function authTests(get: () => Harness): void {
  describe('auth', () => {
    it('answers health without auth', async () => {
      const res = await http(get(), 'GET', '/api/health');
      expect(res.status).toBe(200);
      expect(healthResponseSchema.parse(res.json).protocolVersions).toContain(PROTOCOL_VERSION);
    });

    it('logs in with an expiring opaque token, stores only its hash, and records the device', async () => {
      const h = get();
      const account = await h.createAccount('member');
      const deviceId = randomUUID();
      const res = await http(h, 'POST', '/api/auth/login', {
        json: loginBody(account.user.username.toUpperCase(), account.password, deviceId),
        address: '10.1.0.1',
      });
      expect(res.status).toBe(200);
      const body = loginResponseSchema.parse(res.json);
      expect(body.user).toEqual(account.user);
      expect(body.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
      const ttl = Date.parse(body.expiresAt) - Date.parse(body.serverTime);
      expect(Math.abs(ttl - SUITE_TOKEN_TTL_SECONDS * 1000)).toBeLessThan(5_000);

      const db = h.server.db;
      const [row] = await db
        .select()
        .from(tokens)
        .where(eq(tokens.tokenHash, tokenHash(body.token)));
      expect(row?.deviceId).toBe(deviceId);
      const all = await db.select({ hash: tokens.tokenHash }).from(tokens);
      expect(all.some((t) => t.hash === body.token)).toBe(false);
      const [device] = await db.select().from(devices).where(eq(devices.deviceId, deviceId));
      expect(device).toMatchObject({
        userId: account.user.id,
        name: 'Laptop',
        lastAddress: '10.1.0.1',
      });
    });

    it('refuses a wrong password and an unknown user with the same answer', async () => {
      const h = get();
      const account = await h.createAccount('member');
      const wrong = await http(h, 'POST', '/api/auth/login', {
        json: loginBody(account.user.username, 'wrong password'),
        address: '10.1.0.2',
      });
      const unknown = await http(h, 'POST', '/api/auth/login', {
        json: loginBody('nobody-here', 'wrong password'),
        address: '10.1.0.3',
      });
      expect(wrong.status).toBe(401);
      expect(unknown.status).toBe(401);
      expect(errorOf(wrong)).toEqual(errorOf(unknown));
      expect(errorOf(wrong).code).toBe('INVALID_CREDENTIALS');
    });

    it('refuses an unsupported protocol version with 426 PROTOCOL_UNSUPPORTED', async () => {
      const h = get();
      const account = await h.createAccount('member');
      const res = await http(h, 'POST', '/api/auth/login', {
        json: { ...loginBody(account.user.username, account.password), protocolVersion: 999 },
      });
      expect(res.status).toBe(426);
      expect(errorOf(res).code).toBe('PROTOCOL_UNSUPPORTED');
    });

    it('rate-limits failed logins per username, even with the right password, until the window passes', async () => {
      const h = get();
      const account = await h.createAccount('member');
      for (let i = 0; i < 5; i += 1) {
        const res = await http(h, 'POST', '/api/auth/login', {
          json: loginBody(account.user.username, `guess ${i}`),
          address: `10.2.0.${i}`,
        });
        expect(errorOf(res).code).toBe('INVALID_CREDENTIALS');
      }
      const limited = await http(h, 'POST', '/api/auth/login', {
        json: loginBody(account.user.username, account.password),
        address: '10.2.0.99',
      });
      expect(limited.status).toBe(429);
      expect(errorOf(limited).code).toBe('RATE_LIMITED');
      const retryAfter = Number(limited.headers.get('retry-after'));
      expect(retryAfter).toBeGreaterThan(800);
      expect(retryAfter).toBeLessThanOrEqual(900);

      h.advanceClock(901_000);
      const later = await http(h, 'POST', '/api/auth/login', {
        json: loginBody(account.user.username, account.password),
        address: '10.2.0.99',
      });
      expect(later.status).toBe(200);
    });

    it('rate-limits failed logins per address across usernames', async () => {
      const h = get();
      const account = await h.createAccount('member');
      for (let i = 0; i < 5; i += 1) {
        await http(h, 'POST', '/api/auth/login', {
          json: loginBody(`unknown-${i}-${randomUUID()}`, 'x'),
          address: '10.3.0.1',
        });
      }
      const limited = await http(h, 'POST', '/api/auth/login', {
        json: loginBody(account.user.username, account.password),
        address: '10.3.0.1',
      });
      expect(errorOf(limited).code).toBe('RATE_LIMITED');
      const elsewhere = await http(h, 'POST', '/api/auth/login', {
        json: loginBody(account.user.username, account.password),
        address: '10.3.0.2',
      });
      expect(elsewhere.status).toBe(200);
    });

    it('refuses malformed login bodies with INVALID_INPUT and oversized ones with 413', async () => {
      const h = get();
      const cases = [
        { json: { username: 'a' } },
        { json: { ...loginBody('a', 'b'), role: 'admin' } },
        { json: { ...loginBody('a', 'b'), deviceId: 'not-a-uuid' } },
        { body: '{"username":', headers: { 'content-type': 'application/json' } },
        { body: 'username=a', headers: { 'content-type': 'application/x-www-form-urlencoded' } },
        { json: [] },
      ];
      for (const c of cases) {
        const res = await http(h, 'POST', '/api/auth/login', { ...c, address: '10.4.0.1' });
        expect(res.status).toBe(400);
        expect(errorOf(res).code).toBe('INVALID_INPUT');
      }
      const huge = await http(h, 'POST', '/api/auth/login', {
        json: { ...loginBody('a', 'b'), password: 'x'.repeat(2_000_000) },
        address: '10.4.0.1',
      });
      expect(huge.status).toBe(413);
      expect(errorOf(huge).code).toBe('PAYLOAD_TOO_LARGE');
    });

    it('logout revokes the token: TOKEN_REVOKED over HTTP and at the socket handshake', async () => {
      const h = get();
      const session = await h.login(await h.createAccount('member'));
      expect((await http(h, 'POST', '/api/auth/logout', { token: session.token })).status).toBe(
        204,
      );
      const again = await http(h, 'POST', '/api/auth/logout', { token: session.token });
      expect(again.status).toBe(401);
      expect(errorOf(again).code).toBe('TOKEN_REVOKED');
      await expect(connectSession(h.url, session)).rejects.toMatchObject({
        data: { code: 'TOKEN_REVOKED' },
      });
    });

    it('an unknown token is UNAUTHENTICATED', async () => {
      const h = get();
      const res = await http(h, 'POST', '/api/auth/logout', { token: 'A'.repeat(43) });
      expect(errorOf(res).code).toBe('UNAUTHENTICATED');
      const none = await http(h, 'POST', '/api/auth/logout');
      expect(errorOf(none).code).toBe('UNAUTHENTICATED');
    });

    it('an expired token answers TOKEN_EXPIRED over HTTP, at the handshake and on a live socket', async () => {
      const h = get();
      const session = await h.login(await h.createAccount('member'));
      const socket = await connectSession(h.url, session);
      try {
        h.advanceClock((SUITE_TOKEN_TTL_SECONDS + 1) * 1000);
        const res = await http(h, 'POST', '/api/auth/logout', { token: session.token });
        expect(errorOf(res).code).toBe('TOKEN_EXPIRED');
        const gone = disconnected(socket);
        const result = await pull(socket, 0);
        expect(result).toMatchObject({ ok: false, error: { code: 'TOKEN_EXPIRED' } });
        await gone;
        await expect(connectSession(h.url, session)).rejects.toMatchObject({
          data: { code: 'TOKEN_EXPIRED' },
        });
      } finally {
        socket.close();
      }
    });

    it("admin revocation of one device's tokens disconnects that device's sockets only", async () => {
      const h = get();
      const admin = await h.login(await h.createAccount('admin'));
      const account = await h.createAccount('member');
      const laptop = await h.login(account);
      const tablet = await h.login(account);
      const laptopSocket = await connectSession(h.url, laptop);
      const tabletSocket = await connectSession(h.url, tablet);
      try {
        const gone = disconnected(laptopSocket);
        const res = await http(h, 'POST', ADMIN_ROUTES.revokeTokens, {
          token: admin.token,
          json: { userId: account.user.id, deviceId: laptop.deviceId },
        });
        expect(res.status).toBe(200);
        expect(res.json).toEqual({ revoked: 1 });
        await gone;
        expect(
          errorOf(await http(h, 'POST', '/api/auth/logout', { token: laptop.token })).code,
        ).toBe('TOKEN_REVOKED');
        expect(tabletSocket.connected).toBe(true);
        expect((await pull(tabletSocket, 0)).ok).toBe(true);
      } finally {
        laptopSocket.close();
        tabletSocket.close();
      }
    });

    it('members get FORBIDDEN on secretariat and admin routes; secretariat on admin-only ones', async () => {
      const h = get();
      const member = await h.login(await h.createAccount('member'));
      const secretariat = await h.login(await h.createAccount('secretariat'));
      const meeting = {
        id: randomUUID(),
        title: 'x',
        kind: 'regular',
        startsAt: '2026-12-01T01:00:00Z',
        endsAt: '2026-12-01T02:00:00Z',
      };
      const asMember = await http(h, 'POST', ADMIN_ROUTES.meetings, {
        token: member.token,
        json: meeting,
      });
      expect(asMember.status).toBe(403);
      expect(errorOf(asMember).code).toBe('FORBIDDEN');
      const publish = await http(h, 'POST', ADMIN_ROUTES.publish(randomUUID()), {
        token: member.token,
      });
      expect(errorOf(publish).code).toBe('FORBIDDEN');
      const user = {
        username: `x${Date.now()}`,
        displayName: 'X',
        role: 'admin',
        password: 'long enough',
      };
      const asSecretariat = await http(h, 'POST', ADMIN_ROUTES.users, {
        token: secretariat.token,
        json: user,
      });
      expect(errorOf(asSecretariat).code).toBe('FORBIDDEN');
      expect(
        (await http(h, 'POST', ADMIN_ROUTES.meetings, { token: secretariat.token, json: meeting }))
          .status,
      ).toBe(201);
    });

    it('admin creates accounts that everyone logged in sees, and refuses a duplicate username', async () => {
      const h = get();
      const admin = await h.login(await h.createAccount('admin'));
      const watcher = await connectSession(h.url, await h.login(await h.createAccount('member')));
      try {
        const start = await pullAll(watcher);
        const news = nextNews(watcher, start.cursor + 1);
        const username = `bt.new${Date.now()}`;
        const body = {
          username: username.toUpperCase(),
          displayName: 'Bộ trưởng mới',
          title: 'Bộ trưởng',
          unit: 'Bộ Y tế',
          role: 'member',
          password: 'long enough password',
        };
        const res = await http(h, 'POST', ADMIN_ROUTES.users, { token: admin.token, json: body });
        expect(res.status).toBe(201);
        const { user } = createUserResponseSchema.parse(res.json);
        expect(user).toMatchObject({ username, role: 'member' });
        await news;
        const after = await pullAll(watcher, start.cursor);
        expect(after.changes).toEqual([
          { seq: expect.any(Number) as number, op: 'upsert', entity: 'user', data: user },
        ]);
        const again = await http(h, 'POST', ADMIN_ROUTES.users, { token: admin.token, json: body });
        expect(again.status).toBe(409);
        expect(errorOf(again).code).toBe('CONFLICT');
        const weak = await http(h, 'POST', ADMIN_ROUTES.users, {
          token: admin.token,
          json: { ...body, username: `${username}x`, password: 'short' },
        });
        expect(errorOf(weak).code).toBe('INVALID_INPUT');
        expect(
          (
            await http(h, 'POST', '/api/auth/login', {
              json: loginBody(username, 'long enough password'),
              address: '10.5.0.1',
            })
          ).status,
        ).toBe(200);
      } finally {
        watcher.close();
      }
    });

    it('takes identity and time from the server: extra identity fields are refused, not trusted', async () => {
      const h = get();
      const staff = await h.login(await h.createAccount('secretariat'));
      const meeting = {
        id: randomUUID(),
        title: 'x',
        kind: 'regular',
        startsAt: '2026-12-01T01:00:00Z',
        endsAt: '2026-12-01T02:00:00Z',
      };
      for (const extra of [
        { status: 'published' },
        { updatedAt: '2000-01-01T00:00:00Z' },
        { createdBy: randomUUID() },
      ]) {
        const res = await http(h, 'POST', ADMIN_ROUTES.meetings, {
          token: staff.token,
          json: { ...meeting, ...extra },
        });
        expect(errorOf(res).code).toBe('INVALID_INPUT');
      }
      const bad = await connect(h.url, {
        token: staff.token,
        protocolVersion: PROTOCOL_VERSION,
        deviceId: staff.deviceId,
        userId: randomUUID(),
      }).catch((error: unknown) => error);
      expect(bad).toMatchObject({ data: { code: 'UNAUTHENTICATED' } });
    });
  });
}
