import type { MenuItemConstructorOptions } from 'electron';
import type { MainStrings } from './i18n.ts';

export interface ApplicationMenuOptions {
  platform: NodeJS.Platform;
  /** Unpackaged builds only: a View menu with the developer tools. */
  devTools: boolean;
  strings: MainStrings;
}

/**
 * The application menu, replacing Electron's default one. Invariant: no item carries a zoom
 * role or a Ctrl/Cmd +, -, 0 accelerator — the reader owns those keys (and Ctrl+wheel) and
 * zooms the PDF; the default menu would zoom the whole window before the page sees them.
 * Edit keeps the clipboard roles (on macOS Cmd+C/V only reach text fields through them); undo
 * and redo only on macOS, so Ctrl+Z elsewhere reaches the annotation undo stack.
 */
export function applicationMenuTemplate(
  options: ApplicationMenuOptions,
): MenuItemConstructorOptions[] {
  const { platform, devTools, strings } = options;
  const mac = platform === 'darwin';
  const menu: MenuItemConstructorOptions[] = [];
  if (mac)
    menu.push({
      role: 'appMenu',
      submenu: [
        { role: 'about' },
        { type: 'separator' },
        { role: 'hide' },
        { role: 'hideOthers' },
        { role: 'unhide' },
        { type: 'separator' },
        { role: 'quit' },
      ],
    });
  else menu.push({ label: strings.menuFile, submenu: [{ role: 'quit' }] });
  const history: MenuItemConstructorOptions[] = mac
    ? [{ role: 'undo' }, { role: 'redo' }, { type: 'separator' }]
    : [];
  menu.push({
    label: strings.menuEdit,
    submenu: [
      ...history,
      { role: 'cut' },
      { role: 'copy' },
      { role: 'paste' },
      { role: 'selectAll' },
    ],
  });
  if (devTools)
    menu.push({
      label: strings.menuView,
      submenu: [{ role: 'reload' }, { role: 'toggleDevTools' }],
    });
  menu.push({
    label: strings.menuWindow,
    submenu: mac
      ? [{ role: 'minimize' }, { role: 'zoom' }, { type: 'separator' }, { role: 'front' }]
      : [{ role: 'minimize' }, { role: 'close' }],
  });
  return menu;
}
