import { randomUUID } from 'node:crypto';
import type { Participant } from '../../../../shared/domain/meeting.ts';
import {
  ADMIN_ROUTES,
  uploadVersionResponseSchema,
  type UploadVersionResponse,
} from '../../../../shared/protocol/admin.ts';
import { http, type HttpResult, type Session } from './harness.ts';
import { makePdf } from './pdfs.ts';

export interface MeetingFixture {
  meetingId: string;
  itemId: string;
  documentId: string;
  upload: UploadVersionResponse;
  pdf: Uint8Array;
}

export interface MeetingOptions {
  participants?: { userId: string; role?: Participant['role'] }[];
  publish?: boolean;
  pages?: number;
}

function expectStatus(res: HttpResult, status: number, what: string): void {
  if (res.status !== status)
    throw new Error(`${what}: expected ${status}, got ${res.status} ${JSON.stringify(res.json)}`);
}

export async function uploadPdf(
  h: { url: string },
  token: string,
  documentId: string,
  pdf: Uint8Array,
  fileName = 'paper.pdf',
): Promise<HttpResult> {
  return http(h, 'POST', ADMIN_ROUTES.versions(documentId, fileName), {
    token,
    body: pdf,
    headers: { 'content-type': 'application/pdf' },
  });
}

export async function setParticipants(
  h: { url: string },
  staff: Session,
  meetingId: string,
  participants: MeetingOptions['participants'] = [],
): Promise<void> {
  const res = await http(h, 'PUT', ADMIN_ROUTES.participants(meetingId), {
    token: staff.token,
    json: {
      participants: participants.map((p) => ({
        userId: p.userId,
        role: p.role ?? 'member',
        mayVote: true,
      })),
    },
  });
  expectStatus(res, 200, 'set participants');
}

export async function changeStatus(
  h: { url: string },
  staff: Session,
  meetingId: string,
  transition: 'publish' | 'unpublish' | 'close',
): Promise<void> {
  const route = ADMIN_ROUTES[transition](meetingId);
  expectStatus(await http(h, 'POST', route, { token: staff.token }), 200, transition);
}

/** A meeting with one agenda item and one paper (one version), through the admin HTTP API. */
export async function createMeetingWithPaper(
  h: { url: string },
  staff: Session,
  options: MeetingOptions = {},
): Promise<MeetingFixture> {
  const meetingId = randomUUID();
  const itemId = randomUUID();
  const documentId = randomUUID();
  const token = staff.token;
  expectStatus(
    await http(h, 'POST', ADMIN_ROUTES.meetings, {
      token,
      json: {
        id: meetingId,
        title: 'Phiên họp Chính phủ thường kỳ',
        kind: 'regular',
        startsAt: '2026-12-01T01:00:00.000Z',
        endsAt: '2026-12-01T10:00:00.000Z',
        location: 'Hà Nội',
      },
    }),
    201,
    'create meeting',
  );
  expectStatus(
    await http(h, 'PUT', ADMIN_ROUTES.agenda(meetingId), {
      token,
      json: {
        items: [
          {
            id: itemId,
            position: 1,
            title: 'Dự thảo Nghị định',
            presenter: 'Bộ Tư pháp',
            durationMinutes: 30,
          },
        ],
      },
    }),
    200,
    'set agenda',
  );
  expectStatus(
    await http(h, 'POST', ADMIN_ROUTES.documents(meetingId), {
      token,
      json: { id: documentId, agendaItemId: itemId, title: 'Tờ trình', kind: 'submission' },
    }),
    201,
    'create document',
  );
  const pdf = await makePdf(options.pages ?? 2);
  const uploaded = await uploadPdf(h, token, documentId, pdf);
  expectStatus(uploaded, 201, 'upload');
  await setParticipants(h, staff, meetingId, options.participants);
  if (options.publish === true) await changeStatus(h, staff, meetingId, 'publish');
  return {
    meetingId,
    itemId,
    documentId,
    upload: uploadVersionResponseSchema.parse(uploaded.json),
    pdf,
  };
}
