import fontkit from '@pdf-lib/fontkit';
import { PDFDocument } from 'pdf-lib';
import type { DemoPaper, PaperContent } from '../DemoData.ts';
import { balancedLines, breakLines } from './breakLines.ts';
import { loadPaperFontBytes, type PaperFontBytes } from './paperFonts.ts';
import { MM, PAGE_HEIGHT, PAGE_WIDTH, PaperCanvas, type Face } from './PaperCanvas.ts';

/*
 * Layout of a paper, after the presentation rules of Decree 30/2020/NĐ-CP: A4 portrait; margins
 * top and bottom 20 mm, left 30 mm, right 20 mm; 13 pt body text, justified, first lines indented
 * 10 mm; the issuer and number on the left of the header, the national motto and the place and
 * date on the right; page numbers centred at the top from page 2. All lengths are points.
 */
const MARGIN_TOP = 20 * MM;
const MARGIN_BOTTOM = 20 * MM;
const LEFT = 30 * MM;
const CONTENT_WIDTH = PAGE_WIDTH - LEFT - 20 * MM;
const BODY = 13;
/** Baseline-to-baseline distance of body text. */
const LEAD = 17;
const PARAGRAPH_GAP = 5;
const INDENT = 10 * MM;
/** Header columns: issuer on the left, motto on the right (which may reach into the margin). */
const HEADER_LEFT_X = LEFT - 14;
const HEADER_LEFT_WIDTH = 205;
const HEADER_RIGHT_X = HEADER_LEFT_X + HEADER_LEFT_WIDTH;
const HEADER_RIGHT_WIDTH = LEFT + CONTENT_WIDTH + 12 - HEADER_RIGHT_X;
/** Lowest baseline allowed on a page. */
const BOTTOM_LIMIT = MARGIN_BOTTOM + 4;
const FIRST_BASELINE = PAGE_HEIGHT - MARGIN_TOP - 11;
const FOOTNOTE =
  'Tài liệu mô phỏng phục vụ trình diễn phần mềm eCabinet, không phải văn bản chính thức.';

export interface RenderPaperOptions {
  /** CreationDate/ModDate; default: the date in the paper's place-and-date line (08:00 Hanoi). */
  createdAt?: Date;
  /** Font bytes; default: assets/fonts (see paperFonts.ts). */
  fonts?: PaperFontBytes;
}

/**
 * Renders one demo paper as a PDF with embedded font subsets, so Vietnamese renders and
 * extracts (pdftotext, pdf.js) correctly. Deterministic: the same paper gives the same bytes.
 */
export async function renderPaperPdf(
  paper: DemoPaper,
  options: RenderPaperOptions = {},
): Promise<Uint8Array> {
  const fonts = options.fonts ?? (await loadPaperFontBytes());
  const doc = await PDFDocument.create({ updateMetadata: false });
  doc.registerFontkit(fontkit);
  // Fixed subset tags keep the output deterministic (pdf-lib otherwise appends a random suffix).
  const [regular, bold, italic] = await Promise.all([
    doc.embedFont(fonts.regular, { subset: true, customName: 'ECABAA+LiberationSerif' }),
    doc.embedFont(fonts.bold, { subset: true, customName: 'ECABAB+LiberationSerif-Bold' }),
    doc.embedFont(fonts.italic, { subset: true, customName: 'ECABAC+LiberationSerif-Italic' }),
  ]);
  const canvas = new PaperCanvas(doc, { regular, bold, italic });
  new PaperLayout(canvas, paper).run();

  const c = paper.content;
  const created = options.createdAt ?? dateOf(c.placeDate);
  doc.setTitle(paper.document.title, { showInWindowTitleBar: true });
  doc.setAuthor(c.issuer.replaceAll('\n', ' '));
  doc.setSubject(`${c.kindHeading} ${c.title}`.replaceAll('\n', ' '));
  doc.setKeywords(['eCabinet', 'tài liệu họp', c.kindHeading.toLocaleLowerCase('vi-VN')]);
  doc.setLanguage('vi-VN');
  doc.setCreator('eCabinet');
  doc.setProducer('eCabinet demo seed (pdf-lib)');
  doc.setCreationDate(created);
  doc.setModificationDate(created);
  return doc.save();
}

