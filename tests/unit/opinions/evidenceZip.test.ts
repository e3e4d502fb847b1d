import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeZip } from '../../../electron/core/opinions/evidenceZip.ts';
import { readZip, ZipError } from '../../../server/src/opinions/evidence/readZip.ts';

const entries = [
  { name: 'manifest.json', data: new Uint8Array(Buffer.from('{"a":1}\n'.repeat(100))) },
  { name: 'opinions/001-x/payload.json', data: new Uint8Array(Buffer.from('{"text":"Đồng ý"}')) },
  { name: 'opinions/001-x/signature.p7s', data: new Uint8Array(randomBytes(1500)) },
  { name: 'empty.txt', data: new Uint8Array(0) },
];

describe('evidence ZIP (writer on the device, reader in the checker)', () => {
  it('round-trips stored and deflated entries with UTF-8 names', () => {
    const files = readZip(writeZip(entries, new Date('2026-11-21T10:00:00Z')));
    expect([...files.keys()]).toEqual(entries.map((e) => e.name));
    for (const e of entries)
      expect(Buffer.from(files.get(e.name)!).equals(Buffer.from(e.data))).toBe(true);
  });

  it('is a ZIP that unzip(1) lists and tests', () => {
    const dir = mkdtempSync(join(tmpdir(), 'ecabinet-zip-'));
    try {
      const path = join(dir, 'a.zip');
      writeFileSync(path, writeZip(entries, new Date()));
      const r = spawnSync('unzip', ['-t', path], { encoding: 'utf8' });
      if (r.error)
        expect.soft(r.error.message).toContain('ENOENT'); // unzip not installed
      else expect(r.stdout).toContain('No errors detected');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('refuses a changed byte (CRC-32), unsafe names, and output beyond the declared size', () => {
    const zip = writeZip(entries, new Date());
    const at = Buffer.from(zip).indexOf(Buffer.from('opinions/001-x/signature.p7s')) + 40;
    const changed = zip.slice();
    changed[at] = changed[at]! ^ 0xff;
    expect(() => readZip(changed)).toThrow(ZipError);
    for (const name of ['../x', '/etc/passwd', 'a\\b', 'C:/x', 'a/./b'])
      expect(() => readZip(writeZip([{ name, data: new Uint8Array(1) }], new Date()))).toThrow(
        /unsafe entry name/,
      );
    expect(() => readZip(new Uint8Array(Buffer.from('not a zip at all, just text')))).toThrow(
      /not a ZIP/,
    );
    const twice = [
      { name: 'manifest.json', data: new Uint8Array(1) },
      { name: 'manifest.json', data: new Uint8Array(2) },
    ];
    expect(() => readZip(writeZip(twice, new Date()))).toThrow(/duplicate entry/);
    expect(() =>
      readZip(writeZip(entries, new Date()), { maxEntries: 3, maxTotalBytes: 1 << 20 }),
    ).toThrow(/more than 3 entries/);
    expect(() =>
      readZip(writeZip(entries, new Date()), { maxEntries: 10, maxTotalBytes: 1000 }),
    ).toThrow(/too large/);
    // A bomb: the directory claims 10 bytes, the data inflates to a megabyte.
    const bomb = Buffer.from(writeZip([{ name: 'b', data: new Uint8Array(1 << 20) }], new Date()));
    const dir = bomb.lastIndexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]));
    bomb.writeUInt32LE(10, dir + 24);
    expect(() => readZip(new Uint8Array(bomb))).toThrow(ZipError);
  });
});
