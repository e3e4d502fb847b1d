import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { CABINET_RULES } from '../../shared/rules/ruleSet.ts';
import { createOpinionBallotRequestSchema } from '../../shared/protocol/ballots.ts';
import { SYSTEM_ACTOR } from '../src/audit/auditLog.ts';
import { and, eq } from '../src/db/operators.ts';
import { certificateBindings, opinionBallots } from '../src/db/opinionSchema.ts';
import { meetings, users } from '../src/db/schema.ts';
import { bindCertificate, createOpinionBallot } from '../src/opinions/ballotService.ts';
import type { ServerContext } from '../src/ServerContext.ts';
import type { DemoData } from './DemoData.ts';
import { demoId } from './demo/demoIds.ts';
import { ROSTER } from './demo/governmentRoster.ts';

/** The demo ballot's fixed id (a re-run finds it and creates nothing). */
export const DEMO_BALLOT_ID = demoId('opinionBallot', 1);

/** What this reads of the dev PKI's manifest.json (server/pki/devPkiFiles.ts writes it). */
const manifestSchema = z.object({
  members: z.array(
    z.object({
      userId: z.string().nullable(),
      sha256: z.string(),
      /** Relative to the PKI directory; the certificate is beside it as `.cert.pem`. */
      p12: z.string(),
    }),
  ),
});

export interface DemoSigningReport {
  /** Certificates bound by this run (0 when all were bound already). */
  bound: number;
  /** True when this run created the demo ballot. */
  ballotCreated: boolean;
}

/** Days a ballot stays open when the upcoming meeting's start has passed; days. */
const FALLBACK_DEADLINE_DAYS = 7;
const DAY_MS = 86_400_000;

/**
 * Makes signing visible in the demo (`npm start`), idempotently, from the dev PKI in `pkiDir`
 * (the server's TRUST_DIR, written by `npm run pki:dev`):
 * 1. binds each demo member's dev certificate (manifest.json) to their account, unless bound
 *    (the secretariat clerks' certificates, also in the manifest, are not bound);
 * 2. creates one open ballot on the upcoming meeting's draft decree, asking every member of the
 *    Government (not the deputy ministers who may substitute at meetings), with the meeting's
 *    start as deadline (or a week from now if that has passed), unless it exists.
 * Without a manifest there is nothing to bind: it does nothing and says so.
 */
export async function seedDemoSigning(
  ctx: ServerContext,
  data: DemoData,
  pkiDir: string,
): Promise<DemoSigningReport | null> {
  let raw: string;
  try {
    raw = await readFile(join(pkiDir, 'manifest.json'), 'utf8');
  } catch {
    ctx.logger.info('no dev PKI manifest: demo certificates not bound', { pkiDir });
    return null;
  }
  const manifest = manifestSchema.parse(JSON.parse(raw));
  const report: DemoSigningReport = { bound: 0, ballotCreated: false };

  // 1. Bindings: members only (the secretariat's certificates sign evidence reports).
  const memberIds = new Set(
    ROSTER.filter((e) => e.role === 'member').map((e) => demoId('user', e.n)),
  );
  for (const m of manifest.members) {
    if (m.userId === null || !memberIds.has(m.userId)) continue;
    const [user] = await ctx.db.select({ id: users.id }).from(users).where(eq(users.id, m.userId));
    if (user === undefined) continue;
    const [bound] = await ctx.db
      .select({ sha256: certificateBindings.sha256 })
      .from(certificateBindings)
      .where(
        and(eq(certificateBindings.sha256, m.sha256), eq(certificateBindings.userId, m.userId)),
      );
    if (bound !== undefined) continue;
    const pem = await readFile(join(pkiDir, m.p12.replace(/\.p12$/, '.cert.pem')));
    await bindCertificate(ctx, SYSTEM_ACTOR, m.userId, new Uint8Array(pem));
    report.bound += 1;
  }

  // 2. The demo ballot.
  const [existing] = await ctx.db
    .select({ id: opinionBallots.id })
    .from(opinionBallots)
    .where(eq(opinionBallots.id, DEMO_BALLOT_ID));
  const upcoming = data.meetings.find((m) => m.meeting.status === 'published');
  const draft =
    upcoming?.papers.find(
      (p) => p.document.kind === 'draft' && p.document.title.includes('Nghị định'),
    ) ?? upcoming?.papers.find((p) => p.document.kind === 'draft');
  if (existing === undefined && upcoming !== undefined && draft !== undefined) {
    const [meeting] = await ctx.db
      .select({ startsAt: meetings.startsAt })
      .from(meetings)
      .where(eq(meetings.id, upcoming.meeting.id));
    const now = ctx.clock().getTime();
    const startsAt = meeting?.startsAt.getTime() ?? 0;
    const deadline = startsAt > now + DAY_MS ? startsAt : now + FALLBACK_DEADLINE_DAYS * DAY_MS;
    // The Government's members; deputy ministers (who may substitute at meetings) are not asked.
    const memberIds = ROSTER.filter((e) => e.role === 'member' && e.deputyOf === undefined)
      .map((e) => demoId('user', e.n))
      .filter((id) => data.users.some((u) => u.user.id === id));
    await createOpinionBallot(
      ctx,
      SYSTEM_ACTOR,
      createOpinionBallotRequestSchema.parse({
        id: DEMO_BALLOT_ID,
        meetingId: upcoming.meeting.id,
        question: `Lấy ý kiến thành viên Chính phủ về ${draft.document.title}`.slice(0, 2000),
        documentIds: [draft.document.id],
        deadline: new Date(deadline).toISOString(),
        eligibleMemberIds: memberIds,
        ruleSetId: CABINET_RULES.id,
      }),
    );
    report.ballotCreated = true;
  }
  return report;
}
