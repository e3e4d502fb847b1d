import type { User } from '../../../shared/domain/user.ts';
import type { Rejection } from '../../../shared/domain/views.ts';
import { IpcError } from '../../../shared/ipc/errors.ts';
import type { LocalMutation } from '../../../shared/sync/optimistic.ts';
import type { Outbox, RejectedEntry } from '../outbox/Outbox.ts';
import { parseMutation } from '../outbox/localMutation.ts';
import type { RecordedWrite } from '../outbox/recordMutation.ts';
import type { ReplicaReader } from '../store/ReplicaReader.ts';
import type { ActivityReader } from './ActivityReader.ts';

/** What the feature services share (built once by createCore). */
export interface FeatureDeps {
  outbox: Outbox;
  reader: ReplicaReader;
  activity: ActivityReader;
  /** The user whose replica may be read and written, or null (NOT_LOGGED_IN). */
  replicaUser: () => User | null;
  /** Device clock, epoch ms. */
  now: () => number;
  /** Best estimate of the server's clock, epoch ms (session/ServerClock.ts). */
  serverNow: () => number;
  /** After a committed local write: events, and the debounced push. */
  written: (write: RecordedWrite) => void;
}

export class FeatureContext {
  readonly deps: FeatureDeps;

  constructor(deps: FeatureDeps) {
    this.deps = deps;
  }

  get reader(): ReplicaReader {
    return this.deps.reader;
  }

  get activity(): ActivityReader {
    return this.deps.activity;
  }

  user(): User {
    const user = this.deps.replicaUser();
    if (!user) throw new IpcError('NOT_LOGGED_IN', 'sign in to work on this device');
    return user;
  }

  /**
   * Commits one local change durably (replica + outbox, one transaction) after checking its
   * args against the shared mutation schema, then announces it.
   */
  write(user: User, mutation: LocalMutation, meetingId: string): RecordedWrite {
    const checked = parseMutation(mutation.kind, mutation.args);
    if (!checked) throw new IpcError('INVALID_INPUT', `invalid ${mutation.kind}`);
    const recorded = this.deps.outbox.write({
      mutation: checked,
      userId: user.id,
      meetingId,
      clientTime: this.deps.now(),
    });
    this.deps.written(recorded);
    return recorded;
  }

  /**
   * Comments, positions and ballots are not written in a meeting this device knows is closed
   * (MEETING_CLOSED); the server refuses them too, with the same code, whatever the device knew.
   */
  requireOpenMeeting(meetingId: string): void {
    if (this.deps.reader.meeting(meetingId)?.status === 'closed')
      throw new IpcError('MEETING_CLOSED', 'the meeting is closed');
  }

  /** Refused changes not dismissed, oldest first. */
  rejected(): RejectedEntry[] {
    return this.deps.outbox.rejected();
  }

  /** The latest refusal among `entries` matching `match`, by key. */
  static latestBy(
    entries: readonly RejectedEntry[],
    key: (m: LocalMutation) => string | null,
  ): Map<string, { rejection: Rejection; mutation: LocalMutation }> {
    const out = new Map<string, { rejection: Rejection; mutation: LocalMutation }>();
    for (const entry of entries) {
      if (!entry.mutation) continue;
      const k = key(entry.mutation);
      if (k !== null) out.set(k, { rejection: entry.rejection, mutation: entry.mutation });
    }
    return out;
  }
}

export function notFound(what: string): IpcError {
  return new IpcError('NOT_FOUND', `${what} not found on this device`);
}
