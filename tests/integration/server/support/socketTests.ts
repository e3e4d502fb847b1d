import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { sql } from '../../../../server/src/db/operators.ts';
import { MAX_PULLS_IN_FLIGHT } from '../../../../server/src/socket/handlePull.ts';
import { PROTOCOL_VERSION } from '../../../../shared/protocol/version.ts';
import { connect, connectSession, disconnected, pull, type Harness } from './harness.ts';

/** Opens a raw engine.io websocket and collects its text frames. */
async function rawSocket(url: string): Promise<{
  ws: WebSocket;
  frames: string[];
  next(match: (frame: string) => boolean, timeoutMs?: number): Promise<string>;
}> {
  const ws = new WebSocket(`${url.replace('http', 'ws')}/socket.io/?EIO=4&transport=websocket`);
  const frames: string[] = [];
  const waiters: { match: (frame: string) => boolean; resolve: (frame: string) => void }[] = [];
  ws.on('message', (data: Buffer) => {
    const frame = data.toString();
    frames.push(frame);
    for (const waiter of [...waiters]) {
      if (waiter.match(frame)) {
        waiters.splice(waiters.indexOf(waiter), 1);
        waiter.resolve(frame);
      }
    }
  });
  await new Promise((resolve, reject) => {
    ws.once('open', resolve);
    ws.once('error', reject);
  });
  return {
    ws,
    frames,
    next: (match, timeoutMs = 5_000) => {
      const found = frames.find(match);
      if (found !== undefined) return Promise.resolve(found);
      return new Promise((resolve, reject) => {
        const timer = setTimeout(
          () => reject(new Error(`no matching frame; got ${JSON.stringify(frames)}`)),
          timeoutMs,
        );
        waiters.push({
          match,
          resolve: (frame) => {
            clearTimeout(timer);
            resolve(frame);
          },
        });
      });
    },
  };
}

