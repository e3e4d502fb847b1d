import { describe, expect, it, vi } from 'vitest';
import {
  applyDefaultServerUrl,
  type SettingsAccess,
} from '../../../electron/core/settings/applyDefaultServerUrl.ts';
import { silentLogger } from '../../../electron/core/log/logger.ts';
import {
  DEFAULT_SETTINGS,
  type Settings,
  type SettingsPatch,
} from '../../../shared/domain/settings.ts';

/** Settings held in memory; `set` records every patch. */
function memorySettings(initial: Settings = DEFAULT_SETTINGS) {
  let current = initial;
  const set = vi.fn((patch: SettingsPatch): Settings => {
    current = { ...current, ...patch };
    return current;
  });
  const access: SettingsAccess = { get: () => current, set };
  return { access, set, current: () => current };
}

describe('applyDefaultServerUrl', () => {
  it('stores the default, normalised, when no server is configured', () => {
    const settings = memorySettings();
    expect(applyDefaultServerUrl(settings.access, 'http://127.0.0.1:8787/', silentLogger)).toBe(
      'applied',
    );
    expect(settings.current()).toEqual({ serverUrl: 'http://127.0.0.1:8787', language: 'vi' });
  });

  it('never replaces a server that is already stored', () => {
    const settings = memorySettings({
      serverUrl: 'https://ecabinet.example.gov.vn',
      language: 'en',
    });
    expect(applyDefaultServerUrl(settings.access, 'http://127.0.0.1:8787', silentLogger)).toBe(
      'kept',
    );
    expect(settings.set).not.toHaveBeenCalled();
    expect(settings.current().serverUrl).toBe('https://ecabinet.example.gov.vn');
  });

  it.each([undefined, null, ''])('does nothing without a default (%s)', (candidate) => {
    const settings = memorySettings();
    expect(applyDefaultServerUrl(settings.access, candidate, silentLogger)).toBe('absent');
    expect(settings.set).not.toHaveBeenCalled();
  });

  it.each([
    'ftp://127.0.0.1:8787',
    'http://user:pw@127.0.0.1:8787',
    'http://127.0.0.1:8787/?x=1',
    "http://a';b/",
    'not a url',
    42,
  ])('refuses what the settings schema refuses (%s) and logs it', (candidate) => {
    const settings = memorySettings();
    const warn = vi.fn();
    expect(applyDefaultServerUrl(settings.access, candidate, { ...silentLogger, warn })).toBe(
      'invalid',
    );
    expect(settings.set).not.toHaveBeenCalled();
    expect(warn).toHaveBeenCalledWith(expect.stringContaining('ignored'), {
      variable: 'ECABINET_DEFAULT_SERVER_URL',
    });
  });
});
