import { ipcMain } from 'electron';
import Store from 'electron-store';
import { SETTINGS_KEY } from '../core/settings/confSettingsBackend.ts';
import type { SettingsBackend } from '../core/settings/SettingsBackend.ts';

/** The sync IPC channel electron-store registers for renderer-side stores, which we never use. */
const ELECTRON_STORE_CHANNEL = 'electron-store-get-data';

/**
 * Settings in `<userData>/config.json` under `settings`: the same file and key that
 * `confSettingsBackend` uses, so browser mode and tests read what the app wrote.
 * `clearInvalidConfig`: a file that is not valid JSON is replaced by an empty store (defaults)
 * instead of stopping start-up; the core already falls back field by field for bad values.
 */
export function electronSettingsBackend(): SettingsBackend {
  const store = new Store<Record<string, unknown>>({ name: 'config', clearInvalidConfig: true });
  // electron-store answers any renderer's sendSync on this channel with the user-data path;
  // only contract channels may exist, so remove it (our preload could not reach it anyway).
  ipcMain.removeAllListeners(ELECTRON_STORE_CHANNEL);
  return {
    read: () => store.get(SETTINGS_KEY),
    write: (value) => store.set(SETTINGS_KEY, value),
  };
}
