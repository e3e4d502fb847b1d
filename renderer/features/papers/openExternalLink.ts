import { invoke } from '../../ipc/invoke.ts';
import { allowedExternalUrl } from '../../pdf/linkPolicy.ts';

/** What opening a link outside the app needs from the page (the browser's, by default). */
export interface LinkOpenerDeps {
  /** Asks the member; true to open. */
  confirm: (question: string) => boolean;
  /** Opens `url` in a new tab with no opener and no referrer. */
  openTab: (url: string) => void;
}

const browserDeps: LinkOpenerDeps = {
  confirm: (question) => window.confirm(question),
  openTab: (url) => void window.open(url, '_blank', 'noopener,noreferrer'),
};

/**
 * Opens an https/mailto link of a paper outside the app, after the member confirms. The desktop
 * shell does both (`shell:openExternal`: its allow-list, a native dialog, the OS browser). The
 * browser-mode host has no window to ask in and answers NOT_AVAILABLE; then the page asks the
 * member itself and, if they agree, lets the browser open the link in a new tab, cut off from
 * this page (noopener, noreferrer). Any other answer (a refusal, a cancelled dialog) ends it.
 * Invariant: only a URL that passes the same allow-list as the shell ever reaches `openTab`.
 */
export async function openExternalLink(
  url: string,
  question: (url: string) => string,
  deps: LinkOpenerDeps = browserDeps,
): Promise<void> {
  const result = await invoke('shell:openExternal', { url });
  if (result.ok || result.error.code !== 'NOT_AVAILABLE') return;
  const allowed = allowedExternalUrl(url);
  if (allowed !== null && deps.confirm(question(allowed))) deps.openTab(allowed);
}
