import type {
  App,
  BrowserWindow,
  BrowserWindowConstructorOptions,
  Dialog,
  IpcMain,
  Menu,
  Protocol,
  SafeStorage,
  Session,
  Shell,
  WebContents,
} from 'electron';
import { createCore, type Core } from '../core/createCore.ts';
import { openExternalSafely } from '../core/external/externalUrlPolicy.ts';
import type { Logger } from '../core/log/logger.ts';
import { APP_INDEX_URL, APP_ORIGIN } from '../core/security/appOrigin.ts';
import { buildCsp } from '../core/security/csp.ts';
import { originOf } from '../core/security/originOf.ts';
import { applyDefaultServerUrl } from '../core/settings/applyDefaultServerUrl.ts';
import type { SettingsBackend } from '../core/settings/SettingsBackend.ts';
import { applicationMenuTemplate } from './applicationMenu.ts';
import { installAppProtocol, registerAppScheme } from './appProtocol.ts';
import { installCspHeader } from './cspHeaderPolicy.ts';
import { devServerUrl } from './devServerUrl.ts';
import { createExternalOpener } from './externalOpener.ts';
import { mainStrings } from './i18n.ts';
import { safeStorageKeySealer } from './safeStorageKeySealer.ts';
import { forwardCoreEvents } from './forwardCoreEvents.ts';
import { bindIpc } from './ipcBinding.ts';
import { applyNavigationPolicy, hardenEveryWebContents } from './navigationPolicy.ts';
import { applyPermissionPolicy, denyDevicePickers } from './permissionPolicy.ts';
import { createWindowOptions } from './windowOptions.ts';

/** The Electron modules the shell uses, passed in so tests can hand over fakes. */
export interface ShellElectron {
  app: App;
  BrowserWindow: {
    new (options: BrowserWindowConstructorOptions): BrowserWindow;
    getAllWindows(): BrowserWindow[];
  };
  protocol: Protocol;
  session: { readonly defaultSession: Session };
  ipcMain: IpcMain;
  dialog: Dialog;
  shell: Shell;
  safeStorage: SafeStorage;
  Menu: Pick<typeof Menu, 'buildFromTemplate' | 'setApplicationMenu'>;
}

export interface ShellOptions {
  /** Absolute path of `out/preload/index.cjs`. */
  preloadPath: string;
  /** Absolute path of `out/renderer`. */
  rendererDir: string;
  /** `ELECTRON_RENDERER_URL`; honoured only unpackaged and on loopback (see devServerUrl). */
  devRendererUrl: string | undefined;
  platform: NodeJS.Platform;
  createSettingsBackend: () => SettingsBackend;
  /**
   * `ECABINET_DEFAULT_SERVER_URL`: stored as the server URL at start-up when none is stored yet
   * (`npm start` passes its embedded server's). Never replaces a stored one.
   */
  defaultServerUrl?: string | undefined;
  log: Logger;
}

export interface ShellHandle {
  /** False when another instance held the lock; this process is quitting. */
  readonly primary: boolean;
  /** Settles once the window has been created (or start-up failed and quit was requested). */
  readonly ready: Promise<void>;
}

/**
 * The whole main-process lifecycle, in order:
 * 1. sandbox every renderer; 2. single-instance lock (a second launch focuses the first);
 * 3. register `app:` before ready; 4. harden every webContents as it is created;
 * 5. on ready: permissions, core, `app:` handler, CSP header, IPC, event forwarding, the
 *    application menu, window;
 * 6. quit when the last window closes (not on macOS); close the core before quitting.
 */
