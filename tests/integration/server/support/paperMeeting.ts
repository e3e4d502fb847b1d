import { randomUUID } from 'node:crypto';
import { expect } from 'vitest';
import { ADMIN_ROUTES, uploadVersionResponseSchema } from '../../../../shared/protocol/admin.ts';
import { http, type Harness } from './harness.ts';
import { uploadPdf } from './meetings.ts';
import { makePdf } from './pdfs.ts';
import { createWriteMeeting, type WriteMeeting } from './writeFixture.ts';

/** A write meeting with one paper: its document id and the SHA-256 of its version 1. */
export interface PaperMeeting extends WriteMeeting {
  documentId: string;
  sha256: string;
}

/** A published meeting of `people` participants with one two-page paper. */
export async function meetingWithPaper(h: Harness, people: number): Promise<PaperMeeting> {
  const m = await createWriteMeeting(h, {
    people: Array.from({ length: people }, () => ({})),
    publish: false,
  });
  const token = m.staff.token;
  const documentId = randomUUID();
  const created = await http(h, 'POST', ADMIN_ROUTES.documents(m.meetingId), {
    token,
    json: { id: documentId, agendaItemId: m.itemIds[0], title: 'Tờ trình', kind: 'submission' },
  });
  expect(created.status).toBe(201);
  const uploaded = await uploadPdf(h, token, documentId, await makePdf(2));
  expect(uploaded.status).toBe(201);
  const { version } = uploadVersionResponseSchema.parse(uploaded.json);
  const published = await http(h, 'POST', ADMIN_ROUTES.publish(m.meetingId), { token });
  expect(published.status).toBe(200);
  return { ...m, documentId, sha256: version.sha256 };
}

/** The args of an `annotation.create` highlighting "Điều 1" on page 1 of the paper. */
export function highlightArgs(m: PaperMeeting, visibility: string, id = randomUUID(), body = '') {
  return {
    id,
    meetingId: m.meetingId,
    documentId: m.documentId,
    version: 1,
    sha256: m.sha256,
    pageIndex: 0,
    visibility,
    color: '#ffd400',
    body,
    shape: {
      kind: 'highlight',
      rects: [{ x: 72, y: 700, width: 120.5, height: 12 }],
      quote: { exact: 'Điều 1', prefix: '', suffix: ' Phạm vi' },
    },
  };
}
