import type { VoteView } from '../../../shared/domain/views.ts';

/** My ballot in a vote: none cast, waiting for the server, counted by it, or refused. */
export type BallotState = 'none' | 'pending' | 'counted' | 'rejected';

/**
 * A ballot waiting for the server shows as pending (it is not in the counts yet). A refusal
 * not yet dismissed shows unless a ballot was counted after the device learned of it (then
 * the counted one is current; times compared as epoch ms, server receipt vs device clock).
 */
export function ballotState(view: Pick<VoteView, 'myBallot' | 'rejection'>): BallotState {
  const { myBallot, rejection } = view;
  if (myBallot?.pending) return 'pending';
  if (rejection && (!myBallot || Date.parse(myBallot.castAt) <= rejection.rejectedAt))
    return 'rejected';
  return myBallot ? 'counted' : 'none';
}
