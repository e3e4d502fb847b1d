import fontkit from '@pdf-lib/fontkit';
import {
  PDFDict,
  PDFDocument,
  PDFHexString,
  PDFName,
  PDFNumber,
  PDFString,
  rgb,
  type PDFFont,
  type PDFPage,
} from 'pdf-lib';
import { CONTENT_DIGEST_KEY } from '../../../shared/opinions/evidenceManifest.ts';
import type { EvidenceSummary } from '../../../shared/opinions/evidenceSummary.ts';
import type { OpinionChoice } from '../../../shared/opinions/payload.ts';

/**
 * The report of a ballot's evidence export (report.pdf): the summary table (bảng tổng hợp ý
 * kiến) in Vietnamese, set in Liberation Serif (embedded subsets, so every Vietnamese letter
 * renders and extracts), with an empty PAdES signature (evidencePades.ts fills it):
 * - an invisible signature field on page 1 whose /V is a signature dictionary with
 *   /Filter /Adobe.PPKLite, /SubFilter /ETSI.CAdES.detached, /M (signing time), a /ByteRange
 *   placeholder and a zero-filled /Contents hex string of SIGNATURE_BYTES bytes;
 * - the Info dictionary entry /ECabinetContentSha256: the manifest's content digest
 *   (docs/evidence-export.md), so the secretariat's signature covers every exported file.
 * Saved without object streams, so the placeholders are found as plain text.
 */
export const SIGNATURE_BYTES = 16_384;
/** Ten digits: wide enough for any offset of a report, replaced in place after saving. */
export const BYTE_RANGE_PLACEHOLDER = 9_999_999_999;

export interface ReportFonts {
  readonly regular: Uint8Array;
  readonly bold: Uint8Array;
}

export interface ReportInput {
  readonly summary: EvidenceSummary;
  /** Lower-case hex SHA-256 bound by the signature (manifest.json `contentSha256`). */
  readonly contentSha256: string;
  readonly generatedAt: Date;
  readonly generatedBy: string;
  /** Display name of the signer (the certificate's subject). */
  readonly signerName: string;
  /** Received opinions in the export (all of them, with history) and how many were rejected. */
  readonly opinionCount: number;
  /** Document titles by id (the summary carries ids, versions and hashes only). */
  readonly documentTitles: ReadonlyMap<string, string>;
  readonly fonts: ReportFonts;
}

const PAGE = { width: 595.28, height: 841.89 }; // A4, points
const MARGIN = 56;
const CHOICE: Record<OpinionChoice, string> = {
  agree: 'Đồng ý',
  disagree: 'Không đồng ý',
  other: 'Ý kiến khác',
};
const STATE = { verified: 'Đã ký, hợp lệ', rejected: 'Bị từ chối', not_answered: 'Chưa trả lời' };
const OUTCOME = { passed: 'THÔNG QUA', failed: 'KHÔNG THÔNG QUA', no_quorum: 'KHÔNG ĐỦ SỐ LƯỢNG' };

