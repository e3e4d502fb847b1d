import { describe, expect, it } from 'vitest';
import { IPC_ERROR_CODES } from '../../shared/ipc/errors.ts';
import { STANCES } from '../../shared/domain/position.ts';
import { VOTE_CHOICES } from '../../shared/domain/vote.ts';
import { MUTATION_REJECT_CODES } from '../../shared/protocol/push.ts';
import { MUTATION_KINDS } from '../../shared/sync/mutations.ts';
import { KIND_KEYS } from '../../renderer/features/outbox/rejectionContent.ts';
import { LANGUAGES } from '../../shared/domain/settings.ts';
import { resources } from '../../renderer/i18n/index.ts';
import en from '../../renderer/i18n/en.json';
import vi from '../../renderer/i18n/vi.json';
import type { ServerUrlIssue } from '../../renderer/features/settings/validateServerUrl.ts';

/** Flattens nested translations to `a.b.c` → string. */
function flatten(tree: unknown, prefix = ''): Map<string, unknown> {
  const out = new Map<string, unknown>();
  if (tree === null || typeof tree !== 'object') return out;
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (value !== null && typeof value === 'object')
      for (const [k, v] of flatten(value, path)) out.set(k, v);
    else out.set(path, value);
  }
  return out;
}

function placeholders(text: unknown): string[] {
  return [...String(text).matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((m) => m[1] ?? '').sort();
}

const viKeys = flatten(vi);
const enKeys = flatten(en);

describe('translations', () => {
  it('vi.json and en.json have exactly the same keys', () => {
    expect([...enKeys.keys()].sort()).toEqual([...viKeys.keys()].sort());
  });

  it('every value is a non-empty string', () => {
    for (const [key, value] of [...viKeys, ...enKeys]) {
      expect(typeof value, key).toBe('string');
      expect(String(value).trim(), key).not.toBe('');
    }
  });

  it('uses the same interpolation placeholders in both languages', () => {
    for (const [key, value] of viKeys)
      expect(placeholders(enKeys.get(key)), key).toEqual(placeholders(value));
  });

  it.each(IPC_ERROR_CODES)('has a message for IPC error %s in both languages', (code) => {
    expect(viKeys.get(`errors.${code}`)).toEqual(expect.any(String));
    expect(enKeys.get(`errors.${code}`)).toEqual(expect.any(String));
  });

  it('has no error message for a code the IPC contract does not define', () => {
    const codes = [...viKeys.keys()]
      .filter((k) => k.startsWith('errors.'))
      .map((k) => k.slice('errors.'.length));
    expect(codes.sort()).toEqual([...IPC_ERROR_CODES].sort());
  });

  it('names every language and every server-URL validation issue', () => {
    const issues: ServerUrlIssue[] = ['invalid', 'scheme', 'credentials', 'fragment', 'tooLong'];
    for (const language of LANGUAGES)
      expect(viKeys.has(`languages.${language}`), language).toBe(true);
    for (const issue of issues)
      expect(viKeys.has(`validation.serverUrl.${issue}`), issue).toBe(true);
  });

  it.each(MUTATION_REJECT_CODES)('words the refusal code %s in both languages', (code) => {
    expect(viKeys.get(`rejection.code.${code}`)).toEqual(expect.any(String));
    expect(enKeys.get(`rejection.code.${code}`)).toEqual(expect.any(String));
  });

  it('names every mutation kind, stance, vote choice and vote outcome', () => {
    for (const kind of MUTATION_KINDS)
      expect(viKeys.has(`rejection.kind.${KIND_KEYS[kind]}`), kind).toBe(true);
    expect(viKeys.has('rejection.kind.other')).toBe(true);
    expect(viKeys.has('rejection.code.other')).toBe(true);
    for (const stance of STANCES)
      expect(viKeys.has(`positions.stance.${stance}`), stance).toBe(true);
    for (const choice of VOTE_CHOICES)
      expect(viKeys.has(`votes.choice.${choice}`), choice).toBe(true);
    for (const outcome of ['passed', 'failed', 'no_quorum'])
      expect(viKeys.has(`votes.result.${outcome}`), outcome).toBe(true);
  });

  it('uses the agreed Vietnamese words for votes and their results', () => {
    expect(vi.votes.choice).toEqual({
      for: 'Tán thành',
      against: 'Không tán thành',
      abstain: 'Không biểu quyết',
    });
    expect(vi.votes.result).toEqual({
      passed: 'Thông qua',
      failed: 'Không thông qua',
      no_quorum: 'Không đủ số lượng thành viên dự họp',
    });
  });

  it('registers both languages with i18next', () => {
    expect(Object.keys(resources).sort()).toEqual([...LANGUAGES].sort());
  });
});
