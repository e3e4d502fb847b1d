import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Socket as ClientSocket } from 'socket.io-client';
import type { Stance } from '../../../shared/domain/position.ts';
import type { VoteChoice } from '../../../shared/domain/vote.ts';
import { comments, positions, voteBallots } from '../../../server/src/db/memberSchema.ts';
import { eq } from '../../../server/src/db/operators.ts';
import { eventually } from '../../support/coreHarness.ts';
import { connectSession, startHarness, type Harness } from '../server/support/harness.ts';
import {
  createWriteMeeting,
  openVoteOk,
  voteClose,
  type WriteMeeting,
} from '../server/support/writeFixture.ts';
import { drained, heal, prng, runSeed, startDevice, stopDevice, type Device } from './support/devices.ts';

/**
 * Workflows 2 and 3 with several devices against the real server (PGlite): four real cores
 * (two of them the same member) write comments, positions and ballots at random, go offline
 * through their proxies (blackhole or reset) and restart; after every round each device's
 * views must equal a simple model of the server's state. RANDOM_SEED=<n> replays a run.
 */
const ROUNDS = 16;
const OPS_PER_ROUND = 12; // ≥ 150 operations in all
const STANCES: Stance[] = ['no_objection', 'wish_to_speak', 'object'];
const CHOICES: VoteChoice[] = ['for', 'against', 'abstain'];

interface ModelComment {
  id: string;
  itemId: string;
  authorId: string;
  body: string;
  deleted: boolean;
}

/** The server's state as the documented rules make it. */
interface Model {
  comments: Map<string, ModelComment>;
  /** `${userId}:${itemId}` → the member's latest position (an upsert). */
  positions: Map<string, { stance: Stance; note: string }>;
  /** `${voteId}:${userId}` → the member's latest ballot before the close, whatever the device. */
  ballots: Map<string, VoteChoice>;
  closed: Set<string>;
}

/** One local change the device accepted, applied to the model once the device has drained. */
type Op =
  | { kind: 'comment.create'; comment: ModelComment }
  | { kind: 'comment.edit'; id: string; body: string }
  | { kind: 'comment.delete'; id: string }
  | { kind: 'position.set'; userId: string; itemId: string; stance: Stance; note: string }
  | { kind: 'vote.cast'; voteId: string; userId: string; choice: VoteChoice };

/** Applies an acknowledged op; returns the reject code the server must give, or null. */
function apply(model: Model, op: Op): string | null {
  switch (op.kind) {
    case 'comment.create':
      model.comments.set(op.comment.id, { ...op.comment });
      return null;
    case 'comment.edit': {
      const c = model.comments.get(op.id);
      if (c) c.body = op.body;
      return null;
    }
    case 'comment.delete': {
      const c = model.comments.get(op.id);
      if (c) {
        c.body = '';
        c.deleted = true;
      }
      return null;
    }
    case 'position.set':
      model.positions.set(`${op.userId}:${op.itemId}`, { stance: op.stance, note: op.note });
      return null;
    case 'vote.cast':
      if (model.closed.has(op.voteId)) return 'VOTING_CLOSED';
      model.ballots.set(`${op.voteId}:${op.userId}`, op.choice);
      return null;
  }
}

