import {
  serverUrlSchema,
  type Settings,
  type SettingsPatch,
} from '../../../shared/domain/settings.ts';
import type { Logger } from '../log/logger.ts';

/**
 * Environment variable through which `npm start` hands the embedded sync server's URL to the app
 * (Electron main or the browser-mode host). Read once at start-up by the hosts.
 */
export const DEFAULT_SERVER_URL_ENV = 'ECABINET_DEFAULT_SERVER_URL';

/**
 * What `applyDefaultServerUrl` did:
 * - `applied`: the device had no server; the default is now stored;
 * - `kept`: the device already had a server; nothing changed;
 * - `absent`: no default was given (unset or empty);
 * - `invalid`: the default is not an acceptable server URL; nothing changed.
 */
export type DefaultServerUrlOutcome = 'applied' | 'kept' | 'absent' | 'invalid';

/** The part of the settings capability this needs. */
export interface SettingsAccess {
  get(): Settings;
  set(patch: SettingsPatch): Settings;
}

/**
 * Pre-fills the server URL on a device that has none yet (first start under `npm start`).
 * Invariant: a server the user (or an earlier start) stored is never replaced. `candidate` comes
 * from the environment, so it is `unknown` until parsed with the same schema as `settings:set`.
 */
export function applyDefaultServerUrl(
  settings: SettingsAccess,
  candidate: unknown,
  log: Logger,
): DefaultServerUrlOutcome {
  if (candidate === undefined || candidate === null || candidate === '') return 'absent';
  const parsed = serverUrlSchema.safeParse(candidate);
  if (!parsed.success) {
    log.warn('default server URL ignored: not an http(s) URL', {
      variable: DEFAULT_SERVER_URL_ENV,
    });
    return 'invalid';
  }
  if (settings.get().serverUrl !== '') return 'kept';
  settings.set({ serverUrl: parsed.data });
  log.info('server URL set to the default', { serverUrl: parsed.data });
  return 'applied';
}
