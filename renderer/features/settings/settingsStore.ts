import { create } from 'zustand';
import type { Settings, SettingsPatch } from '../../../shared/domain/settings.ts';
import type { IpcErrorCode } from '../../../shared/ipc/errors.ts';
import { applyLanguage } from '../../i18n/index.ts';
import { invoke, type IpcResult } from '../../ipc/invoke.ts';
import { subscribe } from '../../ipc/subscribe.ts';

export type SettingsLoadStatus = 'idle' | 'loading' | 'ready' | 'failed';

export interface SettingsState {
  /** The settings as the core last reported them; null until the first load succeeds. */
  settings: Settings | null;
  loadStatus: SettingsLoadStatus;
  /** Why the last load failed; null unless `loadStatus` is 'failed'. */
  loadError: IpcErrorCode | null;
  /** Fetches the settings from the core (`settings:get`). */
  load: () => Promise<void>;
  /** Persists a patch through the core (`settings:set`); the core validates it again. */
  save: (patch: SettingsPatch) => Promise<IpcResult<'settings:set'>>;
}

/**
 * Counts every settings value accepted from the core. A `settings:get` answer is applied only
 * if nothing newer (a save result or a `settings:changed` event) arrived while it was in
 * flight, so a slow load never overwrites a fresher value.
 */
let generation = 0;

/**
 * The renderer's copy of the settings. The core is the source of truth: this store only ever
 * holds values the core returned or announced, never the user's unsaved input, and every value
 * it accepts also sets the UI language.
 */
export const useSettingsStore = create<SettingsState>()((set) => ({
  settings: null,
  loadStatus: 'idle',
  loadError: null,

  async load() {
    const started = generation;
    // A reload after a failure shows "loading" again; a reload with settings in hand keeps them.
    set((state) => (state.settings ? {} : { loadStatus: 'loading', loadError: null }));
    const result = await invoke('settings:get', {});
    if (generation !== started) return;
    if (result.ok) acceptSettings(result.value);
    else
      set((state) =>
        state.settings ? {} : { loadStatus: 'failed', loadError: result.error.code },
      );
  },

  async save(patch) {
    const result = await invoke('settings:set', patch);
    if (result.ok) acceptSettings(result.value);
    return result;
  },
}));

/** Takes a value from the core (load, save result or `settings:changed`) as the current one. */
function acceptSettings(settings: Settings): void {
  generation += 1;
  applyLanguage(settings.language);
  useSettingsStore.setState({ settings, loadStatus: 'ready', loadError: null });
}

/**
 * Loads the settings and follows `settings:changed` until the returned function is called.
 * The subscription starts before the load, so no change can fall between the two.
 */
export function startSettingsSync(): () => void {
  const unsubscribe = subscribe('settings:changed', acceptSettings);
  void useSettingsStore.getState().load();
  return unsubscribe;
}
