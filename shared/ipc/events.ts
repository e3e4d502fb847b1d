import { z } from 'zod';
import { settingsSchema } from '../domain/settings.ts';
import { userSchema } from '../domain/user.ts';
import { downloadProgressSchema } from '../domain/offline.ts';
import { outboxCountsSchema } from '../domain/views.ts';
import { evidenceProgressSchema } from '../domain/evidenceViews.ts';
import { ENTITIES } from '../protocol/changes.ts';
import type { EventName } from './channels.ts';

export const connectionStateSchema = z.strictObject({
  state: z.enum(['offline', 'connecting', 'online']),
  /** Epoch ms of the last completed sync, or null if never synced. */
  lastSyncedAt: z.number().int().nonnegative().nullable(),
});
export type ConnectionState = z.infer<typeof connectionStateSchema>;

/** Events pushed from the core to the renderer, with their payload schemas. */
export const events = {
  'settings:changed': settingsSchema,
  'connection:state': connectionStateSchema,
  /** The signed-in user changed; `reason` says why it ended when `user` is null. */
  'session:changed': z.strictObject({
    user: userSchema.nullable(),
    reason: z.enum(['login', 'logout', 'expired', 'revoked']),
  }),
  /** A pulled page was applied, or a local change (a write, its refusal) changed the replica;
   * stores showing these entities should reload. `cursor` is the stored cursor. */
  'sync:applied': z.strictObject({ entities: z.array(z.enum(ENTITIES)), cursor: z.number().int().min(0) }),
  'download:progress': downloadProgressSchema,
  /** The outbox changed (a local write, an ack, a refusal, a dismissal, an update needed). */
  'outbox:changed': outboxCountsSchema,
  /** A ballot's evidence export moved on to its next step (ballots:exportEvidence). */
  'evidence:progress': evidenceProgressSchema,
} as const satisfies Record<EventName, z.ZodType>;

export type EventPayload<E extends EventName> = z.output<(typeof events)[E]>;
