import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { isMutationRejected } from '../../../server/src/push/MutationRejected.ts';
import { parseArgs } from '../../../server/src/push/parseArgs.ts';

const schema = z.strictObject({ body: z.string(), tags: z.array(z.string()).optional() });

function codeOf(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    if (isMutationRejected(error)) return `${error.code}: ${error.message}`;
    throw error;
  }
  return 'accepted';
}

describe('parseArgs: text the database cannot store', () => {
  it('refuses U+0000 in a value, nested value or key with INVALID_ARGS', () => {
    expect(codeOf(() => parseArgs(schema, { body: 'a\u0000' }))).toMatch(
      /^INVALID_ARGS: .*U\+0000/,
    );
    expect(codeOf(() => parseArgs(schema, { body: 'a', tags: ['x', '\u0000'] }))).toMatch(
      /^INVALID_ARGS: .*U\+0000/,
    );
    expect(codeOf(() => parseArgs(schema, { body: 'a', ['k\u0000']: 1 }))).toMatch(
      /^INVALID_ARGS: .*U\+0000/,
    );
  });

  it('replaces unpaired surrogates with U+FFFD and keeps pairs', () => {
    expect(parseArgs(schema, { body: '\ud800x\udc00 \ud83d\ude00', tags: ['\ud83d'] })).toEqual({
      body: '\ufffdx\ufffd \ud83d\ude00',
      tags: ['\ufffd'],
    });
  });

  it('keeps a "__proto__" key an own key, so a strict schema still refuses it', () => {
    const raw: unknown = JSON.parse('{"body":"a","__proto__":{"tags":["x"]}}');
    expect(codeOf(() => parseArgs(schema, raw))).toMatch(/^INVALID_ARGS/);
    const loose = z.object({ body: z.string(), tags: z.array(z.string()).optional() });
    expect(parseArgs(loose, raw)).toEqual({ body: 'a' });
  });

  it('refuses arguments nested deeper than any kind has', () => {
    let deep: unknown = 'x';
    for (let i = 0; i < 40; i += 1) deep = [deep];
    expect(codeOf(() => parseArgs(z.unknown(), deep))).toMatch(/^INVALID_ARGS: .*deeply/);
  });
});
