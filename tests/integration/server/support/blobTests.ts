import { createHash } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { errorOf, http, type Harness, type Session } from './harness.ts';
import { createMeetingWithPaper, type MeetingFixture } from './meetings.ts';

export function blobTests(get: () => Harness): void {
  describe('blobs over HTTP with Range', () => {
    let fixture: MeetingFixture;
    let member: Session;
    let outsider: Session;
    let path: string;
    let size: number;
    let sha: string;

    beforeAll(async () => {
      const h = get();
      const staff = await h.login(await h.createAccount('secretariat'));
      const account = await h.createAccount('member');
      member = await h.login(account);
      outsider = await h.login(await h.createAccount('member'));
      fixture = await createMeetingWithPaper(h, staff, {
        participants: [{ userId: account.user.id }],
        publish: true,
      });
      sha = fixture.upload.version.sha256;
      size = fixture.pdf.length;
      path = `/api/blobs/${sha}`;
    });

    const get206 = async (
      range: string,
    ): Promise<{ body: Buffer; contentRange: string | null; length: string | null }> => {
      const res = await http(get(), 'GET', path, { token: member.token, headers: { range } });
      expect(res.status).toBe(206);
      return {
        body: res.bytes,
        contentRange: res.headers.get('content-range'),
        length: res.headers.get('content-length'),
      };
    };

    it('serves the whole blob with ETag, Accept-Ranges and Content-Length; its hash is its name', async () => {
      const res = await http(get(), 'GET', path, { token: member.token });
      expect(res.status).toBe(200);
      expect(res.headers.get('etag')).toBe(`"${sha}"`);
      expect(res.headers.get('accept-ranges')).toBe('bytes');
      expect(res.headers.get('content-length')).toBe(String(size));
      expect(res.headers.get('content-type')).toBe('application/pdf');
      expect(Buffer.compare(res.bytes, Buffer.from(fixture.pdf))).toBe(0);
      expect(createHash('sha256').update(res.bytes).digest('hex')).toBe(sha);
    });

    it('serves the first byte', async () => {
      const { body, contentRange, length } = await get206('bytes=0-0');
      expect(body).toEqual(Buffer.from(fixture.pdf.subarray(0, 1)));
      expect(contentRange).toBe(`bytes 0-0/${size}`);
      expect(length).toBe('1');
    });

    it('serves the last byte, open-ended', async () => {
      const { body, contentRange } = await get206(`bytes=${size - 1}-`);
      expect(body).toEqual(Buffer.from(fixture.pdf.subarray(size - 1)));
      expect(contentRange).toBe(`bytes ${size - 1}-${size - 1}/${size}`);
    });

    it('serves a suffix range, and resumes a broken download from an offset', async () => {
      const suffix = await get206('bytes=-100');
      expect(suffix.body).toEqual(Buffer.from(fixture.pdf.subarray(size - 100)));
      expect(suffix.contentRange).toBe(`bytes ${size - 100}-${size - 1}/${size}`);
      const head = await get206('bytes=0-99');
      const rest = await get206('bytes=100-');
      expect(Buffer.concat([head.body, rest.body])).toEqual(Buffer.from(fixture.pdf));
    });

    it('clamps an end past the size, and a suffix longer than the blob', async () => {
      expect((await get206(`bytes=10-${size + 1000}`)).contentRange).toBe(
        `bytes 10-${size - 1}/${size}`,
      );
      expect((await get206(`bytes=-${size + 1000}`)).body.length).toBe(size);
    });

    it('answers 416 with Content-Range for a start past the end and an empty suffix', async () => {
      for (const range of [`bytes=${size}-`, `bytes=${size + 5}-${size + 10}`, 'bytes=-0']) {
        const res = await http(get(), 'GET', path, { token: member.token, headers: { range } });
        expect(res.status).toBe(416);
        expect(res.headers.get('content-range')).toBe(`bytes */${size}`);
        expect(errorOf(res).code).toBe('RANGE_NOT_SATISFIABLE');
      }
    });

    it('sends everything for a malformed or multi-range header, or an If-Range of another ETag', async () => {
      const variants: Record<string, string>[] = [
        { range: 'bytes=5-2' },
        { range: 'bytes=0-1,5-6' },
        { range: 'items=0-1' },
        { range: 'bytes=abc' },
        { range: 'bytes=0-1', 'if-range': '"other"' },
      ];
      for (const headers of variants) {
        const res = await http(get(), 'GET', path, { token: member.token, headers });
        expect(res.status).toBe(200);
        expect(res.bytes.length).toBe(size);
      }
      expect(
        (
          await http(get(), 'GET', path, {
            token: member.token,
            headers: { range: 'bytes=0-1', 'if-range': `"${sha}"` },
          })
        ).status,
      ).toBe(206);
    });

    it('answers HEAD with the headers and no body', async () => {
      const res = await http(get(), 'HEAD', path, { token: member.token });
      expect(res.status).toBe(200);
      expect(res.headers.get('content-length')).toBe(String(size));
      expect(res.bytes.length).toBe(0);
    });

    it('needs a token', async () => {
      const res = await http(get(), 'GET', path);
      expect(res.status).toBe(401);
      expect(errorOf(res).code).toBe('UNAUTHENTICATED');
    });

    it('answers the same 404 for a missing, a malformed and an invisible hash', async () => {
      const missing = await http(get(), 'GET', `/api/blobs/${'0'.repeat(64)}`, {
        token: member.token,
      });
      const malformed = await http(get(), 'GET', '/api/blobs/..%2F..%2Fetc%2Fpasswd', {
        token: member.token,
      });
      const invisible = await http(get(), 'GET', path, { token: outsider.token });
      for (const res of [missing, malformed, invisible]) {
        expect(res.status).toBe(404);
        expect(res.json).toEqual(missing.json);
      }
    });
  });
}
