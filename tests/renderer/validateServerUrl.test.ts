import { describe, expect, it } from 'vitest';
import { MAX_SERVER_URL_LENGTH } from '../../shared/domain/settings.ts';
import { validateServerUrl } from '../../renderer/features/settings/validateServerUrl.ts';

describe('validateServerUrl', () => {
  it.each([
    ['https://ecabinet.chinhphu.vn', 'https://ecabinet.chinhphu.vn'],
    ['  https://ecabinet.chinhphu.vn/api/  ', 'https://ecabinet.chinhphu.vn/api'],
    ['http://127.0.0.1:8080', 'http://127.0.0.1:8080'],
    ['', ''],
    ['   ', ''],
  ])('accepts %j as %j', (raw, value) => {
    expect(validateServerUrl(raw)).toEqual({ ok: true, value });
  });

  it.each([
    ['not a url', 'invalid'],
    ['ecabinet.chinhphu.vn', 'invalid'],
    ['ftp://x', 'scheme'],
    ['javascript:alert(1)', 'scheme'],
    ['https://user:pass@ecabinet.chinhphu.vn', 'credentials'],
    ['https://ecabinet.chinhphu.vn/#top', 'fragment'],
    [`https://ecabinet.chinhphu.vn/${'a'.repeat(MAX_SERVER_URL_LENGTH)}`, 'tooLong'],
  ])('refuses %j (%s)', (raw, issue) => {
    expect(validateServerUrl(raw)).toEqual({ ok: false, issue });
  });
});
