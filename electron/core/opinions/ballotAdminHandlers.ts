import type { Handlers } from '../../../shared/ipc/dispatch.ts';
import type { FeatureContext } from '../features/FeatureContext.ts';
import type { Logger } from '../log/logger.ts';
import type { FetchLike } from '../session/requestLogin.ts';
import type { DatabaseSync } from 'node:sqlite';
import type { FieldCipher } from '../crypto/FieldCipher.ts';
import { ReminderService } from './ReminderService.ts';
import { SecretariatBallots } from './SecretariatBallots.ts';

export type BallotAdminChannel =
  'ballots:close' | 'ballots:remind' | 'reminders:list' | 'reminders:dismiss';

/**
 * The IPC handlers of closing ballots and reminders (shared/ipc/contract.ts): the secretariat's
 * online operations on the server, and the member's reminders on this device.
 */
export function ballotAdminHandlers(deps: {
  db: DatabaseSync;
  cipher: FieldCipher;
  log: Logger;
  ctx: FeatureContext;
  fetch: FetchLike;
  session: () => { serverUrl: string; token: string } | null;
  onAuthFailure: (reason: 'expired' | 'revoked') => void;
  requestPull: () => void;
}): Pick<Handlers, BallotAdminChannel> {
  const { ctx } = deps;
  const secretariat = new SecretariatBallots({
    fetch: deps.fetch,
    credentials: deps.session,
    onAuthFailure: deps.onAuthFailure,
    onChanged: deps.requestPull,
    log: deps.log,
  });
  const reminders = new ReminderService({ db: deps.db, cipher: deps.cipher, log: deps.log, ctx });
  return {
    'ballots:close': ({ ballotId }) => {
      ctx.user();
      return secretariat.close(ballotId);
    },
    'ballots:remind': ({ ballotId, memberIds }) => {
      ctx.user();
      return secretariat.remind(ballotId, memberIds);
    },
    'reminders:list': () => ({ reminders: reminders.list() }),
    'reminders:dismiss': ({ id }) => {
      reminders.dismiss(id);
      return { reminders: reminders.list() };
    },
  };
}
