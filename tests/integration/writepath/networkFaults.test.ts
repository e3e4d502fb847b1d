import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clientMutations, comments, positions } from '../../../server/src/db/memberSchema.ts';
import { eq } from '../../../server/src/db/operators.ts';
import { eventually } from '../../support/coreHarness.ts';
import { startHarness, type Harness } from '../server/support/harness.ts';
import { createWriteMeeting, type WriteMeeting } from '../server/support/writeFixture.ts';
import { drained, heal, prng, runSeed, startDevice, stopDevice, type Device } from './support/devices.ts';

/**
 * The write path through a bad network (security.md, Faults): two devices write while their
 * links blackhole, reset, delay, throttle and cut after N bytes, cycle after cycle. At the end
 * both converge and the server holds exactly one record per mutation (retries carry the same
 * ids, so a lost ack never doubles a comment). RANDOM_SEED=<n> replays a run.
 */
const CYCLES = 120;
const FAULTS = ['blackhole', 'reset', 'delay', 'throttle', 'cut'] as const;
type Fault = (typeof FAULTS)[number];

function inject(d: Device, fault: Fault, random: () => number): void {
  switch (fault) {
    case 'blackhole':
      d.proxy.setBlackhole(true);
      return;
    case 'reset':
      d.proxy.setDown(true);
      return;
    case 'delay':
      d.proxy.setDelay(20 + Math.floor(random() * 200)); // ms
      return;
    case 'throttle':
      d.proxy.setThrottle(2_000 + Math.floor(random() * 20_000)); // bytes/s
      d.proxy.dropAll();
      return;
    case 'cut':
      // The next connection dies after a few bytes to a few KiB towards the device (mid-ack).
      d.proxy.cutAfter(Math.floor(random() * 4096), 1 + Math.floor(random() * 2));
      d.proxy.dropAll();
      return;
  }
}

describe('write path: network faults between the devices and the server', () => {
  const seed = runSeed();
  const random = prng(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)] as T;
  let h: Harness;
  let m: WriteMeeting;
  let devices: Device[] = [];

  beforeAll(async () => {
    h = await startHarness();
    m = await createWriteMeeting(h, { people: [{ role: 'chair' }, {}], items: 2 });
    devices = [
      await startDevice(h, 'device0', m.accounts[0]!),
      await startDevice(h, 'device1', m.accounts[1]!),
    ];
  }, 60_000);

  afterAll(async () => {
    for (const d of devices) await stopDevice(d);
    await h?.close();
  });

  it('after 100+ fault cycles with writes the devices converge, one row per mutation', { timeout: 120_000 }, async () => {
    const started = Date.now();
    console.log(`write-path network faults: RANDOM_SEED=${seed}`);
    /** comment id → its latest body, as written on its author's device. */
    const bodies = new Map<string, { author: Device; body: string }>();
    const lastPosition = new Map<string, string>();
    const faultCounts: Record<Fault, number> = { blackhole: 0, reset: 0, delay: 0, throttle: 0, cut: 0 };
    let writes = 0;
    const writesBy = new Map<Device, number>(devices.map((d) => [d, 0]));

    for (let cycle = 0; cycle < CYCLES; cycle++) {
      // 1. Faults on one or both links.
      for (const d of devices)
        if (random() < 0.7) {
          const fault = pick(FAULTS);
          faultCounts[fault] += 1;
          inject(d, fault, random);
        }
      // 2. Writes during the fault.
      const n = 1 + Math.floor(random() * 3);
      for (let i = 0; i < n; i++) {
        const d = pick(devices);
        const own = [...bodies.entries()].filter(([, v]) => v.author === d);
        const r = random();
        if (r < 0.6 || own.length === 0) {
          const body = `c${cycle}.${i}`;
          const out = await d.core.call('comments:create', {
            agendaItemId: pick(m.itemIds),
            parentId: null,
            body,
          });
          bodies.set(out.comment.id, { author: d, body });
        } else if (r < 0.85) {
          const [id, entry] = pick(own);
          const body = `${entry.body}+e${cycle}`;
          await d.core.call('comments:edit', { id, body });
          entry.body = body;
        } else {
          const itemId = pick(m.itemIds);
          const note = `p${cycle}`;
          await d.core.call('positions:set', { agendaItemId: itemId, stance: 'wish_to_speak', note });
          lastPosition.set(`${d.userId}:${itemId}`, note);
        }
        writes += 1;
        writesBy.set(d, (writesBy.get(d) ?? 0) + 1);
      }
      // 3. Let the faulty link carry (or stall) some traffic, then lift the faults; every few
      // cycles wait for both outboxes to drain, so pushes race the next faults too.
      await new Promise((r) => setTimeout(r, Math.floor(random() * 80)));
      for (const d of devices) heal(d);
      if (cycle % 10 === 9) for (const d of devices) await drained(d);
    }

    for (const d of devices) heal(d);
    for (const d of devices) await drained(d);
    // No change was refused, and the server has exactly one row per created comment.
    for (const d of devices) expect((await d.core.call('outbox:status', {})).rejected).toEqual([]);
    const db = h.server.db;
    const rows = await db.select().from(comments).where(eq(comments.meetingId, m.meetingId));
    expect(rows).toHaveLength(bodies.size);
    expect(new Set(rows.map((r) => r.id)).size).toBe(rows.length);
    expect(new Map(rows.map((r) => [r.id, r.body]))).toEqual(
      new Map([...bodies].map(([id, v]) => [id, v.body])),
    );
    const positionRows = await db.select().from(positions).where(eq(positions.meetingId, m.meetingId));
    expect(new Map(positionRows.map((r) => [`${r.userId}:${r.agendaItemId}`, r.note]))).toEqual(
      lastPosition,
    );
    // Each device's outbox went through exactly once: the server's last mutation id of its
    // client is the number of changes the device made.
    for (const d of devices) {
      const clients = await db
        .select()
        .from(clientMutations)
        .where(eq(clientMutations.userId, d.userId));
      expect(clients.map((c) => c.lastMutationId)).toEqual([writesBy.get(d)]);
    }
    // Both devices show the server's comments, none pending.
    const want = JSON.stringify(
      rows.map((r) => [r.id, r.body]).sort((a, b) => String(a[0]).localeCompare(String(b[0]))),
    );
    for (const d of devices)
      await eventually(async () => {
        const seen: [string, string][] = [];
        for (const itemId of m.itemIds) {
          const list = await d.core.call('comments:list', { agendaItemId: itemId });
          if (list.comments.some((c) => c.pending)) return false;
          for (const c of list.comments) seen.push([c.comment.id, c.comment.body]);
        }
        seen.sort((a, b) => a[0].localeCompare(b[0]));
        return JSON.stringify(seen) === want;
      }, 20_000);
    const cycles = Object.values(faultCounts).reduce((a, b) => a + b, 0);
    console.log(
      `write-path network faults: RANDOM_SEED=${seed} cycles=${CYCLES} faults=${cycles} ` +
        `${JSON.stringify(faultCounts)} writes=${writes} comments=${bodies.size} ms=${Date.now() - started}`,
    );
    expect(cycles).toBeGreaterThanOrEqual(100);
  });
});
