import {
  beginText,
  endText,
  moveText,
  popGraphicsState,
  pushGraphicsState,
  setFillingGrayscaleColor,
  setFontAndSize,
  PDFOperator,
  PDFOperatorNames,
  grayscale,
  type PDFDocument,
  type PDFFont,
  type PDFName,
  type PDFPage,
} from 'pdf-lib';

export interface Faces {
  regular: PDFFont;
  bold: PDFFont;
  italic: PDFFont;
}
export type Face = keyof Faces;

/** A4 portrait, points (1/72 inch). */
export const PAGE_WIDTH = 595.28;
export const PAGE_HEIGHT = 841.89;
export const MM = 72 / 25.4;

/**
 * Pages of one paper and the primitives the layout draws with. All coordinates are PDF points
 * with the origin at the bottom-left of the page; `y` arguments are text baselines.
 *
 * Text is shown with raw `TJ` operators rather than `page.drawText`, for two reasons: justified
 * lines need per-gap spacing (the `Tw` operator does not apply to the two-byte codes of an
 * Identity-H font), and `drawText` registers a new font resource on every call. Each word keeps
 * its trailing real space glyph, so extracted text has normal spaces.
 */
export class PaperCanvas {
  readonly doc: PDFDocument;
  readonly faces: Faces;
  readonly pages: PDFPage[] = [];
  private readonly fontKeys = new Map<PDFPage, Map<Face, PDFName>>();
  private readonly widths = new Map<string, number>();
  private current: PDFPage | undefined;

  constructor(doc: PDFDocument, faces: Faces) {
    this.doc = doc;
    this.faces = faces;
  }

  addPage(): PDFPage {
    const page = this.doc.addPage([PAGE_WIDTH, PAGE_HEIGHT]);
    this.pages.push(page);
    this.current = page;
    return page;
  }

  /** Makes one of this canvas's pages the one the primitives draw on. */
  setPage(page: PDFPage): void {
    if (!this.pages.includes(page)) throw new Error('not a page of this canvas');
    this.current = page;
  }

  /** The page the primitives draw on: the last added, unless `setPage` chose another. */
  get page(): PDFPage {
    if (!this.current) throw new Error('no page yet');
    return this.current;
  }

  /** Width of `text` in points at `size`, cached (layouts measure the same words often). */
  measure(face: Face, size: number, text: string): number {
    const key = `${face}\u0000${size}\u0000${text}`;
    let w = this.widths.get(key);
    if (w === undefined) {
      w = this.faces[face].widthOfTextAtSize(text, size);
      this.widths.set(key, w);
    }
    return w;
  }

  /**
   * Shows `words` on one line from `x`, with one space between words plus `extraGap` points in
   * each gap (0 for ragged lines, positive to justify).
   */
  words(
    face: Face,
    size: number,
    x: number,
    y: number,
    words: readonly string[],
    extraGap = 0,
    gray = 0,
  ): void {
    if (words.length === 0) return;
    const font = this.faces[face];
    const parts: (ReturnType<PDFFont['encodeText']> | number)[] = [];
    words.forEach((word, i) => {
      const last = i === words.length - 1;
      parts.push(font.encodeText(last ? word : `${word} `));
      // TJ numbers are thousandths of an em; a negative number moves the next glyph right.
      if (!last && extraGap !== 0) parts.push(-(extraGap * 1000) / size);
    });
    const page = this.page;
    page.pushOperators(
      pushGraphicsState(),
      setFillingGrayscaleColor(gray),
      beginText(),
      setFontAndSize(this.fontKey(page, face), size),
      moveText(x, y),
      PDFOperator.of(PDFOperatorNames.ShowTextAdjusted, [this.doc.context.obj(parts)]),
      endText(),
      popGraphicsState(),
    );
  }

  /** Shows `text` as one unbroken run starting at `x`. */
  text(face: Face, size: number, x: number, y: number, text: string, gray = 0): void {
    if (text.length === 0) return;
    const font = this.faces[face];
    const page = this.page;
    page.pushOperators(
      pushGraphicsState(),
      setFillingGrayscaleColor(gray),
      beginText(),
      setFontAndSize(this.fontKey(page, face), size),
      moveText(x, y),
      PDFOperator.of(PDFOperatorNames.ShowText, [font.encodeText(text)]),
      endText(),
      popGraphicsState(),
    );
  }

  /** Shows `text` centred in the column `[left, left + width]`; returns its width. */
  centred(
    face: Face,
    size: number,
    left: number,
    width: number,
    y: number,
    text: string,
    gray = 0,
  ): number {
    const w = this.measure(face, size, text);
    this.text(face, size, left + (width - w) / 2, y, text, gray);
    return w;
  }

  rule(x1: number, y1: number, x2: number, y2: number, thickness = 0.6): void {
    this.page.drawLine({ start: { x: x1, y: y1 }, end: { x: x2, y: y2 }, thickness });
  }

  box(x: number, y: number, width: number, height: number, thickness = 0.8): void {
    // A border colour and no fill colour: pdf-lib fills black when neither is given.
    this.page.drawRectangle({
      x,
      y,
      width,
      height,
      borderWidth: thickness,
      borderColor: grayscale(0),
    });
  }

  /** One font resource per face per page, created on first use. */
  private fontKey(page: PDFPage, face: Face): PDFName {
    let keys = this.fontKeys.get(page);
    if (!keys) {
      keys = new Map();
      this.fontKeys.set(page, keys);
    }
    let key = keys.get(face);
    if (!key) {
      const font = this.faces[face];
      key = page.node.newFontDictionary(font.name, font.ref);
      keys.set(face, key);
    }
    return key;
  }
}
