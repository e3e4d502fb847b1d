import type { Stance } from '../../shared/domain/position.ts';
import type { VoteChoice } from '../../shared/domain/vote.ts';
import type {
  CommentView,
  MeetingPositions,
  OutboxStatus,
  Rejection,
  VoteView,
} from '../../shared/domain/views.ts';
import type { MeetingDetail } from '../../shared/domain/offline.ts';
import type { Reminder } from '../../shared/domain/reminder.ts';
import type { User } from '../../shared/domain/user.ts';
import type { Channel, EventName } from '../../shared/ipc/channels.ts';
import type { ConnectionState } from '../../shared/ipc/events.ts';
import type { Entity } from '../../shared/protocol/changes.ts';
import { handleAttendance } from './fakeAttendance.ts';
import { uuid } from './fixtures.ts';

/** What the fake core holds of what members write. Every field is mutable by the test. */
export interface FakeWriteState {
  /** Every comment, any item, in insertion order; `comments:list` threads them. */
  comments: CommentView[];
  /** `positions:get` per meeting id. A meeting not listed gets empty positions on first use,
   * `started` once its `startsAt` has passed by the clock. */
  positions: Record<string, MeetingPositions>;
  /** Every vote, any meeting; `votes:list` answers the meeting's, newest opened first. */
  votes: VoteView[];
  /** Refused changes not dismissed, oldest first. */
  rejected: Rejection[];
  lastPushAt: number | null;
  lastError: OutboxStatus['lastError'];
  updateRequired: boolean;
  /** The roll call per meeting id (`attendance:get`); a meeting not listed has none yet. */
  attendance: Record<string, string[]>;
  /** Reminders not dismissed on this device, newest first (`reminders:list`). */
  reminders: Reminder[];
}

/** What the fake core needs from the fake bridge around it. */
export interface FakeWriteHost {
  user: () => User | null;
  meetings: () => MeetingDetail[];
  connection: () => ConnectionState;
  emit: (event: EventName, payload: unknown) => void;
}

/** Which record a queued change is about (for acks and refusals in tests). */
export type ChangeTarget = { comment: string } | { position: string } | { vote: string };

interface Queued {
  mutationId: number;
  kind: string;
  summary: string;
  clientTime: number;
  meetingId: string | null;
  target: ChangeTarget;
  entity: Entity;
  /** The server accepted it: the optimistic record becomes the server's. */
  settle: () => void;
  /** The server refused it: the record goes back to what the server has, with the refusal. */
  undo: (rejection: Rejection) => void;
}

export interface FakeWriteCore {
  readonly state: FakeWriteState;
  /** Answers a write channel; undefined for any other channel. */
  handle: (channel: Channel, input: unknown) => unknown;
  /** Changes waiting for the server, oldest first. */
  pendingCount: () => number;
  /** The server acknowledges every waiting change (as after a push and the pull's echo). */
  ackAll: () => void;
  /** The server refuses the latest waiting change about `target` with `code`. */
  reject: (target: ChangeTarget, code: string, message?: string) => Rejection;
  /** The server refuses this app's protocol version (or accepts it again). */
  setUpdateRequired: (value: boolean) => void;
}

const ok = (value: unknown): unknown => ({ ok: true, value });
const fail = (code: string, message = ''): unknown => ({ ok: false, error: { code, message } });

function field(input: unknown, key: string): unknown {
  return typeof input === 'object' && input !== null
    ? (input as Record<string, unknown>)[key]
    : undefined;
}

function str(input: unknown, key: string): string {
  const value = field(input, key);
  return typeof value === 'string' ? value : '';
}

function sameTarget(a: ChangeTarget, b: ChangeTarget): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/**
 * A stand-in for the core's write features (comments, positions, votes, outbox), behaving as
 * the contract says: a write is stored at once and shows as pending, `outbox:changed` and
 * `sync:applied` follow every write, ack, refusal and dismissal; a refusal undoes the change
 * and is listed with its reason until dismissed. Votes are opened and closed online only.
 */
