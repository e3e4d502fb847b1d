import type { PaperContent } from '../DemoData.ts';
import { deputySignature, headSignature } from './agencies.ts';
import { viDate, type CalendarDay } from './hanoiTime.ts';
import {
  draftPhrase,
  instrumentWord,
  layoutChapters,
  lowerFirst,
  type RegulationSpec,
} from './regulation.ts';

/** A contested point of the draft, with the views heard and the agency's proposal. */
export interface OpenIssue {
  /** Short topic, no final period: "Về thời hạn lưu trữ hồ sơ điện tử". */
  topic: string;
  paragraphs: string[];
}

/** A policy of a law proposal (đề nghị xây dựng luật), when no draft text exists yet. */
export interface Policy {
  title: string;
  paragraphs: string[];
}

export interface SubmissionSpec {
  reg: RegulationSpec;
  /** Number in "Số: 215/TTr-BKHCN". */
  number: number;
  issued: CalendarDay;
  /** What the work follows: "Chương trình công tác năm 2026 của Chính phủ". */
  mandate: string;
  necessity: { political: string[]; practical: string[] };
  purposes: string[];
  /** A viewpoint particular to this draft, after the two standard ones. */
  viewpoint: string;
  process: {
    /** Meetings of the drafting board and editorial team. */
    meetings: number;
    /** Comments received during consultation. */
    comments: number;
    /** "Hà Nội, Thành phố Hồ Chí Minh, Đà Nẵng và Cần Thơ". */
    surveyed: string;
    /** "Hàn Quốc, Singapore và Estonia". */
    studied: string;
    appraisalNumber: number;
    appraisalDay: CalendarDay;
  };
  /** Main contents (nội dung cơ bản), or, for a law proposal, the policies. */
  highlights: string[];
  policies?: Policy[];
  openIssues: OpenIssue[];
  attachments: string[];
  signedBy?: 'head' | 'deputy';
}

/** The submission (tờ trình) by which an agency presents a draft regulation to the Government. */
export function submissionPaper(spec: SubmissionSpec): PaperContent {
  const { reg } = spec;
  const a = reg.agency;
  const draft = draftPhrase(reg);
  const word = instrumentWord(reg.kind);
  const isProposal = spec.policies !== undefined;
  const subjectOf = isProposal ? `đề nghị xây dựng ${word} ${reg.subject}` : draft;
  const sections: PaperContent['sections'] = [
    {
      heading: '',
      paragraphs: [
        'Kính gửi: Chính phủ.',
        `Thực hiện ${spec.mandate}, ${a.name} đã chủ trì, phối hợp với các bộ, cơ quan ngang bộ và các cơ quan, tổ chức có liên quan xây dựng ${subjectOf}. ${a.name} kính trình Chính phủ ${subjectOf} như sau:`,
      ],
    },
    {
      heading: `I. SỰ CẦN THIẾT ${isProposal ? 'XÂY DỰNG' : 'BAN HÀNH'} ${word.toLocaleUpperCase('vi-VN')}`,
      paragraphs: [
        '1. Cơ sở chính trị, pháp lý',
        ...spec.necessity.political,
        '2. Cơ sở thực tiễn',
        ...spec.necessity.practical,
      ],
    },
    {
      heading: `II. MỤC ĐÍCH, QUAN ĐIỂM XÂY DỰNG ${word.toLocaleUpperCase('vi-VN')}`,
      paragraphs: [
        '1. Mục đích',
        ...spec.purposes,
        '2. Quan điểm',
        'Thứ nhất, thể chế hóa đầy đủ, kịp thời chủ trương, đường lối của Đảng, chính sách của Nhà nước; bảo đảm tính hợp hiến, hợp pháp, tính thống nhất, đồng bộ của hệ thống pháp luật và phù hợp với các điều ước quốc tế mà Việt Nam là thành viên.',
        'Thứ hai, kế thừa các quy định còn phù hợp, đã được thực tiễn kiểm nghiệm; sửa đổi, bổ sung những quy định bất cập, vướng mắc; tiếp thu có chọn lọc kinh nghiệm quốc tế phù hợp với điều kiện của Việt Nam.',
        `Thứ ba, ${spec.viewpoint}`,
      ],
    },
    {
      heading: `III. QUÁ TRÌNH XÂY DỰNG ${isProposal ? 'HỒ SƠ ĐỀ NGHỊ' : 'DỰ THẢO'}`,
      paragraphs: processParagraphs(spec, subjectOf),
    },
    isProposal ? policySection(spec) : outlineSection(spec),
  ];
  if (spec.openIssues.length > 0) {
    sections.push({
      heading: 'V. NHỮNG VẤN ĐỀ CÒN Ý KIẾN KHÁC NHAU',
      paragraphs: [
        `Trong quá trình xây dựng ${isProposal ? 'hồ sơ' : 'dự thảo'}, cơ bản các ý kiến thống nhất với nội dung ${isProposal ? 'đề nghị' : 'dự thảo'}. Tuy nhiên, còn một số vấn đề có ý kiến khác nhau, ${a.name} xin báo cáo Chính phủ như sau:`,
        ...spec.openIssues.flatMap((issue, i) => [`${i + 1}. ${issue.topic}`, ...issue.paragraphs]),
      ],
    });
  }
  sections.push({
    heading: '',
    paragraphs: [
      `Trên đây là Tờ trình về ${subjectOf}, ${a.name} kính trình Chính phủ xem xét, quyết định./.`,
      `(Xin gửi kèm theo: ${spec.attachments.map((x, i) => `(${i + 1}) ${x}`).join('; ')}.)`,
    ],
  });
  return {
    issuer: a.upper,
    number: `Số: ${spec.number}/TTr-${a.abbr}`,
    placeDate: `Hà Nội, ${viDate(spec.issued)}`,
    kindHeading: 'TỜ TRÌNH',
    title: `Về ${subjectOf}`,
    sections,
    signature: spec.signedBy === 'deputy' ? deputySignature(a) : headSignature(a),
  };
}

