import { createHash } from 'node:crypto';
import { asc, eq, gt, sql } from 'drizzle-orm';
import type { Database } from '../db/openDatabase.ts';
import { auditLog, counters } from '../db/schema.ts';

/** Who did it. Always taken from the authenticated session (or null for the system). */
export interface Actor {
  userId: string | null;
  deviceId: string | null;
  address: string | null;
}

export const SYSTEM_ACTOR: Actor = { userId: null, deviceId: null, address: null };

export interface AuditEntry {
  /** e.g. `auth.login`, `meeting.publish`. */
  action: string;
  /** The thing acted on, e.g. a meeting id; null when none. */
  subject: string | null;
  details: Record<string, unknown>;
}

/** prev_hash of the first row. */
export const GENESIS_HASH = '0'.repeat(64);

interface HashedFields {
  seq: number;
  at: Date;
  actorUserId: string | null;
  actorDeviceId: string | null;
  address: string | null;
  action: string;
  subject: string | null;
  /** The exact JSON text stored in the row. */
  details: string;
}

/** SHA-256(prev_hash + "\n" + JSON of every other column), lower-case hex. */
export function auditRowHash(prevHash: string, row: HashedFields): string {
  const content = JSON.stringify([
    row.seq,
    row.at.toISOString(),
    row.actorUserId,
    row.actorDeviceId,
    row.address,
    row.action,
    row.subject,
    row.details,
  ]);
  return createHash('sha256').update(prevHash).update('\n').update(content).digest('hex');
}

/**
 * Appends entries to the hash-chained audit log inside the caller's transaction.
 * The `audit_seq` counter row lock serialises appenders (like the change log), so each row's
 * prev_hash is the committed hash of the row before it. Lock order everywhere: audit_seq
 * before change_seq, both at the end of a transaction (no deadlock).
 */
export async function appendAudit(
  tx: Database,
  actor: Actor,
  entries: readonly AuditEntry[],
  now: Date,
): Promise<void> {
  if (entries.length === 0) return;
  const [counter] = await tx
    .update(counters)
    .set({ value: sql`${counters.value} + ${entries.length}` })
    .where(eq(counters.name, 'audit_seq'))
    .returning({ value: counters.value });
  if (counter === undefined) throw new Error('audit_seq counter missing');
  const first = counter.value - entries.length + 1;

  let prevHash = GENESIS_HASH;
  if (first > 1) {
    const [previous] = await tx
      .select({ hash: auditLog.hash })
      .from(auditLog)
      .where(eq(auditLog.seq, first - 1));
    if (previous === undefined) throw new Error(`audit row ${first - 1} missing`);
    prevHash = previous.hash;
  }

  const rows = entries.map((entry, index) => ({
    seq: first + index,
    at: now,
    actorUserId: actor.userId,
    actorDeviceId: actor.deviceId,
    address: actor.address,
    action: entry.action,
    subject: entry.subject,
    details: JSON.stringify(entry.details),
  }));
  const hashed = rows.map((row) => {
    const hash = auditRowHash(prevHash, row);
    const out = { ...row, prevHash, hash };
    prevHash = hash;
    return out;
  });
  await tx.insert(auditLog).values(hashed);
}

export type AuditVerification =
  { ok: true; rows: number } | { ok: false; seq: number; reason: string };

/** Rows read per query while verifying. */
const VERIFY_PAGE = 1000;

/**
 * Re-computes the whole chain: seqs contiguous from 1, each prev_hash equal to the previous
 * row's hash, each hash equal to the recomputed one, and the last seq equal to the counter
 * (a deleted tail is detected too). Reports the first broken row.
 */
export async function verifyAuditChain(db: Database): Promise<AuditVerification> {
  const [counter] = await db
    .select({ value: counters.value })
    .from(counters)
    .where(eq(counters.name, 'audit_seq'));
  const head = counter?.value ?? 0;
  let expectedSeq = 1;
  let prevHash = GENESIS_HASH;
  for (;;) {
    const page = await db
      .select()
      .from(auditLog)
      .where(gt(auditLog.seq, expectedSeq - 1))
      .orderBy(asc(auditLog.seq))
      .limit(VERIFY_PAGE);
    for (const row of page) {
      if (row.seq !== expectedSeq) return { ok: false, seq: expectedSeq, reason: 'row missing' };
      if (row.prevHash !== prevHash)
        return { ok: false, seq: row.seq, reason: 'prev_hash does not match the previous row' };
      if (auditRowHash(prevHash, row) !== row.hash)
        return { ok: false, seq: row.seq, reason: 'content does not match its hash' };
      prevHash = row.hash;
      expectedSeq += 1;
    }
    if (page.length < VERIFY_PAGE) break;
  }
  if (expectedSeq - 1 !== head)
    return {
      ok: false,
      seq: expectedSeq,
      reason: `log ends at ${expectedSeq - 1}, counter says ${head}`,
    };
  return { ok: true, rows: head };
}
