import { and, eq } from 'drizzle-orm';
import { isStaff, type Principal } from '../auth/authService.ts';
import type { Database } from '../db/openDatabase.ts';
import { documentVersions } from '../db/schema.ts';
import { memberCanSee } from '../meetings/meetingAccess.ts';

/**
 * Whether the caller may read the blob with this hash: some document version with that hash
 * belongs to a meeting they may see now. A blob they may not see and a blob that does not
 * exist get the same answer (404) from the route.
 */
export async function canReadBlob(
  db: Database,
  principal: Principal,
  sha256: string,
): Promise<boolean> {
  const condition = isStaff(principal.role)
    ? eq(documentVersions.sha256, sha256)
    : and(
        eq(documentVersions.sha256, sha256),
        memberCanSee(db, principal.userId, documentVersions.meetingId),
      );
  const rows = await db
    .select({ id: documentVersions.id })
    .from(documentVersions)
    .where(condition)
    .limit(1);
  return rows.length > 0;
}