function processParagraphs(spec: SubmissionSpec, subjectOf: string): string[] {
  const a = spec.reg.agency;
  const p = spec.process;
  return [
    `Thực hiện quy định của Luật Ban hành văn bản quy phạm pháp luật, ${a.name} đã tiến hành các công việc sau:`,
    `1. Thành lập Ban soạn thảo, Tổ biên tập gồm đại diện các bộ, cơ quan ngang bộ, một số địa phương, hiệp hội và chuyên gia; tổ chức ${p.meetings} cuộc họp Ban soạn thảo, Tổ biên tập để thảo luận, hoàn thiện ${spec.policies ? 'hồ sơ' : 'dự thảo'}.`,
    `2. Tổng kết, đánh giá tình hình thi hành các quy định hiện hành; khảo sát thực tiễn tại ${p.surveyed}; nghiên cứu kinh nghiệm của ${p.studied} và các khuyến nghị của tổ chức quốc tế.`,
    `3. Đăng tải ${subjectOf} trên Cổng Thông tin điện tử Chính phủ và Cổng Thông tin điện tử của ${a.name} trong thời hạn 30 ngày; gửi lấy ý kiến các bộ, cơ quan ngang bộ, Ủy ban nhân dân các tỉnh, thành phố trực thuộc trung ương, Liên đoàn Thương mại và Công nghiệp Việt Nam và các đối tượng chịu sự tác động trực tiếp. ${a.name} đã nhận được ${p.comments} lượt ý kiến góp ý và đã tổng hợp, tiếp thu, giải trình đầy đủ tại Báo cáo tổng hợp gửi kèm Tờ trình này.`,
    `4. Bộ Tư pháp đã thẩm định tại Báo cáo thẩm định số ${p.appraisalNumber}/BCTĐ-BTP ${viDate(p.appraisalDay)}. ${a.name} đã nghiên cứu, tiếp thu ý kiến thẩm định, chỉnh lý ${spec.policies ? 'hồ sơ' : 'dự thảo'} và báo cáo cụ thể việc tiếp thu tại Báo cáo giải trình kèm theo.`,
  ];
}

function outlineSection(spec: SubmissionSpec): PaperContent['sections'][number] {
  const reg = spec.reg;
  const word = instrumentWord(reg.kind);
  const upper = word.toLocaleUpperCase('vi-VN');
  const outline: string[] = [];
  if (reg.kind === 'resolution') {
    outline.push(
      `Dự thảo ${word} gồm ${reg.generalArticles.length + 2} điều, trong đó: ${reg.generalArticles.map((x, i) => `Điều ${i + 1} ${lowerFirst(x.title)}`).join('; ')}; hai điều cuối quy định về hiệu lực và trách nhiệm thi hành.`,
    );
  } else {
    const chapters = layoutChapters(reg);
    const articleCount = chapters.reduce((n, c) => n + c.articles.length, 0);
    outline.push(
      `Dự thảo ${word} gồm ${chapters.length} chương, ${articleCount} điều, cụ thể như sau:`,
    );
    for (const c of chapters) {
      const first = c.articles[0]?.n ?? 0;
      const last = c.articles[c.articles.length - 1]?.n ?? 0;
      const range = first === last ? `Điều ${first}` : `từ Điều ${first} đến Điều ${last}`;
      outline.push(`- Chương ${c.roman}. ${c.title} (${range}): ${c.summary};`);
    }
  }
  return {
    heading: `IV. BỐ CỤC VÀ NỘI DUNG CƠ BẢN CỦA DỰ THẢO ${upper}`,
    paragraphs: ['1. Bố cục', ...outline, '2. Nội dung cơ bản', ...spec.highlights],
  };
}

function policySection(spec: SubmissionSpec): PaperContent['sections'][number] {
  const policies = spec.policies ?? [];
  return {
    heading: 'IV. MỤC TIÊU, NỘI DUNG CỦA CÁC CHÍNH SÁCH',
    paragraphs: [
      ...spec.highlights,
      ...policies.flatMap((p, i) => [`${i + 1}. Chính sách ${i + 1}: ${p.title}`, ...p.paragraphs]),
    ],
  };
}
