import { describe, expect, it, vi } from 'vitest';
import type { BrowserWindow } from 'electron';
import type { Language } from '../../../shared/domain/settings.ts';
import { createExternalOpener } from '../../../electron/main/externalOpener.ts';
import { MAIN_STRINGS, mainStrings } from '../../../electron/main/i18n.ts';

vi.mock('electron', () => ({}));

function setup(response: number, language: Language, window: unknown = null) {
  const showMessageBox = vi.fn((..._args: unknown[]) =>
    Promise.resolve({ response, checkboxChecked: false }),
  );
  const openExternal = vi.fn((_url: string, _options?: unknown) => Promise.resolve());
  const opener = createExternalOpener({
    dialog: { showMessageBox },
    shell: { openExternal },
    getWindow: () => window as BrowserWindow | null,
    getLanguage: () => language,
  });
  return { opener, showMessageBox, openExternal };
}

describe('external opener', () => {
  it('asks in Vietnamese by default, showing the full URL, cancel first', async () => {
    const { opener, showMessageBox } = setup(1, 'vi');
    expect(await opener.confirm('https://chinhphu.vn/a?b=c')).toBe(true);
    const options = showMessageBox.mock.calls[0]?.[0] as {
      message: string;
      detail: string;
      buttons: string[];
      cancelId: number;
      defaultId: number;
    };
    expect(options.message).toBe(MAIN_STRINGS.vi.openExternalMessage);
    expect(options.detail).toContain('https://chinhphu.vn/a?b=c');
    expect(options.buttons).toEqual([MAIN_STRINGS.vi.cancel, MAIN_STRINGS.vi.open]);
    expect(options.cancelId).toBe(0);
    expect(options.defaultId).toBe(0);
  });

  it('follows the language setting', async () => {
    const { opener, showMessageBox } = setup(0, 'en');
    expect(await opener.confirm('https://example.org')).toBe(false);
    expect((showMessageBox.mock.calls[0]?.[0] as { buttons: string[] }).buttons).toEqual([
      'Cancel',
      'Open',
    ]);
    expect(mainStrings('fr')).toBe(MAIN_STRINGS.vi);
  });

  it('is modal to the window when there is one', async () => {
    const window = { id: 1 };
    const { opener, showMessageBox } = setup(1, 'vi', window);
    await opener.confirm('https://example.org');
    expect(showMessageBox.mock.calls[0]?.[0]).toBe(window);
  });

  it('opens through shell.openExternal', async () => {
    const { opener, openExternal } = setup(1, 'vi');
    await opener.open('https://example.org/');
    expect(openExternal).toHaveBeenCalledWith('https://example.org/', { activate: true });
  });

  it('asks one question at a time; a second link while the first is open is declined', async () => {
    const { opener, showMessageBox } = setup(1, 'vi');
    const first = opener.confirm('https://a.example');
    expect(await opener.confirm('https://b.example')).toBe(false);
    expect(await first).toBe(true);
    expect(showMessageBox).toHaveBeenCalledTimes(1);
    expect(await opener.confirm('https://c.example')).toBe(true);
  });

  it('has the same keys in every language', () => {
    expect(Object.keys(MAIN_STRINGS.en).sort()).toEqual(Object.keys(MAIN_STRINGS.vi).sort());
  });
});
