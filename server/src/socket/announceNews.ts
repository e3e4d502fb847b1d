import { changeSchema, type Change } from '../../../shared/protocol/changes.ts';
import {
  MAX_NEWS_CHANGES,
  MAX_NEWS_INLINE_BYTES,
  newsSchema,
  type News,
} from '../../../shared/protocol/socket.ts';
import type { AppendedChange } from '../changes/appendChanges.ts';
import { errorFields, type Logger } from '../log.ts';
import type { Committed } from '../ServerHooks.ts';
import type { IoServer } from './createSocketServer.ts';
import { rooms } from './rooms.ts';

/** Where one commit's news goes: the rooms of everyone who may see one of its entries. */
type Audience = { kind: 'everyone' } | { kind: 'rooms'; rooms: string[] };

/**
 * A commit whose entries everyone in its audience may see, so they may ride inside the news:
 * every entry untargeted and unowned, and all of one meeting (→ that meeting's room and
 * staff) or all global (→ everyone). null when the commit must be announced by a hint only.
 */
function inlineAudience(changes: readonly AppendedChange[]): Audience | null {
  const first = changes[0];
  if (first === undefined || changes.length > MAX_NEWS_CHANGES) return null;
  const meetingId = first.meetingId;
  for (const change of changes) {
    if (change.targetUserId !== null || change.ownerUserId !== null) return null;
    if (change.meetingId !== meetingId) return null;
  }
  return meetingId === null
    ? { kind: 'everyone' }
    : { kind: 'rooms', rooms: [rooms.meeting(meetingId), rooms.staff] };
}

/** The rooms of everyone who may see at least one entry (what a hint goes to). */
function hintAudience(changes: readonly AppendedChange[]): Audience {
  const targets = new Set<string>();
  for (const change of changes) {
    if (change.targetUserId !== null) targets.add(rooms.user(change.targetUserId));
    else if (change.ownerUserId !== null) {
      // A member's own position or ballot: their devices and staff.
      targets.add(rooms.user(change.ownerUserId));
      targets.add(rooms.staff);
    } else if (change.meetingId === null) return { kind: 'everyone' };
    else {
      targets.add(rooms.meeting(change.meetingId));
      targets.add(rooms.staff);
    }
  }
  return { kind: 'rooms', rooms: [...targets] };
}

/**
 * The commit's entries in their wire form (as pullChanges sends them), checked again: every
 * one parses and the whole is under the size limit. null when not (the caller sends a hint).
 * The data goes through JSON as a pull's would (what the log stores is that JSON).
 */
function inlineChanges(appended: readonly AppendedChange[]): Change[] | null {
  const changes: Change[] = [];
  for (const entry of appended) {
    const change =
      entry.op === 'delete'
        ? { seq: entry.seq, op: 'delete', entity: entry.entity, id: entry.entityId }
        : { seq: entry.seq, op: 'upsert', entity: entry.entity, data: entry.data };
    const parsed = changeSchema.safeParse(JSON.parse(JSON.stringify(change)));
    if (!parsed.success) return null;
    changes.push(parsed.data);
  }
  if (Buffer.byteLength(JSON.stringify(changes)) >= MAX_NEWS_INLINE_BYTES) return null;
  return changes;
}

export interface NewsAnnouncer {
  /** The `ctx.hooks.onCommitted` listener. Never throws; the work is queued. */
  announce(committed: Committed): void;
  /** Resolves when everything announced so far has been emitted (tests, shutdown). */
  idle(): Promise<void>;
}

