import type { BrowserWindow, Dialog, MessageBoxOptions, Shell } from 'electron';
import type { Language } from '../../shared/domain/settings.ts';
import type { ExternalOpener } from '../core/external/externalUrlPolicy.ts';
import { mainStrings } from './i18n.ts';

export interface ExternalOpenerDeps {
  dialog: Pick<Dialog, 'showMessageBox'>;
  shell: Pick<Shell, 'openExternal'>;
  /** The window the confirmation is modal to, if any. */
  getWindow: () => BrowserWindow | null;
  /** The current UI language, read at each call so a language switch applies at once. */
  getLanguage: () => Language;
}

/** Index of the "open" button; "cancel" is 0 so Escape and closing the box mean no. */
const OPEN_BUTTON = 1;

/**
 * The shell's `ExternalOpener`: a native confirmation showing the full URL, then
 * `shell.openExternal`. The allow-list (https/mailto) is applied before this by
 * `openExternalSafely`; this object never decides what is allowed.
 */
export function createExternalOpener(deps: ExternalOpenerDeps): ExternalOpener {
  // One question at a time: a page that fires links in a loop gets "no", not a dialog storm.
  let asking = false;
  return {
    confirm: async (url) => {
      if (asking) return false;
      const t = mainStrings(deps.getLanguage());
      const options: MessageBoxOptions = {
        type: 'question',
        title: t.openExternalTitle,
        message: t.openExternalMessage,
        detail: `${url}\n\n${t.openExternalDetail}`,
        buttons: [t.cancel, t.open],
        defaultId: 0,
        cancelId: 0,
        noLink: true,
      };
      asking = true;
      try {
        const window = deps.getWindow();
        const result = window
          ? await deps.dialog.showMessageBox(window, options)
          : await deps.dialog.showMessageBox(options);
        return result.response === OPEN_BUTTON;
      } finally {
        asking = false;
      }
    },
    open: async (url) => {
      await deps.shell.openExternal(url, { activate: true });
    },
  };
}
