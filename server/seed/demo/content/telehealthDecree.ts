import { AGENCIES } from '../agencies.ts';
import type { ItemContext, ItemSpec } from '../ItemSpec.ts';
import { draftPhrase, type RegulationSpec } from '../regulation.ts';
import { regulationDraftPaper } from '../regulationDraftPaper.ts';
import { submissionPaper } from '../submissionPaper.ts';

/** Meeting 2 (past): the draft decree on remote medical examination and treatment (Bộ Y tế). */
export function telehealthDecree(ctx: ItemContext): ItemSpec {
  const agency = AGENCIES.byt;
  const reg: RegulationSpec = {
    agency,
    kind: 'decree',
    subject: 'quy định về khám bệnh, chữa bệnh từ xa và hỗ trợ khám bệnh, chữa bệnh từ xa',
    year: ctx.year,
    bases: ['Căn cứ Luật Khám bệnh, chữa bệnh ngày 09 tháng 01 năm 2023;'],
    scope:
      'về điều kiện, phạm vi chuyên môn, quy trình khám bệnh, chữa bệnh từ xa, hỗ trợ khám bệnh, chữa bệnh từ xa và thanh toán chi phí.',
    subjects: [
      'cơ sở khám bệnh, chữa bệnh, người hành nghề, người bệnh và cơ quan, tổ chức, cá nhân có liên quan đến khám bệnh, chữa bệnh từ xa tại Việt Nam.',
    ],
    generalArticles: [
      {
        title: 'Giải thích từ ngữ',
        body: [
          'Trong Nghị định này, các từ ngữ dưới đây được hiểu như sau:',
          '1. Khám bệnh, chữa bệnh từ xa là việc người hành nghề thực hiện khám bệnh, chẩn đoán, chỉ định điều trị cho người bệnh thông qua thiết bị công nghệ thông tin, viễn thông mà không tiếp xúc trực tiếp.',
          '2. Hỗ trợ khám bệnh, chữa bệnh từ xa là việc người hành nghề của cơ sở khám bệnh, chữa bệnh này tư vấn, hội chẩn chuyên môn cho người hành nghề của cơ sở khám bệnh, chữa bệnh khác.',
        ],
      },
    ],
    chapters: [
      {
        title: 'Khám bệnh, chữa bệnh từ xa',
        summary: 'quy định điều kiện, danh mục bệnh và quy trình khám bệnh, chữa bệnh từ xa',
        articles: [
          {
            title: 'Điều kiện thực hiện',
            body: [
              '1. Cơ sở khám bệnh, chữa bệnh đã được cấp giấy phép hoạt động và đăng ký thực hiện khám bệnh, chữa bệnh từ xa với cơ quan cấp phép.',
              '2. Có hệ thống thông tin bảo đảm chất lượng hình ảnh, âm thanh, lưu trữ hồ sơ bệnh án điện tử và bảo mật dữ liệu sức khỏe của người bệnh.',
            ],
          },
          {
            title: 'Danh mục bệnh được khám, chữa bệnh từ xa',
            body: [
              '1. Bộ trưởng Bộ Y tế ban hành danh mục bệnh, tình trạng bệnh được khám bệnh, chữa bệnh từ xa, ưu tiên theo dõi, điều trị ngoại trú các bệnh mạn tính.',
              '2. Không thực hiện khám bệnh, chữa bệnh từ xa lần đầu đối với người bệnh có dấu hiệu cấp cứu hoặc trẻ em dưới 6 tuổi, trừ trường hợp có người hành nghề tại chỗ hỗ trợ.',
            ],
          },
          {
            title: 'Kê đơn thuốc từ xa',
            body: [
              '1. Người hành nghề được kê đơn thuốc điện tử sau khi khám bệnh từ xa, trừ thuốc gây nghiện, thuốc hướng thần và tiền chất dùng làm thuốc.',
              '2. Đơn thuốc điện tử được liên thông với hệ thống cơ sở bán lẻ thuốc theo quy định của Bộ Y tế.',
            ],
          },
        ],
      },
      {
        title: 'Hỗ trợ khám bệnh, chữa bệnh từ xa và thanh toán',
        summary: 'quy định hội chẩn từ xa giữa các tuyến và thanh toán chi phí',
        articles: [
          {
            title: 'Hội chẩn từ xa',
            body: [
              '1. Bệnh viện tuyến trung ương có trách nhiệm hỗ trợ chuyên môn từ xa cho bệnh viện tuyến dưới theo mạng lưới do Bộ Y tế phân công.',
              '2. Kết quả hội chẩn từ xa được ghi vào hồ sơ bệnh án điện tử và có giá trị như hội chẩn trực tiếp.',
            ],
          },
          {
            title: 'Thanh toán chi phí',
            body: [
              '1. Chi phí khám bệnh, chữa bệnh từ xa thuộc phạm vi được hưởng của người tham gia bảo hiểm y tế được quỹ bảo hiểm y tế thanh toán theo quy định.',
              '2. Giá dịch vụ khám bệnh, chữa bệnh từ xa không vượt quá giá dịch vụ khám bệnh trực tiếp cùng hạng bệnh viện.',
            ],
          },
        ],
      },
    ],
    effectiveFrom: ctx.monthStart(3),
  };

  const submission = submissionPaper({
    reg,
    number: 1562,
    issued: ctx.before(12),
    mandate: `Luật Khám bệnh, chữa bệnh năm 2023 và Chương trình công tác năm ${ctx.year} của Chính phủ`,
    necessity: {
      political: [
        'Luật Khám bệnh, chữa bệnh năm 2023 đã quy định về khám bệnh, chữa bệnh từ xa và giao Chính phủ quy định chi tiết; đây là cơ sở pháp lý quan trọng để phát triển y tế số, nâng cao khả năng tiếp cận dịch vụ y tế chất lượng cao của người dân.',
      ],
      practical: [
        'Nhiều bệnh viện đã triển khai tư vấn, khám bệnh từ xa trong thời gian qua và mang lại hiệu quả, nhất là đối với người dân vùng sâu, vùng xa và người bệnh mạn tính. Tuy nhiên, do chưa có quy định cụ thể về điều kiện, trách nhiệm chuyên môn và thanh toán bảo hiểm y tế nên hoạt động này chưa được triển khai rộng rãi, chất lượng không đồng đều.',
      ],
    },
    purposes: [
      'Tạo hành lang pháp lý đầy đủ cho khám bệnh, chữa bệnh từ xa, bảo đảm an toàn người bệnh.',
      'Giảm tải cho bệnh viện tuyến trên, tiết kiệm chi phí đi lại của người bệnh; phát triển y tế số.',
    ],
    viewpoint:
      'bảo đảm chất lượng chuyên môn và an toàn người bệnh là trên hết; dữ liệu sức khỏe được bảo vệ như dữ liệu cá nhân nhạy cảm.',
    process: {
      meetings: 4,
      comments: 189,
      surveyed: 'Hà Nội, Thành phố Hồ Chí Minh, Lào Cai và Đắk Lắk',
      studied: 'Hoa Kỳ, Nhật Bản và Thái Lan',
      appraisalNumber: 198,
      appraisalDay: ctx.before(22),
    },
    highlights: [
      'Dự thảo quy định điều kiện đối với cơ sở thực hiện khám bệnh, chữa bệnh từ xa, giao Bộ trưởng Bộ Y tế ban hành danh mục bệnh được khám từ xa và loại trừ các trường hợp cấp cứu (Điều 4 và Điều 5).',
      'Dự thảo cho phép kê đơn thuốc điện tử sau khám từ xa, trừ các thuốc phải kiểm soát đặc biệt, và quy định quỹ bảo hiểm y tế thanh toán chi phí khám bệnh từ xa (Điều 6 và Điều 8).',
    ],
    openIssues: [
      {
        topic: 'Về khám bệnh từ xa lần đầu',
        paragraphs: [
          'Có ý kiến đề nghị chỉ cho phép khám từ xa đối với người bệnh đã được khám trực tiếp ít nhất một lần tại cơ sở. Bộ Y tế cho rằng quy định này sẽ hạn chế lợi ích đối với người dân vùng sâu, vùng xa nên đề xuất giữ như dự thảo, chỉ loại trừ các trường hợp cấp cứu và trẻ em dưới 6 tuổi.',
        ],
      },
    ],
    attachments: [
      'Dự thảo Nghị định',
      'Báo cáo tổng hợp, giải trình, tiếp thu ý kiến',
      'Báo cáo thẩm định của Bộ Tư pháp',
    ],
    signedBy: 'deputy',
  });

  return {
    title: `Dự thảo Nghị định ${reg.subject}`,
    presenter: agency.name,
    durationMinutes: 30,
    summary:
      'Bộ Y tế trình dự thảo Nghị định: điều kiện khám, chữa bệnh từ xa, danh mục bệnh, kê đơn thuốc điện tử và thanh toán bảo hiểm y tế.',
    papers: [
      {
        kind: 'submission',
        title: `Tờ trình về ${draftPhrase(reg)}`,
        slug: 'to-trinh-nghi-dinh-kham-benh-tu-xa',
        content: submission,
      },
      {
        kind: 'draft',
        title: `Dự thảo Nghị định ${reg.subject}`,
        slug: 'du-thao-nghi-dinh-kham-benh-tu-xa',
        content: regulationDraftPaper(reg),
      },
    ],
  };
}
