import { randomUUID } from 'node:crypto';
import { eq, or } from 'drizzle-orm';
import type { z } from 'zod';
import type { User } from '../../../shared/domain/user.ts';
import type { createUserRequestSchema } from '../../../shared/protocol/admin.ts';
import type { Actor } from '../audit/auditLog.ts';
import { hashPassword } from '../auth/passwordHash.ts';
import { upsertChange } from '../changes/pendingChange.ts';
import { users } from '../db/schema.ts';
import { toUser } from '../db/toDomain.ts';
import { writeTransaction } from '../db/writeTransaction.ts';
import type { ServerContext } from '../ServerContext.ts';
import { ServerError } from '../ServerError.ts';

type CreateUser = z.output<typeof createUserRequestSchema>;

/**
 * Creates an account. The directory entry (no password, of course) is a global change-log
 * entry: every logged-in user sees the directory.
 */
export async function createUser(
  ctx: ServerContext,
  actor: Actor,
  input: CreateUser,
): Promise<User> {
  const passwordHash = await hashPassword(input.password, ctx.config.scryptLogN);
  const id = input.id ?? randomUUID();
  return writeTransaction(ctx, actor, async (w) => {
    const clash = await w.tx
      .select({ id: users.id })
      .from(users)
      .where(or(eq(users.id, id), eq(users.username, input.username)));
    if (clash.length > 0)
      throw new ServerError('CONFLICT', 'a user with this id or username exists');
    const [row] = await w.tx
      .insert(users)
      .values({
        id,
        username: input.username,
        displayName: input.displayName,
        title: input.title,
        unit: input.unit,
        role: input.role,
        passwordHash,
        createdAt: w.now,
        updatedAt: w.now,
      })
      .returning();
    if (row === undefined) throw new Error('insert returned nothing');
    const user = toUser(row);
    w.change(upsertChange('user', user, null));
    w.audit('user.create', user.id, { username: user.username, role: user.role });
    return user;
  });
}
