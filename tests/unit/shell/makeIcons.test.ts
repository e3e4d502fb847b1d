import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { PNG } from 'pngjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const script = fileURLToPath(new URL('../../../scripts/make-icons.mjs', import.meta.url));
const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

let out: string;

beforeAll(() => {
  out = mkdtempSync(path.join(tmpdir(), 'ecabinet-icons-'));
  execFileSync(process.execPath, [script, out], { stdio: 'pipe' });
}, 60_000);

afterAll(() => rmSync(out, { recursive: true, force: true }));

/** Width and height from a PNG's IHDR chunk. */
function pngSize(data: Buffer): [number, number] {
  expect(data.subarray(0, 8)).toEqual(PNG_SIGNATURE);
  expect(data.toString('ascii', 12, 16)).toBe('IHDR');
  return [data.readUInt32BE(16), data.readUInt32BE(20)];
}

describe('scripts/make-icons.mjs', () => {
  it.each([16, 32, 48, 64, 128, 256, 512, 1024])('writes icons/%i.png at that size', (size) => {
    const data = readFileSync(path.join(out, 'icons', `${size}.png`));
    expect(pngSize(data)).toEqual([size, size]);
  });

  it('draws an opaque emblem with transparent corners', () => {
    const png = PNG.sync.read(readFileSync(path.join(out, 'icons', '256.png')));
    const alphaAt = (x: number, y: number) => png.data[(y * png.width + x) * 4 + 3];
    expect(alphaAt(0, 0)).toBe(0);
    expect(alphaAt(128, 128)).toBe(255);
    // Anti-aliased: the rounded corner has partially covered pixels.
    const partial = Array.from({ length: 256 }, (_, i) => alphaAt(i, i) ?? 0).filter(
      (a) => a > 0 && a < 255,
    );
    expect(partial.length).toBeGreaterThan(0);
  });

  it('writes icon.png at 512 px', () => {
    expect(pngSize(readFileSync(path.join(out, 'icon.png')))).toEqual([512, 512]);
  });

  it('writes a PNG-embedded ICO with 16…256 px entries', () => {
    const ico = readFileSync(path.join(out, 'icon.ico'));
    expect(ico.readUInt16LE(0)).toBe(0);
    expect(ico.readUInt16LE(2)).toBe(1);
    const count = ico.readUInt16LE(4);
    const sizes: number[] = [];
    for (let i = 0; i < count; i++) {
      const entry = 6 + 16 * i;
      const width = ico.readUInt8(entry) || 256;
      const length = ico.readUInt32LE(entry + 8);
      const offset = ico.readUInt32LE(entry + 12);
      expect(ico.readUInt16LE(entry + 6)).toBe(32);
      expect(pngSize(ico.subarray(offset, offset + length))).toEqual([width, width]);
      sizes.push(width);
    }
    expect(sizes).toEqual([16, 32, 48, 64, 128, 256]);
  });

  it('writes a PNG-embedded ICNS with ic07…ic10', () => {
    const icns = readFileSync(path.join(out, 'icon.icns'));
    expect(icns.toString('ascii', 0, 4)).toBe('icns');
    expect(icns.readUInt32BE(4)).toBe(icns.length);
    const found: Array<[string, number]> = [];
    for (let offset = 8; offset < icns.length;) {
      const type = icns.toString('ascii', offset, offset + 4);
      const length = icns.readUInt32BE(offset + 4);
      found.push([type, pngSize(icns.subarray(offset + 8, offset + length))[0]]);
      offset += length;
    }
    expect(found).toEqual([
      ['ic07', 128],
      ['ic08', 256],
      ['ic09', 512],
      ['ic10', 1024],
    ]);
  });

  it('refuses SVG outside its documented subset', () => {
    const bad = path.join(out, 'bad.svg');
    writeFileSync(bad, '<svg viewBox="0 0 10 10"><path d="M0 0"/></svg>');
    expect(() =>
      execFileSync(process.execPath, [script, path.join(out, 'bad'), '--source', bad], {
        stdio: 'pipe',
      }),
    ).toThrow(/path/);
  });
});
