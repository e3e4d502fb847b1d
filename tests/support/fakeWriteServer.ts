import { randomUUID } from 'node:crypto';
import type { AnnotationRecord } from '../../shared/domain/annotation.ts';
import type { Comment } from '../../shared/domain/comment.ts';
import { applyToAnnotation, type AnnotationMutation } from '../../shared/sync/optimistic.ts';
import { applyToOpinion } from '../../shared/sync/optimisticOpinion.ts';
import type { AgendaItem, Meeting, Participant } from '../../shared/domain/meeting.ts';
import type { Position } from '../../shared/domain/position.ts';
import type { Ballot, Vote } from '../../shared/domain/vote.ts';
import type { Change } from '../../shared/protocol/changes.ts';
import {
  pushRequestSchema,
  type MutationAck,
  type MutationRejectCode,
  type PushRequest,
} from '../../shared/protocol/push.ts';
import {
  voteCloseRequestSchema,
  voteOpenRequestSchema,
} from '../../shared/protocol/secretariat.ts';
import { CABINET_RULES } from '../../shared/rules/ruleSet.ts';
import { tally } from '../../shared/rules/tally.ts';
import { isMutationKind, mutationArgs } from '../../shared/sync/mutations.ts';
import type { FakeSyncServer } from './fakeSyncServer.ts';
import type { ChangeLog } from './syncFixtures.ts';

/**
 * The server half of the push protocol (shared/protocol/push.ts) and the secretariat's live-vote
 * events (shared/protocol/secretariat.ts), in memory, on top of the fake sync server: what the
 * real server will do, reduced to what client tests need. Every applied mutation appends its
 * effect to the fake's change log (with a news hint), so devices converge through their pulls.
 * Knobs break things on purpose.
 */
export interface FakeWriteServer {
  /** Every push request that parsed, in order. */
  readonly pushes: PushRequest[];
  readonly comments: Map<string, Comment>;
  readonly positions: Map<string, Position>;
  readonly votes: Map<string, Vote>;
  readonly ballots: Map<string, Ballot>;
  readonly annotations: Map<string, AnnotationRecord>;
  /** (clientId) → bound user and last mutation id seen. */
  readonly clients: Map<string, { userId: string; last: number }>;
  /** Mutations applied (not duplicates), in order: `${clientId}#${mutationId}`. */
  readonly effects: string[];
  knobs: {
    /** Apply the next N pushes but never ack them (a lost ack). */
    dropAcks: number;
    /** Answer the next N pushes with this error, applying nothing. */
    refusePushes: { code: string; times: number } | null;
    /** Delay before answering a push, ms. */
    pushDelayMs: number;
  };
  /** The server's clock, epoch ms (tests move it). */
  now: () => number;
  /** Opens a vote directly (as if the secretariat had), publishing it. */
  openVote(meetingId: string, agendaItemId: string, question?: string): Vote;
  closeVote(voteId: string): Vote;
  /** Forgets every client's last mutation id (a server restored from an old backup). */
  forgetClients(): void;
}

