// The reference server for tests/bench/broadcast.ts, in a child process of its own (server and
// the 1,000 simulated devices do not share an event loop, as on a real network). Forked with an
// IPC channel; prints nothing on stdout.
//
// Setup (service layer, no HTTP): one secretariat account, MEMBERS member accounts, a published
// meeting with one agenda item and every member as a voting participant, and DEVICES_PER_MEMBER
// login tokens per member (inserted directly, one per simulated device).
//
// Import only its types elsewhere: importing this module runs the server.
//
// Protocol (process.send / 'message'):
//   child → parent  { type: 'ready', url, meetingId, itemId, head, staff, devices }
//   parent → child  { op: 'raw', n }   → io.to(meeting room).emit('bench:raw', { n }), then { type: 'sent', n }
//   parent → child  { op: 'close' }    → closes, then exits
// The database is PGlite in a temp dir, or PostgreSQL when BENCH_DATABASE_URL is set.
import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  createMeetingRequestSchema,
  createUserRequestSchema,
  setAgendaRequestSchema,
  setParticipantsRequestSchema,
} from '../../shared/protocol/admin.ts';
import { SYSTEM_ACTOR } from '../../server/src/audit/auditLog.ts';
import { newToken, tokenHash } from '../../server/src/auth/token.ts';
import { readChangeHead } from '../../server/src/changes/appendChanges.ts';
import { tokens } from '../../server/src/db/schema.ts';
import { silentLogger } from '../../server/src/log.ts';
import { setAgenda } from '../../server/src/meetings/agendaService.ts';
import { changeMeetingStatus, createMeeting } from '../../server/src/meetings/meetingService.ts';
import { setParticipants } from '../../server/src/meetings/participantService.ts';
import { rooms } from '../../server/src/socket/rooms.ts';
import { startServer } from '../../server/src/startServer.ts';
import { createUser } from '../../server/src/users/userService.ts';

/** Participants (the admin API caps a meeting at 500). */
const MEMBERS = 250;
/** Devices per member: 250 × 4 = 1,000 sockets, several per user as members really have. */
const DEVICES_PER_MEMBER = 4;

export interface BenchDevice {
  token: string;
  deviceId: string;
}

export interface BroadcastReady {
  type: 'ready';
  url: string;
  meetingId: string;
  itemId: string;
  /** Head of the change log after setup: the devices start in sync at this cursor. */
  head: number;
  staff: BenchDevice;
  devices: BenchDevice[];
}

export type BroadcastRequest = { op: 'raw'; n: number } | { op: 'close' };
export type BroadcastReply = BroadcastReady | { type: 'sent'; n: number };

async function main(): Promise<void> {
  const send = (message: BroadcastReply): void => {
    process.send?.(message);
  };
  const dataDir = await mkdtemp(join(tmpdir(), 'ecabinet-bench-broadcast-'));
  const databaseUrl = process.env['BENCH_DATABASE_URL'];
  const server = await startServer({
    port: 0,
    dataDir,
    scryptLogN: 10,
    logger: silentLogger,
    ...(databaseUrl === undefined || databaseUrl === '' ? {} : { databaseUrl }),
  }).catch(async (error: unknown) => {
    await rm(dataDir, { recursive: true, force: true });
    throw error;
  });
  const ctx = server.context;
  const account = (role: 'member' | 'secretariat', i: number) =>
    createUser(
      ctx,
      SYSTEM_ACTOR,
      createUserRequestSchema.parse({
        username: `bench-${role}-${i}-${randomUUID().slice(0, 6)}`,
        displayName: `Bench ${role} ${i}`,
        role,
        password: `pw-${randomUUID()}`,
      }),
    );
  const secretariat = await account('secretariat', 0);
  const members = [];
  for (let i = 0; i < MEMBERS; i += 1) members.push(await account('member', i));

  const meetingId = randomUUID();
  const itemId = randomUUID();
  const startsAt = Date.now() + 3_600_000;
  await createMeeting(
    ctx,
    SYSTEM_ACTOR,
    createMeetingRequestSchema.parse({
      id: meetingId,
      title: 'Phiên họp (benchmark)',
      kind: 'regular',
      startsAt: new Date(startsAt).toISOString(),
      endsAt: new Date(startsAt + 3_600_000).toISOString(),
      chairId: members[0]?.id ?? null,
    }),
  );
  const agenda = setAgendaRequestSchema.parse({
    items: [{ id: itemId, position: 1, title: 'Biểu quyết' }],
  });
  await setAgenda(ctx, SYSTEM_ACTOR, meetingId, agenda.items);
  const people = setParticipantsRequestSchema.parse({
    participants: members.map((m, i) => ({
      userId: m.id,
      role: i === 0 ? 'chair' : 'member',
      mayVote: true,
    })),
  });
  await setParticipants(ctx, SYSTEM_ACTOR, meetingId, people.participants);
  await changeMeetingStatus(ctx, SYSTEM_ACTOR, meetingId, 'publish');

  // Tokens straight into the table: 1,000 logins would only measure scrypt.
  const now = new Date();
  const expiresAt = new Date(now.getTime() + 24 * 3_600_000);
  const issue = (userId: string): { device: BenchDevice; row: typeof tokens.$inferInsert } => {
    const token = newToken();
    const deviceId = randomUUID();
    return {
      device: { token, deviceId },
      row: {
        id: randomUUID(),
        tokenHash: tokenHash(token),
        userId,
        deviceId,
        createdAt: now,
        expiresAt,
      },
    };
  };
  const staff = issue(secretariat.id);
  const issued = members.flatMap((m) =>
    Array.from({ length: DEVICES_PER_MEMBER }, () => issue(m.id)),
  );
  await server.db.insert(tokens).values([staff.row, ...issued.map((i) => i.row)]);

  let closing: Promise<void> | null = null;
  const shutdown = (): Promise<void> => {
    closing ??= (async () => {
      await server.close().catch(() => undefined);
      await rm(dataDir, { recursive: true, force: true });
    })();
    return closing;
  };
  process.on('disconnect', () => {
    void shutdown().then(() => process.exit(0));
  });
  process.on('message', (request: BroadcastRequest) => {
    if (request.op === 'raw') {
      // The baseline: a plain socket.io room broadcast to the same sockets, nothing else.
      (
        server.io.to(rooms.meeting(meetingId)) as unknown as {
          emit(event: string, payload: unknown): void;
        }
      ).emit('bench:raw', { n: request.n });
      send({ type: 'sent', n: request.n });
    } else {
      void shutdown().then(() => process.exit(0));
    }
  });

  send({
    type: 'ready',
    url: server.url,
    meetingId,
    itemId,
    head: await readChangeHead(server.db),
    staff: staff.device,
    devices: issued.map((i) => i.device),
  });
}

await main();
