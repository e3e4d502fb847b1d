import { eq } from 'drizzle-orm';
import {
  createDocumentRequestSchema,
  createMeetingRequestSchema,
  createUserRequestSchema,
  setAgendaRequestSchema,
  setParticipantsRequestSchema,
} from '../../shared/protocol/admin.ts';
import { SYSTEM_ACTOR } from '../src/audit/auditLog.ts';
import { documents, meetings, users } from '../src/db/schema.ts';
import { setAgenda } from '../src/meetings/agendaService.ts';
import { addDocumentVersion, createDocument } from '../src/meetings/documentService.ts';
import { changeMeetingStatus, createMeeting } from '../src/meetings/meetingService.ts';
import { setParticipants } from '../src/meetings/participantService.ts';
import { inspectPdf } from '../src/pdf/inspectPdf.ts';
import type { ServerContext } from '../src/ServerContext.ts';
import { createUser } from '../src/users/userService.ts';
import type { DemoData, DemoMeeting, DemoPaper } from './DemoData.ts';

export type RenderPdf = (paper: DemoPaper) => Promise<Uint8Array>;

export interface SeedReport {
  usersCreated: number;
  meetingsCreated: number;
  versionsCreated: number;
  /** The demo accounts, to print for people trying the app. */
  logins: { username: string; password: string; role: string; displayName: string }[];
}

/**
 * Writes the demo data through the same services the secretariat uses (so change log, audit
 * log and blob store are filled exactly as in real use), idempotently: anything already there
 * is left alone (users, meetings, documents with a version) or only its differences are
 * written (agenda, participants), so a second run writes nothing. Input is parsed with the
 * admin request schemas like any other input.
 */
export async function seedDatabase(
  ctx: ServerContext,
  data: DemoData,
  renderPdf: RenderPdf,
): Promise<SeedReport> {
  const report: SeedReport = {
    usersCreated: 0,
    meetingsCreated: 0,
    versionsCreated: 0,
    logins: [],
  };
  for (const { user, password } of data.users) {
    report.logins.push({
      username: user.username,
      password,
      role: user.role,
      displayName: user.displayName,
    });
  }
  // Concurrently: the scrypt hashing runs on libuv's thread pool; the writes still queue.
  const created = await Promise.all(
    data.users.map(async ({ user, password }) => {
      const [existing] = await ctx.db
        .select({ id: users.id })
        .from(users)
        .where(eq(users.id, user.id));
      if (existing !== undefined) return 0;
      await createUser(ctx, SYSTEM_ACTOR, createUserRequestSchema.parse({ ...user, password }));
      return 1;
    }),
  );
  report.usersCreated = created.reduce<number>((sum, n) => sum + n, 0);
  for (const demo of data.meetings) await seedMeeting(ctx, demo, renderPdf, report);
  return report;
}

async function seedMeeting(
  ctx: ServerContext,
  demo: DemoMeeting,
  renderPdf: RenderPdf,
  report: SeedReport,
): Promise<void> {
  const { meeting } = demo;
  const [existing] = await ctx.db
    .select({ id: meetings.id })
    .from(meetings)
    .where(eq(meetings.id, meeting.id));
  if (existing === undefined) {
    await createMeeting(
      ctx,
      SYSTEM_ACTOR,
      createMeetingRequestSchema.parse({
        id: meeting.id,
        title: meeting.title,
        kind: meeting.kind,
        startsAt: meeting.startsAt,
        endsAt: meeting.endsAt,
        location: meeting.location,
        chairId: meeting.chairId,
      }),
    );
    report.meetingsCreated += 1;
  }

  const agenda = setAgendaRequestSchema.parse({
    items: demo.items.map((item) => ({
      id: item.id,
      position: item.position,
      title: item.title,
      presenter: item.presenter,
      startsAt: item.startsAt,
      durationMinutes: item.durationMinutes,
      summary: item.summary,
    })),
  });
  await setAgenda(ctx, SYSTEM_ACTOR, meeting.id, agenda.items);

  for (const paper of demo.papers) {
    const [doc] = await ctx.db
      .select({ currentVersion: documents.currentVersion })
      .from(documents)
      .where(eq(documents.id, paper.document.id));
    if (doc === undefined) {
      const { id, agendaItemId, title, kind, position, copyAllowed } = paper.document;
      await createDocument(
        ctx,
        SYSTEM_ACTOR,
        meeting.id,
        createDocumentRequestSchema.parse({ id, agendaItemId, title, kind, position, copyAllowed }),
      );
    } else if (doc.currentVersion > 0) {
      continue;
    }
    const stored = await ctx.blobs.put(await renderPdf(paper));
    const inspection = await inspectPdf(ctx.blobs.pathOf(stored.sha256));
    if (!inspection.ok)
      throw new Error(`demo paper ${paper.fileName} is not a valid PDF: ${inspection.message}`);
    await addDocumentVersion(ctx, SYSTEM_ACTOR, paper.document.id, {
      ...stored,
      pageCount: inspection.pageCount,
      fileName: paper.fileName,
    });
    report.versionsCreated += 1;
  }

  const people = setParticipantsRequestSchema.parse({
    participants: demo.participants.map((p) => ({
      userId: p.userId,
      role: p.role,
      substituteFor: p.substituteFor,
      mayVote: p.mayVote,
    })),
  });
  await setParticipants(ctx, SYSTEM_ACTOR, meeting.id, people.participants);

  // Move the status forward only (draft → published → closed), so a re-seed changes nothing.
  const [current] = await ctx.db
    .select({ status: meetings.status })
    .from(meetings)
    .where(eq(meetings.id, meeting.id));
  let status = current?.status ?? 'draft';
  if (meeting.status !== 'draft' && status === 'draft')
    status = (await changeMeetingStatus(ctx, SYSTEM_ACTOR, meeting.id, 'publish')).status;
  if (meeting.status === 'closed' && status === 'published')
    await changeMeetingStatus(ctx, SYSTEM_ACTOR, meeting.id, 'close');
}
