import { describe, expect, it } from 'vitest';
import { createLaunchSecret, secretMatches } from '../../electron/webhost/launchSecret.ts';
import { isLoopbackAddress } from '../../electron/webhost/verifyBridgeUpgrade.ts';
import { parseHostFrame, parseRequestFrame } from '../../shared/ipc/webBridgeProtocol.ts';

describe('launch secret', () => {
  it('is 32 random bytes in base64url and compares only equal', () => {
    const secret = createLaunchSecret();
    expect(secret).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(createLaunchSecret()).not.toBe(secret);
    expect(secretMatches(secret, secret)).toBe(true);
    expect(secretMatches(secret.slice(1), secret)).toBe(false);
    expect(secretMatches('', secret)).toBe(false);
    expect(secretMatches(null, secret)).toBe(false);
    expect(secretMatches(undefined, secret)).toBe(false);
  });
});

describe('isLoopbackAddress', () => {
  it('accepts loopback forms only', () => {
    for (const a of ['127.0.0.1', '127.1.2.3', '::ffff:127.0.0.1', '::1'])
      expect(isLoopbackAddress(a), a).toBe(true);
    for (const a of [
      '10.0.0.1',
      '::ffff:10.0.0.1',
      '0.0.0.0',
      '::',
      '',
      undefined,
      '127.0.0.1.evil',
    ])
      expect(isLoopbackAddress(a), String(a)).toBe(false);
  });
});

describe('web bridge protocol', () => {
  it('parses requests and builds error replies for malformed ones', () => {
    expect(parseRequestFrame('{"id":3,"channel":"app:info","input":{}}')).toEqual({
      ok: true,
      frame: { id: 3, channel: 'app:info', input: {} },
    });
    expect(parseRequestFrame('{')).toMatchObject({
      ok: false,
      reply: { id: null, result: { ok: false, error: { code: 'INVALID_INPUT' } } },
    });
    expect(parseRequestFrame('{"id":0}')).toMatchObject({ ok: false, reply: { id: null } });
    expect(parseRequestFrame(`{"id":${Number.MAX_SAFE_INTEGER + 2}}`)).toMatchObject({
      ok: false,
      reply: { id: null },
    });
    expect(parseRequestFrame('{"id":4,"channel":"x","input":{},"more":1}')).toMatchObject({
      ok: false,
      reply: { id: 4 },
    });
  });

  it('parses host frames and drops anything else', () => {
    expect(parseHostFrame('{"id":1,"result":{"ok":true,"value":1}}')).toEqual({
      kind: 'reply',
      frame: { id: 1, result: { ok: true, value: 1 } },
    });
    expect(
      parseHostFrame(
        '{"id":null,"result":{"ok":false,"error":{"code":"INVALID_INPUT","message":"m"}}}',
      ),
    ).toMatchObject({ kind: 'reply' });
    expect(parseHostFrame('{"event":"settings:changed","payload":{}}')).toMatchObject({
      kind: 'event',
    });
    for (const text of [
      'x',
      '{"event":"nope"}',
      '{"id":1,"result":{"ok":false,"error":{"code":"EVIL","message":"m"}}}',
      '{"id":1,"result":{"ok":true}}',
      '{"id":-2,"result":{"ok":true,"value":1}}',
    ]) {
      expect(parseHostFrame(text), text).toBeNull();
    }
  });
});
