import type { PaperContent } from '../DemoData.ts';
import { deputySignature, headSignature, type Agency } from './agencies.ts';
import { viDate, type CalendarDay } from './hanoiTime.ts';

export interface ReportSpec {
  agency: Agency;
  /** Number in "Số: 812/BC-BTC". */
  number: number;
  issued: CalendarDay;
  /** Title after the heading "BÁO CÁO", e.g. "Tình hình giải ngân vốn đầu tư công …". */
  title: string;
  /** Opening paragraphs before the first numbered section. */
  intro: string[];
  /** Numbered sections; headings carry their own numbering ("I. …", "1. …"). */
  sections: { heading: string; paragraphs: string[] }[];
  /** What the report asks of the Government, in the closing sentence ("xem xét, cho ý kiến"). */
  closingAsk: string;
  signedBy?: 'head' | 'deputy';
}

/** A report (báo cáo) of an agency to the Government. */
export function reportPaper(spec: ReportSpec): PaperContent {
  const a = spec.agency;
  return {
    issuer: a.upper,
    number: `Số: ${spec.number}/BC-${a.abbr}`,
    placeDate: `Hà Nội, ${viDate(spec.issued)}`,
    kindHeading: 'BÁO CÁO',
    title: spec.title,
    sections: [
      { heading: '', paragraphs: ['Kính gửi: Chính phủ.', ...spec.intro] },
      ...spec.sections,
      {
        heading: '',
        paragraphs: [
          `Trên đây là báo cáo của ${a.name}, kính trình Chính phủ ${spec.closingAsk}./.`,
        ],
      },
    ],
    signature: spec.signedBy === 'deputy' ? deputySignature(a) : headSignature(a),
  };
}
