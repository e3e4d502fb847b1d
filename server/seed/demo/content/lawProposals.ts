import { AGENCIES } from '../agencies.ts';
import type { ItemContext, ItemSpec } from '../ItemSpec.ts';
import type { RegulationSpec } from '../regulation.ts';
import { submissionPaper } from '../submissionPaper.ts';

/** A law proposal has no draft text yet: only the spec fields its submission reads. */
function proposalSpec(
  agency: RegulationSpec['agency'],
  subject: string,
  year: number,
): RegulationSpec {
  return {
    agency,
    kind: 'law',
    subject,
    year,
    bases: [],
    scope: '',
    subjects: [],
    generalArticles: [],
    chapters: [],
    effectiveFrom: { year: year + 2, month: 1, day: 1 },
  };
}

/** Meeting 3 (draft): the proposal for a revised Law on natural disaster prevention (Bộ NN&MT). */
export function disasterLawProposal(ctx: ItemContext): ItemSpec {
  const agency = AGENCIES.bnnmt;
  const reg = proposalSpec(agency, 'Phòng, chống thiên tai (sửa đổi)', ctx.year);
  const submission = submissionPaper({
    reg,
    number: 5391,
    issued: ctx.before(6),
    mandate: `Kế hoạch triển khai Chương trình xây dựng luật, pháp lệnh năm ${ctx.year + 1}`,
    necessity: {
      political: [
        'Luật Phòng, chống thiên tai đã được ban hành và sửa đổi, bổ sung, tạo cơ sở pháp lý quan trọng cho công tác phòng, chống thiên tai. Tuy nhiên, trước yêu cầu tổ chức chính quyền địa phương hai cấp và mô hình phòng thủ dân sự mới, nhiều quy định về tổ chức chỉ huy, phân cấp và huy động nguồn lực không còn phù hợp.',
      ],
      practical: [
        'Thiên tai ngày càng cực đoan, bất thường; các trận lũ quét, sạt lở đất gần đây gây thiệt hại rất lớn về người và tài sản. Thực tiễn cho thấy còn thiếu cơ chế huy động nhanh nguồn lực, thiếu quy định về di dời dân cư khỏi vùng nguy hiểm và về trách nhiệm của chủ công trình hồ đập trong vận hành xả lũ.',
      ],
    },
    purposes: [
      'Hoàn thiện thể chế về phòng, chống thiên tai phù hợp với mô hình chính quyền địa phương hai cấp và hệ thống phòng thủ dân sự.',
    ],
    viewpoint:
      'chuyển mạnh từ ứng phó sang chủ động phòng ngừa, lấy phòng ngừa là chính; phân cấp tối đa cho chính quyền cơ sở trong chỉ huy tại chỗ.',
    process: {
      meetings: 3,
      comments: 94,
      surveyed: 'Huế, Quảng Ngãi, Lào Cai và Cà Mau',
      studied: 'Nhật Bản, Philippines và Hà Lan',
      appraisalNumber: 261,
      appraisalDay: ctx.before(12),
    },
    highlights: ['Hồ sơ đề nghị xây dựng Luật đề xuất ba chính sách lớn như sau:'],
    policies: [
      {
        title:
          'Đổi mới tổ chức chỉ huy phòng, chống thiên tai theo mô hình chính quyền địa phương hai cấp',
        paragraphs: [
          'Quy định Chủ tịch Ủy ban nhân dân cấp xã là người chỉ huy tại chỗ, có quyền huy động lực lượng, phương tiện trên địa bàn trong tình huống khẩn cấp; cấp tỉnh bảo đảm nguồn lực và hỗ trợ kỹ thuật.',
        ],
      },
      {
        title: 'Chủ động di dời dân cư khỏi vùng có nguy cơ cao',
        paragraphs: [
          'Bổ sung quy định về bản đồ phân vùng rủi ro lũ quét, sạt lở đất; cơ chế hỗ trợ tái định cư và quyền cưỡng chế sơ tán trong trường hợp khẩn cấp để bảo vệ tính mạng người dân.',
        ],
      },
      {
        title: 'Đa dạng hóa nguồn lực cho phòng, chống thiên tai',
        paragraphs: [
          'Hoàn thiện cơ chế Quỹ phòng, chống thiên tai; khuyến khích bảo hiểm rủi ro thiên tai đối với nhà ở, sản xuất nông nghiệp; quy định trách nhiệm đóng góp của chủ công trình hạ tầng có ảnh hưởng đến thoát lũ.',
        ],
      },
    ],
    openIssues: [],
    attachments: [
      'Báo cáo tổng kết thi hành Luật',
      'Báo cáo đánh giá tác động của chính sách',
      'Đề cương dự thảo Luật',
    ],
  });
  return {
    title: 'Đề nghị xây dựng Luật Phòng, chống thiên tai (sửa đổi)',
    presenter: agency.name,
    durationMinutes: 40,
    summary:
      'Ba chính sách: chỉ huy tại chỗ theo mô hình chính quyền hai cấp, di dời dân cư khỏi vùng nguy cơ cao, đa dạng hóa nguồn lực (quỹ, bảo hiểm rủi ro thiên tai).',
    papers: [
      {
        kind: 'submission',
        title: 'Tờ trình đề nghị xây dựng Luật Phòng, chống thiên tai (sửa đổi)',
        slug: 'to-trinh-de-nghi-luat-phong-chong-thien-tai',
        content: submission,
      },
    ],
  };
}

