import { randomUUID } from 'node:crypto';
import type { Socket as ClientSocket } from 'socket.io-client';
import type { Participant } from '../../../../shared/domain/meeting.ts';
import type { Vote } from '../../../../shared/domain/vote.ts';
import { ADMIN_ROUTES } from '../../../../shared/protocol/admin.ts';
import type { PushResponse } from '../../../../shared/protocol/push.ts';
import { SECRETARIAT_EVENTS } from '../../../../shared/protocol/secretariat.ts';
import { CABINET_RULES } from '../../../../shared/rules/ruleSet.ts';
import type { MutationEnvelope } from '../../../../shared/sync/mutations.ts';
import type { Result } from '../../../../shared/util/result.ts';
import { eq } from '../../../../server/src/db/operators.ts';
import { clientMutations } from '../../../../server/src/db/memberSchema.ts';
import type { Account, Harness, HttpResult, Session } from './harness.ts';
import { http } from './harness.ts';

/** One person of a write-path meeting: their part in it, and their account's role. */
export interface PersonSpec {
  role?: Participant['role'];
  mayVote?: boolean;
  account?: 'member' | 'secretariat';
  /** Not a participant at all (an outsider with an account). */
  outsider?: boolean;
}

export interface WriteMeeting {
  meetingId: string;
  itemIds: string[];
  staff: Session;
  /** Logged-in sessions, in the order of the `people` given. */
  people: Session[];
  /** Their accounts (to log in another device). */
  accounts: Account[];
  /** The secretariat account, when this fixture created it (null when `staff` was given). */
  staffAccount: Account | null;
}

/** The account of participant `index` of `m`, or of its secretariat ('staff'). */
export function accountOf(m: WriteMeeting, index: 'staff' | number): Account {
  const account = index === 'staff' ? m.staffAccount : m.accounts[index];
  if (account === undefined || account === null) throw new Error('no such account');
  return account;
}

export interface WriteMeetingOptions {
  people: PersonSpec[];
  /** Start relative to the server's now; ms. Default: one day ahead. */
  startsInMs?: number;
  items?: number;
  publish?: boolean;
  staff?: Session;
}

function expectStatus(res: HttpResult, status: number, what: string): void {
  if (res.status !== status)
    throw new Error(`${what}: expected ${status}, got ${res.status} ${JSON.stringify(res.json)}`);
}

/**
 * A meeting for the write path through the admin API (no papers): agenda items, participants
 * (the first `chair` is the meeting's chair) and, unless `publish: false`, published.
 */
export async function createWriteMeeting(
  h: Harness,
  options: WriteMeetingOptions,
): Promise<WriteMeeting> {
  let staff = options.staff;
  let staffAccount: Account | null = null;
  if (staff === undefined) {
    staffAccount = await h.createAccount('secretariat');
    staff = await h.login(staffAccount);
  }
  const accounts = await Promise.all(
    options.people.map((p) => h.createAccount(p.account ?? 'member')),
  );
  const people = await Promise.all(accounts.map((a) => h.login(a)));
  const chairIndex = options.people.findIndex((p) => p.role === 'chair' && p.outsider !== true);
  const meetingId = randomUUID();
  const startsAt = new Date(
    h.server.context.clock().getTime() + (options.startsInMs ?? 86_400_000),
  );
  const token = staff.token;
  expectStatus(
    await http(h, 'POST', ADMIN_ROUTES.meetings, {
      token,
      json: {
        id: meetingId,
        title: 'Phiên họp Chính phủ',
        kind: 'regular',
        startsAt: startsAt.toISOString(),
        endsAt: new Date(startsAt.getTime() + 4 * 3_600_000).toISOString(),
        chairId: chairIndex >= 0 ? (accounts[chairIndex]?.user.id ?? null) : null,
      },
    }),
    201,
    'create meeting',
  );
  const itemIds = Array.from({ length: options.items ?? 1 }, () => randomUUID());
  expectStatus(
    await http(h, 'PUT', ADMIN_ROUTES.agenda(meetingId), {
      token,
      json: {
        items: itemIds.map((id, i) => ({ id, position: i + 1, title: `Nội dung ${i + 1}` })),
      },
    }),
    200,
    'set agenda',
  );
  expectStatus(
    await http(h, 'PUT', ADMIN_ROUTES.participants(meetingId), {
      token,
      json: {
        participants: options.people
          .map((p, i) => ({ p, user: accounts[i]?.user }))
          .filter(({ p }) => p.outsider !== true)
          .map(({ p, user }) => ({
            userId: user?.id,
            role: p.role ?? 'member',
            mayVote: p.mayVote ?? true,
          })),
      },
    }),
    200,
    'set participants',
  );
  if (options.publish !== false)
    expectStatus(await http(h, 'POST', ADMIN_ROUTES.publish(meetingId), { token }), 200, 'publish');
  return { meetingId, itemIds, staff, people, accounts, staffAccount };
}

/** A queued mutation as a device sends it. `clientTime`: the device clock, epoch ms. */
export function mutation(
  mutationId: number,
  kind: string,
  args: unknown,
  clientTime = Date.now(),
): MutationEnvelope {
  return { mutationId, kind, args, clientTime };
}

export async function push(
  socket: ClientSocket,
  clientId: string,
  mutations: MutationEnvelope[],
): Promise<Result<PushResponse>> {
  return (await socket
    .timeout(20_000)
    .emitWithAck('push', { clientId, mutations })) as Result<PushResponse>;
}

/** `push` that must be answered ok; returns the response. */
export async function pushOk(
  socket: ClientSocket,
  clientId: string,
  mutations: MutationEnvelope[],
): Promise<PushResponse> {
  const result = await push(socket, clientId, mutations);
  if (!result.ok) throw new Error(`push refused: ${result.error.code} ${result.error.message}`);
  return result.value;
}

export async function voteOpen(
  socket: ClientSocket,
  request: { meetingId: string; agendaItemId: string; question?: string; voteId?: string },
): Promise<Result<{ vote: Vote }>> {
  return (await socket.timeout(10_000).emitWithAck(SECRETARIAT_EVENTS.voteOpen, {
    question: 'Thông qua dự thảo Nghị định?',
    ruleSetId: CABINET_RULES.id,
    ...request,
  })) as Result<{ vote: Vote }>;
}

export async function voteClose(
  socket: ClientSocket,
  voteId: string,
): Promise<Result<{ vote: Vote }>> {
  return (await socket
    .timeout(10_000)
    .emitWithAck(SECRETARIAT_EVENTS.voteClose, { voteId })) as Result<{ vote: Vote }>;
}

/** Opens a vote that must succeed; returns it. */
export async function openVoteOk(
  socket: ClientSocket,
  meetingId: string,
  agendaItemId: string,
): Promise<Vote> {
  const result = await voteOpen(socket, { meetingId, agendaItemId });
  if (!result.ok) throw new Error(`vote:open refused: ${result.error.code}`);
  return result.value.vote;
}

export async function setAttendance(
  h: Harness,
  staff: Session,
  meetingId: string,
  present: string[],
): Promise<HttpResult> {
  return http(h, 'PUT', ADMIN_ROUTES.attendance(meetingId), {
    token: staff.token,
    json: { present },
  });
}

/** The client's row: bound user and last mutation id (null: never pushed). */
export async function clientRow(
  h: Harness,
  clientId: string,
): Promise<{ userId: string; lastMutationId: number } | null> {
  const [row] = await h.server.db
    .select({ userId: clientMutations.userId, lastMutationId: clientMutations.lastMutationId })
    .from(clientMutations)
    .where(eq(clientMutations.clientId, clientId));
  return row ?? null;
}
