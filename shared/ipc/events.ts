import { z } from 'zod';
import { settingsSchema } from '../domain/settings.ts';
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
} as const satisfies Record<EventName, z.ZodType>;

export type EventPayload<E extends EventName> = z.output<(typeof events)[E]>;
