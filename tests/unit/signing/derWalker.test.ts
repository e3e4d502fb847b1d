import { describe, expect, it } from 'vitest';
import { parseDer } from '../../../server/src/opinions/verify/der/parseDer.ts';
import {
  readOid,
  readPositiveIntegerHex,
  readTime,
} from '../../../server/src/opinions/verify/der/derValues.ts';

const LIMITS = { maxDepth: 32, maxNodes: 8192 };
const hex = (h: string): Uint8Array => Uint8Array.from(Buffer.from(h.replace(/\s/g, ''), 'hex'));

/** `depth` SEQUENCEs, each wrapping the next, around a NULL; definite, minimal lengths. O(depth). */
function nested(depth: number): Uint8Array {
  const headers: number[][] = [];
  let size = 2; // the NULL
  for (let i = 0; i < depth; i++) {
    const header =
      size < 0x80
        ? [0x30, size]
        : size < 0x100
          ? [0x30, 0x81, size]
          : size < 0x10000
            ? [0x30, 0x82, size >> 8, size & 0xff]
            : [0x30, 0x83, size >> 16, (size >> 8) & 0xff, size & 0xff];
    headers.push(header);
    size += header.length;
  }
  const out: number[] = [];
  for (let i = headers.length - 1; i >= 0; i--) out.push(...headers[i]!);
  out.push(0x05, 0x00);
  return Uint8Array.from(out);
}

describe('the bounded DER walker', () => {
  it('reads a well-formed tree', () => {
    const r = parseDer(hex('30 05 02 01 05 05 00'), LIMITS);
    expect(r.ok).toBe(true);
    if (r.ok) expect(r.value.children.map((c) => c.id)).toEqual([0x02, 0x05]);
  });

  it('stops at depth N+1 with TOO_DEEP, before reading what lies below', () => {
    expect(parseDer(nested(31), LIMITS).ok).toBe(true); // 31 SEQUENCEs + the NULL = depth 32
    const deep = parseDer(nested(32), LIMITS);
    expect(deep).toMatchObject({ ok: false, error: { code: 'TOO_DEEP' }, stoppedAtDepth: 33 });
  });

  it('refuses a 60 KiB nesting bomb quickly, at the same depth', () => {
    const bomb = nested(15_000); // ~ 60 KiB of SEQUENCE headers
    expect(bomb.length).toBeGreaterThan(55 * 1024);
    const started = performance.now();
    const r = parseDer(bomb, LIMITS);
    expect(r).toMatchObject({ ok: false, error: { code: 'TOO_DEEP' }, stoppedAtDepth: 33 });
    expect(performance.now() - started).toBeLessThan(1000); // generous sanity bound, not a benchmark
  });

  it('caps the number of values', () => {
    const many = Buffer.concat([Buffer.from([0x30, 0x82, 0x13, 0x88]), Buffer.alloc(5000, 0)]);
    // 2500 x NULL (05 00) inside one SEQUENCE
    for (let i = 4; i < many.length; i += 2) many[i] = 0x05;
    expect(parseDer(many, { maxDepth: 4, maxNodes: 1000 })).toMatchObject({
      ok: false,
      error: { code: 'TOO_LARGE' },
    });
    expect(parseDer(many, { maxDepth: 4, maxNodes: 3000 }).ok).toBe(true);
  });

  it.each([
    ['indefinite length (BER)', '30 80 05 00 00 00'],
    ['non-minimal long length', '30 81 02 05 00'],
    ['length with a leading zero', '30 82 00 02 05 00'],
    ['length past the end', '30 05 05 00'],
    ['trailing bytes', '05 00 00'],
    ['constructed OCTET STRING (BER)', '24 04 04 02 41 42'],
    ['primitive SEQUENCE', '10 00'],
    ['high tag number', '1f 81 00 00'],
    ['children that overrun their parent', '30 03 04 02 41 42'],
    ['truncated header', '30'],
  ])('refuses %s as MALFORMED', (_name, bytes) => {
    expect(parseDer(hex(bytes), LIMITS)).toMatchObject({ ok: false, error: { code: 'MALFORMED' } });
  });

  it('reads values strictly', () => {
    const node = (h: string) => {
      const r = parseDer(hex(h), LIMITS);
      if (!r.ok) throw new Error(r.error.message);
      return r.value;
    };
    expect(readOid(node('06 09 60 86 48 01 65 03 04 02 01'))).toBe('2.16.840.1.101.3.4.2.1');
    expect(() => readOid(node('06 03 80 01 01'))).toThrow(/non-minimal/);
    expect(readPositiveIntegerHex(node('02 02 00 80'))).toBe('80');
    expect(() => readPositiveIntegerHex(node('02 02 00 7f'))).toThrow(/non-minimal/);
    expect(() => readPositiveIntegerHex(node('02 01 80'))).toThrow(/negative/);
    expect(readTime(node(`17 0d ${Buffer.from('491231235959Z').toString('hex')}`))).toBe(
      Date.UTC(2049, 11, 31, 23, 59, 59),
    );
    expect(readTime(node(`17 0d ${Buffer.from('500101000000Z').toString('hex')}`))).toBe(
      Date.UTC(1950, 0, 1),
    );
    expect(() => readTime(node(`17 0b ${Buffer.from('4912312359Z').toString('hex')}`))).toThrow();
    expect(() => readTime(node(`18 0f ${Buffer.from('20260230120000Z').toString('hex')}`))).toThrow(
      /real date/,
    );
  });
});
