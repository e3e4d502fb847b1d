import { useCallback } from 'react';
import type { VoteChoice } from '../../../shared/domain/vote.ts';
import type { MeetingVotes } from '../../../shared/domain/views.ts';
import type { IpcErrorCode } from '../../../shared/ipc/errors.ts';
import type { Entity } from '../../../shared/protocol/changes.ts';
import { invoke, type IpcResult } from '../../ipc/invoke.ts';
import { useLiveQuery } from '../../ipc/useLiveQuery.ts';

/** Votes depend on the votes (live counts, results), my ballots, items and participants. */
const ENTITIES: readonly Entity[] = ['vote', 'ballot', 'agendaItem', 'participant'];

export interface MeetingVotesState {
  votes: MeetingVotes | null;
  error: IpcErrorCode | null;
  reload: () => void;
  cast: (voteId: string, choice: VoteChoice) => Promise<IpcResult<'votes:cast'>>;
  /** Secretariat: opens a vote (online only); it shows once the pull that follows brings it. */
  open: (agendaItemId: string, question: string) => Promise<IpcResult<'votes:open'>>;
  /** Secretariat: closes a vote (online only); the answer carries the result. */
  close: (voteId: string) => Promise<IpcResult<'votes:close'>>;
}

/**
 * The meeting's live votes (`votes:list`), newest opened first, kept current by `sync:applied`
 * (counts move as ballots reach the server; the result appears at the close). My ballot's
 * answer is laid over the list at once, as pending.
 */
export function useMeetingVotes(meetingId: string): MeetingVotesState {
  const { value, error, reload, update } = useLiveQuery(
    meetingId,
    () => invoke('votes:list', { meetingId }),
    ENTITIES,
  );

  const cast = useCallback(
    async (voteId: string, choice: VoteChoice) => {
      const result = await invoke('votes:cast', { voteId, choice });
      if (result.ok)
        update((current) => ({
          ...current,
          votes: current.votes.map((view) => (view.vote.id === voteId ? result.value : view)),
        }));
      else reload();
      return result;
    },
    [update, reload],
  );

  const open = useCallback(
    async (agendaItemId: string, question: string) => {
      const result = await invoke('votes:open', { agendaItemId, question });
      reload();
      return result;
    },
    [reload],
  );

  const close = useCallback(
    async (voteId: string) => {
      const result = await invoke('votes:close', { voteId });
      if (result.ok)
        update((current) => ({
          ...current,
          votes: current.votes.map((view) =>
            view.vote.id === voteId ? { ...view, vote: result.value.vote } : view,
          ),
        }));
      else reload();
      return result;
    },
    [update, reload],
  );

  return { votes: value, error, reload, cast, open, close };
}