export function createFakeWriteCore(host: FakeWriteHost): FakeWriteCore {
  const state: FakeWriteState = {
    comments: [],
    positions: {},
    votes: [],
    rejected: [],
    lastPushAt: null,
    lastError: null,
    updateRequired: false,
    attendance: {},
    reminders: [],
  };
  const queue: Queued[] = [];
  /** Meetings whose positions the fake made up: they start by the clock. */
  const byClock = new Set<string>();
  /** The ballot the server counts per vote id (mine), as the fake's server sees it. */
  const serverBallots = new Map<string, NonNullable<VoteView['myBallot']>>();
  let nextMutationId = 1;
  let nextId = 70_000;

  const now = (): number => Date.now();
  const iso = (ms: number): string => new Date(ms).toISOString();

  function counts() {
    return {
      pending: queue.length,
      rejected: state.rejected.length,
      updateRequired: state.updateRequired,
    };
  }

  function status(): OutboxStatus {
    return {
      pending: queue.length,
      rejected: [...state.rejected],
      lastPushAt: state.lastPushAt,
      lastError: state.lastError,
      updateRequired: state.updateRequired,
    };
  }

  function announce(entities: Entity[]): void {
    host.emit('outbox:changed', counts());
    if (entities.length > 0) host.emit('sync:applied', { entities, cursor: 1 });
  }

  function itemOf(agendaItemId: string) {
    for (const detail of host.meetings())
      for (const entry of detail.items) if (entry.item.id === agendaItemId) return entry.item;
    return null;
  }

  function positionsOf(meetingId: string): MeetingPositions | null {
    const detail = host.meetings().find((m) => m.meeting.id === meetingId);
    const existing = state.positions[meetingId];
    if (existing) {
      if (
        detail &&
        byClock.has(meetingId) &&
        !existing.started &&
        now() >= Date.parse(detail.meeting.startsAt)
      )
        state.positions[meetingId] = { ...existing, started: true };
      return state.positions[meetingId] ?? null;
    }
    if (!detail) return null;
    byClock.add(meetingId);
    const created: MeetingPositions = {
      meetingId,
      started: now() >= Date.parse(detail.meeting.startsAt),
      items: detail.items.map(({ item }) => ({
        agendaItemId: item.id,
        order: item.position,
        title: item.title,
        mine: null,
        pending: false,
        rejection: null,
        aggregate: null,
      })),
      consent: null,
    };
    state.positions[meetingId] = created;
    return created;
  }

  function enqueue(entry: Omit<Queued, 'mutationId' | 'clientTime'>): void {
    queue.push({ ...entry, mutationId: nextMutationId++, clientTime: now() });
    announce([entry.entity]);
  }

  /** Thread order: each comment then its replies, depth first; siblings in insertion order. */
  function thread(agendaItemId: string, user: User): CommentView[] {
    const mine = state.comments.filter((v) => v.comment.agendaItemId === agendaItemId);
    const ids = new Set(mine.map((v) => v.comment.id));
    const out: CommentView[] = [];
    const visit = (parent: string | null, depth: number): void => {
      for (const view of mine) {
        const p =
          view.comment.parentId !== null && ids.has(view.comment.parentId)
            ? view.comment.parentId
            : null;
        if (p !== parent) continue;
        out.push({ ...view, depth, mine: view.comment.authorId === user.id });
        visit(view.comment.id, depth + 1);
      }
    };
    visit(null, 0);
    return out;
  }

  function commentView(id: string, user: User): CommentView | null {
    const view = state.comments.find((v) => v.comment.id === id);
    if (!view) return null;
    const listed = thread(view.comment.agendaItemId, user).find((v) => v.comment.id === id);
    return listed ?? null;
  }

  function replaceComment(id: string, change: (view: CommentView) => CommentView): void {
    state.comments = state.comments.map((v) => (v.comment.id === id ? change(v) : v));
  }

  function handleComments(channel: Channel, input: unknown, user: User): unknown {
    switch (channel) {
      case 'comments:list': {
        const agendaItemId = str(input, 'agendaItemId');
        if (!itemOf(agendaItemId)) return fail('NOT_FOUND');
        return ok({ agendaItemId, comments: thread(agendaItemId, user) });
      }
      case 'comments:create': {
        const item = itemOf(str(input, 'agendaItemId'));
        if (!item) return fail('NOT_FOUND');
        const parentId = (field(input, 'parentId') as string | null) ?? null;
        if (parentId !== null && !state.comments.some((v) => v.comment.id === parentId))
          return fail('NOT_FOUND');
        const body = str(input, 'body').trim();
        if (body === '') return fail('INVALID_INPUT');
        const id = uuid(nextId++);
        state.comments.push({
          comment: {
            id,
            meetingId: item.meetingId,
            agendaItemId: item.id,
            parentId,
            authorId: user.id,
            body,
            createdAt: iso(now()),
            editedAt: null,
            deletedAt: null,
          },
          depth: 0,
          authorName: user.displayName,
          mine: true,
          pending: true,
          rejection: null,
        });
        enqueue({
          kind: 'comment.create',
          summary: body,
          meetingId: item.meetingId,
          target: { comment: id },
          entity: 'comment',
          settle: () => replaceComment(id, (v) => ({ ...v, pending: false })),
          undo: (r) => replaceComment(id, (v) => ({ ...v, pending: false, rejection: r })),
        });
        return ok(commentView(id, user));
      }
      case 'comments:edit':
      case 'comments:delete': {
        const id = str(input, 'id');
        const before = state.comments.find((v) => v.comment.id === id);
        if (!before || before.comment.deletedAt !== null) return fail('NOT_FOUND');
        if (before.comment.authorId !== user.id) return fail('NOT_AUTHOR');
        const edit = channel === 'comments:edit';
        const body = edit ? str(input, 'body').trim() : '';
        replaceComment(id, (v) => ({
          ...v,
          pending: true,
          comment: edit
            ? { ...v.comment, body, editedAt: iso(now()) }
            : { ...v.comment, body: '', deletedAt: iso(now()) },
        }));
        enqueue({
          kind: edit ? 'comment.edit' : 'comment.delete',
          summary: body,
          meetingId: before.comment.meetingId,
          target: { comment: id },
          entity: 'comment',
          settle: () => replaceComment(id, (v) => ({ ...v, pending: false })),
          undo: (r) => replaceComment(id, () => ({ ...before, pending: false, rejection: r })),
        });
        return ok(commentView(id, user));
      }
      default:
        return undefined;
    }
  }

  function handlePositions(channel: Channel, input: unknown): unknown {
    switch (channel) {
      case 'positions:get': {
        const positions = positionsOf(str(input, 'meetingId'));
        return positions ? ok(positions) : fail('NOT_FOUND');
      }
      case 'positions:set': {
        const item = itemOf(str(input, 'agendaItemId'));
        const positions = item ? positionsOf(item.meetingId) : null;
        if (!item || !positions) return fail('NOT_FOUND');
        if (positions.started) return fail('MEETING_STARTED');
        const stance = field(input, 'stance') as Stance;
        const note = str(input, 'note');
        const meetingId = item.meetingId;
        const update = (
          change: (p: MeetingPositions['items'][number]) => MeetingPositions['items'][number],
        ) => {
          const current = state.positions[meetingId];
          if (!current) return;
          state.positions[meetingId] = {
            ...current,
            items: current.items.map((p) => (p.agendaItemId === item.id ? change(p) : p)),
          };
        };
        const before = positions.items.find((p) => p.agendaItemId === item.id)?.mine ?? null;
        update((p) => ({ ...p, pending: true, mine: { stance, note, updatedAt: iso(now()) } }));
        enqueue({
          kind: 'position.set',
          summary: note === '' ? stance : `${stance}: ${note}`,
          meetingId,
          target: { position: item.id },
          entity: 'position',
          settle: () => update((p) => ({ ...p, pending: false })),
          undo: (r) => update((p) => ({ ...p, pending: false, mine: before, rejection: r })),
        });
        return ok(state.positions[meetingId]);
      }
      default:
        return undefined;
    }
  }

  function replaceVote(id: string, change: (view: VoteView) => VoteView): void {
    state.votes = state.votes.map((v) => (v.vote.id === id ? change(v) : v));
  }

  function mayVote(meetingId: string, user: User): boolean {
    const detail = host.meetings().find((m) => m.meeting.id === meetingId);
    return (
      detail?.participants.find((p) => p.participant.userId === user.id)?.participant.mayVote ??
      false
    );
  }

  function handleVotes(channel: Channel, input: unknown, user: User): unknown {
    switch (channel) {
      case 'votes:list': {
        const meetingId = str(input, 'meetingId');
        if (!host.meetings().some((m) => m.meeting.id === meetingId)) return fail('NOT_FOUND');
        const votes = state.votes
          .filter((v) => v.vote.meetingId === meetingId)
          .sort((a, b) => Date.parse(b.vote.openedAt) - Date.parse(a.vote.openedAt));
        return ok({ meetingId, votes });
      }
      case 'votes:cast': {
        const voteId = str(input, 'voteId');
        const view = state.votes.find((v) => v.vote.id === voteId);
        if (!view) return fail('NOT_FOUND');
        if (view.vote.status === 'closed') return fail('VOTING_CLOSED');
        if (!view.mayVote) return fail('NOT_ELIGIBLE');
        const choice = field(input, 'choice') as VoteChoice;
        // What the server counts for me in this vote, before this ballot.
        if (!serverBallots.has(voteId) && view.myBallot && !view.myBallot.pending)
          serverBallots.set(voteId, view.myBallot);
        replaceVote(voteId, (v) => ({
          ...v,
          myBallot: { choice, castAt: iso(now()), pending: true },
        }));
        enqueue({
          kind: 'vote.cast',
          summary: choice,
          meetingId: view.vote.meetingId,
          target: { vote: voteId },
          entity: 'ballot',
          settle: () => {
            const counted = serverBallots.get(voteId);
            const ballot = { choice, castAt: iso(now()), pending: false };
            serverBallots.set(voteId, ballot);
            const waiting = queue.some((e) => sameTarget(e.target, { vote: voteId }));
            replaceVote(voteId, (v) => {
              const counts = { ...v.vote.counts };
              if (counted) counts[counted.choice] -= 1;
              counts[choice] += 1;
              return { ...v, vote: { ...v.vote, counts }, myBallot: waiting ? v.myBallot : ballot };
            });
          },
          undo: (r) =>
            replaceVote(voteId, (v) => ({
              ...v,
              myBallot: serverBallots.get(voteId) ?? null,
              rejection: r,
              rejectedChoice: choice,
            })),
        });
        return ok(state.votes.find((v) => v.vote.id === voteId));
      }
      case 'votes:open': {
        if (user.role === 'member') return fail('FORBIDDEN');
        if (host.connection().state !== 'online') return fail('SERVER_UNREACHABLE');
        const item = itemOf(str(input, 'agendaItemId'));
        if (!item) return fail('NOT_FOUND');
        const vote: VoteView['vote'] = {
          id: uuid(nextId++),
          meetingId: item.meetingId,
          agendaItemId: item.id,
          question: str(input, 'question').trim(),
          ruleSetId: 'cabinet',
          status: 'open',
          openedAt: iso(now()),
          closedAt: null,
          counts: { for: 0, against: 0, abstain: 0 },
          result: null,
        };
        state.votes.push({
          vote,
          agendaItemTitle: item.title,
          myBallot: null,
          rejection: null,
          rejectedChoice: null,
          mayVote: mayVote(item.meetingId, user),
        });
        host.emit('sync:applied', { entities: ['vote'], cursor: 2 });
        return ok({ vote });
      }
      case 'votes:close': {
        if (user.role === 'member') return fail('FORBIDDEN');
        if (host.connection().state !== 'online') return fail('SERVER_UNREACHABLE');
        const voteId = str(input, 'voteId');
        const view = state.votes.find((v) => v.vote.id === voteId);
        if (!view) return fail('NOT_FOUND');
        const eligible =
          host
            .meetings()
            .find((m) => m.meeting.id === view.vote.meetingId)
            ?.participants.filter((p) => p.participant.mayVote).length ?? 0;
        const { counts } = view.vote;
        const voted = counts.for + counts.against + counts.abstain;
        replaceVote(voteId, (v) => ({
          ...v,
          vote: {
            ...v.vote,
            status: 'closed',
            closedAt: iso(now()),
            result: {
              outcome: counts.for * 2 > eligible ? 'passed' : 'failed',
              ...counts,
              notVoted: Math.max(eligible - voted, 0),
              eligible,
              present: eligible,
              quorumMet: true,
              decidedByChair: false,
            },
          },
        }));
        host.emit('sync:applied', { entities: ['vote'], cursor: 3 });
        return ok({ vote: state.votes.find((v) => v.vote.id === voteId)?.vote });
      }
      default:
        return undefined;
    }
  }

  function handleOutbox(channel: Channel, input: unknown): unknown {
    switch (channel) {
      case 'outbox:status':
        return ok(status());
      case 'outbox:dismiss': {
        const mutationId = field(input, 'mutationId');
        const refused = state.rejected.find((r) => r.mutationId === mutationId);
        if (!refused) return fail('NOT_FOUND');
        state.rejected = state.rejected.filter((r) => r !== refused);
        const forget = <T extends { rejection: Rejection | null }>(v: T): T =>
          v.rejection?.mutationId === mutationId ? { ...v, rejection: null } : v;
        // A refused creation is listed until dismissed; then it is gone.
        state.comments = state.comments
          .filter(
            (v) => !(v.rejection?.mutationId === mutationId && refused.kind === 'comment.create'),
          )
          .map(forget);
        state.votes = state.votes.map((v) =>
          v.rejection?.mutationId === mutationId
            ? { ...v, rejection: null, rejectedChoice: null }
            : v,
        );
        for (const [meetingId, positions] of Object.entries(state.positions))
          state.positions[meetingId] = { ...positions, items: positions.items.map(forget) };
        announce(['comment', 'position', 'ballot']);
        return ok(status());
      }
      default:
        return undefined;
    }
  }

  function handleReminders(channel: Channel, input: unknown): unknown {
    switch (channel) {
      case 'reminders:list':
        return ok({ reminders: [...state.reminders] });
      case 'reminders:dismiss': {
        const id = field(input, 'id');
        if (!state.reminders.some((r) => r.id === id)) return fail('NOT_FOUND');
        state.reminders = state.reminders.filter((r) => r.id !== id);
        return ok({ reminders: [...state.reminders] });
      }
      default:
        return undefined;
    }
  }

  return {
    state,
    handle(channel, input) {
      if (!/^(comments|positions|votes|outbox|reminders|attendance):/.test(channel))
        return undefined;
      const user = host.user();
      if (!user) return fail('NOT_LOGGED_IN');
      return (
        handleComments(channel, input, user) ??
        handlePositions(channel, input) ??
        handleVotes(channel, input, user) ??
        handleAttendance(host, state.attendance, channel, input, user) ??
        handleOutbox(channel, input) ??
        handleReminders(channel, input)
      );
    },
    pendingCount: () => queue.length,
    ackAll() {
      const entities = new Set<Entity>();
      for (const entry of queue.splice(0)) {
        entry.settle();
        entities.add(entry.entity);
        if (entry.entity === 'ballot') entities.add('vote');
      }
      state.lastPushAt = now();
      announce([...entities]);
    },
    reject(target, code, message = 'refused by the server') {
      const index = queue.findLastIndex((entry) => sameTarget(entry.target, target));
      const entry = queue[index];
      if (!entry) throw new Error(`nothing queued for ${JSON.stringify(target)}`);
      queue.splice(index, 1);
      const refused: Rejection = {
        mutationId: entry.mutationId,
        kind: entry.kind,
        summary: entry.summary,
        code,
        message,
        clientTime: entry.clientTime,
        rejectedAt: now(),
        meetingId: entry.meetingId,
      };
      state.rejected.push(refused);
      entry.undo(refused);
      announce([entry.entity]);
      return refused;
    },
    setUpdateRequired(value) {
      state.updateRequired = value;
      if (value)
        state.lastError = { code: 'PROTOCOL_UNSUPPORTED', message: 'protocol 1 < 2', at: now() };
      announce([]);
    },
  };
}
