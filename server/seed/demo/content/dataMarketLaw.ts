import { AGENCIES } from '../agencies.ts';
import type { ItemContext, ItemSpec } from '../ItemSpec.ts';
import { draftPhrase, type RegulationSpec } from '../regulation.ts';
import { regulationDraftPaper } from '../regulationDraftPaper.ts';
import { submissionPaper } from '../submissionPaper.ts';

/** Meeting 1: the draft Law on developing the data market (Bộ Công an). A fictional law. */
export function dataMarketLaw(ctx: ItemContext): ItemSpec {
  const agency = AGENCIES.bca;
  const reg: RegulationSpec = {
    agency,
    kind: 'law',
    subject: 'Phát triển thị trường dữ liệu',
    year: ctx.year,
    bases: [],
    scope:
      'về sản phẩm, dịch vụ dữ liệu, giao dịch dữ liệu, sàn dữ liệu, tổ chức trung gian dữ liệu; bảo vệ quyền và lợi ích hợp pháp của các bên tham gia thị trường dữ liệu và quản lý nhà nước về thị trường dữ liệu.',
    subjects: [
      '1. Cơ quan, tổ chức, cá nhân Việt Nam.',
      '2. Cơ quan, tổ chức, cá nhân nước ngoài trực tiếp tham gia hoặc có liên quan đến hoạt động của thị trường dữ liệu tại Việt Nam.',
    ],
    generalArticles: [
      {
        title: 'Giải thích từ ngữ',
        body: [
          'Trong Luật này, các từ ngữ dưới đây được hiểu như sau:',
          '1. Thị trường dữ liệu là nơi diễn ra hoạt động mua, bán, trao đổi, cho thuê sản phẩm, dịch vụ dữ liệu giữa các bên theo quy định của pháp luật.',
          '2. Sản phẩm dữ liệu là dữ liệu đã được thu thập, làm sạch, xử lý, phân tích, tổng hợp để tạo ra giá trị sử dụng và có thể giao dịch.',
          '3. Sàn dữ liệu là hệ thống thông tin do tổ chức đủ điều kiện thành lập, vận hành để cung cấp môi trường cho hoạt động giao dịch sản phẩm, dịch vụ dữ liệu.',
          '4. Tổ chức trung gian dữ liệu là tổ chức cung cấp dịch vụ kết nối, môi giới, đánh giá chất lượng, định giá hoặc xác thực dữ liệu cho các bên tham gia giao dịch.',
        ],
      },
      {
        title: 'Nguyên tắc phát triển thị trường dữ liệu',
        body: [
          '1. Bảo đảm quốc phòng, an ninh quốc gia, trật tự, an toàn xã hội, đạo đức xã hội và quyền, lợi ích hợp pháp của cơ quan, tổ chức, cá nhân.',
          '2. Công khai, minh bạch, cạnh tranh lành mạnh; tôn trọng quyền tự do thỏa thuận của các bên trong giao dịch dữ liệu.',
          '3. Dữ liệu cá nhân chỉ được giao dịch khi có sự đồng ý của chủ thể dữ liệu, trừ trường hợp luật có quy định khác.',
          '4. Khuyến khích khai thác, sử dụng dữ liệu mở; phát huy giá trị của dữ liệu phục vụ phát triển kinh tế - xã hội.',
        ],
      },
      {
        title: 'Chính sách của Nhà nước về phát triển thị trường dữ liệu',
        body: [
          '1. Ưu đãi về thuế, tín dụng, đất đai đối với tổ chức vận hành sàn dữ liệu và doanh nghiệp khởi nghiệp sáng tạo trong lĩnh vực dữ liệu theo quy định của pháp luật.',
          '2. Đầu tư xây dựng hạ tầng dữ liệu quốc gia, trung tâm dữ liệu quốc gia; hỗ trợ đào tạo nguồn nhân lực chất lượng cao về dữ liệu.',
          '3. Thí điểm có kiểm soát các mô hình kinh doanh mới dựa trên dữ liệu.',
        ],
      },
      {
        title: 'Các hành vi bị nghiêm cấm',
        body: [
          '1. Giao dịch dữ liệu gây phương hại đến quốc phòng, an ninh quốc gia, lợi ích của Nhà nước, lợi ích công cộng.',
          '2. Thu thập, mua bán, chuyển giao dữ liệu cá nhân trái phép.',
          '3. Cung cấp thông tin gian dối về nguồn gốc, chất lượng sản phẩm dữ liệu; lợi dụng sàn dữ liệu để thực hiện hành vi vi phạm pháp luật.',
        ],
      },
    ],
    chapters: [
      {
        title: 'Sản phẩm, dịch vụ dữ liệu và giao dịch dữ liệu',
        summary:
          'quy định về sản phẩm dữ liệu được phép giao dịch, điều kiện giao dịch, hợp đồng và định giá dữ liệu',
        articles: [
          {
            title: 'Sản phẩm dữ liệu được phép giao dịch',
            body: [
              '1. Sản phẩm dữ liệu được phép giao dịch là sản phẩm dữ liệu có nguồn gốc hợp pháp, không thuộc danh mục dữ liệu cốt lõi và không thuộc trường hợp bị cấm theo quy định của Luật này.',
              '2. Dữ liệu quan trọng chỉ được giao dịch sau khi có ý kiến thẩm định của cơ quan có thẩm quyền theo quy định của Chính phủ.',
            ],
          },
          {
            title: 'Điều kiện giao dịch dữ liệu',
            body: [
              'Các bên tham gia giao dịch dữ liệu phải đáp ứng các điều kiện sau đây:',
              'a) Có quyền hợp pháp đối với sản phẩm dữ liệu đưa ra giao dịch;',
              'b) Mô tả trung thực về nguồn gốc, phạm vi, chất lượng và mục đích sử dụng của dữ liệu;',
              'c) Áp dụng biện pháp bảo đảm an ninh, an toàn dữ liệu phù hợp với mức độ quan trọng của dữ liệu.',
            ],
          },
          {
            title: 'Hợp đồng giao dịch dữ liệu',
            body: [
              '1. Hợp đồng giao dịch dữ liệu được giao kết bằng văn bản hoặc thông điệp dữ liệu theo quy định của pháp luật về giao dịch điện tử.',
              '2. Hợp đồng phải có các nội dung chủ yếu về đối tượng, phạm vi, thời hạn sử dụng, giá, phương thức thanh toán và trách nhiệm bảo đảm an ninh dữ liệu của các bên.',
            ],
          },
          {
            title: 'Định giá dữ liệu',
            body: [
              '1. Giá sản phẩm, dịch vụ dữ liệu do các bên thỏa thuận, trừ trường hợp dữ liệu của cơ quan nhà nước.',
              '2. Chính phủ quy định phương pháp định giá, cơ chế thu và sử dụng nguồn thu từ khai thác dữ liệu của cơ quan nhà nước.',
            ],
          },
        ],
      },
      {
        title: 'Sàn dữ liệu và tổ chức trung gian dữ liệu',
        summary:
          'quy định về điều kiện thành lập, hoạt động của sàn dữ liệu và tổ chức trung gian dữ liệu',
        articles: [
          {
            title: 'Sàn dữ liệu',
            body: [
              '1. Sàn dữ liệu được thành lập để tổ chức giao dịch sản phẩm, dịch vụ dữ liệu công khai, minh bạch, có kiểm soát.',
              '2. Giao dịch dữ liệu quan trọng phải được thực hiện qua sàn dữ liệu.',
            ],
          },
          {
            title: 'Điều kiện thành lập sàn dữ liệu',
            body: [
              '1. Là doanh nghiệp được thành lập theo pháp luật Việt Nam, có vốn điều lệ tối thiểu theo quy định của Chính phủ.',
              '2. Có hệ thống thông tin đáp ứng tiêu chuẩn an ninh mạng cấp độ 3 trở lên và đặt máy chủ tại Việt Nam.',
              '3. Có quy chế giao dịch, quy chế bảo vệ dữ liệu cá nhân và phương án xử lý sự cố được cơ quan có thẩm quyền phê duyệt.',
            ],
          },
          {
            title: 'Quyền và nghĩa vụ của tổ chức vận hành sàn dữ liệu',
            body: [
              '1. Được thu phí dịch vụ giao dịch theo thỏa thuận; được từ chối giao dịch không đáp ứng điều kiện theo quy định.',
              '2. Lưu trữ nhật ký giao dịch tối thiểu 05 năm; cung cấp thông tin cho cơ quan có thẩm quyền theo yêu cầu.',
              '3. Báo cáo cơ quan quản lý nhà nước về tình hình hoạt động của sàn định kỳ hằng quý.',
            ],
          },
          {
            title: 'Tổ chức trung gian dữ liệu',
            body: [
              '1. Tổ chức trung gian dữ liệu phải độc lập với các bên tham gia giao dịch mà mình cung cấp dịch vụ.',
              '2. Tổ chức trung gian dữ liệu không được sử dụng dữ liệu của khách hàng cho mục đích khác ngoài phạm vi dịch vụ đã thỏa thuận.',
            ],
          },
        ],
      },
      {
        title: 'Bảo vệ quyền lợi các bên và an ninh dữ liệu',
        summary:
          'quy định về bảo vệ dữ liệu cá nhân, dữ liệu quan trọng, chuyển dữ liệu xuyên biên giới và giải quyết tranh chấp',
        articles: [
          {
            title: 'Bảo vệ dữ liệu cá nhân trong giao dịch dữ liệu',
            body: [
              '1. Dữ liệu cá nhân đưa ra giao dịch phải được khử định danh, trừ trường hợp chủ thể dữ liệu đồng ý khác.',
              '2. Chủ thể dữ liệu có quyền rút lại sự đồng ý; bên nhận dữ liệu có trách nhiệm xóa dữ liệu trong thời hạn 72 giờ kể từ khi nhận được yêu cầu.',
            ],
          },
          {
            title: 'Chuyển dữ liệu xuyên biên giới',
            body: [
              '1. Việc chuyển dữ liệu quan trọng ra nước ngoài phải được đánh giá tác động và được cơ quan có thẩm quyền chấp thuận.',
              '2. Dữ liệu cốt lõi không được chuyển ra nước ngoài, trừ trường hợp phục vụ hợp tác quốc tế theo quyết định của Thủ tướng Chính phủ.',
            ],
          },
          {
            title: 'Giải quyết tranh chấp',
            body: [
              'Tranh chấp phát sinh trong giao dịch dữ liệu được giải quyết thông qua thương lượng, hòa giải, trọng tài hoặc Tòa án theo quy định của pháp luật.',
            ],
          },
        ],
      },
      {
        title: 'Quản lý nhà nước về thị trường dữ liệu',
        summary: 'quy định nội dung quản lý nhà nước và trách nhiệm của các bộ, ngành, địa phương',
        articles: [
          {
            title: 'Trách nhiệm quản lý nhà nước',
            body: [
              '1. Chính phủ thống nhất quản lý nhà nước về thị trường dữ liệu.',
              '2. Bộ Công an chịu trách nhiệm trước Chính phủ thực hiện quản lý nhà nước về thị trường dữ liệu; cấp, thu hồi giấy phép thành lập sàn dữ liệu.',
              '3. Bộ Khoa học và Công nghệ, Bộ Tài chính và các bộ, cơ quan ngang bộ trong phạm vi nhiệm vụ, quyền hạn của mình phối hợp thực hiện quản lý nhà nước về thị trường dữ liệu.',
              '4. Ủy ban nhân dân cấp tỉnh thực hiện quản lý nhà nước về thị trường dữ liệu tại địa phương.',
            ],
          },
        ],
      },
    ],
    transitional: {
      title: 'Quy định chuyển tiếp',
      body: [
        'Tổ chức đang cung cấp dịch vụ giao dịch dữ liệu trước ngày Luật này có hiệu lực thi hành phải đáp ứng điều kiện theo quy định của Luật này trong thời hạn 12 tháng kể từ ngày Luật này có hiệu lực thi hành.',
      ],
    },
    effectiveFrom: { year: ctx.year + 1, month: 7, day: 1 },
  };

  const submission = submissionPaper({
    reg,
    number: 96,
    issued: ctx.before(10),
    mandate: `Chương trình xây dựng luật, pháp lệnh năm ${ctx.year} và chỉ đạo của Chính phủ tại phiên họp chuyên đề về xây dựng pháp luật`,
    necessity: {
      political: [
        'Chủ trương của Đảng xác định dữ liệu là tư liệu sản xuất chính, yêu cầu hình thành và phát triển thị trường dữ liệu, sàn dữ liệu, thúc đẩy kinh tế dữ liệu trở thành động lực tăng trưởng mới.',
        'Luật Dữ liệu năm 2024 đã có quy định khung về sản phẩm, dịch vụ dữ liệu và sàn dữ liệu, nhưng chưa quy định đầy đủ về điều kiện giao dịch, định giá, tổ chức trung gian và cơ chế bảo vệ quyền lợi các bên. Việc xây dựng một luật riêng về thị trường dữ liệu là cần thiết để tạo hành lang pháp lý đầy đủ.',
      ],
      practical: [
        'Nhu cầu giao dịch dữ liệu trong các lĩnh vực tài chính, ngân hàng, bảo hiểm, y tế, giao thông, thương mại điện tử tăng nhanh; nhiều doanh nghiệp đã hình thành dịch vụ dữ liệu nhưng hoạt động trong vùng xám pháp lý, tiềm ẩn rủi ro lộ lọt, mua bán trái phép dữ liệu cá nhân.',
        'Kinh nghiệm quốc tế cho thấy các nước phát triển thị trường dữ liệu thành công đều có khung pháp lý riêng, cơ chế sàn giao dịch có kiểm soát và tổ chức trung gian độc lập, qua đó vừa thúc đẩy khai thác giá trị dữ liệu, vừa bảo vệ an ninh quốc gia và quyền riêng tư.',
      ],
    },
    purposes: [
      'Hình thành thị trường dữ liệu minh bạch, an toàn, có kiểm soát; khơi thông nguồn lực dữ liệu phục vụ phát triển kinh tế số.',
      'Bảo vệ quyền và lợi ích hợp pháp của chủ thể dữ liệu, doanh nghiệp và Nhà nước; bảo đảm an ninh quốc gia trên không gian mạng.',
    ],
    viewpoint:
      'vừa kiến tạo, thúc đẩy phát triển thị trường, vừa bảo đảm quản lý chặt chẽ đối với dữ liệu quan trọng, dữ liệu cốt lõi; quy định khung những vấn đề còn biến động nhanh để giao Chính phủ quy định chi tiết.',
    process: {
      meetings: 8,
      comments: 267,
      surveyed: 'Hà Nội, Thành phố Hồ Chí Minh và Đà Nẵng',
      studied: 'Trung Quốc, Liên minh châu Âu, Nhật Bản và Hàn Quốc',
      appraisalNumber: 247,
      appraisalDay: ctx.before(24),
    },
    highlights: [
      'Thứ nhất, dự thảo Luật xác định rõ sản phẩm dữ liệu được phép giao dịch và phân tầng quản lý theo mức độ quan trọng của dữ liệu: dữ liệu thông thường được giao dịch tự do theo thỏa thuận; dữ liệu quan trọng phải qua sàn dữ liệu và được thẩm định; dữ liệu cốt lõi không được giao dịch (Điều 7 và Điều 11).',
      'Thứ hai, dự thảo Luật quy định điều kiện thành lập sàn dữ liệu, trong đó yêu cầu hệ thống đạt tiêu chuẩn an ninh mạng cấp độ 3 trở lên và đặt máy chủ tại Việt Nam (Điều 12).',
      'Thứ ba, dự thảo Luật bổ sung chế định tổ chức trung gian dữ liệu với yêu cầu độc lập, không sử dụng dữ liệu của khách hàng ngoài phạm vi dịch vụ (Điều 14).',
      'Thứ tư, dự thảo Luật quy định cơ chế bảo vệ dữ liệu cá nhân trong giao dịch, trong đó dữ liệu cá nhân phải được khử định danh và chủ thể dữ liệu có quyền rút lại sự đồng ý (Điều 15).',
    ],
    openIssues: [
      {
        topic: 'Về cơ quan quản lý nhà nước về thị trường dữ liệu',
        paragraphs: [
          'Loại ý kiến thứ nhất đề nghị giao Bộ Công an là cơ quan đầu mối quản lý nhà nước về thị trường dữ liệu, bảo đảm thống nhất với Luật Dữ liệu và yêu cầu bảo vệ an ninh dữ liệu.',
          'Loại ý kiến thứ hai đề nghị giao Bộ Tài chính quản lý hoạt động của sàn dữ liệu như một thị trường giao dịch, tương tự thị trường chứng khoán.',
          'Bộ Công an đề nghị Chính phủ cho phép thể hiện theo loại ý kiến thứ nhất như dự thảo (Điều 18), đồng thời quy định rõ trách nhiệm phối hợp của Bộ Tài chính đối với các vấn đề về giá, phí và thuế.',
        ],
      },
      {
        topic: 'Về thời hạn xóa dữ liệu khi chủ thể rút lại sự đồng ý',
        paragraphs: [
          'Một số doanh nghiệp cho rằng thời hạn 72 giờ là quá ngắn đối với hệ thống lưu trữ phân tán và đề nghị kéo dài lên 15 ngày. Bộ Công an đề nghị giữ như dự thảo để bảo đảm thống nhất với pháp luật về bảo vệ dữ liệu cá nhân.',
        ],
      },
    ],
    attachments: [
      'Dự thảo Luật',
      'Báo cáo tổng kết thi hành pháp luật về dữ liệu',
      'Báo cáo thẩm định của Bộ Tư pháp',
      'Bản tổng hợp, giải trình, tiếp thu ý kiến',
    ],
  });

  return {
    title: `Dự án Luật ${reg.subject}`,
    presenter: agency.name,
    durationMinutes: 35,
    summary:
      'Bộ Công an trình dự án Luật Phát triển thị trường dữ liệu: phân tầng quản lý dữ liệu thông thường, quan trọng và cốt lõi; điều kiện thành lập sàn dữ liệu; chế định tổ chức trung gian dữ liệu. Xin ý kiến Chính phủ về cơ quan quản lý nhà nước và thời hạn xóa dữ liệu.',
    papers: [
      {
        kind: 'submission',
        title: `Tờ trình về ${draftPhrase(reg)}`,
        slug: 'to-trinh-luat-thi-truong-du-lieu',
        content: submission,
      },
      {
        kind: 'draft',
        title: `Dự thảo Luật ${reg.subject}`,
        slug: 'du-thao-luat-thi-truong-du-lieu',
        content: regulationDraftPaper(reg),
      },
    ],
  };
}
