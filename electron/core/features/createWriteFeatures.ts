import type { DatabaseSync } from 'node:sqlite';
import type { User } from '../../../shared/domain/user.ts';
import type { OutboxStatus } from '../../../shared/domain/views.ts';
import type { Handlers } from '../../../shared/ipc/dispatch.ts';
import { IpcError } from '../../../shared/ipc/errors.ts';
import type { Entity } from '../../../shared/protocol/changes.ts';
import type { MutationKind } from '../../../shared/sync/mutations.ts';
import type { FieldCipher } from '../crypto/FieldCipher.ts';
import type { EventHub } from '../events/EventHub.ts';
import type { Logger } from '../log/logger.ts';
import { Outbox } from '../outbox/Outbox.ts';
import { OutboxPusher } from '../outbox/OutboxPusher.ts';
import type { PushTuning } from '../outbox/PushTuning.ts';
import type { WriteTable } from '../outbox/writeTables.ts';
import type { ReplicaReader } from '../store/ReplicaReader.ts';
import type { SyncSocket } from '../sync/openSyncSocket.ts';
import { AnnotationCommentService } from '../annotations/AnnotationCommentService.ts';
import { AnnotationService } from '../annotations/AnnotationService.ts';
import { ActivityReader } from './ActivityReader.ts';
import { AttendanceService } from './AttendanceService.ts';
import { CommentService } from './CommentService.ts';
import { FeatureContext } from './FeatureContext.ts';
import { PositionService } from './PositionService.ts';
import { SecretariatVotes } from './SecretariatVotes.ts';
import { VoteService } from './VoteService.ts';

export type WriteChannel =
  | 'comments:list'
  | 'comments:create'
  | 'comments:edit'
  | 'comments:delete'
  | 'positions:get'
  | 'positions:set'
  | 'votes:list'
  | 'votes:cast'
  | 'votes:open'
  | 'votes:close'
  | 'attendance:get'
  | 'attendance:set'
  | 'outbox:status'
  | 'outbox:dismiss'
  | 'annotations:list'
  | 'annotations:create'
  | 'annotations:update'
  | 'annotations:delete'
  | 'annotations:restore'
  | 'annotations:reanchor'
  | 'annotations:place'
  | 'annotationComments:list'
  | 'annotationComments:create'
  | 'annotationComments:edit'
  | 'annotationComments:delete';

export interface WriteFeaturesDeps {
  db: DatabaseSync;
  cipher: FieldCipher;
  log: Logger;
  events: EventHub;
  reader: ReplicaReader;
  /** Whose replica may be read and written (also after the server ended the session). */
  replicaUser: () => User | null;
  /** Who is signed in now (pushes need a live token). */
  activeUserId: () => string | null;
  /** Device clock, epoch ms. */
  now: () => number;
  /** Best estimate of the server's clock, epoch ms. */
  serverNow: () => number;
  cursor: () => number;
  connectedSocket: () => SyncSocket | null;
  requestPull: () => void;
  onAuthFailure: (reason: 'expired' | 'revoked') => void;
  pushTuning: PushTuning;
}

export interface WriteFeatures {
  readonly outbox: Outbox;
  readonly pusher: OutboxPusher;
  readonly annotations: AnnotationService;
  /** What feature services built outside (written opinions) write and read through. */
  readonly context: FeatureContext;
  readonly handlers: Pick<Handlers, WriteChannel>;
  /** A pull loop starts: remembers the ack epoch its completion will echo. */
  pullStarted(): void;
  /** That pull loop reached the end of the log: applied changes it echoed are forgotten. */
  pullCompleted(): void;
}

const TABLE_ENTITY: Record<WriteTable, Entity> = {
  comments: 'comment',
  positions: 'position',
  ballots: 'ballot',
  annotations: 'annotation',
  opinions: 'opinion',
  annotation_comments: 'annotationComment',
};
const KIND_TABLE: Record<MutationKind, WriteTable> = {
  'comment.create': 'comments',
  'comment.edit': 'comments',
  'comment.delete': 'comments',
  'position.set': 'positions',
  'vote.cast': 'ballots',
  'annotation.create': 'annotations',
  'annotation.update': 'annotations',
  'annotation.delete': 'annotations',
  'opinion.submit': 'opinions',
  'annotationComment.create': 'annotation_comments',
  'annotationComment.edit': 'annotation_comments',
  'annotationComment.delete': 'annotation_comments',
  'annotation.reanchor': 'annotations',
  'annotation.restore': 'annotations',
};

/**
 * Builds the outbox, its pusher and the write features (comments, positions, votes, the sync
 * panel), and wires their events: `outbox:changed` whenever the counts may have changed,
 * `sync:applied` whenever a local write, a refusal or an echo changed what the replica shows.
 */
