import { execFileSync, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFileSync, rmSync } from 'node:fs';
import { PDFDocument } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import {
  buildPackPdf,
  makeMeetingPack,
  MIN_PACK_FILE_BYTES,
  planMeetingPack,
  writeMeetingPack,
} from '../../support/meetingPack.ts';

const MB = 1024 * 1024;

function hasTool(name: string): boolean {
  try {
    execFileSync(name, ['-v'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

describe('meetingPack', () => {
  it('plans sizes that add up to exactly totalBytes, each at least the minimum', () => {
    for (const [count, totalBytes] of [
      [1, MIN_PACK_FILE_BYTES],
      [7, 7 * MIN_PACK_FILE_BYTES + 5],
      [60, 300 * MB],
    ] as const) {
      const sizes = planMeetingPack({ count, totalBytes, seed: 'plan' });
      expect(sizes).toHaveLength(count);
      expect(sizes.reduce((a, b) => a + b, 0)).toBe(totalBytes);
      for (const s of sizes) expect(s).toBeGreaterThanOrEqual(MIN_PACK_FILE_BYTES);
    }
    expect(() =>
      planMeetingPack({ count: 3, totalBytes: 3 * MIN_PACK_FILE_BYTES - 1, seed: 1 }),
    ).toThrow(RangeError);
    expect(() => planMeetingPack({ count: 0, totalBytes: MB, seed: 1 })).toThrow(RangeError);
  });

  it('builds valid PDFs of exactly the requested size, which pdf-lib loads', async () => {
    for (const size of [
      MIN_PACK_FILE_BYTES,
      MIN_PACK_FILE_BYTES + 1,
      65_537,
      1_000_003,
      3 * MB + 17,
    ]) {
      const pdf = buildPackPdf('sizes', 3, size);
      expect(pdf.bytes.length).toBe(size);
      expect(pdf.size).toBe(size);
      const text = Buffer.from(pdf.bytes).toString('latin1');
      expect(text.startsWith('%PDF-1.7\n')).toBe(true);
      expect(text.endsWith('%%EOF\n')).toBe(true);
      expect(pdf.sha256).toBe(createHash('sha256').update(pdf.bytes).digest('hex'));
      const doc = await PDFDocument.load(pdf.bytes, { updateMetadata: false });
      expect(doc.getPageCount()).toBe(pdf.pageCount);
      expect(pdf.pageCount).toBeGreaterThanOrEqual(3);
    }
  });

  it('is deterministic for a seed and differs between seeds', () => {
    const options = { count: 5, totalBytes: 2 * MB, seed: 'bench-1' };
    const a = makeMeetingPack(options).files.map((f) => f.sha256);
    const b = makeMeetingPack(options).files.map((f) => f.sha256);
    const c = makeMeetingPack({ ...options, seed: 'bench-2' }).files.map((f) => f.sha256);
    expect(b).toEqual(a);
    expect(new Set(a).size).toBe(a.length);
    for (const h of c) expect(a).not.toContain(h);
  });

  it('writes the pack to disk with the sizes and hashes it reports', async () => {
    const pack = await writeMeetingPack({ count: 12, totalBytes: 24 * MB, seed: 7 });
    try {
      expect(pack.files).toHaveLength(12);
      expect(pack.files.reduce((n, f) => n + f.size, 0)).toBe(24 * MB);
      expect(new Set(pack.files.map((f) => f.name)).size).toBe(12);
      for (const f of pack.files) {
        const bytes = readFileSync(f.path);
        expect(bytes.length).toBe(f.size);
        expect(createHash('sha256').update(bytes).digest('hex')).toBe(f.sha256);
        expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
      }
      if (hasTool('pdfinfo')) {
        const first = pack.files[0];
        if (!first) throw new Error('empty pack');
        const run = spawnSync('pdfinfo', [first.path], { encoding: 'utf8' });
        expect(run.status).toBe(0);
        expect(run.stderr).toBe('');
        expect(run.stdout).toMatch(new RegExp(`Pages:\\s+${first.pageCount}\\n`));
      }
    } finally {
      rmSync(pack.dir, { recursive: true, force: true });
    }
  });
});
