import { describe, expect, it } from 'vitest';
import { createDispatch, isSafePlainData, type Handlers } from '../../shared/ipc/dispatch.ts';
import { IpcError } from '../../shared/ipc/errors.ts';
import { DEFAULT_SETTINGS } from '../../shared/domain/settings.ts';

function unused(): never {
  throw new Error('not used in this test');
}

const handlers: Handlers = {
  'app:info': () => ({ version: '1', host: 'web', platform: 'linux' }),
  'settings:get': () => DEFAULT_SETTINGS,
  'settings:set': (patch) => ({ ...DEFAULT_SETTINGS, ...patch }),
  'shell:openExternal': () => {
    throw new IpcError('NOT_AVAILABLE', 'no opener');
  },
  'session:get': unused,
  'session:login': unused,
  'session:logout': unused,
  'meetings:list': unused,
  'meetings:get': unused,
  'documents:download': unused,
  'documents:read': unused,
  'sync:now': unused,
  'connection:get': unused,
  'comments:list': unused,
  'comments:create': unused,
  'comments:edit': unused,
  'comments:delete': unused,
  'positions:get': unused,
  'positions:set': unused,
  'votes:list': unused,
  'votes:cast': unused,
  'votes:open': unused,
  'votes:close': unused,
  'attendance:get': unused,
  'attendance:set': unused,
  'outbox:status': unused,
  'outbox:dismiss': unused,
  'annotations:list': unused,
  'annotations:create': unused,
  'annotations:update': unused,
  'annotations:delete': unused,
  'annotations:restore': unused,
  'annotations:reanchor': unused,
  'annotations:export': unused,
  'annotations:place': unused,
  'annotationComments:list': unused,
  'annotationComments:create': unused,
  'annotationComments:edit': unused,
  'annotationComments:delete': unused,
  'documents:readVersion': unused,
  'readingPositions:get': unused,
  'readingPositions:set': unused,
  'certificates:import': unused,
  'certificates:get': unused,
  'ballots:list': unused,
  'ballots:get': unused,
  'opinions:sign': unused,
  'opinions:list': unused,
  'ballots:followUp': unused,
  'ballots:exportEvidence': unused,
  'ballots:close': unused,
  'ballots:remind': unused,
  'reminders:list': unused,
  'reminders:dismiss': unused,
};

describe('createDispatch', () => {
  const dispatch = createDispatch(handlers);

  it('refuses unknown channels', async () => {
    expect(await dispatch('fs:read', {})).toEqual({ ok: false, error: { code: 'UNKNOWN_CHANNEL', message: 'unknown channel' } });
    expect(await dispatch(42, {})).toMatchObject({ ok: false, error: { code: 'UNKNOWN_CHANNEL' } });
  });

  it('refuses wrong types, extra keys and __proto__ keys', async () => {
    expect(await dispatch('settings:set', { language: 'fr' })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(await dispatch('settings:set', { language: 'en', extra: 1 })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(await dispatch('settings:set', JSON.parse('{"__proto__":{"polluted":true}}'))).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
    expect(await dispatch('settings:set', { serverUrl: 'x'.repeat(100_000) })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
  });

  it('returns typed codes for IpcError and valid output for good input', async () => {
    expect(await dispatch('shell:openExternal', { url: 'https://example.org' })).toEqual({ ok: false, error: { code: 'NOT_AVAILABLE', message: 'no opener' } });
    expect(await dispatch('settings:set', { language: 'en' })).toEqual({ ok: true, value: { serverUrl: '', language: 'en' } });
  });

  it('hides unexpected errors behind INTERNAL', async () => {
    const seen: unknown[] = [];
    const failing = createDispatch({ ...handlers, 'app:info': () => { throw new Error('secret stack'); } }, { onUnexpectedError: (_c, e) => seen.push(e) });
    expect(await failing('app:info', {})).toEqual({ ok: false, error: { code: 'INTERNAL', message: 'internal error' } });
    expect(seen).toHaveLength(1);
  });

  it('isSafePlainData rejects class instances, functions, deep nesting and NaN', () => {
    expect(isSafePlainData(new Date())).toBe(false);
    expect(isSafePlainData(() => 1)).toBe(false);
    expect(isSafePlainData(Number.NaN)).toBe(false);
    let deep: unknown = 1;
    for (let i = 0; i < 40; i++) deep = [deep];
    expect(isSafePlainData(deep)).toBe(false);
    expect(isSafePlainData({ a: [1, 'b', null, { c: true }] })).toBe(true);
  });
});
