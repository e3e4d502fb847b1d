import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it } from 'vitest';
import { applicationMenuTemplate } from '../../../electron/main/applicationMenu.ts';
import { MAIN_STRINGS } from '../../../electron/main/i18n.ts';

/** Every item of the template, depth first. */
function items(menu: readonly MenuItemConstructorOptions[]): MenuItemConstructorOptions[] {
  return menu.flatMap((item) => [
    item,
    ...(Array.isArray(item.submenu) ? items(item.submenu) : []),
  ]);
}
const roles = (menu: readonly MenuItemConstructorOptions[]): string[] =>
  items(menu).flatMap((item) => (item.role === undefined ? [] : [item.role]));

const PLATFORMS: NodeJS.Platform[] = ['linux', 'win32', 'darwin'];

describe('applicationMenuTemplate', () => {
  it.each(PLATFORMS)('leaves the zoom keys to the reader on %s', (platform) => {
    for (const devTools of [false, true]) {
      const menu = applicationMenuTemplate({ platform, devTools, strings: MAIN_STRINGS.en });
      for (const role of ['zoomIn', 'zoomOut', 'resetZoom', 'togglefullscreen'])
        expect(roles(menu)).not.toContain(role);
      for (const item of items(menu))
        expect(String(item.accelerator ?? '')).not.toMatch(
          /(Ctrl|Cmd|CommandOrControl)\+(Plus|-|=|0)/,
        );
    }
  });

  it('keeps the clipboard roles everywhere and undo/redo only on macOS', () => {
    const linux = roles(
      applicationMenuTemplate({ platform: 'linux', devTools: false, strings: MAIN_STRINGS.vi }),
    );
    expect(linux).toEqual(expect.arrayContaining(['cut', 'copy', 'paste', 'selectAll', 'quit']));
    expect(linux).not.toContain('undo');
    const mac = roles(
      applicationMenuTemplate({ platform: 'darwin', devTools: false, strings: MAIN_STRINGS.vi }),
    );
    expect(mac).toEqual(expect.arrayContaining(['appMenu', 'undo', 'redo', 'copy', 'paste']));
  });

  it('offers the developer tools only when asked (unpackaged builds)', () => {
    const packaged = applicationMenuTemplate({
      platform: 'linux',
      devTools: false,
      strings: MAIN_STRINGS.en,
    });
    expect(roles(packaged)).not.toContain('toggleDevTools');
    const dev = applicationMenuTemplate({
      platform: 'linux',
      devTools: true,
      strings: MAIN_STRINGS.en,
    });
    expect(roles(dev)).toContain('toggleDevTools');
  });

  it('labels the top-level menus in the chosen language', () => {
    const labels = (strings: (typeof MAIN_STRINGS)['vi' | 'en']): (string | undefined)[] =>
      applicationMenuTemplate({ platform: 'linux', devTools: true, strings }).map((m) => m.label);
    expect(labels(MAIN_STRINGS.vi)).toEqual(['Tệp', 'Sửa', 'Xem', 'Cửa sổ']);
    expect(labels(MAIN_STRINGS.en)).toEqual(['File', 'Edit', 'View', 'Window']);
  });
});