/**
 * Turns each committed transaction into room changes and one `news`, in the order the hooks
 * run (one queue, so room changes and news go out in that order). An inlined news is built
 * from the entries the commit wrote (appendChanges), not read back from the log.
 *
 * Inlining (shared/protocol/socket.ts newsSchema) happens only when:
 * - the commit changed nobody's access, and `inlineAudience` accepts its entries;
 * - it CHAINS: its first seq is `through` + 1, where every seq <= `through` has been announced
 *   here. Then every earlier commit was announced here first, with its room changes (a member
 *   losing a meeting left its room before this news is sent). A gap sends a hint only. The
 *   first commit after start is a hint only (it sets `through`).
 *   On one server process every seq is committed here, so a gap is a hook running out of
 *   commit order (PostgreSQL): the commits above it wait in `ahead` and `through` moves over
 *   them only once the gap's own hook has come (its room changes queued first). With
 *   `sharedLog` (several processes, Redis adapter) a gap may be another process's commits,
 *   whose hooks never come here, and whose access changes (a member leaving a meeting room)
 *   may reach this process's rooms late: nothing proves a room's sockets may still see what
 *   is inlined, so with a shared log news are hints only (devices pull, which checks access).
 * `prevSeq` is first - 1: the seqs of a commit are consecutive and every entry below `first`
 * was committed before it (appendChanges), so a device at cursor prevSeq that applies the
 * entries has examined everything up to `seq`.
 *
 * Inlined news go to the audience except sockets still settling their meeting rooms
 * (rooms.settling, see createSocketServer.ts); those get a hint instead. socket.io encodes a
 * room broadcast once for all its sockets (and publishes it once through the Redis adapter).
 */
export interface NewsAnnouncerOptions {
  /** Other server processes append to the same change log (Redis adapter). */
  sharedLog: boolean;
}

/** Commits held in `ahead` at most; beyond that the chain starts again (a lost hook). */
const MAX_AHEAD = 10_000;

export function createNewsAnnouncer(
  io: IoServer,
  logger: Logger,
  options: NewsAnnouncerOptions,
): NewsAnnouncer {
  /** Every seq <= through has been announced here; null until the first commit. */
  let through: number | null = null;
  /** Commits announced above a gap in the seqs: first seq → last seq (one process only). */
  const ahead = new Map<number, number>();
  let tail: Promise<void> = Promise.resolve();

  const emit = (audience: Audience, news: News): void => {
    if (news.changes === undefined) {
      if (audience.kind === 'everyone') io.emit('news', news);
      else io.to(audience.rooms).emit('news', news);
      return;
    }
    const hint: News = { seq: news.seq };
    if (audience.kind === 'everyone') io.except(rooms.settling).emit('news', news);
    else io.to(audience.rooms).except(rooms.settling).emit('news', news);
    io.to(rooms.settling).emit('news', hint);
  };

  const enqueue = (job: () => Promise<void> | void): void => {
    tail = tail.then(job).catch((error: unknown) => {
      logger.error('announcing a commit failed', errorFields(error));
    });
  };

  /** Records the commit [first, last]; true when it chains (every seq below it announced). */
  const advance = (first: number, last: number): boolean => {
    if (options.sharedLog) return false;
    if (through === null) {
      through = last;
      return false;
    }
    if (first === through + 1) {
      through = last;
      for (let end = ahead.get(through + 1); end !== undefined; end = ahead.get(through + 1)) {
        ahead.delete(through + 1);
        through = end;
      }
      return true;
    }
    // Below `through`: a hook later than the ones after it, already passed.
    if (first <= through) return false;
    if (ahead.size < MAX_AHEAD) ahead.set(first, last);
    else {
      logger.error('a commit was never announced; news with entries start again', { through });
      ahead.clear();
      through = last;
    }
    return false;
  };

  const announce = ({ changes, access }: Committed): void => {
    let first = Number.POSITIVE_INFINITY;
    let last = 0;
    for (const change of changes) {
      first = Math.min(first, change.seq);
      last = Math.max(last, change.seq);
    }
    const chained = changes.length > 0 && advance(first, last);
    const inline = chained && access.length === 0 ? inlineAudience(changes) : null;

    enqueue(() => {
      for (const change of access) {
        const target = io.in(rooms.user(change.userId));
        if (change.gained) target.socketsJoin(rooms.meeting(change.meetingId));
        else target.socketsLeave(rooms.meeting(change.meetingId));
      }
      if (changes.length === 0) return;
      if (inline !== null) {
        const inlined = inlineChanges(changes);
        if (inlined !== null) {
          const news = { seq: last, prevSeq: first - 1, changes: inlined };
          // What a device will check, checked before sending (a bug here must not go out).
          if (newsSchema.safeParse(news).success) {
            emit(inline, news);
            return;
          }
          logger.error('inlined news failed its own schema; sending a hint', { seq: last });
        }
      }
      emit(hintAudience(changes), { seq: last });
    });
  };

  return { announce, idle: () => tail };
}
