import type { Logger } from '../core/log/logger.ts';

/** An event whose default action can be cancelled (Electron's `Event`). */
interface PreventableEvent {
  preventDefault(): void;
}
interface NavigationEvent extends PreventableEvent {
  readonly url?: string;
  readonly isMainFrame?: boolean;
}

/** The parts of Electron's `WebContents` the policy uses. */
export interface NavigableContents {
  on(
    event: 'will-navigate' | 'will-frame-navigate' | 'will-redirect',
    listener: (event: NavigationEvent) => void,
  ): unknown;
  on(event: 'will-attach-webview', listener: (event: PreventableEvent) => void): unknown;
  setWindowOpenHandler(handler: (details: { url: string }) => { action: 'deny' }): void;
}

export interface NavigationPolicyDeps {
  /**
   * Opens `url` outside the app through the allow-list-then-confirm wrapper
   * (`openExternalSafely`); resolves false when refused or declined.
   */
  openExternal: (url: string) => Promise<boolean>;
  log: Logger;
}

/**
 * The app is one page: it never navigates, redirects, opens windows or attaches webviews.
 * Programmatic `loadURL` by the shell does not raise these events, so it is unaffected.
 * A link to an https/mailto address (clicked, `target=_blank` or `window.open`) is handed to
 * the confirmation wrapper instead; everything else (`http:`, `file:`, `javascript:`, …) is
 * simply dropped by that wrapper's allow-list.
 */
export function applyNavigationPolicy(
  contents: NavigableContents,
  deps: NavigationPolicyDeps,
): void {
  const offerExternally = (url: string | undefined): void => {
    if (!url) return;
    deps
      .openExternal(url)
      .catch((error: unknown) => deps.log.warn('external open failed', { error: String(error) }));
  };

  // Electron raises 'will-frame-navigate' (any frame) before 'will-navigate' (main frame), and
  // cancelling the first suppresses the second: the external offer lives in the first, for
  // main-frame navigations only; the second stays as a backstop that only cancels.
  contents.on('will-frame-navigate', (event) => {
    event.preventDefault();
    deps.log.warn('navigation blocked', { url: event.url, mainFrame: event.isMainFrame === true });
    if (event.isMainFrame === true) offerExternally(event.url);
  });
  contents.on('will-navigate', (event) => {
    event.preventDefault();
  });
  contents.on('will-redirect', (event) => {
    event.preventDefault();
    deps.log.warn('redirect blocked', { url: event.url });
  });
  contents.on('will-attach-webview', (event) => {
    event.preventDefault();
    deps.log.warn('webview blocked');
  });
  contents.setWindowOpenHandler(({ url }) => {
    offerExternally(url);
    return { action: 'deny' };
  });
}

/** The parts of Electron's `app` the hook uses. */
export interface WebContentsCreatedSource<C> {
  on(event: 'web-contents-created', listener: (event: unknown, contents: C) => void): unknown;
}

/** Applies `harden` to every webContents the app ever creates, before it loads anything. */
export function hardenEveryWebContents<C>(
  app: WebContentsCreatedSource<C>,
  harden: (contents: C) => void,
): void {
  app.on('web-contents-created', (_event, contents) => harden(contents));
}
