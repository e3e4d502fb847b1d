import { describe, expect, it, vi } from 'vitest';
import {
  startSettingsSync,
  useSettingsStore,
} from '../../renderer/features/settings/settingsStore.ts';
import { i18n } from '../../renderer/i18n/index.ts';
import { setBridgeForTests } from '../../renderer/ipc/getBridge.ts';
import { deferred } from './deferred.ts';
import { createFakeBridge } from './fakeBridge.ts';

describe('settings store', () => {
  it('loads the settings from the core and applies their language', async () => {
    setBridgeForTests(createFakeBridge({ serverUrl: 'https://a.gov.vn', language: 'en' }));
    await useSettingsStore.getState().load();
    const state = useSettingsStore.getState();
    expect(state.loadStatus).toBe('ready');
    expect(state.settings).toEqual({ serverUrl: 'https://a.gov.vn', language: 'en' });
    expect(i18n.language).toBe('en');
    expect(document.documentElement.lang).toBe('en');
  });

  it('records a typed error when loading fails', async () => {
    const bridge = createFakeBridge();
    bridge.override('settings:get', () => ({
      ok: false,
      error: { code: 'INTERNAL', message: 'disk' },
    }));
    setBridgeForTests(bridge);
    await useSettingsStore.getState().load();
    expect(useSettingsStore.getState()).toMatchObject({
      loadStatus: 'failed',
      loadError: 'INTERNAL',
      settings: null,
    });
  });

  it('saves through settings:set and keeps what the core returned (normalised)', async () => {
    const bridge = createFakeBridge();
    setBridgeForTests(bridge);
    const result = await useSettingsStore.getState().save({ serverUrl: 'https://a.gov.vn/api/' });
    expect(result.ok).toBe(true);
    expect(bridge.calls.at(-1)).toEqual({
      channel: 'settings:set',
      input: { serverUrl: 'https://a.gov.vn/api/' },
    });
    expect(useSettingsStore.getState().settings?.serverUrl).toBe('https://a.gov.vn/api');
  });

  it('does not change the stored settings when the save is refused', async () => {
    const bridge = createFakeBridge({ serverUrl: 'https://a.gov.vn' });
    setBridgeForTests(bridge);
    await useSettingsStore.getState().load();
    bridge.override('settings:set', () => ({
      ok: false,
      error: { code: 'INTERNAL', message: 'disk full' },
    }));
    const result = await useSettingsStore.getState().save({ serverUrl: 'https://b.gov.vn' });
    expect(result).toEqual({ ok: false, error: { code: 'INTERNAL', message: 'disk full' } });
    expect(useSettingsStore.getState().settings?.serverUrl).toBe('https://a.gov.vn');
  });

  it('follows settings:changed and stops when told to', async () => {
    const bridge = createFakeBridge();
    setBridgeForTests(bridge);
    const stop = startSettingsSync();
    await Promise.resolve();
    bridge.emit('settings:changed', { serverUrl: 'https://c.gov.vn', language: 'en' });
    expect(useSettingsStore.getState().settings).toEqual({
      serverUrl: 'https://c.gov.vn',
      language: 'en',
    });
    expect(document.documentElement.lang).toBe('en');
    stop();
    expect(bridge.listenerCount('settings:changed')).toBe(0);
  });

  it('never lets a slow load overwrite a newer settings:changed', async () => {
    const bridge = createFakeBridge({ serverUrl: 'https://old.gov.vn' });
    const answer = deferred<unknown>();
    const asked = deferred<void>();
    bridge.override('settings:get', () => {
      asked.resolve();
      return answer.promise;
    });
    setBridgeForTests(bridge);
    const stop = startSettingsSync();
    await asked.promise;
    bridge.emit('settings:changed', { serverUrl: 'https://new.gov.vn', language: 'vi' });
    answer.resolve({ ok: true, value: { serverUrl: 'https://old.gov.vn', language: 'vi' } });
    await vi.waitFor(() => expect(bridge.calls).toHaveLength(1));
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(useSettingsStore.getState().loadStatus).toBe('ready');
    expect(useSettingsStore.getState().settings?.serverUrl).toBe('https://new.gov.vn');
    stop();
  });
});
