import { randomUUID } from 'node:crypto';
import type { Vote } from '../../../shared/domain/vote.ts';
import { CABINET_RULES } from '../../../shared/rules/ruleSet.ts';
import {
  SECRETARIAT_EVENTS,
  voteOperationResponseSchema,
} from '../../../shared/protocol/secretariat.ts';
import type { Logger } from '../log/logger.ts';
import type { SyncSocket } from '../sync/openSyncSocket.ts';
import type { FeatureContext } from './FeatureContext.ts';
import { notFound } from './FeatureContext.ts';
import { secretariatRequest } from './secretariatRequest.ts';

export interface SecretariatVotesDeps {
  ctx: FeatureContext;
  /** The connected sync socket, or null when offline. */
  socket: () => SyncSocket | null;
  /** The server refused the token: the session ends. */
  onAuthFailure: (reason: 'expired' | 'revoked') => void;
  /** A vote changed on the server: pull it now rather than wait for the hint. */
  onChanged: () => void;
  /** Rule set sent with a new vote (shared/rules/ruleSet.ts). */
  ruleSetId?: string;
  /** Waiting for the server's answer, ms. */
  ackTimeoutMs: number;
  log: Logger;
}

/**
 * Opening and closing live votes (secretariat). Online only and never queued: the operation is
 * forwarded over the sync socket (`vote:open` / `vote:close`) and its answer returned; offline
 * it fails at once with SERVER_UNREACHABLE. The server checks the role (FORBIDDEN for members).
 * The vote reaches the replica by the pull that follows, like any server change.
 */
export class SecretariatVotes {
  private readonly deps: SecretariatVotesDeps;

  constructor(deps: SecretariatVotesDeps) {
    this.deps = deps;
  }

  async open(input: { agendaItemId: string; question: string }): Promise<{ vote: Vote }> {
    this.deps.ctx.user();
    const item = this.deps.ctx.reader.agendaItem(input.agendaItemId);
    if (!item) throw notFound('agenda item');
    return this.forward(SECRETARIAT_EVENTS.voteOpen, {
      // Chosen here so a retry after a lost answer cannot open a second vote.
      voteId: randomUUID(),
      meetingId: item.meetingId,
      agendaItemId: item.id,
      question: input.question,
      ruleSetId: this.deps.ruleSetId ?? CABINET_RULES.id,
    });
  }

  async close(input: { voteId: string }): Promise<{ vote: Vote }> {
    this.deps.ctx.user();
    return this.forward(SECRETARIAT_EVENTS.voteClose, { voteId: input.voteId });
  }

  private async forward(event: string, payload: unknown): Promise<{ vote: Vote }> {
    const answer = await secretariatRequest(this.deps, event, payload, voteOperationResponseSchema);
    this.deps.onChanged();
    return answer;
  }
}
