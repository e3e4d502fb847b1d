import type { BrowserWindowConstructorOptions } from 'electron';

export interface WindowOptionsInput {
  /** Absolute path of the built preload script (`out/preload/index.cjs`). */
  preloadPath: string;
  /** DevTools only in unpackaged development builds. */
  devTools: boolean;
}

/** Window background while the UI loads; matches the renderer's page background. */
export const WINDOW_BACKGROUND = '#f4f5f7';

/**
 * Options of the one application window. Every web preference that the Electron security
 * checklist cares about is spelled out, even where it equals the default, so a future default
 * change or a careless edit shows up in the unit test. Never add `enableBlinkFeatures`.
 */
export function createWindowOptions(input: WindowOptionsInput): BrowserWindowConstructorOptions {
  return {
    width: 1280, // px
    height: 800, // px
    minWidth: 960, // px
    minHeight: 600, // px
    show: false, // shown on 'ready-to-show', so no white flash
    backgroundColor: WINDOW_BACKGROUND,
    title: 'eCabinet',
    webPreferences: {
      preload: input.preloadPath,
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      experimentalFeatures: false,
      navigateOnDragDrop: false,
      safeDialogs: true,
      spellcheck: false,
      devTools: input.devTools,
    },
  };
}
