import { readFile } from 'node:fs/promises';

/**
 * The serif faces the demo papers are set in: Liberation Serif 2.1.5 (SIL OFL 1.1, metrically
 * compatible with Times New Roman, the face official Vietnamese documents use), which covers
 * every precomposed Vietnamese letter (U+1EA0-U+1EF9 plus ă â đ ê ô ơ ư). Licence text:
 * assets/fonts/LICENSE-LiberationSerif.txt.
 */
export interface PaperFontBytes {
  regular: Uint8Array;
  bold: Uint8Array;
  italic: Uint8Array;
}

/** assets/fonts/ relative to this file (server/seed/pdf/). */
const FONT_DIR = new URL('../../../assets/fonts/', import.meta.url);

let cached: Promise<PaperFontBytes> | undefined;

/** Reads the three faces once per process; later calls share the bytes. */
export function loadPaperFontBytes(): Promise<PaperFontBytes> {
  cached ??= (async () => {
    const [regular, bold, italic] = await Promise.all(
      ['LiberationSerif-Regular.ttf', 'LiberationSerif-Bold.ttf', 'LiberationSerif-Italic.ttf'].map(
        async (name) => new Uint8Array(await readFile(new URL(name, FONT_DIR))),
      ),
    );
    if (!regular || !bold || !italic) throw new Error('paper fonts missing');
    return { regular, bold, italic };
  })();
  return cached;
}
