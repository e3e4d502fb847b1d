import { randomUUID } from 'node:crypto';
import { readdir, stat } from 'node:fs/promises';
import { request } from 'node:http';
import { join } from 'node:path';
import { eq } from '../../../../server/src/db/operators.ts';
import { beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_ROUTES, uploadVersionResponseSchema } from '../../../../shared/protocol/admin.ts';
import { documentVersions } from '../../../../server/src/db/schema.ts';
import { errorOf, http, type Harness, type Session } from './harness.ts';
import { createMeetingWithPaper, uploadPdf, type MeetingFixture } from './meetings.ts';
import { encryptedPdf, makePdf, notAPdf, truncatedPdf } from './pdfs.ts';

/** The suites run with this upload limit (set by the suite files); bytes. */
export const SUITE_MAX_UPLOAD_BYTES = 256 * 1024;

/**
 * Sends `bytes` in 16 KiB chunks and does not end the request; resolves with the status of the
 * response as soon as it arrives, and how many bytes had been written by then.
 */
function uploadWithoutEnding(
  url: string,
  path: string,
  token: string,
  totalBytes: number,
): Promise<{ status: number; written: number; body: string }> {
  return new Promise((resolve, reject) => {
    let written = 0;
    const req = request(url + path, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/pdf' },
    });
    req.on('response', (res) => {
      let body = '';
      res.on('data', (chunk: Buffer) => (body += chunk.toString()));
      res.on('end', () => {
        resolve({ status: res.statusCode ?? 0, written, body });
        req.destroy();
      });
    });
    req.on('error', reject);
    const chunk = Buffer.alloc(16 * 1024, 0x25);
    const pump = (): void => {
      while (written < totalBytes) {
        written += chunk.length;
        if (!req.write(chunk)) {
          req.once('drain', pump);
          return;
        }
      }
      // Everything sent, but never ended: the server must answer on its own.
    };
    pump();
  });
}

export function uploadTests(get: () => Harness): void {
  describe('uploads', () => {
    let staff: Session;
    let fixture: MeetingFixture;

    beforeAll(async () => {
      const h = get();
      staff = await h.login(await h.createAccount('secretariat'));
      fixture = await createMeetingWithPaper(h, staff);
    });

    const versionsOf = async (documentId: string): Promise<number> =>
      (
        await get()
          .server.db.select()
          .from(documentVersions)
          .where(eq(documentVersions.documentId, documentId))
      ).length;

    it('stores a PDF under its SHA-256 and records size, pages and a cleaned display name', async () => {
      const h = get();
      const pdf = await makePdf(4, { objectStreams: false });
      const res = await uploadPdf(
        h,
        staff.token,
        fixture.documentId,
        pdf,
        '..\\..\\secret/../Tờ trình\u0000 số 12.pdf',
      );
      expect(res.status).toBe(201);
      const { version, document } = uploadVersionResponseSchema.parse(res.json);
      expect(version).toMatchObject({
        version: 2,
        size: pdf.length,
        pageCount: 4,
        fileName: 'Tờ trình số 12.pdf',
      });
      expect(document.currentVersion).toBe(2);
      const onDisk = join(h.dataDir, 'blobs', version.sha256.slice(0, 2), version.sha256.slice(2));
      expect((await stat(onDisk)).size).toBe(pdf.length);
      expect(await readdir(join(h.dataDir, 'blobs', 'tmp'))).toEqual([]);
    });

    it('refuses a file that is not a PDF, an encrypted PDF and a truncated one, keeping nothing', async () => {
      const h = get();
      const before = await versionsOf(fixture.documentId);
      const cases = [
        { bytes: notAPdf(), code: 'INVALID_PDF' },
        { bytes: encryptedPdf(), code: 'ENCRYPTED_PDF' },
        { bytes: await truncatedPdf(), code: 'INVALID_PDF' },
        { bytes: Buffer.from('%PDF-1.7\n%%EOF\n'), code: 'INVALID_PDF' },
      ];
      for (const { bytes, code } of cases) {
        const res = await uploadPdf(h, staff.token, fixture.documentId, bytes, 'paper.pdf');
        expect(res.status).toBe(422);
        expect(errorOf(res).code).toBe(code);
      }
      expect(await versionsOf(fixture.documentId)).toBe(before);
      expect(await readdir(join(h.dataDir, 'blobs', 'tmp'))).toEqual([]);
    });

    it('refuses an upload over the limit with 413 before the body has been sent in full', async () => {
      const h = get();
      const result = await uploadWithoutEnding(
        h.url,
        ADMIN_ROUTES.versions(fixture.documentId, 'big.pdf'),
        staff.token,
        SUITE_MAX_UPLOAD_BYTES + 64 * 1024,
      );
      expect(result.status).toBe(413);
      expect(JSON.parse(result.body)).toMatchObject({ error: { code: 'PAYLOAD_TOO_LARGE' } });
      expect(await readdir(join(h.dataDir, 'blobs', 'tmp'))).toEqual([]);

      const declared = await http(h, 'POST', ADMIN_ROUTES.versions(fixture.documentId, 'big.pdf'), {
        token: staff.token,
        body: Buffer.alloc(SUITE_MAX_UPLOAD_BYTES + 1),
        headers: { 'content-type': 'application/pdf' },
      });
      expect(declared.status).toBe(413);
      // The server keeps serving.
      expect((await http(h, 'GET', '/api/health')).status).toBe(200);
    });

    it('refuses members (FORBIDDEN), unknown documents (NOT_FOUND) and other content types', async () => {
      const h = get();
      const member = await h.login(await h.createAccount('member'));
      const pdf = await makePdf(1);
      expect(errorOf(await uploadPdf(h, member.token, fixture.documentId, pdf)).code).toBe(
        'FORBIDDEN',
      );
      expect(errorOf(await uploadPdf(h, staff.token, randomUUID(), pdf)).code).toBe('NOT_FOUND');
      const wrongType = await http(h, 'POST', ADMIN_ROUTES.versions(fixture.documentId, 'a.pdf'), {
        token: staff.token,
        body: pdf,
        headers: { 'content-type': 'text/plain' },
      });
      expect(errorOf(wrongType).code).toBe('INVALID_INPUT');
    });
  });
}
