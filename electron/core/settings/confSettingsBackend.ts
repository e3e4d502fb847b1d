import Conf from 'conf';
import type { SettingsBackend } from './SettingsBackend.ts';

/** The key the whole settings object is stored under, shared with the electron-store adapter. */
export const SETTINGS_KEY = 'settings';

/** `conf` in `dir`/config.json: the same file electron-store writes in the user-data directory. */
export function confSettingsBackend(dir: string): SettingsBackend {
  const store = new Conf<Record<string, unknown>>({ cwd: dir, configName: 'config', projectName: 'ecabinet' });
  return {
    read: () => store.get(SETTINGS_KEY),
    write: (value) => store.set(SETTINGS_KEY, value),
  };
}