describe('write path: randomized multi-device run against the server', () => {
  const seed = runSeed();
  const random = prng(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)] as T;
  let h: Harness;
  let m: WriteMeeting;
  let staff: ClientSocket;
  let devices: Device[] = [];

  beforeAll(async () => {
    h = await startHarness();
    m = await createWriteMeeting(h, { people: [{ role: 'chair' }, {}, {}], items: 3 });
    staff = await connectSession(h.url, m.staff);
    const accounts = [m.accounts[0]!, m.accounts[1]!, m.accounts[2]!, m.accounts[0]!];
    devices = [];
    for (const [i, account] of accounts.entries())
      devices.push(await startDevice(h, `device${i}`, account));
  }, 60_000);

  afterAll(async () => {
    staff?.close();
    for (const d of devices) await stopDevice(d);
    await h?.close();
  });

  it('every device converges on the model after every round (seeded)', { timeout: 120_000 }, async () => {
    const started = Date.now();
    console.log(`write-path randomized run: RANDOM_SEED=${seed}`);
    const voteIds = [
      (await openVoteOk(staff, m.meetingId, m.itemIds[0]!)).id,
      (await openVoteOk(staff, m.meetingId, m.itemIds[1]!)).id,
    ];
    for (const d of devices)
      await eventually(
        async () =>
          (await d.core.call('votes:list', { meetingId: m.meetingId })).votes.length === 2,
      );
    const closeRound = 1 + Math.floor(random() * (ROUNDS - 2)); // the second vote closes then
    const model: Model = { comments: new Map(), positions: new Map(), ballots: new Map(), closed: new Set() };
    /** Reject codes expected per device, in order. */
    const expectedRejects = new Map<Device, string[]>(devices.map((d) => [d, []]));
    let operations = 0;
    let refusedLocally = 0;
    let restarts = 0;

    for (let round = 0; round < ROUNDS; round++) {
      // 1. Each device's link for this round: up, blackholed or reset (refused).
      for (const d of devices) {
        const r = random();
        if (r < 0.25) d.proxy.setBlackhole(true);
        else if (r < 0.5) d.proxy.setDown(true);
      }
      // The secretariat closes the second vote while some devices are cut off: their ballots
      // are queued and refused by the server (VOTING_CLOSED); the others may refuse them locally.
      if (round === closeRound) {
        const closed = await voteClose(staff, voteIds[1]!);
        expect(closed.ok).toBe(true);
        model.closed.add(voteIds[1]!);
      }
      // 2. Random operations. A key (comment, member+item, member+vote) is written by one device
      // per round: the order between two devices' pushes is the server's, not the model's.
      const owner = new Map<string, Device>();
      const claim = (key: string, d: Device): boolean => {
        const o = owner.get(key);
        if (o !== undefined && o !== d) return false;
        owner.set(key, d);
        return true;
      };
      const ops = new Map<Device, Op[]>(devices.map((d) => [d, []]));
      const created = new Map<Device, ModelComment[]>(devices.map((d) => [d, []]));
      /** Deleted this round (on its owner device; the model learns it after the drain). */
      const deletedNow = new Set<string>();
      for (let n = 0; n < OPS_PER_ROUND; n++) {
        const d = pick(devices);
        const mine = ops.get(d)!;
        // Comments this device knows: the converged ones and its own new ones.
        const known = [...model.comments.values(), ...created.get(d)!].filter(
          (c) => !c.deleted && !deletedNow.has(c.id),
        );
        const r = random();
        if (random() < 0.04) {
          // An app restart in the middle of the round (the outbox is durable).
          await d.core.restart();
          restarts += 1;
        }
        if (r < 0.3 || known.length === 0) {
          const parent = known.length > 0 && random() < 0.3 ? pick(known) : null;
          if (parent && !claim(parent.id, d)) continue;
          const itemId = parent?.itemId ?? pick(m.itemIds);
          const body = `b${round}.${n} ${random().toString(36).slice(2, 7)}`;
          const out = await d.core.call('comments:create', {
            agendaItemId: itemId,
            parentId: parent?.id ?? null,
            body,
          });
          const comment = { id: out.comment.id, itemId, authorId: d.userId, body, deleted: false };
          owner.set(comment.id, d);
          created.get(d)!.push(comment);
          mine.push({ kind: 'comment.create', comment });
        } else if (r < 0.5) {
          const c = pick(known);
          if (c.authorId !== d.userId) {
            // Author-only edits: refused on the device, nothing is queued.
            expect(await d.core.failCode('comments:edit', { id: c.id, body: 'x' })).toBe('NOT_AUTHOR');
            refusedLocally += 1;
          } else {
            if (!claim(c.id, d)) continue;
            const body = `e${round}.${n} ${random().toString(36).slice(2, 7)}`;
            await d.core.call('comments:edit', { id: c.id, body });
            mine.push({ kind: 'comment.edit', id: c.id, body });
          }
        } else if (r < 0.58) {
          const own = known.filter((c) => c.authorId === d.userId);
          if (own.length === 0) continue;
          const c = pick(own);
          if (!claim(c.id, d)) continue;
          await d.core.call('comments:delete', { id: c.id });
          deletedNow.add(c.id);
          mine.push({ kind: 'comment.delete', id: c.id });
        } else if (r < 0.78) {
          const itemId = pick(m.itemIds);
          if (!claim(`${d.userId}:${itemId}`, d)) continue;
          const stance = pick(STANCES);
          const note = random() < 0.5 ? '' : `n${round}.${n}`;
          await d.core.call('positions:set', { agendaItemId: itemId, stance, note });
          mine.push({ kind: 'position.set', userId: d.userId, itemId, stance, note });
        } else {
          const voteId = pick(voteIds);
          if (!claim(`${voteId}:${d.userId}`, d)) continue;
          const choice = pick(CHOICES);
          const res = await d.core.core.dispatch('votes:cast', { voteId, choice });
          if (res.ok) mine.push({ kind: 'vote.cast', voteId, userId: d.userId, choice });
          else {
            // The device already knows the vote is closed.
            expect(res.error.code).toBe('VOTING_CLOSED');
            expect(model.closed.has(voteId)).toBe(true);
            refusedLocally += 1;
          }
        }
        operations += 1;
      }
      // 3. The links come back; every outbox drains; the model applies what was acknowledged.
      for (const d of devices) heal(d);
      for (const d of devices) await drained(d);
      for (const d of devices)
        for (const op of ops.get(d)!) {
          const code = apply(model, op);
          if (code !== null) expectedRejects.get(d)!.push(code);
        }
      // 4. Every device shows the model.
      for (const d of devices) await expectConverged(d, round);
    }

    // The server holds one row per record, as the model says.
    const db = h.server.db;
    expect(await db.select().from(comments).where(eq(comments.meetingId, m.meetingId))).toHaveLength(
      model.comments.size,
    );
    expect(await db.select().from(positions).where(eq(positions.meetingId, m.meetingId))).toHaveLength(
      model.positions.size,
    );
    let ballots = 0;
    for (const voteId of voteIds)
      ballots += (await db.select().from(voteBallots).where(eq(voteBallots.voteId, voteId))).length;
    expect(ballots).toBe(model.ballots.size);
    console.log(
      `write-path randomized run: RANDOM_SEED=${seed} rounds=${ROUNDS} operations=${operations} ` +
        `refusedLocally=${refusedLocally} ` +
        `refusedByServer=${[...expectedRejects.values()].flat().length} restarts=${restarts} comments=${model.comments.size} ` +
        `ms=${Date.now() - started}`,
    );
    expect(operations).toBeGreaterThanOrEqual(150);

    async function snapshot(d: Device) {
      const commentRows: { id: string; authorId: string; body: string; deleted: boolean }[] = [];
      let pendingOrRefused = 0;
      for (const itemId of m.itemIds) {
        const list = await d.core.call('comments:list', { agendaItemId: itemId });
        for (const c of list.comments) {
          if (c.pending) pendingOrRefused += 1;
          commentRows.push({
            id: c.comment.id,
            authorId: c.comment.authorId,
            body: c.comment.body,
            deleted: c.comment.deletedAt !== null,
          });
        }
      }
      commentRows.sort((a, b) => a.id.localeCompare(b.id));
      const pos = await d.core.call('positions:get', { meetingId: m.meetingId });
      const votes = await d.core.call('votes:list', { meetingId: m.meetingId });
      const status = await d.core.call('outbox:status', {});
      return {
        comments: commentRows,
        pendingOrRefused,
        positions: pos.items.map((i) => ({
          itemId: i.agendaItemId,
          mine: i.mine === null ? null : { stance: i.mine.stance, note: i.mine.note },
          pending: i.pending,
        })),
        votes: voteIds.map((id) => {
          const v = votes.votes.find((x) => x.vote.id === id);
          return {
            id,
            status: v?.vote.status,
            counts: v?.vote.counts,
            myBallot: v?.myBallot ? { choice: v.myBallot.choice, pending: v.myBallot.pending } : null,
          };
        }),
        rejects: status.rejected.map((x) => x.code),
      };
    }

    function expected(d: Device) {
      return {
        comments: [...model.comments.values()]
          .map((c) => ({ id: c.id, authorId: c.authorId, body: c.body, deleted: c.deleted }))
          .sort((a, b) => a.id.localeCompare(b.id)),
        pendingOrRefused: 0,
        positions: m.itemIds.map((itemId) => ({
          itemId,
          mine: model.positions.get(`${d.userId}:${itemId}`) ?? null,
          pending: false,
        })),
        votes: voteIds.map((id) => {
          const counts = { for: 0, against: 0, abstain: 0 };
          for (const [key, choice] of model.ballots) if (key.startsWith(`${id}:`)) counts[choice] += 1;
          const mineChoice = model.ballots.get(`${id}:${d.userId}`);
          return {
            id,
            status: model.closed.has(id) ? 'closed' : 'open',
            counts,
            myBallot: mineChoice === undefined ? null : { choice: mineChoice, pending: false },
          };
        }),
        rejects: expectedRejects.get(d)!,
      };
    }

    async function expectConverged(d: Device, round: number): Promise<void> {
      const want = JSON.stringify(expected(d));
      try {
        await eventually(async () => JSON.stringify(await snapshot(d)) === want, 15_000, 50);
      } catch {
        // Show the difference (and the seed to replay it).
        expect(await snapshot(d), `${d.name} after round ${round}, RANDOM_SEED=${seed}`).toEqual(
          expected(d),
        );
      }
    }
  });
});
