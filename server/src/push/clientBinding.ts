import { eq } from 'drizzle-orm';
import type { Database } from '../db/openDatabase.ts';
import { clientMutations } from '../db/memberSchema.ts';
import { ServerError } from '../ServerError.ts';

/**
 * A client id (one device outbox) is bound to the first user who pushes with it. Another user
 * pushing with it gets FORBIDDEN for the whole batch: ids are not secrets, so the binding, not
 * the id, keeps one user's queue from being advanced (or probed) by another.
 */
function assertOwner(row: { userId: string }, userId: string): void {
  if (row.userId !== userId)
    throw new ServerError('FORBIDDEN', 'this client id belongs to another user');
}

/**
 * The client's last mutation id without a lock (0: never pushed). Safe for answering
 * duplicates early, because last_mutation_id only ever grows: an id at or below a committed
 * value stays a duplicate forever.
 */
export async function readClientLast(
  db: Database,
  clientId: string,
  userId: string,
): Promise<number> {
  const [row] = await db
    .select({ userId: clientMutations.userId, last: clientMutations.lastMutationId })
    .from(clientMutations)
    .where(eq(clientMutations.clientId, clientId));
  if (row === undefined) return 0;
  assertOwner(row, userId);
  return row.last;
}

/**
 * Locks the client's row for the rest of the transaction, creating it (bound to `userId`, last
 * id 0) on first use, and returns its last mutation id. Concurrent pushes of one client
 * serialise here, so each id is decided once.
 */
export async function lockClient(
  tx: Database,
  clientId: string,
  userId: string,
  now: Date,
): Promise<number> {
  const select = () =>
    tx.select().from(clientMutations).where(eq(clientMutations.clientId, clientId)).for('update');
  let [row] = await select();
  if (row === undefined) {
    // Two first pushes racing: one insert wins, the other waits for it and then locks its row.
    await tx
      .insert(clientMutations)
      .values({ clientId, userId, lastMutationId: 0, updatedAt: now })
      .onConflictDoNothing();
    [row] = await select();
    if (row === undefined) throw new Error('client_mutations row missing after insert');
  }
  assertOwner(row, userId);
  return row.lastMutationId;
}

/** Moves the client's last mutation id (the caller holds the row lock; id = last + 1). */
export async function advanceClient(
  tx: Database,
  clientId: string,
  mutationId: number,
  now: Date,
): Promise<void> {
  await tx
    .update(clientMutations)
    .set({ lastMutationId: mutationId, updatedAt: now })
    .where(eq(clientMutations.clientId, clientId));
}
