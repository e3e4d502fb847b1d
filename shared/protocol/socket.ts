import { z } from 'zod';
import { idSchema } from '../domain/ids.ts';
import { changeSchema } from './changes.ts';

/** Largest page a device may ask for, in change entries. */
export const MAX_PULL_LIMIT = 1000;

/** socket.io handshake `auth` object. */
export const handshakeAuthSchema = z.strictObject({
  token: z.string().min(1).max(512),
  protocolVersion: z.number().int(),
  deviceId: idSchema,
});
export type HandshakeAuth = z.infer<typeof handshakeAuthSchema>;

/** `connect_error` data the server attaches when it refuses a connection. */
export const connectErrorDataSchema = z.object({ code: z.string(), message: z.string() });

/** Client → server `pull` (with ack). `since` is the last cursor stored (0 on first sync). */
export const pullRequestSchema = z.strictObject({
  since: z.number().int().min(0),
  limit: z.number().int().min(1).max(MAX_PULL_LIMIT),
});
export type PullRequest = z.infer<typeof pullRequestSchema>;

export const pullResponseSchema = z.strictObject({
  changes: z.array(changeSchema),
  /** Store this after applying `changes`, in the same transaction. */
  cursor: z.number().int().min(0),
  /** True when more entries past `cursor` may be visible: pull again at once. */
  hasMore: z.boolean(),
});
export type PullResponse = z.infer<typeof pullResponseSchema>;

/** Server → client `news`: the log has entries up to `seq` that this user may see. A hint only. */
export const newsSchema = z.strictObject({ seq: z.number().int().min(0) });
export type News = z.infer<typeof newsSchema>;

/** Socket event names. Acks carry `Result<T, ServerErrorCode>` from shared/util/result.ts. */
export const SOCKET_EVENTS = {
  pull: 'pull',
  news: 'news',
  /** Client → server, with ack `Result<PushResponse>`: shared/protocol/push.ts. */
  push: 'push',
} as const;
