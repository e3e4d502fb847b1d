import type { ChannelOutput } from '../../../shared/ipc/contract.ts';
import type { Entity } from '../../../shared/protocol/changes.ts';
import { invoke } from '../../ipc/invoke.ts';
import { useLiveQuery, type LiveQuery } from '../../ipc/useLiveQuery.ts';

/** A reminder leaves the list once its ballot is closed or my answer verified: reload on those. */
const REMINDER_ENTITIES: readonly Entity[] = ['reminder', 'opinionBallot', 'opinion'];

/** My reminders still to act on, not dismissed on this device, kept current by `sync:applied`. */
export function useReminders(): LiveQuery<ChannelOutput<'reminders:list'>> {
  return useLiveQuery('reminders', () => invoke('reminders:list', {}), REMINDER_ENTITIES);
}
