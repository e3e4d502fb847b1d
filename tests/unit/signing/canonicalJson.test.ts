import { describe, expect, it } from 'vitest';
import { parseOpinionPayloadBytes } from '../../../shared/opinions/parsePayload.ts';
import {
  canonicalJson,
  canonicalPayloadBytes,
  opinionPayloadSchema,
  type OpinionPayload,
} from '../../../shared/opinions/payload.ts';
import { decodeUtf8Strict, encodeUtf8, isWellFormedUtf16 } from '../../../shared/opinions/utf8.ts';

const fromBits = (hex: string): number => Buffer.from(hex, 'hex').readDoubleBE(0);

describe('RFC 8785 canonical JSON', () => {
  it('matches the RFC §3.2.2 example (whitespace, literals, numbers, string escapes)', () => {
    const input = JSON.parse(
      '{"numbers": [333333333.33333329, 1E30, 4.50, 2e-3, 0.000000000000000000000000001],' +
        ' "string": "\\u20ac$\\u000F\\u000aA\'\\u0042\\u0022\\u005c\\\\\\"\\/", "literals": [null, true, false]}',
    ) as unknown;
    expect(canonicalJson(input)).toBe(
      '{"literals":[null,true,false],"numbers":[333333333.3333333,1e+30,4.5,0.002,1e-27],"string":"€$\\u000f\\nA\'B\\"\\\\\\\\\\"/"}',
    );
  });

  it('sorts keys by UTF-16 code units (RFC §3.2.3 example)', () => {
    const input = {
      '\u20ac': 'Euro Sign',
      '\r': 'Carriage Return',
      '\ufb33': 'Hebrew Letter Dalet With Dagesh',
      '1': 'One',
      '\ud83d\ude00': 'Emoji: Grinning Face',
      '\u0080': 'Control',
      '\u00f6': 'Latin Small Letter O With Diaeresis',
    };
    expect(canonicalJson(input)).toBe(
      '{"\\r":"Carriage Return","1":"One","\u0080":"Control","ö":"Latin Small Letter O With Diaeresis","€":"Euro Sign","😀":"Emoji: Grinning Face","\ufb33":"Hebrew Letter Dalet With Dagesh"}',
    );
  });

  it('serialises numbers as ECMAScript does (RFC Appendix B samples)', () => {
    const samples: [string, string][] = [
      ['0000000000000000', '0'],
      ['8000000000000000', '0'],
      ['0000000000000001', '5e-324'],
      ['8000000000000001', '-5e-324'],
      ['7fefffffffffffff', '1.7976931348623157e+308'],
      ['ffefffffffffffff', '-1.7976931348623157e+308'],
      ['4340000000000000', '9007199254740992'],
      ['c340000000000000', '-9007199254740992'],
      ['4430000000000000', '295147905179352830000'],
      ['44b52d02c7e14af5', '9.999999999999997e+22'],
      ['44b52d02c7e14af6', '1e+23'],
      ['44b52d02c7e14af7', '1.0000000000000001e+23'],
      ['444b1ae4d6e2ef4e', '999999999999999700000'],
      ['444b1ae4d6e2ef4f', '999999999999999900000'],
      ['444b1ae4d6e2ef50', '1e+21'],
      ['3eb0c6f7a0b5ed8c', '9.999999999999997e-7'],
      ['3eb0c6f7a0b5ed8d', '0.000001'],
      ['41b3de4355555553', '333333333.3333332'],
      ['41b3de4355555554', '333333333.33333325'],
      ['41b3de4355555555', '333333333.3333333'],
      ['41b3de4355555556', '333333333.3333334'],
      ['41b3de4355555557', '333333333.33333343'],
      ['becbf647612f3696', '-0.0000033333333333333333'],
      ['43143ff3c1cb0959', '1424953923781206.2'],
    ];
    for (const [bits, text] of samples) expect(canonicalJson(fromBits(bits))).toBe(text);
  });

  it('refuses what JSON cannot represent canonically', () => {
    expect(() => canonicalJson(Number.NaN)).toThrow();
    expect(() => canonicalJson(Number.POSITIVE_INFINITY)).toThrow();
    expect(() => canonicalJson({ s: 'lone \ud800 surrogate' })).toThrow();
  });
});