export function attachWriteServer(server: FakeSyncServer, log: ChangeLog): FakeWriteServer {
  const fake: FakeWriteServer = {
    pushes: [],
    comments: new Map(),
    positions: new Map(),
    votes: new Map(),
    ballots: new Map(),
    annotations: new Map(),
    clients: new Map(),
    effects: [],
    knobs: { dropAcks: 0, refusePushes: null, pushDelayMs: 0 },
    now: () => Date.now(),
    openVote: (meetingId, agendaItemId, question = 'Thông qua dự thảo?') =>
      openVote({ voteId: randomUUID(), meetingId, agendaItemId, question }),
    closeVote: (voteId) => closeVote(voteId),
    forgetClients: () => {
      for (const c of fake.clients.values()) c.last = 0;
    },
  };
  const iso = (): string => new Date(fake.now()).toISOString();
  const publish = (changes: Change[]): void => server.publish(changes);
  const latest = <T extends { id: string }>(entity: Change['entity'], id: string): T | null => {
    let found: T | null = null;
    for (const c of server.changes())
      if (c.entity === entity && (c.op === 'upsert' ? c.data.id === id : c.id === id))
        found = c.op === 'upsert' ? (c.data as unknown as T) : null;
    return found;
  };
  const item = (id: string) => latest<AgendaItem>('agendaItem', id);
  const meeting = (id: string) => latest<Meeting>('meeting', id);
  const participant = (meetingId: string, userId: string) =>
    latest<Participant>('participant', `${meetingId}:${userId}`);
  const eligible = (meetingId: string): string[] =>
    server
      .changes()
      .filter(
        (c) => c.op === 'upsert' && c.entity === 'participant' && c.data.meetingId === meetingId,
      )
      .map((c) => (c.op === 'upsert' && c.entity === 'participant' ? c.data : null))
      .filter((p): p is Participant => p !== null && p.mayVote)
      .map((p) => p.userId);

  function openVote(input: {
    voteId: string;
    meetingId: string;
    agendaItemId: string;
    question: string;
  }): Vote {
    const vote: Vote = {
      id: input.voteId,
      meetingId: input.meetingId,
      agendaItemId: input.agendaItemId,
      question: input.question,
      ruleSetId: CABINET_RULES.id,
      status: 'open',
      openedAt: iso(),
      closedAt: null,
      counts: { for: 0, against: 0, abstain: 0 },
      result: null,
    };
    fake.votes.set(vote.id, vote);
    publish([log.upsert('vote', vote)]);
    return vote;
  }

  function recount(vote: Vote): Vote {
    const counts = { for: 0, against: 0, abstain: 0 };
    for (const b of fake.ballots.values()) if (b.voteId === vote.id) counts[b.choice]++;
    return { ...vote, counts };
  }

  function closeVote(voteId: string): Vote {
    const vote = fake.votes.get(voteId);
    if (!vote) throw new Error('no such vote');
    if (vote.status === 'closed') return vote;
    const votes = new Map(
      [...fake.ballots.values()]
        .filter((b) => b.voteId === voteId)
        .map((b) => [b.userId, b.choice]),
    );
    const voters = eligible(vote.meetingId);
    const result = tally(
      {
        eligibleVoters: voters,
        present: voters,
        votes,
        chairId: meeting(vote.meetingId)?.chairId ?? null,
      },
      CABINET_RULES,
    );
    const closed: Vote = { ...recount(vote), status: 'closed', closedAt: iso(), result };
    fake.votes.set(voteId, closed);
    publish([log.upsert('vote', closed)]);
    return closed;
  }

  /** Applies one mutation (id = last + 1) for `userId`; returns a reject code or null. */
  function apply(
    userId: string,
    kind: string,
    rawArgs: unknown,
  ): { code: MutationRejectCode; message: string } | null {
    if (!isMutationKind(kind)) return { code: 'UNKNOWN_MUTATION', message: kind };
    const reject = (code: MutationRejectCode, message: string = code) => ({ code, message });
    switch (kind) {
      case 'comment.create': {
        const a = mutationArgs[kind].safeParse(rawArgs);
        if (!a.success) return reject('INVALID_ARGS');
        const it = item(a.data.agendaItemId);
        if (!it || it.meetingId !== a.data.meetingId) return reject('NOT_FOUND');
        if (fake.comments.has(a.data.id)) return reject('INVALID_ARGS', 'id taken');
        const c: Comment = {
          ...a.data,
          authorId: userId,
          createdAt: iso(),
          editedAt: null,
          deletedAt: null,
        };
        fake.comments.set(c.id, c);
        publish([log.upsert('comment', c)]);
        return null;
      }
      case 'comment.edit':
      case 'comment.delete': {
        const a = mutationArgs['comment.edit'].partial({ body: true }).safeParse(rawArgs);
        if (!a.success) return reject('INVALID_ARGS');
        const c = fake.comments.get(a.data.id);
        if (!c || c.deletedAt) return reject('NOT_FOUND');
        if (c.authorId !== userId) return reject('NOT_AUTHOR');
        const next: Comment =
          kind === 'comment.edit'
            ? { ...c, body: a.data.body ?? c.body, editedAt: iso() }
            : { ...c, body: '', deletedAt: iso() };
        fake.comments.set(c.id, next);
        publish([log.upsert('comment', next)]);
        return null;
      }
      case 'position.set': {
        const a = mutationArgs[kind].safeParse(rawArgs);
        if (!a.success) return reject('INVALID_ARGS');
        const it = item(a.data.agendaItemId);
        const m = it ? meeting(it.meetingId) : null;
        if (!it || !m || m.id !== a.data.meetingId) return reject('NOT_FOUND');
        if (fake.now() >= Date.parse(m.startsAt)) return reject('MEETING_STARTED');
        const p: Position = { id: `${it.id}:${userId}`, ...a.data, userId, updatedAt: iso() };
        fake.positions.set(p.id, p);
        publish([log.upsert('position', p)]);
        return null;
      }
      case 'vote.cast': {
        const a = mutationArgs[kind].safeParse(rawArgs);
        if (!a.success) return reject('INVALID_ARGS');
        const vote = fake.votes.get(a.data.voteId);
        if (!vote) return reject('NOT_FOUND');
        if (vote.status === 'closed')
          return reject('VOTING_CLOSED', 'the vote closed before this ballot arrived');
        if (!participant(vote.meetingId, userId)?.mayVote) return reject('NOT_ELIGIBLE');
        const b: Ballot = {
          id: `${vote.id}:${userId}`,
          voteId: vote.id,
          meetingId: vote.meetingId,
          userId,
          choice: a.data.choice,
          castAt: iso(),
        };
        fake.ballots.set(b.id, b);
        const counted = recount(vote);
        fake.votes.set(vote.id, counted);
        publish([log.upsert('ballot', b), log.upsert('vote', counted)]);
        return null;
      }
      case 'annotation.create':
      case 'annotation.update':
      case 'annotation.delete':
      case 'annotation.reanchor':
      case 'annotation.restore':
        return applyAnnotation(userId, kind, rawArgs);
      case 'annotationComment.create':
      case 'annotationComment.edit':
      case 'annotationComment.delete':
        // Not modelled by this fake (the real server's suites and the core-against-server
        // tests cover comments on annotations): refused as a server that does not know them.
        return reject('UNKNOWN_MUTATION', kind);
      case 'opinion.submit': {
        // The fake does not verify signatures (the real server's suites do): it records the
        // signed answer as verified, received now.
        const a = mutationArgs[kind].safeParse(rawArgs);
        if (!a.success) return reject('INVALID_ARGS');
        const shown = applyToOpinion(null, a.data, {
          userId,
          clientTime: fake.now(),
          meetingId: '',
        });
        if (!shown) return reject('OPINION_REJECTED', 'BAD_PAYLOAD: unreadable payload');
        publish([log.upsert('opinion', { ...shown, status: 'verified', receivedAt: iso() })]);
        return null;
      }
    }
  }

  /** Annotations by the shared optimistic rules; the fake does not filter by visibility. */
  function applyAnnotation(
    userId: string,
    kind: AnnotationMutation['kind'],
    rawArgs: unknown,
  ): { code: MutationRejectCode; message: string } | null {
    const parsed = parseAnnotationMutation(kind, rawArgs);
    if (parsed === null) return { code: 'INVALID_ARGS', message: 'INVALID_ARGS' };
    const current = fake.annotations.get(parsed.args.id) ?? null;
    if (parsed.kind === 'annotation.create') {
      if (current) return { code: 'INVALID_ARGS', message: 'id taken' };
      if (!participant(parsed.args.meetingId, userId))
        return { code: 'NOT_FOUND', message: 'meeting' };
    } else {
      if (!current || (current.deletedAt !== null && parsed.kind !== 'annotation.restore'))
        return { code: 'NOT_FOUND', message: 'annotation' };
      if (current.authorId !== userId) return { code: 'NOT_AUTHOR', message: 'NOT_AUTHOR' };
      const shape = parsed.kind === 'annotation.update' ? parsed.args.patch.shape : undefined;
      if (shape && shape.kind !== current.shape.kind)
        return { code: 'INVALID_ARGS', message: 'kind changes' };
    }
    const meetingId =
      parsed.kind === 'annotation.create' ? parsed.args.meetingId : (current?.meetingId ?? '');
    const next = applyToAnnotation(current, parsed, { userId, clientTime: fake.now(), meetingId });
    if (!next) return { code: 'NOT_FOUND', message: 'annotation' };
    fake.annotations.set(next.id, next);
    publish([log.upsert('annotation', next)]);
    return null;
  }

  const err = (code: string, message = code) => ({ ok: false, error: { code, message } });

  server.handleEvent('push', async (userId, payload) => {
    if (fake.knobs.pushDelayMs > 0) await new Promise((r) => setTimeout(r, fake.knobs.pushDelayMs));
    const request = pushRequestSchema.safeParse(payload);
    if (!request.success) return err('INVALID_INPUT', 'bad push');
    fake.pushes.push(request.data);
    const refuse = fake.knobs.refusePushes;
    if (refuse && refuse.times > 0) {
      refuse.times--;
      return err(refuse.code);
    }
    let client = fake.clients.get(request.data.clientId);
    if (client && client.userId !== userId)
      return err('FORBIDDEN', 'client id bound to another user');
    if (!client) {
      client = { userId, last: 0 };
      fake.clients.set(request.data.clientId, client);
    }
    const acks: MutationAck[] = [];
    let expectedMutationId: number | null = null;
    for (const m of request.data.mutations) {
      if (m.mutationId <= client.last) {
        acks.push({ mutationId: m.mutationId, status: 'duplicate' });
        continue;
      }
      if (m.mutationId > client.last + 1) {
        expectedMutationId = client.last + 1;
        break;
      }
      const refused = apply(userId, m.kind, m.args);
      client.last = m.mutationId;
      if (refused) acks.push({ mutationId: m.mutationId, status: 'rejected', ...refused });
      else {
        acks.push({ mutationId: m.mutationId, status: 'applied' });
        fake.effects.push(`${request.data.clientId}#${m.mutationId}`);
      }
    }
    if (fake.knobs.dropAcks > 0) {
      fake.knobs.dropAcks--;
      return undefined;
    }
    return { ok: true, value: { acks, expectedMutationId } };
  });

  const staff = (userId: string): boolean => {
    const role = server.userById(userId)?.role;
    return role === 'secretariat' || role === 'admin';
  };
  server.handleEvent('vote:open', (userId, payload) => {
    const request = voteOpenRequestSchema.safeParse(payload);
    if (!request.success) return err('INVALID_INPUT');
    if (!staff(userId)) return err('FORBIDDEN', 'only the secretariat opens votes');
    const it = item(request.data.agendaItemId);
    if (!it || it.meetingId !== request.data.meetingId) return err('NOT_FOUND');
    const voteId = request.data.voteId ?? randomUUID();
    const existing = fake.votes.get(voteId);
    if (existing) return { ok: true, value: { vote: existing } };
    return { ok: true, value: { vote: openVote({ ...request.data, voteId }) } };
  });
  server.handleEvent('vote:close', (userId, payload) => {
    const request = voteCloseRequestSchema.safeParse(payload);
    if (!request.success) return err('INVALID_INPUT');
    if (!staff(userId)) return err('FORBIDDEN', 'only the secretariat closes votes');
    if (!fake.votes.has(request.data.voteId)) return err('NOT_FOUND');
    return { ok: true, value: { vote: closeVote(request.data.voteId) } };
  });
  return fake;
}

function parseAnnotationMutation(
  kind: AnnotationMutation['kind'],
  args: unknown,
): AnnotationMutation | null {
  switch (kind) {
    case 'annotation.create': {
      const a = mutationArgs[kind].safeParse(args);
      return a.success ? { kind, args: a.data } : null;
    }
    case 'annotation.update': {
      const a = mutationArgs[kind].safeParse(args);
      return a.success ? { kind, args: a.data } : null;
    }
    case 'annotation.delete': {
      const a = mutationArgs[kind].safeParse(args);
      return a.success ? { kind, args: a.data } : null;
    }
    case 'annotation.reanchor': {
      const a = mutationArgs[kind].safeParse(args);
      return a.success ? { kind, args: a.data } : null;
    }
    case 'annotation.restore': {
      const a = mutationArgs[kind].safeParse(args);
      return a.success ? { kind, args: a.data } : null;
    }
  }
}
