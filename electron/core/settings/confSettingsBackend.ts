import Conf from 'conf';
import type { SettingsBackend } from './SettingsBackend.ts';

/** The key the whole settings object is stored under, shared with the electron-store adapter. */
export const SETTINGS_KEY = 'settings';

/** `conf` in `dir`/config.json: the same file electron-store writes in the user-data directory. */
export function confSettingsBackend(dir: string): SettingsBackend {
  // clearInvalidConfig: a corrupt or hand-broken config.json starts from defaults instead of
  // stopping start-up (same choice as the electron-store adapter).
  const store = new Conf<Record<string, unknown>>({ cwd: dir, configName: 'config', projectName: 'ecabinet', clearInvalidConfig: true });
  return {
    read: () => store.get(SETTINGS_KEY),
    write: (value) => store.set(SETTINGS_KEY, value),
  };
}
