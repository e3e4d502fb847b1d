import type { ChannelOutput } from '../../../shared/ipc/contract.ts';
import { invoke } from '../../ipc/invoke.ts';
import { useLiveQuery, type LiveQuery } from '../../ipc/useLiveQuery.ts';

/** Ballots on this device, kept current by `sync:applied` (ballots and opinions). */
export function useBallots(): LiveQuery<ChannelOutput<'ballots:list'>> {
  return useLiveQuery('ballots', () => invoke('ballots:list', {}), ['opinionBallot', 'opinion']);
}

export function useBallot(ballotId: string): LiveQuery<ChannelOutput<'ballots:get'>> {
  return useLiveQuery(`ballot:${ballotId}`, () => invoke('ballots:get', { ballotId }), [
    'opinionBallot',
    'opinion',
  ]);
}

export function useMyOpinions(ballotId: string): LiveQuery<ChannelOutput<'opinions:list'>> {
  return useLiveQuery(`opinions:${ballotId}`, () => invoke('opinions:list', { ballotId }), [
    'opinionBallot',
    'opinion',
  ]);
}

export function useFollowUp(ballotId: string): LiveQuery<ChannelOutput<'ballots:followUp'>> {
  return useLiveQuery(`followUp:${ballotId}`, () => invoke('ballots:followUp', { ballotId }), [
    'opinionBallot',
    'opinion',
    'user',
  ]);
}