describe('UTF-8 without TextEncoder', () => {
  it('encodes exactly as Node does, and decodes strictly', () => {
    for (const s of [
      '',
      'ascii',
      'Nguyễn Văn Đức',
      'ờ ữ ỹ',
      '😀 𝄞',
      '\u0000\u007f\u0080\u07ff\u0800\uffff',
    ]) {
      expect(Buffer.from(encodeUtf8(s)).equals(Buffer.from(s, 'utf8'))).toBe(true);
      expect(decodeUtf8Strict(encodeUtf8(s))).toBe(s);
    }
    expect(() => encodeUtf8('\udc00')).toThrow(RangeError);
    expect(isWellFormedUtf16('a\ud83d')).toBe(false);
    // Overlong "/", a CESU surrogate, a truncated sequence, a code point above U+10FFFF.
    for (const bad of [
      [0xc0, 0xaf],
      [0xed, 0xa0, 0x80],
      [0xe1, 0x80],
      [0xf4, 0x90, 0x80, 0x80],
    ]) {
      expect(decodeUtf8Strict(Uint8Array.from(bad))).toBeNull();
    }
  });
});

const payload: OpinionPayload = {
  type: 'ecabinet.opinion/v1',
  ballotId: '5b0c1a7e-0000-4000-8000-00000000b001',
  memberId: 'ecab0001-0000-4000-8000-000000000001',
  choice: 'agree',
  text: 'Đồng ý',
  exceptions: [],
  documents: [{ id: 'd0c00000-0000-4000-8000-000000000001', version: 2, sha256: 'c'.repeat(64) }],
  certSerial: '4a1f',
  deviceId: 'de71ce00-0000-4000-8000-0000000000d1',
  nonce: 'AAAAAAAAAAAAAAAAAAAAAA',
  signedAt: '2026-06-15T08:00:00.000Z',
};

describe('the opinion payload', () => {
  it('round-trips: canonical bytes parse back to the same payload', () => {
    const bytes = canonicalPayloadBytes(payload);
    expect(
      Buffer.from(bytes)
        .toString('utf8')
        .startsWith(
          '{"ballotId":"5b0c1a7e-0000-4000-8000-00000000b001","certSerial":"4a1f","choice":"agree"',
        ),
    ).toBe(true);
    const parsed = parseOpinionPayloadBytes(bytes);
    expect(parsed.ok && parsed.value).toEqual(payload);
  });

  it('refuses bytes that are not the canonical spelling (whitespace, key order, escapes)', () => {
    const canonical = Buffer.from(canonicalPayloadBytes(payload)).toString('utf8');
    const variants = [
      JSON.stringify(payload, null, 1),
      JSON.stringify(payload),
      canonical.replace('"Đồng ý"', '"\\u0110\u1ed3ng \\u00fd"'),
      canonical.replace('"version":2', '"version":2.0'),
      canonical.replace('"certSerial":"4a1f"', '"certSerial":"4a1f","certSerial":"4a1f"'),
    ];
    for (const v of variants) expect(v).not.toBe(canonical);
    for (const v of variants)
      expect(parseOpinionPayloadBytes(Buffer.from(v, 'utf8'))).toMatchObject({
        ok: false,
        error: { code: 'BAD_PAYLOAD' },
      });
  });

  it('refuses unknown keys, __proto__, wrong types, non-NFC text, duplicate documents and an empty "other"', () => {
    const bad: unknown[] = [
      { ...payload, extra: 1 },
      JSON.parse(`{"__proto__":{"x":1},${JSON.stringify(payload).slice(1)}`),
      { ...payload, choice: 'yes' },
      { ...payload, documents: [] },
      { ...payload, text: 'Đồng ý'.normalize('NFD') },
      { ...payload, documents: [payload.documents[0], payload.documents[0]] },
      { ...payload, choice: 'other', text: '   ' },
      { ...payload, certSerial: '004a1f' },
      { ...payload, signedAt: '2026-06-15T15:00:00+07:00' },
    ];
    for (const b of bad) expect(opinionPayloadSchema.safeParse(b).success).toBe(false);
  });

  it('refuses non-UTF-8 and non-JSON bytes', () => {
    expect(parseOpinionPayloadBytes(Uint8Array.from([0xff, 0xfe]))).toMatchObject({
      ok: false,
      error: { code: 'BAD_PAYLOAD' },
    });
    expect(parseOpinionPayloadBytes(Buffer.from('{"type":'))).toMatchObject({
      ok: false,
      error: { code: 'BAD_PAYLOAD' },
    });
  });
});
