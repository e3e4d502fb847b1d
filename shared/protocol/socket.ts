import { z } from 'zod';
import { idSchema } from '../domain/ids.ts';
import { changeSchema, deleteChangeSchema, type Change } from './changes.ts';

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

type ChangeOption = (typeof changeSchema.options)[number];
type UpsertOption = Exclude<ChangeOption, typeof deleteChangeSchema>;
const upsertOptions = changeSchema.options.filter(
  (option): option is UpsertOption => option !== deleteChangeSchema,
);
const [firstUpsert, ...otherUpserts] = upsertOptions;
if (firstUpsert === undefined) throw new Error('changeSchema has no upsert option');

/**
 * changeSchema dispatched on `op`, then on `entity`, instead of trying each option in turn:
 * it accepts exactly the same entries (the options are disjoint on (op, entity)), several
 * times faster — every connected device parses every news.
 */
export const newsChangeSchema: z.ZodType<Change> = z.discriminatedUnion('op', [
  z.discriminatedUnion('entity', [firstUpsert, ...otherUpserts]),
  deleteChangeSchema,
]);

/** At most this many change entries ride inside one `news` (more: a hint only). */
export const MAX_NEWS_CHANGES = 20;
/** The server inlines entries only when their JSON is under this many bytes (UTF-8). */
export const MAX_NEWS_INLINE_BYTES = 16_384;

/**
 * Server → client `news`: the log has entries up to `seq` that this user may see.
 *
 * Without `changes` it is a hint only: pull. With `changes` (and `prevSeq`) it carries ONE whole
 * commit: every entry with prevSeq < entry.seq <= seq, consecutive, in seq order, each visible
 * to everyone in the rooms the news went to. A device whose stored cursor equals `prevSeq` may
 * apply them and store `seq` as its cursor in one transaction instead of pulling; any other
 * device (or one that finds anything amiss) pulls as for a hint. The refinement below enforces
 * the shape, so a device never applies a partial or reordered commit.
 */
export const newsSchema = z
  .strictObject({
    seq: z.number().int().min(0),
    prevSeq: z.number().int().min(0).optional(),
    changes: z.array(newsChangeSchema).min(1).max(MAX_NEWS_CHANGES).optional(),
  })
  .refine(
    (news) => {
      if (news.changes === undefined) return news.prevSeq === undefined;
      const prevSeq = news.prevSeq;
      if (prevSeq === undefined || news.seq - prevSeq !== news.changes.length) return false;
      return news.changes.every((change, index) => change.seq === prevSeq + 1 + index);
    },
    { message: 'inlined changes must be exactly the entries prevSeq+1..seq, in order' },
  );
export type News = z.infer<typeof newsSchema>;

/** Socket event names. Acks carry `Result<T, ServerErrorCode>` from shared/util/result.ts. */
export const SOCKET_EVENTS = {
  pull: 'pull',
  news: 'news',
  /** Client → server, with ack `Result<PushResponse>`: shared/protocol/push.ts. */
  push: 'push',
} as const;