/** Hanoi time (UTC+7, no daylight saving), "HH:mm ngày DD/MM/YYYY". */
export function hanoiTime(iso: string | Date): string {
  const d = new Date(new Date(iso).getTime() + 7 * 3_600_000);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${p(d.getUTCHours())}:${p(d.getUTCMinutes())} ngày ${p(d.getUTCDate())}/${p(d.getUTCMonth() + 1)}/${d.getUTCFullYear()}`;
}

/** Flows lines of text over A4 pages. */
class Flow {
  private readonly doc: PDFDocument;
  private readonly fonts: { regular: PDFFont; bold: PDFFont };
  page!: PDFPage;
  private y = 0;

  constructor(doc: PDFDocument, fonts: { regular: PDFFont; bold: PDFFont }) {
    this.doc = doc;
    this.fonts = fonts;
    this.newPage();
  }

  private newPage(): void {
    this.page = this.doc.addPage([PAGE.width, PAGE.height]);
    this.y = PAGE.height - MARGIN;
  }

  private wrap(text: string, font: PDFFont, size: number, width: number): string[] {
    const lines: string[] = [];
    for (const paragraph of text.split('\n')) {
      let line = '';
      for (const word of paragraph.split(/\s+/u).filter((w) => w.length > 0)) {
        const next = line === '' ? word : `${line} ${word}`;
        if (font.widthOfTextAtSize(next, size) <= width || line === '') line = next;
        else {
          lines.push(line);
          line = word;
        }
      }
      lines.push(line);
    }
    return lines;
  }

  text(
    text: string,
    options: {
      bold?: boolean;
      size?: number;
      indent?: number;
      centre?: boolean;
      gap?: number;
    } = {},
  ): void {
    const font = options.bold ? this.fonts.bold : this.fonts.regular;
    const size = options.size ?? 11;
    const indent = options.indent ?? 0;
    const width = PAGE.width - 2 * MARGIN - indent;
    for (const line of this.wrap(text, font, size, width)) {
      if (this.y - size < MARGIN) this.newPage();
      this.y -= size * 1.3;
      const x = options.centre
        ? (PAGE.width - font.widthOfTextAtSize(line, size)) / 2
        : MARGIN + indent;
      this.page.drawText(line, { x, y: this.y, size, font, color: rgb(0, 0, 0) });
    }
    this.y -= options.gap ?? 2;
  }

  /** A row of cells at fixed x offsets (fractions of the text width), wrapped per cell. */
  row(cells: readonly string[], columns: readonly number[], bold = false): void {
    const font = bold ? this.fonts.bold : this.fonts.regular;
    const size = 10;
    const width = PAGE.width - 2 * MARGIN;
    const wrapped = cells.map((c, i) => {
      const from = columns[i]! * width;
      const to = (columns[i + 1] ?? 1) * width;
      return this.wrap(c, font, size, to - from - 6);
    });
    const height = Math.max(...wrapped.map((w) => w.length)) * size * 1.3;
    if (this.y - height < MARGIN) this.newPage();
    wrapped.forEach((lines, i) =>
      lines.forEach((line, j) =>
        this.page.drawText(line, {
          x: MARGIN + columns[i]! * width,
          y: this.y - (j + 1) * size * 1.3,
          size,
          font,
        }),
      ),
    );
    this.y -= height + 3;
  }
}

/** The unsigned report, with its signature placeholder (see the file comment). */
export async function buildReportPdf(input: ReportInput): Promise<Uint8Array> {
  const { summary } = input;
  const doc = await PDFDocument.create({ updateMetadata: false });
  doc.registerFontkit(fontkit);
  const [regular, bold] = await Promise.all([
    doc.embedFont(input.fonts.regular, { subset: true, customName: 'ECABEA+LiberationSerif' }),
    doc.embedFont(input.fonts.bold, { subset: true, customName: 'ECABEB+LiberationSerif-Bold' }),
  ]);
  const flow = new Flow(doc, { regular, bold });
  const r = summary.result;

  flow.text('BẢNG TỔNG HỢP Ý KIẾN THÀNH VIÊN CHÍNH PHỦ', { bold: true, size: 14, centre: true });
  flow.text('(kèm bộ chứng cứ phiếu lấy ý kiến có chữ ký số)', { size: 10, centre: true, gap: 12 });
  flow.text(`Nội dung xin ý kiến: ${summary.ballot.question}`, { bold: true });
  flow.text(`Mã phiếu: ${summary.ballot.id}`);
  flow.text(`Hạn trả lời: ${hanoiTime(summary.ballot.deadline)} (giờ Hà Nội)`);
  flow.text(`Quy chế biểu quyết: ${summary.ballot.ruleSetId}`);
  flow.text('Dự thảo xin ý kiến:', { gap: 0 });
  for (const d of summary.ballot.documents)
    flow.text(
      `• ${input.documentTitles.get(d.id) ?? d.id}, phiên bản ${d.version}, SHA-256 ${d.sha256}`,
      { indent: 12, size: 9 },
    );
  flow.text('');

  flow.text('I. KẾT QUẢ', { bold: true, gap: 4 });
  flow.text(`Tổng số thành viên được xin ý kiến: ${r.eligible}`, { indent: 12 });
  flow.text(`Đồng ý: ${r.agree}`, { indent: 12 });
  flow.text(`Không đồng ý: ${r.disagree}`, { indent: 12 });
  flow.text(`Ý kiến khác: ${r.other}`, { indent: 12 });
  flow.text(`Chưa trả lời (không tính là đồng ý): ${r.notAnswered}`, { indent: 12 });
  flow.text(`Trong đó phiếu bị từ chối khi xác thực: ${r.rejected}`, { indent: 12 });
  flow.text(
    `Kết quả theo quá nửa tổng số thành viên: ${OUTCOME[r.outcome]}${r.decidedByChair ? ' (theo ý kiến của Thủ tướng khi số phiếu ngang nhau)' : ''}`,
    { bold: true, indent: 12, gap: 12 },
  );

  flow.text('II. Ý KIẾN TỪNG THÀNH VIÊN', { bold: true, gap: 4 });
  const cols = [0, 0.3, 0.48, 0.64];
  flow.row(['Thành viên', 'Trạng thái', 'Ý kiến', 'Nhận lúc (máy chủ) / nội dung'], cols, true);
  for (const m of summary.members) {
    flow.row(
      [
        m.displayName,
        STATE[m.state],
        m.choice === null ? '' : CHOICE[m.choice],
        [m.receivedAt === null ? '' : hanoiTime(m.receivedAt), m.text].filter(Boolean).join('\n'),
      ],
      cols,
    );
  }
  flow.text('', { gap: 10 });

  flow.text('III. Ý KIẾN VỀ TỪNG ĐIỀU, KHOẢN', { bold: true, gap: 4 });
  if (summary.exceptionsByArticle.length === 0)
    flow.text('Không có ý kiến về điều, khoản.', { indent: 12 });
  for (const group of summary.exceptionsByArticle) {
    flow.text(group.article, { bold: true, indent: 12 });
    for (const e of group.entries)
      flow.text(`${e.displayName} (${CHOICE[e.choice]}): ${e.note}`, { indent: 24 });
  }
  flow.text('', { gap: 10 });

  flow.text('IV. CHỨNG CỨ ĐIỆN TỬ', { bold: true, gap: 4 });
  flow.text(
    `Bộ chứng cứ gồm ${input.opinionCount} phiếu đã nhận (kể cả phiếu bị từ chối và phiếu đã được thay thế), ` +
      'mỗi phiếu có nội dung đã ký (JSON chuẩn RFC 8785) và chữ ký CMS (.p7s), cùng chứng thư số và danh sách thu hồi đã dùng để xác thực.',
    { indent: 12 },
  );
  flow.text(`Mã băm nội dung bộ chứng cứ (SHA-256): ${input.contentSha256}`, {
    indent: 12,
    size: 9,
  });
  flow.text(
    `Lập lúc ${hanoiTime(input.generatedAt)} bởi ${input.generatedBy}; ký số: ${input.signerName}.`,
    {
      indent: 12,
    },
  );
  flow.text('Kiểm tra: npm run verify -- <thư mục hoặc tệp .zip của bộ chứng cứ>.', {
    indent: 12,
    size: 9,
  });

  doc.setTitle(`Bảng tổng hợp ý kiến — ${summary.ballot.question}`);
  doc.setAuthor(input.generatedBy);
  doc.setSubject(`Phiếu lấy ý kiến ${summary.ballot.id}`);
  doc.setLanguage('vi-VN');
  doc.setCreator('eCabinet');
  doc.setProducer('eCabinet evidence export (pdf-lib)');
  doc.setCreationDate(input.generatedAt);
  doc.setModificationDate(input.generatedAt);
  // setTitle() above created the Info dictionary; pdf-lib keeps getInfoDict() private.
  const info = doc.context.lookup(doc.context.trailerInfo.Info, PDFDict);
  info.set(PDFName.of(CONTENT_DIGEST_KEY), PDFString.of(input.contentSha256));

  // The signature: dictionary (placeholders), invisible widget on page 1, AcroForm.
  const placeholder = PDFNumber.of(BYTE_RANGE_PLACEHOLDER);
  const signature = doc.context.obj({
    Type: 'Sig',
    Filter: 'Adobe.PPKLite',
    SubFilter: 'ETSI.CAdES.detached',
    ByteRange: [PDFNumber.of(0), placeholder, placeholder, placeholder],
    Contents: PDFHexString.of('0'.repeat(SIGNATURE_BYTES * 2)),
    M: PDFString.fromDate(input.generatedAt),
    Name: PDFHexString.fromText(input.signerName),
    Reason: PDFHexString.fromText('Xác nhận bảng tổng hợp ý kiến và bộ chứng cứ'),
  });
  const signatureRef = doc.context.register(signature);
  const first = doc.getPage(0);
  const widgetRef = doc.context.register(
    doc.context.obj({
      Type: 'Annot',
      Subtype: 'Widget',
      FT: 'Sig',
      Rect: [0, 0, 0, 0],
      F: 132, // Print | Locked
      T: PDFHexString.fromText('Chữ ký Văn phòng Chính phủ'),
      V: signatureRef,
      P: first.ref,
    }),
  );
  first.node.addAnnot(widgetRef);
  doc.catalog.set(PDFName.of('AcroForm'), doc.context.obj({ Fields: [widgetRef], SigFlags: 3 }));
  return doc.save({ useObjectStreams: false });
}
