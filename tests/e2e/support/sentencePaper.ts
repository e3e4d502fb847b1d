import fontkit from '@pdf-lib/fontkit';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { PDFDocument, rgb, type PDFFont, type PDFPage } from 'pdf-lib';
import { repoRoot } from '../../../scripts/lib/projectNode.mjs';

/** The sentence the reader spec highlights; one line, found once in either version. */
export const SENTENCE =
  'Bộ Tài chính đề nghị bổ sung kinh phí cho Dự án đường cao tốc Bắc Nam năm 2026.';

/** A4 in points. */
const PAGE: [number, number] = [595, 842];
const LEFT = 72;
const SIZE = 13;
/** Baseline of the first body line, points from the bottom. */
const TOP = 720;
const LEADING = 20;

const FILLER = [
  'Căn cứ Luật Tổ chức Chính phủ và Quy chế làm việc của Chính phủ.',
  'Xét đề nghị của các bộ, cơ quan ngang bộ tại phiên họp thường kỳ.',
  'Các ý kiến góp ý được tổng hợp và gửi kèm theo tờ trình này.',
  'Đề nghị các thành viên Chính phủ cho ý kiến bằng văn bản.',
];

let fontBytes: Promise<Uint8Array> | undefined;

function serifFont(): Promise<Uint8Array> {
  fontBytes ??= readFile(join(repoRoot, 'assets', 'fonts', 'LiberationSerif-Regular.ttf')).then(
    (b) => new Uint8Array(b),
  );
  return fontBytes;
}

function lines(page: PDFPage, font: PDFFont, texts: readonly string[], fromLine = 0): void {
  texts.forEach((text, i) =>
    page.drawText(text, {
      x: LEFT,
      y: TOP - (fromLine + i) * LEADING,
      size: SIZE,
      font,
      color: rgb(0, 0, 0),
    }),
  );
}

/**
 * A two-page paper set in Liberation Serif (as server/seed/pdf does) holding `SENTENCE` once:
 * on page 1 in `'first'`, on page 2 in `'second'` (the new version, where page 1 gained other
 * text and the sentence moved). `tag` makes each file's bytes distinct (a new blob).
 */
export async function sentencePaper(where: 'first' | 'second', tag: string): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  doc.registerFontkit(fontkit);
  doc.setTitle(`Tờ trình ${tag}`);
  const font = await doc.embedFont(await serifFont(), { subset: true });
  const one = doc.addPage(PAGE);
  const two = doc.addPage(PAGE);
  lines(one, font, [`TỜ TRÌNH (${where === 'first' ? 'bản 1' : 'bản 2'})`]);
  if (where === 'first') {
    lines(one, font, [SENTENCE], 2);
    lines(one, font, FILLER, 4);
    lines(two, font, FILLER.slice().reverse());
  } else {
    lines(one, font, [...FILLER, ...FILLER.slice(0, 2)], 2);
    lines(two, font, FILLER.slice(2));
    lines(two, font, [SENTENCE], 3);
  }
  return doc.save();
}
