import type { AppendedChange } from './changes/appendChanges.ts';
import type { Logger } from './log.ts';
import { errorFields } from './log.ts';

/** A user gaining or losing the right to see a meeting (published/unpublished, added/removed). */
export interface AccessChange {
  userId: string;
  meetingId: string;
  gained: boolean;
}

/** What one committed write transaction did, for the socket layer to announce. */
export interface Committed {
  changes: AppendedChange[];
  access: AccessChange[];
}

/**
 * After-commit notifications from the services to the socket layer (news hints, room changes,
 * disconnecting revoked tokens). Listeners run after the commit; their failures are logged,
 * never turned into a failed request: the pull stays the source of truth.
 */
export interface ServerHooks {
  committed(committed: Committed): void;
  tokensRevoked(tokenIds: readonly string[]): void;
  onCommitted(listener: (committed: Committed) => void): () => void;
  onTokensRevoked(listener: (tokenIds: readonly string[]) => void): () => void;
}

export function createServerHooks(logger: Logger): ServerHooks {
  const committedListeners = new Set<(committed: Committed) => void>();
  const revokedListeners = new Set<(tokenIds: readonly string[]) => void>();
  const run = <A>(listeners: Set<(arg: A) => void>, arg: A, what: string): void => {
    for (const listener of listeners) {
      try {
        listener(arg);
      } catch (error) {
        logger.error(`${what} listener failed`, errorFields(error));
      }
    }
  };
  return {
    committed: (committed) => run(committedListeners, committed, 'committed'),
    tokensRevoked: (tokenIds) => {
      if (tokenIds.length > 0) run(revokedListeners, tokenIds, 'tokensRevoked');
    },
    onCommitted: (listener) => {
      committedListeners.add(listener);
      return () => committedListeners.delete(listener);
    },
    onTokensRevoked: (listener) => {
      revokedListeners.add(listener);
      return () => revokedListeners.delete(listener);
    },
  };
}
