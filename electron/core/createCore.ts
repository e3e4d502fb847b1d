import { createDispatch, type Dispatch, type Handlers } from '../../shared/ipc/dispatch.ts';
import type { ConnectionState } from '../../shared/ipc/events.ts';
import { EventHub } from './events/EventHub.ts';
import { openExternalSafely, type ExternalOpener } from './external/externalUrlPolicy.ts';
import type { Logger } from './log/logger.ts';
import type { SettingsBackend } from './settings/SettingsBackend.ts';
import { SettingsService } from './settings/SettingsService.ts';

/** Everything the core needs from its host, passed in so the core never imports Electron. */
export interface CoreOptions {
  /** Directory for this installation's data (user-data dir in Electron, a temp dir in tests). */
  dataDir: string;
  settingsBackend: SettingsBackend;
  host: 'electron' | 'web';
  version: string;
  platform: string;
  external: ExternalOpener;
  log: Logger;
}

export interface Core {
  readonly dispatch: Dispatch;
  readonly events: EventHub;
  readonly settings: SettingsService;
  connectionState(): ConnectionState;
  close(): Promise<void>;
}

/** The composition root of the client core: builds every service and the IPC handlers. */
export function createCore(options: CoreOptions): Core {
  const events = new EventHub();
  const settings = new SettingsService(options.settingsBackend, events, options.log);
  const connection: ConnectionState = { state: 'offline', lastSyncedAt: null };

  const handlers: Handlers = {
    'app:info': () => ({ version: options.version, host: options.host, platform: options.platform }),
    'settings:get': () => settings.get(),
    'settings:set': (patch) => settings.set(patch),
    'shell:openExternal': async ({ url }) => ({ opened: await openExternalSafely(url, options.external) }),
  };

  const dispatch = createDispatch(handlers, {
    onUnexpectedError: (channel, error) => options.log.error('ipc handler failed', { channel, error: String(error) }),
  });

  return {
    dispatch,
    events,
    settings,
    connectionState: () => connection,
    close: async () => {},
  };
}
