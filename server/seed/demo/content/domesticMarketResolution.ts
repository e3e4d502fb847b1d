import { AGENCIES } from '../agencies.ts';
import type { ItemContext, ItemSpec } from '../ItemSpec.ts';
import { draftPhrase, type RegulationSpec } from '../regulation.ts';
import { regulationDraftPaper } from '../regulationDraftPaper.ts';
import { submissionPaper } from '../submissionPaper.ts';

/** Meeting 1: the draft resolution on stimulating domestic consumption (Bộ Công Thương). */
export function domesticMarketResolution(ctx: ItemContext): ItemSpec {
  const agency = AGENCIES.bct;
  const reg: RegulationSpec = {
    agency,
    kind: 'resolution',
    subject:
      'về các giải pháp kích cầu tiêu dùng, phát triển thị trường trong nước giai đoạn cuối năm và dịp Tết Nguyên đán',
    year: ctx.year,
    bases: ['Căn cứ Luật Quản lý ngoại thương ngày 12 tháng 6 năm 2017;'],
    scope: '',
    subjects: [],
    chapters: [],
    generalArticles: [
      {
        title: 'Mục tiêu',
        body: [
          '1. Kích cầu tiêu dùng nội địa, phấn đấu tổng mức bán lẻ hàng hóa và doanh thu dịch vụ tiêu dùng cả năm tăng trên 9% so với năm trước.',
          '2. Bảo đảm cân đối cung cầu, bình ổn thị trường các mặt hàng thiết yếu, không để xảy ra tình trạng thiếu hàng, sốt giá trong dịp cuối năm và Tết Nguyên đán.',
          '3. Nâng cao tỷ trọng hàng Việt Nam trong hệ thống phân phối; phát triển thương mại điện tử gắn với bảo vệ quyền lợi người tiêu dùng.',
        ],
      },
      {
        title: 'Nhiệm vụ, giải pháp chủ yếu',
        body: [
          '1. Tổ chức các chương trình khuyến mại tập trung quốc gia, tuần lễ hàng Việt Nam, phiên chợ hàng Việt về nông thôn, khu công nghiệp và vùng đồng bào dân tộc thiểu số; cho phép mức giảm giá tối đa đối với hàng hóa, dịch vụ được khuyến mại lên đến 100% trong thời gian chương trình.',
          '2. Đẩy mạnh kết nối cung cầu giữa các vùng, miền; hỗ trợ tiêu thụ nông sản cho các địa phương bị ảnh hưởng bởi thiên tai; khuyến khích doanh nghiệp phân phối ký kết hợp đồng bao tiêu dài hạn với hợp tác xã, hộ sản xuất.',
          '3. Phát triển thương mại điện tử, thanh toán không dùng tiền mặt; hỗ trợ hộ kinh doanh, doanh nghiệp nhỏ đưa sản phẩm lên các sàn thương mại điện tử; tăng cường chống hàng giả, hàng kém chất lượng trên môi trường mạng.',
          '4. Kích cầu du lịch nội địa thông qua các chương trình kích cầu liên kết giữa hãng hàng không, doanh nghiệp lữ hành, cơ sở lưu trú; tổ chức các sự kiện văn hóa, thể thao, lễ hội cuối năm gắn với tiêu dùng.',
          '5. Bảo đảm nguồn cung xăng dầu, điện, lương thực, thực phẩm; thực hiện nghiêm công tác quản lý giá, kiểm tra, xử lý các hành vi đầu cơ, găm hàng, tăng giá bất hợp lý.',
          '6. Nghiên cứu, đề xuất tiếp tục giảm thuế giá trị gia tăng đối với một số nhóm hàng hóa, dịch vụ để kích thích tiêu dùng, báo cáo cấp có thẩm quyền theo quy định.',
        ],
      },
      {
        title: 'Giải pháp về tín dụng tiêu dùng và thanh toán',
        body: [
          '1. Các tổ chức tín dụng đơn giản hóa thủ tục, mở rộng cho vay tiêu dùng phục vụ đời sống, gắn với kiểm soát chặt chẽ rủi ro và ngăn chặn hoạt động tín dụng đen.',
          '2. Khuyến khích các tổ chức cung ứng dịch vụ thanh toán miễn, giảm phí giao dịch đối với thanh toán không dùng tiền mặt tại các điểm bán lẻ trong thời gian diễn ra chương trình khuyến mại tập trung.',
        ],
      },
      {
        title: 'Giải pháp về quản lý thị trường và bảo vệ người tiêu dùng',
        body: [
          '1. Lực lượng quản lý thị trường tăng cường kiểm tra, kiểm soát thị trường dịp cuối năm; xử lý nghiêm hành vi buôn lậu, gian lận thương mại, kinh doanh hàng giả, hàng không rõ nguồn gốc.',
          '2. Công khai danh sách tổ chức, cá nhân vi phạm quyền lợi người tiêu dùng; tiếp nhận, giải quyết kịp thời khiếu nại của người tiêu dùng qua tổng đài và ứng dụng trực tuyến.',
          '3. Các sàn thương mại điện tử có trách nhiệm kiểm soát thông tin người bán, gỡ bỏ sản phẩm vi phạm trong thời hạn 24 giờ kể từ khi nhận được yêu cầu của cơ quan có thẩm quyền.',
        ],
      },
      {
        title: 'Tổ chức thực hiện',
        body: [
          '1. Bộ Công Thương chủ trì, phối hợp với các bộ, cơ quan, địa phương triển khai Nghị quyết này; theo dõi sát diễn biến thị trường, định kỳ hằng tháng báo cáo Thủ tướng Chính phủ.',
          '2. Bộ Tài chính chủ trì nghiên cứu chính sách thuế nêu tại khoản 6 Điều 2; hướng dẫn việc bình ổn giá các mặt hàng thiết yếu.',
          '3. Bộ Văn hóa, Thể thao và Du lịch chủ trì các chương trình kích cầu du lịch nội địa; Ngân hàng Nhà nước Việt Nam chỉ đạo các tổ chức tín dụng đẩy mạnh cho vay tiêu dùng gắn với kiểm soát rủi ro.',
          '4. Ủy ban nhân dân các tỉnh, thành phố trực thuộc trung ương xây dựng kế hoạch dự trữ hàng hóa thiết yếu, tổ chức điểm bán hàng bình ổn giá tại địa bàn.',
        ],
      },
    ],
    effectiveFrom: ctx.meetingDay,
  };

  const submission = submissionPaper({
    reg,
    number: 7342,
    issued: ctx.before(8),
    mandate: `chỉ đạo của Thủ tướng Chính phủ về các giải pháp thúc đẩy tăng trưởng những tháng cuối năm ${ctx.year}`,
    necessity: {
      political: [
        'Các nghị quyết của Chính phủ về nhiệm vụ, giải pháp chủ yếu thực hiện kế hoạch phát triển kinh tế - xã hội và dự toán ngân sách nhà nước năm nay xác định kích cầu tiêu dùng, phát triển thị trường trong nước là một trong ba động lực tăng trưởng truyền thống cần được làm mới.',
      ],
      practical: [
        'Tổng mức bán lẻ hàng hóa và doanh thu dịch vụ tiêu dùng tuy tăng nhưng chưa đạt mức trước đại dịch; sức mua của người dân còn yếu do thu nhập phục hồi chậm, tâm lý thắt chặt chi tiêu. Thiên tai tại các tỉnh miền Trung làm gián đoạn chuỗi cung ứng một số mặt hàng nông sản, thực phẩm.',
        'Dịp cuối năm và Tết Nguyên đán là thời điểm tiêu dùng cao nhất trong năm; việc ban hành kịp thời một nghị quyết chuyên đề với các giải pháp đồng bộ sẽ góp phần thúc đẩy tổng cầu, hỗ trợ doanh nghiệp và bảo đảm đời sống Nhân dân.',
      ],
    },
    purposes: [
      'Kích thích tiêu dùng nội địa, góp phần hoàn thành mục tiêu tăng trưởng của năm.',
      'Bảo đảm cân đối cung cầu, bình ổn thị trường; hỗ trợ tiêu thụ nông sản cho các địa phương bị thiệt hại do thiên tai.',
    ],
    viewpoint:
      'các giải pháp phải có trọng tâm, trọng điểm, khả thi, có thể triển khai ngay trong thời gian ngắn và không làm gia tăng áp lực lạm phát.',
    process: {
      meetings: 3,
      comments: 58,
      surveyed: 'Hà Nội, Thành phố Hồ Chí Minh, Hải Phòng và Cần Thơ',
      studied: 'Thái Lan, Malaysia và Hàn Quốc',
      appraisalNumber: 252,
      appraisalDay: ctx.before(15),
    },
    highlights: [
      'Dự thảo Nghị quyết tập trung vào sáu nhóm giải pháp chủ yếu: khuyến mại tập trung; kết nối cung cầu và hỗ trợ tiêu thụ nông sản; thương mại điện tử và thanh toán không dùng tiền mặt; kích cầu du lịch nội địa; bảo đảm nguồn cung và bình ổn giá; nghiên cứu chính sách thuế (Điều 2). Bên cạnh đó, dự thảo bổ sung các giải pháp về tín dụng tiêu dùng, thanh toán (Điều 3) và quản lý thị trường, bảo vệ người tiêu dùng (Điều 4).',
      'Điểm mới quan trọng là cho phép mức giảm giá tối đa đến 100% trong các chương trình khuyến mại tập trung quốc gia, thay cho mức 50% theo quy định hiện hành, nhằm tạo sức hút cho các chương trình kích cầu.',
    ],
    openIssues: [
      {
        topic: 'Về mức giảm giá tối đa trong chương trình khuyến mại tập trung',
        paragraphs: [
          'Có ý kiến lo ngại mức giảm giá đến 100% có thể bị lợi dụng để bán phá giá, cạnh tranh không lành mạnh. Bộ Công Thương giải trình: mức này chỉ áp dụng trong thời gian các chương trình khuyến mại tập trung do cơ quan có thẩm quyền tổ chức và không áp dụng đối với hàng hóa thuộc diện quản lý giá; đề nghị Chính phủ cho phép giữ như dự thảo.',
        ],
      },
    ],
    attachments: [
      'Dự thảo Nghị quyết',
      'Báo cáo tổng hợp ý kiến các bộ, cơ quan, địa phương',
      'Báo cáo thẩm định của Bộ Tư pháp',
    ],
  });

  return {
    title: `Dự thảo Nghị quyết ${reg.subject}`,
    presenter: agency.name,
    durationMinutes: 25,
    summary:
      'Bộ Công Thương trình dự thảo Nghị quyết với sáu nhóm giải pháp kích cầu tiêu dùng cuối năm và dịp Tết; điểm mới là cho phép giảm giá đến 100% trong các chương trình khuyến mại tập trung quốc gia.',
    papers: [
      {
        kind: 'submission',
        title: `Tờ trình về ${draftPhrase(reg)}`,
        slug: 'to-trinh-nghi-quyet-kich-cau-tieu-dung',
        content: submission,
      },
      {
        kind: 'draft',
        title: `Dự thảo Nghị quyết ${reg.subject}`,
        slug: 'du-thao-nghi-quyet-kich-cau-tieu-dung',
        content: regulationDraftPaper(reg),
      },
    ],
  };
}
