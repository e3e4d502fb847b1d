import type { Agency } from './agencies.ts';
import { viDate, type CalendarDay } from './hanoiTime.ts';

/** One article (Điều) of a draft: its title and its clauses ("1. …", "a) …") as paragraphs. */
export interface Article {
  title: string;
  body: string[];
}

/** One chapter (Chương) of a draft; `title` in sentence case ("Quy định chung"). */
export interface Chapter {
  title: string;
  /** One clause-long description used by the submission's outline ("quy định về …"). */
  summary: string;
  articles: Article[];
}

export type InstrumentKind = 'decree' | 'resolution' | 'law';

/** What a draft regulation says; the submission and the draft are both built from it. */
export interface RegulationSpec {
  agency: Agency;
  kind: InstrumentKind;
  /**
   * The name after the instrument word: a decree's "quy định về …", a resolution's "về …", a
   * law's "Phát triển thị trường dữ liệu".
   */
  subject: string;
  /** The year in the number line ("Số: /2026/NĐ-CP"). */
  year: number;
  /** Extra legal bases after the standard ones, each "Căn cứ …;" (decrees and resolutions). */
  bases: string[];
  /** Decrees and laws: the sentence of Điều 1 after "<Instrument> này quy định ". */
  scope: string;
  /** Decrees and laws: the clauses of Điều 2 (who it applies to). */
  subjects: string[];
  /** Decrees and laws: articles of Chương I after Điều 1 and 2. Resolutions: all articles. */
  generalArticles: Article[];
  /** Decrees and laws: the chapters between Chương I and the final chapter. */
  chapters: Chapter[];
  /** An optional transitional article before the final ones. */
  transitional?: Article;
  effectiveFrom: CalendarDay;
  /** Optional second clause of the effect article, e.g. what it replaces. */
  repeals?: string;
  /** Replaces the "Theo đề nghị của …;" preamble line (decrees and resolutions). */
  proposalLine?: string;
}

const INSTRUMENT_WORD: Record<InstrumentKind, string> = {
  decree: 'Nghị định',
  resolution: 'Nghị quyết',
  law: 'Luật',
};

/** "Nghị định", "Nghị quyết", "Luật". */
export function instrumentWord(kind: InstrumentKind): string {
  return INSTRUMENT_WORD[kind];
}

/** "Nghị định quy định về …", "Luật Phát triển thị trường dữ liệu". */
export function fullName(spec: Pick<RegulationSpec, 'kind' | 'subject'>): string {
  return `${instrumentWord(spec.kind)} ${spec.subject}`;
}

/** "dự thảo Nghị định …" or, for a law, "dự án Luật …". */
export function draftPhrase(spec: Pick<RegulationSpec, 'kind' | 'subject'>): string {
  return `${spec.kind === 'law' ? 'dự án' : 'dự thảo'} ${fullName(spec)}`;
}

export function capitalize(text: string): string {
  return text.charAt(0).toLocaleUpperCase('vi-VN') + text.slice(1);
}

export function toRoman(n: number): string {
  const table: [number, string][] = [
    [10, 'X'],
    [9, 'IX'],
    [5, 'V'],
    [4, 'IV'],
    [1, 'I'],
  ];
  let out = '';
  let rest = n;
  for (const [value, glyph] of table) {
    while (rest >= value) {
      out += glyph;
      rest -= value;
    }
  }
  return out;
}

/** A chapter with the article numbers it will carry in the draft (1-based, inclusive). */
export interface NumberedChapter {
  roman: string;
  title: string;
  summary: string;
  articles: { n: number; article: Article }[];
}

/**
 * The full chapter layout of a decree or law: Chương I (scope, subjects, general articles), the
 * spec's chapters, and the final chapter (transitional, effect, responsibility). Article numbers
 * run on across chapters, starting at 1.
 */
export function layoutChapters(spec: RegulationSpec): NumberedChapter[] {
  const self = `${instrumentWord(spec.kind)} này`;
  const general: Chapter = {
    title: 'Quy định chung',
    summary: 'quy định về phạm vi điều chỉnh, đối tượng áp dụng và các nguyên tắc chung',
    articles: [
      { title: 'Phạm vi điều chỉnh', body: [`${self} quy định ${spec.scope}`] },
      {
        title: 'Đối tượng áp dụng',
        body:
          spec.subjects.length === 1
            ? [`${self} áp dụng đối với ${spec.subjects[0] ?? ''}`]
            : [`${self} áp dụng đối với:`, ...spec.subjects],
      },
      ...spec.generalArticles,
    ],
  };
  const effect: Article = {
    title: 'Hiệu lực thi hành',
    body: [
      `1. ${self} có hiệu lực thi hành từ ${viDate(spec.effectiveFrom)}.`,
      ...(spec.repeals ? [`2. ${spec.repeals}`] : []),
    ],
  };
  const finalArticles: Article[] = [...(spec.transitional ? [spec.transitional] : []), effect];
  if (spec.kind === 'decree') {
    finalArticles.push({
      title: 'Trách nhiệm thi hành',
      body: [
        `Các Bộ trưởng, Thủ trưởng cơ quan ngang bộ, Thủ trưởng cơ quan thuộc Chính phủ, Chủ tịch Ủy ban nhân dân các tỉnh, thành phố trực thuộc trung ương và các cơ quan, tổ chức, cá nhân có liên quan chịu trách nhiệm thi hành ${self}.`,
      ],
    });
  }
  const final: Chapter = {
    title: 'Điều khoản thi hành',
    summary: 'quy định về hiệu lực thi hành, điều khoản chuyển tiếp và trách nhiệm thi hành',
    articles: finalArticles,
  };
  let next = 1;
  return [general, ...spec.chapters, final].map((chapter, i) => ({
    roman: toRoman(i + 1),
    title: chapter.title,
    summary: chapter.summary,
    articles: chapter.articles.map((article) => ({ n: next++, article })),
  }));
}

export function lowerFirst(text: string): string {
  return text.charAt(0).toLocaleLowerCase('vi-VN') + text.slice(1);
}