/** Meeting 3 (draft): the proposal for a Law on lifelong learning (Bộ Giáo dục và Đào tạo). */
export function lifelongLearningLawProposal(ctx: ItemContext): ItemSpec {
  const agency = AGENCIES.bgddt;
  const reg = proposalSpec(agency, 'Học tập suốt đời', ctx.year);
  const submission = submissionPaper({
    reg,
    number: 1417,
    issued: ctx.before(7),
    mandate: `Kế hoạch triển khai Chương trình xây dựng luật, pháp lệnh năm ${ctx.year + 1}`,
    necessity: {
      political: [
        'Chủ trương xây dựng xã hội học tập, tạo cơ hội học tập suốt đời cho mọi người dân đã được khẳng định trong nhiều văn kiện của Đảng; tuy nhiên, các quy định hiện hành về giáo dục thường xuyên còn phân tán, chưa tạo được cơ chế công nhận kết quả học tập linh hoạt.',
      ],
      practical: [
        'Chuyển đổi số và tự động hóa làm thay đổi nhanh nhu cầu kỹ năng của thị trường lao động; người lao động cần được học tập, đào tạo lại liên tục. Các nền tảng học trực tuyến phát triển mạnh nhưng chưa có cơ chế bảo đảm chất lượng và công nhận tín chỉ.',
      ],
    },
    purposes: [
      'Tạo khung pháp lý thống nhất cho học tập suốt đời; công nhận, liên thông kết quả học tập giữa các hình thức học.',
    ],
    viewpoint:
      'người học là trung tâm; khuyến khích xã hội hóa, ứng dụng công nghệ số trong tổ chức học tập.',
    process: {
      meetings: 2,
      comments: 71,
      surveyed: 'Hà Nội, Thành phố Hồ Chí Minh, Nghệ An và Sơn La',
      studied: 'Singapore, Phần Lan và Hàn Quốc',
      appraisalNumber: 266,
      appraisalDay: ctx.before(11),
    },
    highlights: ['Hồ sơ đề nghị xây dựng Luật đề xuất ba chính sách như sau:'],
    policies: [
      {
        title: 'Công nhận và tích lũy kết quả học tập',
        paragraphs: [
          'Xây dựng khung trình độ và hệ thống tài khoản học tập cá nhân, cho phép tích lũy, chuyển đổi tín chỉ giữa giáo dục chính quy, giáo dục thường xuyên và học trực tuyến.',
        ],
      },
      {
        title: 'Bảo đảm chất lượng học tập trực tuyến',
        paragraphs: [
          'Quy định tiêu chuẩn đối với nền tảng học tập trực tuyến cấp chứng chỉ; cơ chế kiểm định và công khai thông tin chất lượng cho người học.',
          'Giải pháp lựa chọn là quy định khung về tiêu chuẩn và giao Chính phủ quy định chi tiết, bảo đảm linh hoạt trước sự thay đổi nhanh của công nghệ; không áp dụng cơ chế cấp phép trước đối với nền tảng không cấp chứng chỉ.',
        ],
      },
      {
        title: 'Huy động nguồn lực cho học tập suốt đời',
        paragraphs: [
          'Quy định trách nhiệm của người sử dụng lao động trong việc tạo điều kiện cho người lao động học tập, nâng cao trình độ; cho phép tính chi phí đào tạo người lao động vào chi phí được trừ khi xác định thu nhập chịu thuế.',
          'Khuyến khích thư viện, bảo tàng, nhà văn hóa, trung tâm học tập cộng đồng tổ chức các chương trình học tập cho người dân; Nhà nước hỗ trợ chi phí học tập cho người cao tuổi, người khuyết tật, người dân tộc thiểu số và người lao động mất việc làm.',
        ],
      },
    ],
    openIssues: [
      {
        topic: 'Về phạm vi điều chỉnh của Luật',
        paragraphs: [
          'Có ý kiến đề nghị chỉ sửa đổi, bổ sung Luật Giáo dục về giáo dục thường xuyên thay vì ban hành luật mới. Bộ Giáo dục và Đào tạo cho rằng học tập suốt đời có phạm vi rộng, liên quan đến nhiều ngành, lĩnh vực ngoài hệ thống giáo dục quốc dân nên cần một luật riêng; kính đề nghị Chính phủ cho ý kiến.',
        ],
      },
    ],
    attachments: ['Báo cáo đánh giá tác động của chính sách', 'Đề cương dự thảo Luật'],
  });
  return {
    title: 'Đề nghị xây dựng Luật Học tập suốt đời',
    presenter: agency.name,
    durationMinutes: 30,
    summary:
      'Ba chính sách: tài khoản học tập cá nhân và tích lũy tín chỉ; bảo đảm chất lượng học tập trực tuyến; huy động nguồn lực, trách nhiệm của người sử dụng lao động.',
    papers: [
      {
        kind: 'submission',
        title: 'Tờ trình đề nghị xây dựng Luật Học tập suốt đời',
        slug: 'to-trinh-de-nghi-luat-hoc-tap-suot-doi',
        content: submission,
      },
    ],
  };
}