export function startShell(electron: ShellElectron, options: ShellOptions): ShellHandle {
  const { app, BrowserWindow, dialog, ipcMain, protocol, shell } = electron;
  const { log } = options;

  app.enableSandbox();
  if (!app.requestSingleInstanceLock()) {
    log.info('another instance is running; handing over to it');
    app.quit();
    return { primary: false, ready: Promise.resolve() };
  }
  registerAppScheme(protocol);

  const devUrl = devServerUrl(options.devRendererUrl, app.isPackaged);
  const devOrigin = devUrl === null ? null : originOf(devUrl);
  const trustedOrigins = devOrigin === null ? [APP_ORIGIN] : [APP_ORIGIN, devOrigin];
  if (devOrigin !== null)
    log.warn('development build: renderer from the dev server', { origin: devOrigin });

  let core: Core | null = null;
  let mainWindow: BrowserWindow | null = null;

  const external = createExternalOpener({
    dialog,
    shell,
    getWindow: () => mainWindow,
    getLanguage: () => core?.settings.get().language ?? 'vi',
  });
  const openExternal = (url: string): Promise<boolean> => openExternalSafely(url, external);

  hardenEveryWebContents<WebContents>(app, (contents) => {
    applyNavigationPolicy(contents, { openExternal, log });
    denyDevicePickers(contents);
  });

  const createWindow = (): BrowserWindow => {
    const window = new BrowserWindow(
      createWindowOptions({ preloadPath: options.preloadPath, devTools: !app.isPackaged }),
    );
    window.once('ready-to-show', () => window.show());
    window.on('closed', () => {
      if (mainWindow === window) mainWindow = null;
    });
    window
      .loadURL(devUrl ?? APP_INDEX_URL)
      .catch((error: unknown) => log.error('window failed to load', { error: String(error) }));
    return window;
  };

  app.on('second-instance', () => {
    if (!mainWindow) {
      // macOS keeps running without windows: a second launch opens one again.
      if (core !== null) mainWindow = createWindow();
      return;
    }
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  });
  app.on('window-all-closed', () => {
    if (options.platform !== 'darwin') app.quit();
  });
  app.on('activate', () => {
    if (core !== null && mainWindow === null) mainWindow = createWindow();
  });
  app.on('will-quit', (event) => {
    if (core === null) return;
    event.preventDefault();
    const closing = core;
    core = null;
    closing
      .close()
      .catch((error: unknown) => log.error('core did not close cleanly', { error: String(error) }))
      .finally(() => app.quit());
  });

  const ready = app
    .whenReady()
    .then(() => {
      const session = electron.session.defaultSession;
      applyPermissionPolicy(session, trustedOrigins, log);
      const started = createCore({
        dataDir: app.getPath('userData'),
        settingsBackend: options.createSettingsBackend(),
        host: 'electron',
        version: app.getVersion(),
        platform: options.platform,
        external,
        log,
        keySealer: safeStorageKeySealer(electron.safeStorage, options.platform, log),
      });
      core = started;
      // Before the window exists: its first `settings:get` and the CSP already see the server.
      applyDefaultServerUrl(started.settings, options.defaultServerUrl, log);
      const getCsp = (): string => buildCsp(started.settings.get().serverUrl);
      installAppProtocol(protocol, { rootDir: options.rendererDir, getCsp, log });
      installCspHeader(session.webRequest, getCsp, devOrigin === null ? [] : [devOrigin]);
      bindIpc({ ipcMain, dispatch: started.dispatch, trustedOrigins, log });
      forwardCoreEvents(started.events, () => mainWindow?.webContents ?? null, trustedOrigins, log);
      // Replaces Electron's default menu, whose zoom keys would take Ctrl +/− from the reader.
      // Labels follow the language stored at start-up.
      const menu = applicationMenuTemplate({
        platform: options.platform,
        devTools: !app.isPackaged,
        strings: mainStrings(started.settings.get().language),
      });
      electron.Menu.setApplicationMenu(electron.Menu.buildFromTemplate(menu));
      mainWindow = createWindow();
    })
    .catch((error: unknown) => {
      log.error('start-up failed', { error: String(error) });
      app.quit();
    });

  return { primary: true, ready };
}
