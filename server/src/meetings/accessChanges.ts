import type { WriteScope } from '../db/writeTransaction.ts';
import { meetingSnapshot, meetingTombstone } from './meetingSnapshot.ts';

/**
 * Users who can now see the meeting get a targeted snapshot of it. Call after the
 * transaction's other writes, so the snapshot is what commits.
 */
export async function grantAccess(
  w: WriteScope,
  meetingId: string,
  userIds: readonly string[],
): Promise<void> {
  for (const userId of userIds) {
    w.change(...(await meetingSnapshot(w.tx, meetingId, userId)));
    w.access({ userId, meetingId, gained: true });
  }
}

/** Users who can no longer see the meeting get a targeted tombstone for it. */
export function withdrawAccess(w: WriteScope, meetingId: string, userIds: readonly string[]): void {
  for (const userId of userIds) {
    w.change(meetingTombstone(meetingId, userId));
    w.access({ userId, meetingId, gained: false });
  }
}