/** 08:00 Hanoi on "ngày DD tháng MM năm YYYY", or 1 January of the year if only that is given. */
function dateOf(placeDate: string): Date {
  const full = /ngày\s+(\d{1,2})\s+tháng\s+(\d{1,2})\s+năm\s+(\d{4})/.exec(placeDate);
  if (full) return new Date(Date.UTC(Number(full[3]), Number(full[2]) - 1, Number(full[1]), 1));
  const year = /năm\s+(\d{4})/.exec(placeDate);
  return new Date(Date.UTC(year ? Number(year[1]) : 2026, 0, 1, 1));
}

type Align = 'justify' | 'centre';
interface ParagraphStyle {
  face: Face;
  align: Align;
  indent: number;
  /** Keep this paragraph on a page with the first lines of the next one (headings). */
  keepWithNext: boolean;
}

const NUMBERED_HEADING = /^([IVXLC]+|\d+)\.\s/;
const ARTICLE = /^Điều \d+[a-z]?\.\s/;

/** Flows one paper's content over pages; `y` is the next baseline. */
class PaperLayout {
  private readonly canvas: PaperCanvas;
  private readonly paper: DemoPaper;
  private y = FIRST_BASELINE;

  constructor(canvas: PaperCanvas, paper: DemoPaper) {
    this.canvas = canvas;
    this.paper = paper;
  }

  run(): void {
    const c = this.paper.content;
    this.canvas.addPage();
    this.header(c);
    this.titleBlock(c);
    const lastSection = c.sections.length - 1;
    c.sections.forEach((section, i) => {
      // The first section of a draft is its preamble ("Căn cứ …"), set in italics.
      const preamble = i === 0 && this.paper.document.kind === 'draft';
      // The last line of the text stays on the signature's page, so the signature is never alone.
      this.section(section, preamble, i === lastSection ? signatureHeight(c) : 0);
    });
    this.signature(c);
    this.pageFurniture();
  }

  // 1. Header: issuer and number (left), motto and place/date (right); a draft box above.
  private header(c: PaperContent): void {
    const cv = this.canvas;
    let top = FIRST_BASELINE;
    if (this.paper.document.kind === 'draft') {
      const label = 'DỰ THẢO';
      const w = cv.measure('bold', 11, label);
      const x = LEFT + CONTENT_WIDTH - w - 8;
      cv.text('bold', 11, x, top, label);
      cv.box(x - 6, top - 5, w + 12, 18);
      top -= 26;
    }
    // Left column: parent bodies in regular, the issuing body in bold, a short rule, the number.
    let yl = top;
    const issuerLines = c.issuer.split('\n');
    let lastWidth = 0;
    issuerLines.forEach((line, i) => {
      const face: Face = i === issuerLines.length - 1 ? 'bold' : 'regular';
      for (const l of this.wrap(face, 12, line, HEADER_LEFT_WIDTH - 10)) {
        lastWidth = cv.centred(face, 12, HEADER_LEFT_X, HEADER_LEFT_WIDTH, yl, l);
        yl -= 15;
      }
    });
    // The rule sits 8 pt under the last issuer line, clear of dots below (ạ, ệ).
    const ruleLeft = HEADER_LEFT_X + HEADER_LEFT_WIDTH / 2 - lastWidth / 6;
    cv.rule(ruleLeft, yl + 7, ruleLeft + lastWidth / 3, yl + 7);
    yl -= 12;
    cv.centred('regular', 13, HEADER_LEFT_X, HEADER_LEFT_WIDTH, yl, c.number);
    yl -= 15;
    // Right column: the national name and motto (underlined), then the place and date.
    let yr = top;
    cv.centred(
      'bold',
      12,
      HEADER_RIGHT_X,
      HEADER_RIGHT_WIDTH,
      yr,
      'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
    );
    yr -= 16;
    const mottoWidth = cv.centred(
      'bold',
      13,
      HEADER_RIGHT_X,
      HEADER_RIGHT_WIDTH,
      yr,
      'Độc lập - Tự do - Hạnh phúc',
    );
    const mottoLeft = HEADER_RIGHT_X + (HEADER_RIGHT_WIDTH - mottoWidth) / 2;
    cv.rule(mottoLeft, yr - 4, mottoLeft + mottoWidth, yr - 4);
    yr -= 25;
    if (c.placeDate.length > 0) {
      cv.centred('italic', 13, HEADER_RIGHT_X, HEADER_RIGHT_WIDTH, yr, c.placeDate);
      yr -= 15;
    }
    this.y = Math.min(yl, yr) - 22;
  }

