import { EventEmitter } from 'node:events';
import { vi, type Mock } from 'vitest';

/**
 * Hand-made stand-ins for the Electron modules the shell touches. No Electron binary exists on
 * the test machines, so every shell test runs against these (directly, or through
 * `vi.mock('electron', …)`). `calls` records the order of lifecycle calls.
 */

export interface FakeFrame {
  url: string;
  parent: FakeFrame | null;
}

type WindowOpenHandler = (details: { url: string }) => { action: string };
type InvokeHandler = (event: unknown, ...args: unknown[]) => Promise<unknown>;

export class FakeWebContents extends EventEmitter {
  readonly mainFrame: FakeFrame = { url: 'app://ecabinet/index.html', parent: null };
  readonly send: Mock<(channel: string, ...args: unknown[]) => void> = vi.fn();
  destroyed = false;
  windowOpenHandler: WindowOpenHandler | null = null;
  isDestroyed(): boolean {
    return this.destroyed;
  }
  setWindowOpenHandler(handler: WindowOpenHandler): void {
    this.windowOpenHandler = handler;
  }
}

export class FakeApp extends EventEmitter {
  isPackaged: boolean;
  readonly enableSandbox: Mock<() => void>;
  readonly requestSingleInstanceLock: Mock<() => boolean>;
  readonly quit: Mock<() => void>;
  readonly whenReady: Mock<() => Promise<void>>;
  readonly getPath: Mock<(name: string) => string>;
  readonly getVersion: Mock<() => string>;

  constructor(calls: string[], ready: Promise<void>, options: FakeElectronOptions) {
    super();
    this.isPackaged = options.isPackaged ?? true;
    this.enableSandbox = vi.fn(() => {
      calls.push('enableSandbox');
    });
    this.requestSingleInstanceLock = vi.fn(() => {
      calls.push('requestSingleInstanceLock');
      return options.lock ?? true;
    });
    this.quit = vi.fn(() => {
      calls.push('quit');
    });
    this.whenReady = vi.fn(() => ready);
    this.getPath = vi.fn((name: string) => {
      if (name !== 'userData') throw new Error(`unexpected getPath(${name})`);
      return options.userData;
    });
    this.getVersion = vi.fn(() => '0.1.0-test');
  }
}

export class FakeBrowserWindow extends EventEmitter {
  readonly options: unknown;
  readonly webContents = new FakeWebContents();
  readonly loadURL: Mock<(url: string) => Promise<void>>;
  readonly show: Mock<() => void> = vi.fn();
  readonly focus: Mock<() => void> = vi.fn();
  readonly restore: Mock<() => void> = vi.fn();
  minimized = false;

  constructor(options: unknown, calls: string[]) {
    super();
    this.options = options;
    this.loadURL = vi.fn((url: string) => {
      calls.push(`loadURL ${url}`);
      return Promise.resolve();
    });
  }
  isMinimized(): boolean {
    return this.minimized;
  }
}

export class FakeIpcMain extends EventEmitter {
  readonly handlers = new Map<string, InvokeHandler>();
  readonly handle: Mock<(channel: string, listener: InvokeHandler) => void> = vi.fn(
    (channel: string, listener: InvokeHandler) => {
      if (this.handlers.has(channel)) throw new Error(`second handler for ${channel}`);
      this.handlers.set(channel, listener);
    },
  );
  readonly removeHandler: Mock<(channel: string) => void> = vi.fn((channel: string) => {
    this.handlers.delete(channel);
  });
}

export class FakeIpcRenderer extends EventEmitter {
  readonly invoke: Mock<(channel: string, ...args: unknown[]) => Promise<unknown>> = vi.fn(() =>
    Promise.resolve({ ok: true, value: {} }),
  );
}

export interface FakeElectronOptions {
  userData: string;
  isPackaged?: boolean;
  lock?: boolean;
  /** What `safeStorage` reports; default: available with a real keyring. */
  encryptionAvailable?: boolean;
  storageBackend?: 'basic_text' | 'gnome_libsecret' | 'kwallet5' | 'unknown';
}

/** A reversible stand-in for the OS secret store (NOT encryption; tests only). */
export class FakeSafeStorage {
  readonly available: boolean;
  readonly backend: string;
  constructor(options: FakeElectronOptions) {
    this.available = options.encryptionAvailable ?? true;
    this.backend = options.storageBackend ?? 'gnome_libsecret';
  }
  isEncryptionAvailable(): boolean {
    return this.available;
  }
  getSelectedStorageBackend(): string {
    return this.backend;
  }
  encryptString(plain: string): Buffer {
    if (!this.available) throw new Error('Encryption is not available.');
    return Buffer.from(`os-sealed:${Buffer.from(plain, 'utf8').toString('hex')}`);
  }
  decryptString(encrypted: Buffer): string {
    const text = encrypted.toString();
    if (!text.startsWith('os-sealed:'))
      throw new Error(
        'Error while decrypting the ciphertext provided to safeStorage.decryptString.',
      );
    return Buffer.from(text.slice('os-sealed:'.length), 'hex').toString('utf8');
  }
}

