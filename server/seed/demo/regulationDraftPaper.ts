import type { PaperContent } from '../DemoData.ts';
import {
  capitalize,
  instrumentWord,
  layoutChapters,
  type Article,
  type RegulationSpec,
} from './regulation.ts';

/** Blank number and date fields, as a draft shows them before it is signed. */
const BLANK = '         ';

/** Legislature (khóa) of the National Assembly sitting in `year`: XVI from 2026. */
function legislature(year: number): number {
  return year >= 2026 ? 16 : 15;
}

const STANDARD_BASES = [
  'Căn cứ Luật Tổ chức Chính phủ ngày 18 tháng 02 năm 2025;',
  'Căn cứ Luật Ban hành văn bản quy phạm pháp luật ngày 19 tháng 02 năm 2025;',
];

function articleParagraphs(n: number, article: Article): string[] {
  return [`Điều ${n}. ${article.title}`, ...article.body];
}

/**
 * The draft itself (dự thảo): the preamble, then chapters of numbered articles (decrees, laws) or
 * "QUYẾT NGHỊ:" and its articles (resolutions). Number, date and signer are left blank.
 */
export function regulationDraftPaper(spec: RegulationSpec): PaperContent {
  const word = instrumentWord(spec.kind);
  const proposal = spec.proposalLine ?? `Theo đề nghị của ${spec.agency.headTitle};`;
  if (spec.kind === 'law') {
    const chapters = layoutChapters(spec);
    return {
      issuer: 'QUỐC HỘI',
      number: `Luật số:${BLANK}/${spec.year}/QH${legislature(spec.year)}`,
      placeDate: '',
      kindHeading: 'LUẬT',
      title: spec.subject.toLocaleUpperCase('vi-VN'),
      sections: [
        {
          heading: '',
          paragraphs: [
            'Căn cứ Hiến pháp nước Cộng hòa xã hội chủ nghĩa Việt Nam;',
            `Quốc hội ban hành Luật ${spec.subject}.`,
          ],
        },
        ...chapters.map((c) => ({
          heading: `Chương ${c.roman}\n${c.title.toLocaleUpperCase('vi-VN')}`,
          paragraphs: c.articles.flatMap((a) => articleParagraphs(a.n, a.article)),
        })),
        {
          heading: '',
          paragraphs: [
            `Luật này được Quốc hội nước Cộng hòa xã hội chủ nghĩa Việt Nam khóa ${legislature(spec.year) === 16 ? 'XVI' : 'XV'}, Kỳ họp thứ … thông qua ngày … tháng … năm ${spec.year}.`,
          ],
        },
      ],
      signature: { role: 'CHỦ TỊCH QUỐC HỘI', name: '' },
    };
  }
  const head = {
    issuer: 'CHÍNH PHỦ',
    placeDate: `Hà Nội, ngày${BLANK}tháng${BLANK}năm ${spec.year}`,
    kindHeading: word.toLocaleUpperCase('vi-VN'),
    title: capitalize(spec.subject),
    signature: { role: 'TM. CHÍNH PHỦ\nTHỦ TƯỚNG', name: '' },
  };
  if (spec.kind === 'resolution') {
    const articles: Article[] = [
      ...spec.generalArticles,
      {
        title: 'Hiệu lực thi hành',
        body: [`${word} này có hiệu lực thi hành kể từ ngày ký ban hành.`],
      },
      {
        title: 'Trách nhiệm thi hành',
        body: [
          `Các Bộ trưởng, Thủ trưởng cơ quan ngang bộ, Thủ trưởng cơ quan thuộc Chính phủ, Chủ tịch Ủy ban nhân dân các tỉnh, thành phố trực thuộc trung ương chịu trách nhiệm thi hành ${word} này.`,
        ],
      },
    ];
    return {
      ...head,
      number: `Số:${BLANK}/NQ-CP`,
      sections: [
        { heading: 'CHÍNH PHỦ', paragraphs: [...STANDARD_BASES, ...spec.bases, proposal] },
        {
          heading: 'QUYẾT NGHỊ:',
          paragraphs: articles.flatMap((a, i) => articleParagraphs(i + 1, a)),
        },
      ],
    };
  }
  const chapters = layoutChapters(spec);
  return {
    ...head,
    number: `Số:${BLANK}/${spec.year}/NĐ-CP`,
    sections: [
      {
        heading: '',
        paragraphs: [
          ...STANDARD_BASES,
          ...spec.bases,
          proposal,
          `Chính phủ ban hành ${word} ${spec.subject}.`,
        ],
      },
      ...chapters.map((c) => ({
        heading: `Chương ${c.roman}\n${c.title.toLocaleUpperCase('vi-VN')}`,
        paragraphs: c.articles.flatMap((a) => articleParagraphs(a.n, a.article)),
      })),
    ],
  };
}