  // 2. Document kind and title, centred, with a short rule under the title.
  private titleBlock(c: PaperContent): void {
    const cv = this.canvas;
    cv.centred('bold', 14, LEFT, CONTENT_WIDTH, this.y, c.kindHeading);
    this.y -= 19;
    let widest = 0;
    for (const line of c.title
      .split('\n')
      .flatMap((t) => this.wrap('bold', 14, t, CONTENT_WIDTH * 0.88))) {
      widest = Math.max(widest, cv.centred('bold', 14, LEFT, CONTENT_WIDTH, this.y, line));
      this.y -= 18;
    }
    const ruleWidth = Math.min(widest / 3, 140);
    const mid = LEFT + CONTENT_WIDTH / 2;
    cv.rule(mid - ruleWidth / 2, this.y + 8, mid + ruleWidth / 2, this.y + 8);
    this.y -= 16;
  }

  // 3. Sections: a heading (numbered ones left-aligned, others centred) and its paragraphs.
  private section(
    section: PaperContent['sections'][number],
    preamble: boolean,
    reserveAfter: number,
  ): void {
    if (section.heading.length > 0) {
      if (NUMBERED_HEADING.test(section.heading)) {
        this.paragraph(section.heading, {
          face: 'bold',
          align: 'justify',
          indent: INDENT,
          keepWithNext: true,
        });
      } else {
        this.y -= 4;
        const lines = section.heading.split('\n');
        this.ensure(lines.length * LEAD + 2 * LEAD);
        for (const line of lines) {
          for (const l of this.wrap('bold', BODY, line, CONTENT_WIDTH)) {
            this.canvas.centred('bold', BODY, LEFT, CONTENT_WIDTH, this.y, l);
            this.y -= LEAD;
          }
        }
        this.y -= PARAGRAPH_GAP;
      }
    }
    section.paragraphs.forEach((p, i) =>
      this.paragraph(
        p,
        styleOf(p, preamble),
        i === section.paragraphs.length - 1 ? reserveAfter : 0,
      ),
    );
  }

  /** `reserveAfter`: height that must fit under the paragraph's last line on the same page. */
  private paragraph(text: string, style: ParagraphStyle, reserveAfter = 0): void {
    const cv = this.canvas;
    const lines =
      style.align === 'centre'
        ? this.wrap(style.face, BODY, text, CONTENT_WIDTH).map((l) => ({
            words: [l],
            width: cv.measure(style.face, BODY, l),
            last: true,
          }))
        : breakLines(
            text,
            (w) => cv.measure(style.face, BODY, w),
            cv.measure(style.face, BODY, ' '),
            CONTENT_WIDTH - style.indent,
            CONTENT_WIDTH,
          );
    if (style.keepWithNext) this.ensure((lines.length + 2) * LEAD);
    // Avoid a lone first line at the foot of a page.
    else if (lines.length > 1) this.ensure(2 * LEAD);
    lines.forEach((line, i) => {
      this.ensure(LEAD + (i === lines.length - 1 ? reserveAfter : 0));
      if (style.align === 'centre') {
        cv.centred(style.face, BODY, LEFT, CONTENT_WIDTH, this.y, line.words.join(' '));
      } else {
        const x = LEFT + (i === 0 ? style.indent : 0);
        const available = CONTENT_WIDTH - (i === 0 ? style.indent : 0);
        const gaps = line.words.length - 1;
        const extra = line.last || gaps === 0 ? 0 : (available - line.width) / gaps;
        cv.words(style.face, BODY, x, this.y, line.words, extra);
      }
      this.y -= LEAD;
    });
    this.y -= PARAGRAPH_GAP;
  }