export function createWriteFeatures(deps: WriteFeaturesDeps): WriteFeatures {
  const outbox = new Outbox({ db: deps.db, cipher: deps.cipher, log: deps.log, now: deps.now });
  const announceCounts = (): void =>
    deps.events.emit('outbox:changed', {
      ...outbox.counts(),
      updateRequired: pusher.status().updateRequired,
    });
  const announceTables = (tables: Iterable<WriteTable>): void => {
    const entities = [...new Set([...tables].map((t) => TABLE_ENTITY[t]))];
    if (entities.length > 0) deps.events.emit('sync:applied', { entities, cursor: deps.cursor() });
  };
  const pusher: OutboxPusher = new OutboxPusher({
    outbox,
    activeUserId: deps.activeUserId,
    onAuthFailure: deps.onAuthFailure,
    onSettled: ({ touched, applied }) => {
      announceTables(touched);
      if (applied > 0) deps.requestPull(); // the echo that lets the optimistic records go
    },
    onStatus: announceCounts,
    now: deps.now,
    log: deps.log,
    tuning: deps.pushTuning,
  });
  const ctx = new FeatureContext({
    outbox,
    reader: deps.reader,
    activity: new ActivityReader({ db: deps.db, cipher: deps.cipher, log: deps.log }),
    replicaUser: deps.replicaUser,
    now: deps.now,
    serverNow: deps.serverNow,
    written: (write) => {
      announceCounts();
      announceTables([write.target.table]);
      pusher.written();
    },
  });
  const comments = new CommentService(ctx);
  const positions = new PositionService(ctx);
  const votes = new VoteService(ctx);
  const annotations = new AnnotationService(ctx);
  const annotationComments = new AnnotationCommentService(ctx);
  // Secretariat requests (votes, roll call) go over the connected socket, then pull.
  const requestDeps = {
    ctx,
    socket: deps.connectedSocket,
    onAuthFailure: deps.onAuthFailure,
    onChanged: deps.requestPull,
    ackTimeoutMs: deps.pushTuning.ackTimeoutMs,
    log: deps.log,
  };
  const secretariat = new SecretariatVotes(requestDeps);
  const attendance = new AttendanceService(requestDeps);
  const status = (): OutboxStatus => {
    ctx.user();
    return {
      pending: outbox.counts().pending,
      rejected: outbox.rejected().map((r) => r.rejection),
      ...pusher.status(),
    };
  };
  let epochAtPullStart: number | null = null;

  return {
    outbox,
    pusher,
    annotations,
    context: ctx,
    pullStarted: () => {
      epochAtPullStart = outbox.ackEpoch();
    },
    pullCompleted: () => {
      if (epochAtPullStart === null) return;
      announceTables(outbox.clearEchoed(epochAtPullStart));
      epochAtPullStart = null;
    },
    handlers: {
      'comments:list': ({ agendaItemId }) => comments.list(agendaItemId),
      'comments:create': (input) => comments.create(input),
      'comments:edit': (input) => comments.edit(input),
      'comments:delete': (input) => comments.delete(input),
      'positions:get': ({ meetingId }) => positions.get(meetingId),
      'positions:set': (input) => positions.set(input),
      'votes:list': ({ meetingId }) => votes.list(meetingId),
      'votes:cast': (input) => votes.cast(input),
      'votes:open': (input) => secretariat.open(input),
      'votes:close': (input) => secretariat.close(input),
      'attendance:get': ({ meetingId }) => attendance.get(meetingId),
      'attendance:set': (input) => attendance.set(input),
      'annotations:list': ({ documentId }) => annotations.list(documentId),
      'annotations:create': (input) => annotations.create(input),
      'annotations:update': (input) => annotations.update(input),
      'annotations:delete': (input) => annotations.delete(input),
      'annotations:restore': (input) => annotations.restore(input),
      'annotations:reanchor': (input) => annotations.reanchor(input),
      'annotations:place': (input) => annotations.place(input),
      'annotationComments:list': ({ annotationId }) => annotationComments.list(annotationId),
      'annotationComments:create': (input) => annotationComments.create(input),
      'annotationComments:edit': (input) => annotationComments.edit(input),
      'annotationComments:delete': (input) => annotationComments.delete(input),
      'outbox:status': () => status(),
      'outbox:dismiss': ({ mutationId }) => {
        ctx.user();
        const entry = outbox.rejected().find((r) => r.rejection.mutationId === mutationId);
        if (!entry || !outbox.dismiss(mutationId))
          throw new IpcError('NOT_FOUND', 'no refused change with this id');
        announceCounts();
        if (entry.mutation) announceTables([KIND_TABLE[entry.mutation.kind]]);
        return status();
      },
    },
  };
}
