import { AGENCIES } from '../agencies.ts';
import type { ItemContext, ItemSpec } from '../ItemSpec.ts';
import { reportPaper } from '../reportPaper.ts';
import { draftPhrase, type RegulationSpec } from '../regulation.ts';
import { regulationDraftPaper } from '../regulationDraftPaper.ts';
import { submissionPaper } from '../submissionPaper.ts';

/** Meeting 1: the draft decree on online public services (Bộ Khoa học và Công nghệ). */
export function onlinePublicServicesDecree(ctx: ItemContext): ItemSpec {
  const agency = AGENCIES.bkhcn;
  const target = ctx.year + 1;
  const reg: RegulationSpec = {
    agency,
    kind: 'decree',
    subject:
      'quy định về cung cấp dịch vụ công trực tuyến và chuyển đổi số trong giải quyết thủ tục hành chính',
    year: ctx.year,
    bases: [
      'Căn cứ Luật Giao dịch điện tử ngày 22 tháng 6 năm 2023;',
      'Căn cứ Luật Dữ liệu ngày 30 tháng 11 năm 2024;',
      'Căn cứ Luật Công nghệ thông tin ngày 29 tháng 6 năm 2006;',
    ],
    scope:
      'về việc cung cấp, sử dụng dịch vụ công trực tuyến; số hóa hồ sơ, kết quả giải quyết thủ tục hành chính; kết nối, chia sẻ dữ liệu phục vụ giải quyết thủ tục hành chính trên môi trường điện tử và trách nhiệm của các cơ quan, tổ chức, cá nhân có liên quan.',
    subjects: [
      '1. Các bộ, cơ quan ngang bộ, cơ quan thuộc Chính phủ, Ủy ban nhân dân các cấp và các cơ quan, đơn vị được giao thực hiện thủ tục hành chính.',
      '2. Tổ chức, cá nhân có yêu cầu thực hiện thủ tục hành chính trên môi trường điện tử.',
      '3. Doanh nghiệp cung cấp dịch vụ công nghệ thông tin, dịch vụ bưu chính công ích và các tổ chức, cá nhân khác có liên quan.',
    ],
    generalArticles: [
      {
        title: 'Giải thích từ ngữ',
        body: [
          'Trong Nghị định này, các từ ngữ dưới đây được hiểu như sau:',
          '1. Dịch vụ công trực tuyến toàn trình là dịch vụ công trực tuyến bảo đảm cung cấp toàn bộ thông tin về thủ tục hành chính; việc thực hiện và giải quyết thủ tục hành chính được tiến hành hoàn toàn trên môi trường điện tử; kết quả giải quyết được trả trực tuyến hoặc qua dịch vụ bưu chính công ích theo yêu cầu.',
          '2. Dịch vụ công trực tuyến một phần là dịch vụ công trực tuyến không bảo đảm đủ điều kiện quy định tại khoản 1 Điều này.',
          '3. Số hóa hồ sơ, kết quả giải quyết thủ tục hành chính là việc chuyển đổi thông tin, giấy tờ, tài liệu từ văn bản giấy sang dữ liệu điện tử có giá trị pháp lý theo quy định của pháp luật về giao dịch điện tử.',
          '4. Kho quản lý dữ liệu điện tử của tổ chức, cá nhân là chức năng trên Cổng Dịch vụ công quốc gia dùng để lưu trữ, quản lý và tái sử dụng dữ liệu, giấy tờ điện tử của tổ chức, cá nhân đã được số hóa hoặc đã được cấp.',
          '5. Thủ tục hành chính liên thông là nhóm thủ tục hành chính có quan hệ mật thiết với nhau, được giải quyết theo một quy trình thống nhất, trong đó kết quả của thủ tục trước là thành phần hồ sơ của thủ tục sau.',
        ],
      },
      {
        title: 'Nguyên tắc cung cấp dịch vụ công trực tuyến',
        body: [
          '1. Lấy người dân, doanh nghiệp làm trung tâm; bảo đảm công khai, minh bạch, đơn giản, thuận tiện, tiết kiệm thời gian và chi phí tuân thủ.',
          '2. Không yêu cầu tổ chức, cá nhân cung cấp lại thông tin, giấy tờ đã có trong cơ sở dữ liệu quốc gia, cơ sở dữ liệu chuyên ngành hoặc đã được cơ quan nhà nước số hóa, trừ trường hợp thông tin đó chưa được cập nhật hoặc có sai lệch.',
          '3. Dịch vụ công trực tuyến được cung cấp trên cơ sở kết nối, chia sẻ dữ liệu; không làm phát sinh thêm thủ tục, giấy tờ so với hình thức thực hiện trực tiếp.',
          '4. Bảo đảm an toàn thông tin, bảo vệ dữ liệu cá nhân và quyền lựa chọn hình thức thực hiện thủ tục hành chính của tổ chức, cá nhân.',
        ],
      },
    ],
    chapters: [
      {
        title: 'Cung cấp dịch vụ công trực tuyến',
        summary:
          'quy định về mức độ dịch vụ công trực tuyến, việc tiếp nhận hồ sơ, thanh toán trực tuyến và trả kết quả giải quyết',
        articles: [
          {
            title: 'Mức độ dịch vụ công trực tuyến',
            body: [
              '1. Dịch vụ công trực tuyến được cung cấp theo hai mức độ: toàn trình và một phần.',
              `2. Đến hết năm ${target}, tối thiểu 90% thủ tục hành chính đủ điều kiện phải được cung cấp dưới hình thức dịch vụ công trực tuyến toàn trình; các thủ tục còn lại được cung cấp dưới hình thức dịch vụ công trực tuyến một phần.`,
              '3. Bộ trưởng, Thủ trưởng cơ quan ngang bộ rà soát, công bố danh mục dịch vụ công trực tuyến thuộc phạm vi quản lý trước ngày 31 tháng 3 hằng năm.',
            ],
          },
          {
            title: 'Tiếp nhận hồ sơ trực tuyến',
            body: [
              '1. Hồ sơ điện tử được tiếp nhận qua Cổng Dịch vụ công quốc gia hoặc Hệ thống thông tin giải quyết thủ tục hành chính cấp bộ, cấp tỉnh.',
              '2. Trong thời hạn 08 giờ làm việc kể từ khi nhận được hồ sơ, cơ quan tiếp nhận phải kiểm tra tính đầy đủ, hợp lệ và thông báo cho tổ chức, cá nhân việc tiếp nhận hoặc yêu cầu bổ sung hồ sơ một lần duy nhất.',
              '3. Thời điểm tiếp nhận hồ sơ điện tử là thời điểm hệ thống ghi nhận hồ sơ đầy đủ, hợp lệ; hồ sơ gửi sau 16 giờ 30 phút hoặc vào ngày nghỉ được tính là tiếp nhận vào ngày làm việc tiếp theo.',
            ],
          },
          {
            title: 'Thanh toán trực tuyến phí, lệ phí',
            body: [
              '1. Tổ chức, cá nhân được lựa chọn thanh toán phí, lệ phí và các nghĩa vụ tài chính khác qua nền tảng thanh toán trên Cổng Dịch vụ công quốc gia.',
              '2. Chứng từ thanh toán điện tử có giá trị pháp lý như chứng từ giấy; cơ quan giải quyết thủ tục hành chính không được yêu cầu xuất trình bản giấy.',
              '3. Ngân hàng Nhà nước Việt Nam hướng dẫn việc kết nối, đối soát giữa các tổ chức cung ứng dịch vụ thanh toán với nền tảng thanh toán trực tuyến.',
            ],
          },
          {
            title: 'Trả kết quả giải quyết thủ tục hành chính',
            body: [
              '1. Kết quả giải quyết thủ tục hành chính được trả dưới dạng bản điện tử vào Kho quản lý dữ liệu điện tử của tổ chức, cá nhân; trường hợp tổ chức, cá nhân có yêu cầu, kết quả được trả thêm bản giấy trực tiếp hoặc qua dịch vụ bưu chính công ích.',
              '2. Kết quả giải quyết bản điện tử có giá trị pháp lý như bản giấy và được sử dụng để thực hiện các thủ tục hành chính khác.',
            ],
          },
        ],
      },
      {
        title: 'Số hóa và khai thác dữ liệu',
        summary:
          'quy định về số hóa hồ sơ, kết quả giải quyết thủ tục hành chính và việc kết nối, chia sẻ, tái sử dụng dữ liệu',
        articles: [
          {
            title: 'Số hóa hồ sơ, kết quả giải quyết thủ tục hành chính',
            body: [
              '1. Cơ quan, đơn vị tiếp nhận có trách nhiệm số hóa thành phần hồ sơ nộp bằng bản giấy trước khi chuyển xử lý; việc số hóa không làm phát sinh chi phí đối với tổ chức, cá nhân.',
              '2. Kết quả giải quyết thủ tục hành chính còn hiệu lực được số hóa theo lộ trình do Thủ tướng Chính phủ quyết định, ưu tiên các loại giấy tờ được sử dụng nhiều lần.',
              '3. Bản điện tử được số hóa phải được ký số bởi cơ quan, người có thẩm quyền và được lưu trữ theo quy định của pháp luật về lưu trữ.',
            ],
          },
          {
            title: 'Kết nối, chia sẻ dữ liệu',
            body: [
              '1. Hệ thống thông tin giải quyết thủ tục hành chính cấp bộ, cấp tỉnh kết nối với Cơ sở dữ liệu quốc gia về dân cư, các cơ sở dữ liệu quốc gia và cơ sở dữ liệu chuyên ngành thông qua Nền tảng tích hợp, chia sẻ dữ liệu quốc gia.',
              '2. Cơ quan quản lý cơ sở dữ liệu có trách nhiệm bảo đảm dữ liệu đúng, đủ, sạch, sống và cung cấp dữ liệu phục vụ giải quyết thủ tục hành chính không thu phí.',
              '3. Việc chia sẻ dữ liệu cá nhân phải tuân thủ quy định của pháp luật về bảo vệ dữ liệu cá nhân.',
            ],
          },
          {
            title: 'Tái sử dụng dữ liệu đã số hóa',
            body: [
              '1. Cơ quan giải quyết thủ tục hành chính có trách nhiệm khai thác, sử dụng lại dữ liệu đã được số hóa, không yêu cầu tổ chức, cá nhân nộp lại.',
              '2. Trường hợp dữ liệu có sai lệch, cơ quan phát hiện thông báo cho cơ quan quản lý dữ liệu để điều chỉnh trong thời hạn 03 ngày làm việc.',
            ],
          },
        ],
      },
      {
        title: 'Bảo đảm hạ tầng, an toàn thông tin và nguồn lực',
        summary: 'quy định về hạ tầng kỹ thuật, bảo đảm an toàn thông tin và kinh phí thực hiện',
        articles: [
          {
            title: 'Hạ tầng kỹ thuật',
            body: [
              '1. Hệ thống thông tin giải quyết thủ tục hành chính phải được triển khai trên hạ tầng điện toán đám mây đáp ứng tiêu chuẩn, quy chuẩn kỹ thuật do Bộ Khoa học và Công nghệ ban hành.',
              '2. Hệ thống phải bảo đảm hoạt động liên tục 24 giờ trong ngày và 7 ngày trong tuần; tổng thời gian gián đoạn ngoài kế hoạch không vượt quá 04 giờ mỗi tháng.',
            ],
          },
          {
            title: 'Bảo đảm an toàn thông tin',
            body: [
              '1. Hệ thống thông tin giải quyết thủ tục hành chính phải được xác định cấp độ và triển khai phương án bảo đảm an toàn thông tin theo cấp độ trước khi đưa vào vận hành.',
              '2. Chủ quản hệ thống thông tin có trách nhiệm giám sát an toàn thông tin, ứng cứu sự cố và báo cáo sự cố nghiêm trọng cho cơ quan có thẩm quyền trong thời hạn 24 giờ kể từ khi phát hiện.',
            ],
          },
          {
            title: 'Kinh phí thực hiện',
            body: [
              '1. Kinh phí xây dựng, vận hành hệ thống và số hóa hồ sơ được bảo đảm từ ngân sách nhà nước theo phân cấp hiện hành và các nguồn hợp pháp khác.',
              '2. Khuyến khích thuê dịch vụ công nghệ thông tin theo quy định của pháp luật để triển khai các nội dung quy định tại Nghị định này.',
            ],
          },
        ],
      },
      {
        title: 'Trách nhiệm của các cơ quan, tổ chức',
        summary:
          'quy định trách nhiệm của Bộ Khoa học và Công nghệ, Văn phòng Chính phủ, các bộ, cơ quan ngang bộ và Ủy ban nhân dân cấp tỉnh',
        articles: [
          {
            title: 'Trách nhiệm của Bộ Khoa học và Công nghệ',
            body: [
              '1. Chủ trì hướng dẫn, kiểm tra việc thực hiện Nghị định này; ban hành tiêu chuẩn, quy chuẩn kỹ thuật về hệ thống thông tin giải quyết thủ tục hành chính.',
              '2. Theo dõi, đánh giá chất lượng cung cấp dịch vụ công trực tuyến của các bộ, ngành, địa phương; công bố kết quả định kỳ 6 tháng một lần.',
            ],
          },
          {
            title: 'Trách nhiệm của Văn phòng Chính phủ',
            body: [
              '1. Quản lý, vận hành Cổng Dịch vụ công quốc gia; tích hợp, cung cấp dịch vụ công trực tuyến của các bộ, ngành, địa phương.',
              '2. Theo dõi, đôn đốc việc thực hiện chỉ tiêu dịch vụ công trực tuyến toàn trình và báo cáo Chính phủ tại phiên họp thường kỳ hằng quý.',
            ],
          },
          {
            title: 'Trách nhiệm của các bộ, cơ quan ngang bộ, Ủy ban nhân dân cấp tỉnh',
            body: [
              '1. Rà soát, tái cấu trúc quy trình và cung cấp dịch vụ công trực tuyến thuộc phạm vi quản lý.',
              '2. Bố trí kinh phí, nhân lực; tổ chức tập huấn kỹ năng số cho cán bộ, công chức làm việc tại bộ phận một cửa.',
              '3. Người đứng đầu chịu trách nhiệm trước Chính phủ, Thủ tướng Chính phủ về kết quả cung cấp dịch vụ công trực tuyến thuộc phạm vi quản lý.',
            ],
          },
        ],
      },
    ],
    transitional: {
      title: 'Điều khoản chuyển tiếp',
      body: [
        '1. Hồ sơ thủ tục hành chính đã được tiếp nhận trước ngày Nghị định này có hiệu lực thi hành tiếp tục được giải quyết theo quy định tại thời điểm tiếp nhận.',
        '2. Hệ thống thông tin giải quyết thủ tục hành chính đang vận hành phải được nâng cấp đáp ứng yêu cầu của Nghị định này chậm nhất sau 12 tháng kể từ ngày Nghị định này có hiệu lực thi hành.',
      ],
    },
    effectiveFrom: ctx.monthStart(3),
    repeals:
      'Bãi bỏ các quy định về cung cấp dịch vụ công trực tuyến trong các nghị định của Chính phủ trái với quy định tại Nghị định này.',
  };

  const submission = submissionPaper({
    reg,
    number: 215,
    issued: ctx.before(9),
    mandate: `Chương trình công tác năm ${ctx.year} của Chính phủ, Thủ tướng Chính phủ`,
    necessity: {
      political: [
        'Nghị quyết số 57-NQ/TW ngày 22 tháng 12 năm 2024 của Bộ Chính trị về đột phá phát triển khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số quốc gia xác định chuyển đổi số là động lực chủ yếu để đổi mới phương thức quản trị quốc gia, trong đó yêu cầu hoàn thành việc cung cấp dịch vụ công trực tuyến toàn trình, lấy người dân, doanh nghiệp làm trung tâm.',
        'Luật Giao dịch điện tử năm 2023 và Luật Dữ liệu năm 2024 đã tạo lập khung pháp lý cho giao dịch điện tử của cơ quan nhà nước và việc kết nối, chia sẻ dữ liệu. Tuy nhiên, các quy định về cung cấp dịch vụ công trực tuyến hiện nằm rải rác ở nhiều nghị định, chưa thống nhất về tiêu chí, quy trình và trách nhiệm, cần được hệ thống hóa trong một văn bản.',
      ],
      practical: [
        'Thời gian qua, việc cung cấp dịch vụ công trực tuyến đã đạt nhiều kết quả tích cực: Cổng Dịch vụ công quốc gia đã tích hợp hàng nghìn dịch vụ công trực tuyến, số hồ sơ nộp trực tuyến tăng nhanh qua từng năm, nhiều địa phương đã cung cấp toàn trình phần lớn thủ tục hành chính đủ điều kiện.',
        'Tuy nhiên, tỷ lệ hồ sơ trực tuyến toàn trình còn thấp so với mục tiêu; nhiều dịch vụ công chỉ dừng ở việc tiếp nhận hồ sơ điện tử nhưng vẫn yêu cầu nộp bản giấy khi nhận kết quả; dữ liệu giữa các hệ thống chưa được chia sẻ thông suốt, người dân còn phải kê khai lại thông tin đã có trong cơ sở dữ liệu quốc gia. Việc số hóa hồ sơ, kết quả giải quyết thủ tục hành chính ở một số nơi còn hình thức, tỷ lệ tái sử dụng dữ liệu đã số hóa thấp.',
        'Từ những lý do nêu trên, việc ban hành Nghị định là cần thiết nhằm tạo chuyển biến thực chất trong giải quyết thủ tục hành chính trên môi trường điện tử, lấy sự hài lòng của người dân, doanh nghiệp làm thước đo chất lượng phục vụ.',
      ],
    },
    purposes: [
      'Hoàn thiện khung pháp lý thống nhất về cung cấp dịch vụ công trực tuyến, số hóa và tái sử dụng dữ liệu trong giải quyết thủ tục hành chính.',
      `Giảm thời gian, chi phí tuân thủ thủ tục hành chính cho người dân, doanh nghiệp; phấn đấu đến hết năm ${target} tối thiểu 90% thủ tục hành chính đủ điều kiện được cung cấp trực tuyến toàn trình.`,
      'Xác định rõ trách nhiệm của từng cơ quan, đặc biệt là trách nhiệm của người đứng đầu, trong việc cung cấp dịch vụ công trực tuyến.',
    ],
    viewpoint:
      'lấy người dân, doanh nghiệp làm trung tâm; chuyển mạnh từ quản lý bằng hồ sơ giấy sang quản lý bằng dữ liệu; bảo đảm an toàn thông tin và bảo vệ dữ liệu cá nhân trong suốt quá trình cung cấp dịch vụ.',
    process: {
      meetings: 6,
      comments: 412,
      surveyed: 'Hà Nội, Thành phố Hồ Chí Minh, Đà Nẵng, Quảng Ninh và Cần Thơ',
      studied: 'Hàn Quốc, Singapore, Estonia và Đan Mạch',
      appraisalNumber: 231,
      appraisalDay: ctx.before(21),
    },
    highlights: [
      'Thứ nhất, về mức độ dịch vụ công trực tuyến: dự thảo gộp các mức độ trước đây thành hai mức độ là dịch vụ công trực tuyến toàn trình và một phần, phù hợp với Luật Giao dịch điện tử; đồng thời đặt chỉ tiêu tối thiểu 90% thủ tục hành chính đủ điều kiện được cung cấp toàn trình (Điều 5).',
      'Thứ hai, về nguyên tắc "chỉ cung cấp thông tin một lần": cơ quan giải quyết không được yêu cầu tổ chức, cá nhân cung cấp lại thông tin, giấy tờ đã có trong cơ sở dữ liệu quốc gia, cơ sở dữ liệu chuyên ngành hoặc đã được số hóa (Điều 4 và Điều 11).',
      'Thứ ba, về thời hạn xử lý hồ sơ điện tử: dự thảo quy định thời hạn 08 giờ làm việc để kiểm tra, phản hồi việc tiếp nhận hồ sơ và nguyên tắc yêu cầu bổ sung hồ sơ một lần duy nhất (Điều 6).',
      'Thứ tư, về giá trị pháp lý của kết quả điện tử: kết quả giải quyết bản điện tử có giá trị như bản giấy và được lưu vào Kho quản lý dữ liệu điện tử của tổ chức, cá nhân để tái sử dụng (Điều 8).',
      'Thứ năm, về trách nhiệm người đứng đầu: dự thảo quy định rõ trách nhiệm của Bộ trưởng, Thủ trưởng cơ quan ngang bộ, Chủ tịch Ủy ban nhân dân cấp tỉnh về kết quả cung cấp dịch vụ công trực tuyến thuộc phạm vi quản lý (Điều 17).',
    ],
    openIssues: [
      {
        topic: 'Về việc bắt buộc doanh nghiệp nộp hồ sơ trực tuyến',
        paragraphs: [
          'Loại ý kiến thứ nhất đề nghị quy định bắt buộc doanh nghiệp thực hiện trực tuyến các thủ tục hành chính đã được cung cấp toàn trình, nhằm tạo chuyển biến mạnh mẽ và giảm chi phí duy trì song song hai hình thức tiếp nhận.',
          'Loại ý kiến thứ hai cho rằng chưa nên quy định bắt buộc, vì điều kiện hạ tầng và kỹ năng số của một bộ phận doanh nghiệp nhỏ và siêu nhỏ, nhất là ở vùng sâu, vùng xa, còn hạn chế; việc lựa chọn hình thức thực hiện thủ tục hành chính là quyền của tổ chức, cá nhân.',
          'Bộ Khoa học và Công nghệ thống nhất với loại ý kiến thứ hai, đồng thời đề xuất giao Thủ tướng Chính phủ quyết định lộ trình áp dụng bắt buộc đối với từng nhóm thủ tục khi đủ điều kiện. Kính đề nghị Chính phủ cho ý kiến.',
        ],
      },
      {
        topic: 'Về thời hạn lưu trữ hồ sơ điện tử',
        paragraphs: [
          'Có ý kiến đề nghị quy định cụ thể thời hạn lưu trữ hồ sơ điện tử trong Nghị định. Bộ Khoa học và Công nghệ cho rằng thời hạn lưu trữ đã được quy định tại pháp luật về lưu trữ; để bảo đảm thống nhất, dự thảo chỉ quy định dẫn chiếu tại khoản 3 Điều 9.',
        ],
      },
    ],
    attachments: [
      'Dự thảo Nghị định',
      'Báo cáo tổng hợp, giải trình, tiếp thu ý kiến góp ý',
      'Báo cáo thẩm định của Bộ Tư pháp',
      'Báo cáo đánh giá tác động của chính sách',
    ],
  });

  const digest = reportPaper({
    agency,
    number: 1874,
    issued: ctx.before(9),
    title: `Tổng hợp, giải trình, tiếp thu ý kiến góp ý đối với ${draftPhrase(reg)}`,
    intro: [
      `Thực hiện quy định của Luật Ban hành văn bản quy phạm pháp luật, Bộ Khoa học và Công nghệ đã lấy ý kiến rộng rãi đối với ${draftPhrase(reg)}. Bộ Khoa học và Công nghệ xin báo cáo kết quả tổng hợp, giải trình, tiếp thu như sau:`,
    ],
    sections: [
      {
        heading: 'I. TÌNH HÌNH LẤY Ý KIẾN',
        paragraphs: [
          'Dự thảo đã được đăng tải trên Cổng Thông tin điện tử Chính phủ và Cổng Thông tin điện tử của Bộ Khoa học và Công nghệ trong thời hạn 30 ngày, đồng thời được gửi xin ý kiến 17 bộ, cơ quan ngang bộ, 34 Ủy ban nhân dân tỉnh, thành phố trực thuộc trung ương, Liên đoàn Thương mại và Công nghiệp Việt Nam cùng một số hiệp hội doanh nghiệp.',
          'Đến nay, Bộ đã nhận được 412 lượt ý kiến, trong đó có 15 ý kiến của các bộ, cơ quan ngang bộ, 31 ý kiến của các địa phương, 9 ý kiến của hiệp hội, doanh nghiệp và 357 lượt góp ý của người dân qua Cổng Thông tin điện tử. Cơ bản các ý kiến thống nhất với sự cần thiết ban hành và nội dung của dự thảo.',
        ],
      },
      {
        heading: 'II. Ý KIẾN GÓP Ý VÀ VIỆC TIẾP THU, GIẢI TRÌNH',
        paragraphs: [
          '1. Về phạm vi điều chỉnh',
          'Một số ý kiến đề nghị làm rõ việc Nghị định có áp dụng đối với thủ tục hành chính nội bộ giữa các cơ quan hành chính nhà nước hay không. Tiếp thu ý kiến này, dự thảo đã bổ sung tại Điều 1 theo hướng chỉ điều chỉnh thủ tục hành chính có đối tượng là tổ chức, cá nhân bên ngoài cơ quan nhà nước; thủ tục nội bộ được thực hiện theo quy định riêng.',
          '2. Về giải thích từ ngữ',
          'Có ý kiến đề nghị bổ sung khái niệm "Kho quản lý dữ liệu điện tử của tổ chức, cá nhân" để thống nhất cách hiểu giữa các bộ, ngành và địa phương. Bộ Khoa học và Công nghệ đã tiếp thu và bổ sung tại khoản 4 Điều 3 của dự thảo.',
          '3. Về thời hạn kiểm tra, phản hồi hồ sơ',
          'Một số địa phương cho rằng thời hạn 08 giờ làm việc là ngắn đối với các thủ tục có thành phần hồ sơ phức tạp và đề nghị kéo dài lên 02 ngày làm việc. Bộ Khoa học và Công nghệ giải trình: thời hạn 08 giờ chỉ áp dụng cho việc kiểm tra tính đầy đủ, hợp lệ và phản hồi việc tiếp nhận, không phải thời hạn giải quyết; thực tiễn tại nhiều địa phương cho thấy thời hạn này là khả thi khi hồ sơ được tiếp nhận trên môi trường điện tử. Vì vậy, Bộ đề nghị giữ như dự thảo.',
          '4. Về thanh toán trực tuyến',
          'Ngân hàng Nhà nước Việt Nam đề nghị bổ sung quy định về trách nhiệm đối soát giữa tổ chức cung ứng dịch vụ thanh toán và nền tảng thanh toán trực tuyến. Ý kiến này đã được tiếp thu tại khoản 3 Điều 7.',
          '5. Về trách nhiệm người đứng đầu',
          'Nhiều ý kiến đồng tình với việc quy định trách nhiệm người đứng đầu và đề nghị gắn kết quả cung cấp dịch vụ công trực tuyến với việc đánh giá, xếp loại hằng năm. Bộ Khoa học và Công nghệ tiếp thu một phần, quy định tại khoản 3 Điều 17; nội dung đánh giá, xếp loại được thực hiện theo pháp luật về cán bộ, công chức.',
          '6. Về số hóa hồ sơ, kết quả giải quyết thủ tục hành chính',
          'Một số địa phương đề nghị làm rõ cơ quan chịu chi phí số hóa đối với hồ sơ nộp trực tiếp. Tiếp thu ý kiến này, khoản 1 Điều 9 đã quy định việc số hóa do cơ quan, đơn vị tiếp nhận thực hiện và không làm phát sinh chi phí đối với tổ chức, cá nhân; kinh phí được bố trí theo Điều 14.',
          'Có ý kiến đề nghị quy định lộ trình số hóa kết quả giải quyết thủ tục hành chính còn hiệu lực. Bộ Khoa học và Công nghệ thấy rằng lộ trình cần linh hoạt theo từng loại giấy tờ nên dự thảo giao Thủ tướng Chính phủ quyết định, ưu tiên các giấy tờ được sử dụng nhiều lần.',
          '7. Về bảo đảm an toàn thông tin',
          'Bộ Công an đề nghị bổ sung yêu cầu báo cáo sự cố an toàn thông tin nghiêm trọng trong thời hạn ngắn. Ý kiến này đã được tiếp thu tại khoản 2 Điều 13 với thời hạn 24 giờ kể từ khi phát hiện sự cố.',
          'Một số doanh nghiệp đề nghị cho phép sử dụng hạ tầng điện toán đám mây của doanh nghiệp trong nước đáp ứng tiêu chuẩn. Dự thảo không hạn chế nhà cung cấp, chỉ yêu cầu đáp ứng tiêu chuẩn, quy chuẩn kỹ thuật do Bộ Khoa học và Công nghệ ban hành (khoản 1 Điều 12).',
        ],
      },
      {
        heading: 'III. Ý KIẾN THẨM ĐỊNH CỦA BỘ TƯ PHÁP VÀ VIỆC TIẾP THU',
        paragraphs: [
          'Bộ Tư pháp cơ bản thống nhất với sự cần thiết ban hành và nội dung của dự thảo, đồng thời đề nghị rà soát để bảo đảm thống nhất với Luật Giao dịch điện tử, Luật Dữ liệu và các nghị định quy định chi tiết; làm rõ nội dung được giao quy định chi tiết; đánh giá tác động về thủ tục hành chính.',
          'Bộ Khoa học và Công nghệ đã tiếp thu đầy đủ: rà soát, bỏ các quy định lặp lại luật; chỉnh lý các khái niệm tại Điều 3 cho thống nhất với Luật Giao dịch điện tử; bổ sung báo cáo đánh giá tác động thủ tục hành chính vào hồ sơ trình.',
        ],
      },
      {
        heading: 'IV. NHỮNG Ý KIẾN CHƯA TIẾP THU',
        paragraphs: [
          'Có ý kiến đề nghị miễn toàn bộ phí, lệ phí đối với hồ sơ nộp trực tuyến. Bộ Khoa học và Công nghệ cho rằng việc miễn, giảm phí, lệ phí thuộc thẩm quyền quy định của pháp luật về phí và lệ phí; Bộ Tài chính đang nghiên cứu chính sách giảm phí, lệ phí khi thực hiện trực tuyến nên dự thảo không quy định nội dung này.',
          'Có ý kiến đề nghị quy định chế tài xử phạt đối với cán bộ, công chức chậm tiếp nhận hồ sơ trực tuyến. Bộ Khoa học và Công nghệ giải trình việc xử lý trách nhiệm được thực hiện theo pháp luật về cán bộ, công chức và pháp luật về xử lý kỷ luật, không quy định lặp lại trong Nghị định.',
        ],
      },
    ],
    closingAsk: 'xem xét',
    signedBy: 'deputy',
  });

  return {
    title: `Dự thảo Nghị định ${reg.subject}`,
    presenter: agency.name,
    durationMinutes: 35,
    summary:
      'Bộ Khoa học và Công nghệ trình dự thảo Nghị định thống nhất quy định về dịch vụ công trực tuyến: hai mức độ (toàn trình, một phần), chỉ tiêu 90% thủ tục đủ điều kiện được cung cấp toàn trình, nguyên tắc không yêu cầu cung cấp lại thông tin đã có, giá trị pháp lý của kết quả điện tử. Còn ý kiến khác nhau về việc bắt buộc doanh nghiệp nộp hồ sơ trực tuyến.',
    papers: [
      {
        kind: 'submission',
        title: `Tờ trình về ${draftPhrase(reg)}`,
        slug: 'to-trinh-nghi-dinh-dich-vu-cong-truc-tuyen',
        content: submission,
      },
      {
        kind: 'draft',
        title: `Dự thảo Nghị định ${reg.subject}`,
        slug: 'du-thao-nghi-dinh-dich-vu-cong-truc-tuyen',
        content: regulationDraftPaper(reg),
      },
      {
        kind: 'report',
        title: `Báo cáo tổng hợp, giải trình, tiếp thu ý kiến góp ý dự thảo Nghị định`,
        slug: 'bao-cao-tiep-thu-y-kien-nghi-dinh-dich-vu-cong',
        content: digest,
      },
    ],
  };
}
