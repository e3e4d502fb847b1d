// The reference server for tests/bench/sync.bench.ts, in a child process of its own (as on a
// real network, server and client do not share an event loop or a CPU). Forked with an IPC
// channel; prints nothing on stdout (the benchmark's stdout is its JSON lines).
//
// Protocol (process.send / 'message'), every request answered once:
//   child → parent  { type: 'ready', url, port, accounts: { role: { username, password, userId } } }
//   parent → child  { id, op: 'setAgenda', meetingId, items }   → { id, ok: true, value: null }
//   parent → child  { id, op: 'cpuUsage' }                      → { id, ok: true, value: { user, system } } (µs)
//   parent → child  { id, op: 'close' }                         → { id, ok: true, value: null }, then exit
//   child → parent  { id, ok: false, error }                    on a failed request
import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createUserRequestSchema, setAgendaRequestSchema } from '../../shared/protocol/admin.ts';
import { SYSTEM_ACTOR } from '../../server/src/audit/auditLog.ts';
import { silentLogger } from '../../server/src/log.ts';
import { setAgenda } from '../../server/src/meetings/agendaService.ts';
import { startServer } from '../../server/src/startServer.ts';
import { createUser } from '../../server/src/users/userService.ts';

export interface BenchAccount {
  username: string;
  password: string;
  userId: string;
}

export const BENCH_ROLES = ['admin', 'secretariat', 'member'] as const;
export type BenchRole = (typeof BENCH_ROLES)[number];

export interface ReadyMessage {
  type: 'ready';
  url: string;
  port: number;
  accounts: Record<BenchRole, BenchAccount>;
}

export type ServerRequest =
  | { id: number; op: 'setAgenda'; meetingId: string; items: unknown }
  | { id: number; op: 'cpuUsage' }
  | { id: number; op: 'close' };

export type ServerReply =
  | { id: number; ok: true; value: NodeJS.CpuUsage | null }
  | { id: number; ok: false; error: string };

async function main(): Promise<void> {
  const send = (message: ReadyMessage | ServerReply): void => {
    process.send?.(message);
  };
  const dataDir = await mkdtemp(join(tmpdir(), 'ecabinet-bench-server-'));
  const server = await startServer({ port: 0, dataDir, scryptLogN: 10, logger: silentLogger });
  const accounts = {} as Record<BenchRole, BenchAccount>;
  for (const role of BENCH_ROLES) {
    const username = `bench-${role}-${randomUUID().slice(0, 8)}`;
    const password = `pw-${randomUUID()}`;
    const user = await createUser(
      server.context,
      SYSTEM_ACTOR,
      createUserRequestSchema.parse({ username, displayName: `Bench ${role}`, role, password }),
    );
    accounts[role] = { username, password, userId: user.id };
  }

  let closing: Promise<void> | null = null;
  const shutdown = (): Promise<void> => {
    closing ??= (async () => {
      await server.close().catch(() => undefined);
      await rm(dataDir, { recursive: true, force: true });
    })();
    return closing;
  };
  // The parent died or closed the channel: clean up and go.
  process.on('disconnect', () => {
    void shutdown().then(() => process.exit(0));
  });

  process.on('message', (raw: ServerRequest) => {
    void (async () => {
      try {
        switch (raw.op) {
          case 'setAgenda': {
            const { items } = setAgendaRequestSchema.parse({ items: raw.items });
            await setAgenda(server.context, SYSTEM_ACTOR, raw.meetingId, items);
            send({ id: raw.id, ok: true, value: null });
            return;
          }
          case 'cpuUsage':
            send({ id: raw.id, ok: true, value: process.cpuUsage() });
            return;
          case 'close':
            await shutdown();
            send({ id: raw.id, ok: true, value: null });
            process.disconnect();
            return;
        }
      } catch (error) {
        send({
          id: raw.id,
          ok: false,
          error: error instanceof Error ? error.message : String(error),
        });
      }
    })();
  });

  send({ type: 'ready', url: server.url, port: server.port, accounts });
}

await main();
