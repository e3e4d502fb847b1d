import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isPlainHostname, settingsSchema } from '../../shared/domain/settings.ts';
import { confSettingsBackend } from '../../electron/core/settings/confSettingsBackend.ts';
import { SettingsService } from '../../electron/core/settings/SettingsService.ts';
import { EventHub } from '../../electron/core/events/EventHub.ts';
import { silentLogger } from '../../electron/core/log/logger.ts';

const serverUrl = settingsSchema.shape.serverUrl;

describe('server URL validation', () => {
  it('normalises valid URLs (origin + path, no trailing slash, punycode hosts)', () => {
    expect(serverUrl.parse('https://ecabinet.gov.vn/')).toBe('https://ecabinet.gov.vn');
    expect(serverUrl.parse(' http://127.0.0.1:8787/sync/ ')).toBe('http://127.0.0.1:8787/sync');
    expect(serverUrl.parse('https://bộ.gov.vn')).toBe('https://xn--b-8xm.gov.vn');
    expect(serverUrl.parse('http://[::1]:8080')).toBe('http://[::1]:8080');
  });

  it.each([
    'ftp://ecabinet.gov.vn',
    'javascript:alert(1)',
    'file:///etc/passwd',
    'https://user:pw@ecabinet.gov.vn',
    'https://ecabinet.gov.vn/#x',
    'https://ecabinet.gov.vn/?q=1',
    'https://a;b.com',
    "https://a'b.com",
    'https://a*b.com',
    'not a url',
    'https://' + 'a'.repeat(3000) + '.com',
  ])('refuses %s', (raw) => {
    expect(serverUrl.safeParse(raw).success).toBe(false);
  });

  it('isPlainHostname accepts DNS names, IPv4 and bracketed IPv6 only', () => {
    expect(isPlainHostname('ecabinet.gov.vn')).toBe(true);
    expect(isPlainHostname('10.0.0.1')).toBe(true);
    expect(isPlainHostname('[fe80::1]')).toBe(true);
    expect(isPlainHostname('-bad.com')).toBe(false);
    expect(isPlainHostname("a'b")).toBe(false);
  });
});

describe('settings persistence through conf', () => {
  it('starts from defaults when config.json is corrupt, and keeps valid fields of a partly bad one', () => {
    const dir = mkdtempSync(join(tmpdir(), 'ecab-settings-'));
    writeFileSync(join(dir, 'config.json'), '{ not json');
    const broken = new SettingsService(confSettingsBackend(dir), new EventHub(), silentLogger);
    expect(broken.get()).toEqual({ serverUrl: '', language: 'vi' });

    writeFileSync(join(dir, 'config.json'), JSON.stringify({ settings: { serverUrl: 'https://a;b.com', language: 'en' } }));
    const partial = new SettingsService(confSettingsBackend(dir), new EventHub(), silentLogger);
    expect(partial.get()).toEqual({ serverUrl: '', language: 'en' });
  });

  it('persists a change and emits settings:changed', () => {
    const dir = mkdtempSync(join(tmpdir(), 'ecab-settings-'));
    const events = new EventHub();
    const seen: unknown[] = [];
    events.on('settings:changed', (s) => seen.push(s));
    new SettingsService(confSettingsBackend(dir), events, silentLogger).set({ serverUrl: 'https://ecabinet.gov.vn/', language: 'en' });
    const reopened = new SettingsService(confSettingsBackend(dir), new EventHub(), silentLogger);
    expect(reopened.get()).toEqual({ serverUrl: 'https://ecabinet.gov.vn', language: 'en' });
    expect(seen).toEqual([{ serverUrl: 'https://ecabinet.gov.vn', language: 'en' }]);
  });
});
