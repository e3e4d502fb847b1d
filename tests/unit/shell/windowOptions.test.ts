import { describe, expect, it } from 'vitest';
import { createWindowOptions } from '../../../electron/main/windowOptions.ts';

describe('createWindowOptions', () => {
  const options = createWindowOptions({
    preloadPath: '/app/out/preload/index.cjs',
    devTools: false,
  });

  it('sets every security-relevant web preference explicitly', () => {
    expect(options.webPreferences).toEqual({
      preload: '/app/out/preload/index.cjs',
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
      devTools: false,
    });
  });

  it('never enables Blink features and stays hidden until ready-to-show', () => {
    expect(options.webPreferences).not.toHaveProperty('enableBlinkFeatures');
    expect(options.show).toBe(false);
    expect(options.backgroundColor).toMatch(/^#[0-9a-f]{6}$/i);
    expect(options.width).toBeGreaterThanOrEqual(options.minWidth ?? 0);
    expect(options.height).toBeGreaterThanOrEqual(options.minHeight ?? 0);
  });

  it('enables DevTools only when asked (unpackaged builds)', () => {
    expect(
      createWindowOptions({ preloadPath: '/p', devTools: true }).webPreferences?.devTools,
    ).toBe(true);
  });
});