export interface FakeElectron {
  readonly calls: string[];
  /** Resolves `app.whenReady()`. */
  readonly resolveReady: () => void;
  readonly windows: FakeBrowserWindow[];
  readonly app: FakeApp;
  readonly BrowserWindow: {
    new (options: unknown): FakeBrowserWindow;
    getAllWindows(): FakeBrowserWindow[];
  };
  readonly protocol: {
    registerSchemesAsPrivileged: Mock<(schemes: unknown[]) => void>;
    handle: Mock<(scheme: string, handler: (request: Request) => Promise<Response>) => void>;
  };
  readonly session: {
    defaultSession: {
      setPermissionRequestHandler: Mock<(handler: unknown) => void>;
      setPermissionCheckHandler: Mock<(handler: unknown) => void>;
      setDevicePermissionHandler: Mock<(handler: unknown) => void>;
      webRequest: { onHeadersReceived: Mock<(listener: unknown) => void> };
    };
  };
  readonly ipcMain: FakeIpcMain;
  readonly dialog: {
    showMessageBox: Mock<
      (...args: unknown[]) => Promise<{ response: number; checkboxChecked: boolean }>
    >;
  };
  readonly shell: { openExternal: Mock<(url: string, options?: unknown) => Promise<void>> };
  readonly ipcRenderer: FakeIpcRenderer;
  readonly contextBridge: { exposeInMainWorld: Mock<(key: string, api: unknown) => void> };
  readonly safeStorage: FakeSafeStorage;
  /** `Menu`: `buildFromTemplate` hands the template back; `setApplicationMenu` records it. */
  readonly Menu: {
    buildFromTemplate: Mock<(template: unknown[]) => unknown>;
    setApplicationMenu: Mock<(menu: unknown) => void>;
  };
}

export function createFakeElectron(options: FakeElectronOptions): FakeElectron {
  const calls: string[] = [];
  let resolveReady: () => void = () => {};
  const ready = new Promise<void>((resolve) => {
    resolveReady = resolve;
  });
  const app = new FakeApp(calls, ready, options);
  const windows: FakeBrowserWindow[] = [];

  // A real BrowserWindow creates its webContents in the constructor, which raises
  // 'web-contents-created' on the app before anything loads.
  const BrowserWindow = Object.assign(
    function (windowOptions: unknown): FakeBrowserWindow {
      const window = new FakeBrowserWindow(windowOptions, calls);
      windows.push(window);
      calls.push('new BrowserWindow');
      app.emit('web-contents-created', {}, window.webContents);
      return window;
    } as unknown as { new (options: unknown): FakeBrowserWindow },
    { getAllWindows: () => windows },
  );

  return {
    calls,
    resolveReady: () => resolveReady(),
    windows,
    app,
    BrowserWindow,
    protocol: {
      registerSchemesAsPrivileged: vi.fn(() => {
        calls.push('registerSchemesAsPrivileged');
      }),
      handle: vi.fn((scheme: string) => {
        calls.push(`protocol.handle ${scheme}`);
      }),
    },
    session: {
      defaultSession: {
        setPermissionRequestHandler: vi.fn(),
        setPermissionCheckHandler: vi.fn(),
        setDevicePermissionHandler: vi.fn(),
        webRequest: { onHeadersReceived: vi.fn() },
      },
    },
    ipcMain: new FakeIpcMain(),
    dialog: {
      showMessageBox: vi.fn(() => Promise.resolve({ response: 0, checkboxChecked: false })),
    },
    shell: { openExternal: vi.fn(() => Promise.resolve()) },
    ipcRenderer: new FakeIpcRenderer(),
    contextBridge: { exposeInMainWorld: vi.fn() },
    safeStorage: new FakeSafeStorage(options),
    Menu: {
      buildFromTemplate: vi.fn((template: unknown[]) => ({ template })),
      setApplicationMenu: vi.fn(() => {
        calls.push('Menu.setApplicationMenu');
      }),
    },
  };
}

/**
 * The module shape `vi.mock('electron', …)` must return (electron-store uses the default
 * export). `__fake` gives a test the whole fake back, e.g. to resolve `whenReady`.
 */
export function asElectronModule(fake: FakeElectron): Record<string, unknown> {
  const module = {
    app: fake.app,
    BrowserWindow: fake.BrowserWindow,
    protocol: fake.protocol,
    session: fake.session,
    ipcMain: fake.ipcMain,
    dialog: fake.dialog,
    shell: fake.shell,
    ipcRenderer: fake.ipcRenderer,
    contextBridge: fake.contextBridge,
    safeStorage: fake.safeStorage,
    Menu: fake.Menu,
  };
  return { ...module, default: module, __fake: fake };
}