  // 4. Signature block on the right (kept on one page); recipients on the left of final papers.
  private signature(c: PaperContent): void {
    const cv = this.canvas;
    const roles = c.signature.role.split('\n');
    const final = this.paper.document.kind !== 'draft';
    this.y -= SIGNATURE_GAP;
    this.ensure(signatureHeight(c) - SIGNATURE_GAP);
    const top = this.y;
    for (const role of roles) {
      cv.centred('bold', BODY, HEADER_RIGHT_X, HEADER_RIGHT_WIDTH, this.y, role);
      this.y -= LEAD;
    }
    this.y -= SIGNING_SPACE;
    if (c.signature.name.length > 0)
      cv.centred('bold', BODY, HEADER_RIGHT_X, HEADER_RIGHT_WIDTH, this.y, c.signature.name);
    this.y -= LEAD;
    if (final) {
      let yl = top;
      cv.text('bold', 12, LEFT, yl, 'Nơi nhận:');
      yl -= 14;
      for (const line of [
        '- Như trên;',
        '- Thủ tướng, các Phó Thủ tướng Chính phủ;',
        '- Văn phòng Chính phủ;',
        '- Lưu: VT.',
      ]) {
        cv.text('regular', 11, LEFT, yl, line);
        yl -= 13;
      }
    }
  }

  // 5. Page numbers (top centre, from page 2) and the demo footnote on every page.
  private pageFurniture(): void {
    const cv = this.canvas;
    for (const [i, page] of cv.pages.entries()) {
      cv.setPage(page);
      if (i > 0)
        cv.centred('regular', BODY, LEFT, CONTENT_WIDTH, PAGE_HEIGHT - 12 * MM, String(i + 1));
      cv.centred('italic', 8, LEFT, CONTENT_WIDTH, 9 * MM, FOOTNOTE, 0.45);
    }
  }

  private ensure(height: number): void {
    if (this.y - height + LEAD >= BOTTOM_LIMIT) return;
    this.canvas.addPage();
    this.y = FIRST_BASELINE - 6;
  }

  /** Centred multi-line text: balanced line lengths. */
  private wrap(face: Face, size: number, text: string, width: number): string[] {
    const cv = this.canvas;
    return balancedLines(
      text,
      (w) => cv.measure(face, size, w),
      cv.measure(face, size, ' '),
      width,
    ).map((l) => l.words.join(' '));
  }
}

const SIGNATURE_GAP = 6;
/** Blank space left for the handwritten or digital signature and seal. */
const SIGNING_SPACE = 62;

/** Height of the signature block: gap, role lines, signing space, name line. */
function signatureHeight(c: PaperContent): number {
  return SIGNATURE_GAP + c.signature.role.split('\n').length * LEAD + SIGNING_SPACE + LEAD;
}

/**
 * How a paragraph is set, from its text: article titles ("Điều 3. …") and short numbered
 * sub-headings without final punctuation ("1. Mục đích") bold; "Kính gửi: …" centred; a
 * paragraph wholly in parentheses, and a draft's preamble, italic; everything else justified.
 */
function styleOf(text: string, preamble: boolean): ParagraphStyle {
  const body: ParagraphStyle = {
    face: 'regular',
    align: 'justify',
    indent: INDENT,
    keepWithNext: false,
  };
  if (preamble) return { ...body, face: 'italic' };
  if (ARTICLE.test(text)) return { ...body, face: 'bold', keepWithNext: true };
  if (text.startsWith('Kính gửi:')) return { ...body, align: 'centre', indent: 0 };
  if (NUMBERED_HEADING.test(text) && text.length <= 120 && !/[.;:,]$/.test(text))
    return { ...body, face: 'bold', keepWithNext: true };
  if (text.startsWith('(') && text.endsWith(')')) return { ...body, face: 'italic' };
  return body;
}