export function socketTests(get: () => Harness): void {
  describe('socket', () => {
    it('refuses a handshake without auth, or with malformed auth, as UNAUTHENTICATED', async () => {
      const h = get();
      for (const auth of [
        {},
        { token: 'x' },
        { token: 'x'.repeat(600), protocolVersion: PROTOCOL_VERSION, deviceId: randomUUID() },
        { token: 'abc', protocolVersion: PROTOCOL_VERSION, deviceId: randomUUID() },
      ]) {
        await expect(connect(h.url, auth)).rejects.toMatchObject({
          data: { code: 'UNAUTHENTICATED' },
        });
      }
    });

    it('refuses an unsupported protocol version with PROTOCOL_UNSUPPORTED', async () => {
      const h = get();
      const session = await h.login(await h.createAccount('member'));
      await expect(
        connect(h.url, { token: session.token, protocolVersion: 999, deviceId: session.deviceId }),
      ).rejects.toMatchObject({
        data: { code: 'PROTOCOL_UNSUPPORTED' },
      });
    });

    it('refuses a token presented by another device', async () => {
      const h = get();
      const session = await h.login(await h.createAccount('member'));
      await expect(
        connect(h.url, {
          token: session.token,
          protocolVersion: PROTOCOL_VERSION,
          deviceId: randomUUID(),
        }),
      ).rejects.toMatchObject({
        data: { code: 'UNAUTHENTICATED' },
      });
    });

    it('closes a connection that sends an event before its handshake, refuses a bad handshake, keeps serving', async () => {
      const h = get();
      const early = await rawSocket(h.url);
      await early.next((f) => f.startsWith('0{')); // engine.io open
      const closed = new Promise<void>((resolve) => early.ws.once('close', () => resolve()));
      early.ws.send('420["pull",{"since":0,"limit":10}]'); // an event with ack id 0, no CONNECT yet
      await closed;
      expect(early.frames.some((f) => f.startsWith('43'))).toBe(false); // never answered

      const bad = await rawSocket(h.url);
      try {
        await bad.next((f) => f.startsWith('0{'));
        bad.ws.send(
          `40${JSON.stringify({ token: 'stolen', protocolVersion: PROTOCOL_VERSION, deviceId: randomUUID() })}`,
        );
        const refusal = await bad.next((f) => f.startsWith('44'));
        expect(JSON.parse(refusal.slice(2))).toMatchObject({ data: { code: 'UNAUTHENTICATED' } });
      } finally {
        bad.ws.close();
      }

      const session = await h.login(await h.createAccount('member'));
      const socket = await connectSession(h.url, session);
      try {
        expect((await pull(socket, 0)).ok).toBe(true);
      } finally {
        socket.close();
      }
    });

    it('answers malformed pulls with INVALID_INPUT and stays usable', async () => {
      const h = get();
      const socket = await connectSession(h.url, await h.login(await h.createAccount('member')));
      try {
        const bad: unknown[] = [
          'garbage',
          null,
          42,
          { since: -1, limit: 10 },
          { since: 0, limit: 0 },
          { since: 0, limit: 1001 },
          { since: 0.5, limit: 10 },
          { since: 0, limit: 10, userId: randomUUID() },
        ];
        for (const payload of bad) {
          const result: unknown = await socket.timeout(5_000).emitWithAck('pull', payload);
          expect(result).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
        }
        const noPayload: unknown = await socket.timeout(5_000).emitWithAck('pull');
        expect(noPayload).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
        const unknownEvent: unknown = await socket.timeout(5_000).emitWithAck('dropTables', {});
        expect(unknownEvent).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
        socket.emit('pull', { since: 0, limit: 10 }); // without an ack: nothing to answer, no harm
        const good = await pull(socket, 0, 1000);
        expect(good.ok).toBe(true);
      } finally {
        socket.close();
      }
    });

    it('refuses pulls beyond the few a socket may have in flight, and answers those', async () => {
      const h = get();
      const socket = await connectSession(h.url, await h.login(await h.createAccount('member')));
      // Hold the tokens table so that admitted pulls wait (deterministically) in the database.
      let release = (): void => undefined;
      let locked = (): void => undefined;
      const isLocked = new Promise<void>((resolve) => (locked = resolve));
      const holder = h.server.db.transaction(async (tx) => {
        await tx.execute(sql`LOCK TABLE tokens IN ACCESS EXCLUSIVE MODE`);
        locked();
        await new Promise<void>((resolve) => (release = resolve));
      });
      try {
        await isLocked;
        let settled = 0;
        let refusedAll = (): void => undefined;
        const eightSettled = new Promise<void>((resolve) => (refusedAll = resolve));
        const pulls = Array.from({ length: 12 }, () =>
          pull(socket, 0, 1000).then((result) => {
            settled += 1;
            if (settled === 8) refusedAll();
            return result;
          }),
        );
        await eightSettled;
        release();
        const results = await Promise.all(pulls);
        expect(results.filter((r) => !r.ok && r.error.code === 'RATE_LIMITED')).toHaveLength(
          12 - MAX_PULLS_IN_FLIGHT,
        );
        expect(results.filter((r) => r.ok)).toHaveLength(MAX_PULLS_IN_FLIGHT);
        expect((await pull(socket, 0)).ok).toBe(true);
      } finally {
        release();
        await holder;
        socket.close();
      }
    });

    it('drops a socket that sends a message over maxHttpBufferSize, and only that one', async () => {
      const h = get();
      const big = await connectSession(h.url, await h.login(await h.createAccount('member')));
      const other = await connectSession(h.url, await h.login(await h.createAccount('member')));
      try {
        const gone = disconnected(big);
        big.emit('pull', { since: 0, limit: 10, padding: 'x'.repeat(1_100_000) });
        await gone;
        expect((await pull(other, 0)).ok).toBe(true);
      } finally {
        big.close();
        other.close();
      }
    });
  });
}
