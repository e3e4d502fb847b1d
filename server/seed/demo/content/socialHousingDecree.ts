import { AGENCIES } from '../agencies.ts';
import type { ItemContext, ItemSpec } from '../ItemSpec.ts';
import { draftPhrase, type RegulationSpec } from '../regulation.ts';
import { regulationDraftPaper } from '../regulationDraftPaper.ts';
import { submissionPaper } from '../submissionPaper.ts';

/** Meeting 2 (past): the draft decree on social housing (Bộ Xây dựng). */
export function socialHousingDecree(ctx: ItemContext): ItemSpec {
  const agency = AGENCIES.bxd;
  const reg: RegulationSpec = {
    agency,
    kind: 'decree',
    subject:
      'quy định cơ chế đặc thù thúc đẩy phát triển nhà ở xã hội cho người thu nhập thấp tại khu vực đô thị',
    year: ctx.year,
    bases: [
      'Căn cứ Luật Nhà ở ngày 27 tháng 11 năm 2023;',
      'Căn cứ Luật Đất đai ngày 18 tháng 01 năm 2024;',
    ],
    scope:
      'cơ chế đặc thù về quỹ đất, thủ tục đầu tư, ưu đãi và quản lý, sử dụng nhà ở xã hội cho người thu nhập thấp tại khu vực đô thị.',
    subjects: [
      '1. Người thu nhập thấp tại khu vực đô thị, công nhân, người lao động đang làm việc tại doanh nghiệp trong và ngoài khu công nghiệp.',
      '2. Chủ đầu tư dự án nhà ở xã hội; tổ chức tín dụng cho vay ưu đãi nhà ở xã hội.',
      '3. Cơ quan nhà nước và tổ chức, cá nhân khác có liên quan.',
    ],
    generalArticles: [
      {
        title: 'Nguyên tắc áp dụng',
        body: [
          '1. Nhà ở xã hội phải được bán, cho thuê mua, cho thuê đúng đối tượng, công khai, minh bạch; mỗi hộ gia đình, cá nhân chỉ được hưởng chính sách một lần.',
          '2. Trường hợp có sự khác nhau giữa Nghị định này và văn bản quy phạm pháp luật khác về cùng một vấn đề thì áp dụng quy định có lợi hơn cho người mua, thuê mua nhà ở xã hội.',
        ],
      },
    ],
    chapters: [
      {
        title: 'Quỹ đất và thủ tục đầu tư',
        summary: 'quy định về bố trí quỹ đất và rút gọn thủ tục đầu tư dự án nhà ở xã hội',
        articles: [
          {
            title: 'Bố trí quỹ đất phát triển nhà ở xã hội',
            body: [
              '1. Ủy ban nhân dân cấp tỉnh bố trí đủ quỹ đất độc lập để phát triển nhà ở xã hội theo quy hoạch, bảo đảm hạ tầng kỹ thuật, hạ tầng xã hội đồng bộ.',
              '2. Dự án nhà ở thương mại tại đô thị loại I trở lên phải dành 20% tổng diện tích đất ở đã đầu tư hạ tầng để xây dựng nhà ở xã hội hoặc bố trí quỹ đất tương đương tại vị trí khác.',
            ],
          },
          {
            title: 'Giao chủ đầu tư không qua đấu thầu',
            body: [
              '1. Ủy ban nhân dân cấp tỉnh được giao chủ đầu tư dự án nhà ở xã hội không qua đấu thầu đối với nhà đầu tư đáp ứng điều kiện năng lực tài chính và kinh nghiệm theo quy định.',
              '2. Thời gian giải quyết thủ tục giao chủ đầu tư không quá 30 ngày kể từ ngày nhận đủ hồ sơ hợp lệ.',
            ],
          },
          {
            title: 'Rút gọn thủ tục đầu tư xây dựng',
            body: [
              '1. Dự án nhà ở xã hội được miễn thủ tục thẩm định báo cáo nghiên cứu khả thi tại cơ quan chuyên môn về xây dựng khi áp dụng thiết kế mẫu do Bộ Xây dựng ban hành.',
              '2. Dự án được miễn giấy phép xây dựng khi đã có quy hoạch chi tiết tỷ lệ 1/500 được phê duyệt.',
            ],
          },
        ],
      },
      {
        title: 'Ưu đãi và tín dụng',
        summary:
          'quy định ưu đãi đối với chủ đầu tư và tín dụng ưu đãi đối với người mua, thuê mua',
        articles: [
          {
            title: 'Ưu đãi đối với chủ đầu tư',
            body: [
              '1. Miễn tiền sử dụng đất, tiền thuê đất đối với diện tích đất xây dựng nhà ở xã hội.',
              '2. Lợi nhuận định mức tối đa 13% tổng chi phí đầu tư xây dựng; được dành 20% tổng diện tích đất ở của dự án để đầu tư kinh doanh thương mại.',
            ],
          },
          {
            title: 'Tín dụng ưu đãi cho người mua, thuê mua',
            body: [
              '1. Người mua, thuê mua nhà ở xã hội được vay vốn tại Ngân hàng Chính sách xã hội hoặc tổ chức tín dụng do Nhà nước chỉ định với lãi suất ưu đãi, thời hạn vay tối đa 25 năm.',
              '2. Mức vay tối đa bằng 80% giá trị hợp đồng mua, thuê mua nhà ở.',
            ],
          },
        ],
      },
      {
        title: 'Quản lý, sử dụng nhà ở xã hội',
        summary: 'quy định xét duyệt đối tượng, giá bán và quản lý vận hành nhà ở xã hội',
        articles: [
          {
            title: 'Xét duyệt đối tượng',
            body: [
              '1. Việc xác nhận điều kiện thu nhập và thực trạng nhà ở được thực hiện trực tuyến thông qua Cơ sở dữ liệu quốc gia về dân cư và cơ sở dữ liệu về nhà ở, đất đai.',
              '2. Chủ đầu tư công khai danh sách người được mua, thuê mua trên Cổng thông tin điện tử của Ủy ban nhân dân cấp tỉnh trước khi ký hợp đồng.',
            ],
          },
          {
            title: 'Giá bán, giá thuê mua',
            body: [
              'Giá bán, giá thuê mua nhà ở xã hội do chủ đầu tư xây dựng trên cơ sở chi phí đầu tư và lợi nhuận định mức, được Ủy ban nhân dân cấp tỉnh kiểm tra trước khi công bố.',
            ],
          },
        ],
      },
    ],
    effectiveFrom: ctx.monthStart(2),
  };

  const submission = submissionPaper({
    reg,
    number: 128,
    issued: ctx.before(11),
    mandate: `Nghị quyết của Chính phủ về phiên họp chuyên đề xây dựng pháp luật và Đề án đầu tư xây dựng ít nhất một triệu căn hộ nhà ở xã hội cho đối tượng thu nhập thấp, công nhân khu công nghiệp`,
    necessity: {
      political: [
        'Đảng và Nhà nước xác định phát triển nhà ở xã hội là nhiệm vụ chính trị quan trọng, góp phần bảo đảm an sinh xã hội, thực hiện mục tiêu "an cư lạc nghiệp" cho người lao động. Luật Nhà ở năm 2023 đã dành một chương quy định về chính sách nhà ở xã hội, giao Chính phủ quy định chi tiết.',
      ],
      practical: [
        'Số lượng nhà ở xã hội hoàn thành còn thấp so với nhu cầu và mục tiêu đề ra; thủ tục đầu tư kéo dài, quỹ đất chưa được bố trí đầy đủ, lợi nhuận định mức chưa đủ hấp dẫn nhà đầu tư; nhiều người thu nhập thấp gặp khó khăn trong việc chứng minh điều kiện thu nhập và tiếp cận vốn vay ưu đãi.',
        'Việc ban hành cơ chế đặc thù là cần thiết để tháo gỡ các điểm nghẽn, huy động nguồn lực xã hội, tăng nhanh nguồn cung nhà ở xã hội phù hợp với khả năng chi trả của người dân.',
      ],
    },
    purposes: [
      'Tháo gỡ vướng mắc về quỹ đất, thủ tục đầu tư, ưu đãi để thu hút nhà đầu tư tham gia phát triển nhà ở xã hội.',
      'Bảo đảm nhà ở xã hội đến đúng đối tượng, công khai, minh bạch.',
    ],
    viewpoint:
      'đơn giản hóa tối đa thủ tục hành chính; ứng dụng dữ liệu dân cư để xác nhận điều kiện, không yêu cầu người dân nộp giấy tờ xác nhận thu nhập.',
    process: {
      meetings: 5,
      comments: 326,
      surveyed: 'Hà Nội, Thành phố Hồ Chí Minh, Bắc Ninh và Đồng Nai',
      studied: 'Singapore, Hàn Quốc và Trung Quốc',
      appraisalNumber: 205,
      appraisalDay: ctx.before(20),
    },
    highlights: [
      'Thứ nhất, cho phép giao chủ đầu tư dự án nhà ở xã hội không qua đấu thầu với thời hạn giải quyết không quá 30 ngày (Điều 5).',
      'Thứ hai, miễn thủ tục thẩm định báo cáo nghiên cứu khả thi và giấy phép xây dựng trong các trường hợp được quy định (Điều 6).',
      'Thứ ba, nâng lợi nhuận định mức tối đa lên 13% tổng chi phí đầu tư xây dựng (Điều 7).',
      'Thứ tư, xác nhận điều kiện thu nhập, nhà ở trực tuyến qua Cơ sở dữ liệu quốc gia về dân cư (Điều 9).',
    ],
    openIssues: [
      {
        topic: 'Về tỷ lệ quỹ đất 20% trong dự án nhà ở thương mại',
        paragraphs: [
          'Một số địa phương đề nghị cho phép nộp tiền tương đương giá trị quỹ đất thay cho việc dành 20% quỹ đất. Bộ Xây dựng đề nghị giữ như dự thảo để bảo đảm nguồn cung nhà ở xã hội gắn với đô thị hiện hữu, chỉ cho phép bố trí quỹ đất tương đương tại vị trí khác.',
        ],
      },
    ],
    attachments: [
      'Dự thảo Nghị định',
      'Báo cáo tổng hợp, giải trình, tiếp thu ý kiến',
      'Báo cáo thẩm định của Bộ Tư pháp',
    ],
  });

  return {
    title: `Dự thảo Nghị định ${reg.subject}`,
    presenter: agency.name,
    durationMinutes: 40,
    summary:
      'Bộ Xây dựng trình cơ chế đặc thù: giao chủ đầu tư không qua đấu thầu, miễn một số thủ tục, lợi nhuận định mức 13%, xác nhận điều kiện trực tuyến qua dữ liệu dân cư.',
    papers: [
      {
        kind: 'submission',
        title: `Tờ trình về ${draftPhrase(reg)}`,
        slug: 'to-trinh-nghi-dinh-nha-o-xa-hoi',
        content: submission,
      },
      {
        kind: 'draft',
        title: `Dự thảo Nghị định ${reg.subject}`,
        slug: 'du-thao-nghi-dinh-nha-o-xa-hoi',
        content: regulationDraftPaper(reg),
      },
    ],
  };
}
