import { AGENCIES } from '../agencies.ts';
import type { ItemContext, ItemSpec } from '../ItemSpec.ts';
import { reportPaper } from '../reportPaper.ts';
import { regulationDraftPaper } from '../regulationDraftPaper.ts';

/** Meeting 1: recovery after storms and floods (Bộ Nông nghiệp và Môi trường). Figures invented. */
export function disasterRecoveryResolution(ctx: ItemContext): ItemSpec {
  const agency = AGENCIES.bnnmt;
  const report = reportPaper({
    agency,
    number: 5127,
    issued: ctx.before(6),
    title:
      'Tình hình thiệt hại do bão, lũ tại các tỉnh miền Trung và Tây Nguyên; đề xuất giải pháp khắc phục hậu quả',
    intro: [
      'Trong thời gian qua, các tỉnh miền Trung và Tây Nguyên liên tiếp chịu ảnh hưởng của hai cơn bão và các đợt mưa lớn diện rộng, gây lũ lớn, ngập lụt sâu và sạt lở đất nghiêm trọng. Bộ Nông nghiệp và Môi trường báo cáo tình hình thiệt hại, công tác ứng phó và đề xuất giải pháp khắc phục như sau:',
    ],
    sections: [
      {
        heading: 'I. TÌNH HÌNH THIỆT HẠI',
        paragraphs: [
          'Theo báo cáo của các địa phương, bão, lũ đã làm 47 người chết và mất tích, 92 người bị thương; gần 6.800 ngôi nhà bị sập đổ, hư hỏng; hơn 112.000 ngôi nhà bị ngập nước; khoảng 38.500 ha lúa và hoa màu bị ngập úng, hư hại; hơn 210.000 con gia súc, gia cầm bị chết, cuốn trôi.',
          'Tổng giá trị thiệt hại ước tính khoảng 9.600 tỷ đồng, trong đó thiệt hại về nhà ở chiếm khoảng 35%, về sản xuất nông nghiệp khoảng 28%, về kết cấu hạ tầng khoảng 37%. Thiệt hại cụ thể theo từng lĩnh vực như sau:',
          '1. Về giao thông',
          'Có 14 tuyến quốc lộ và 63 tuyến tỉnh lộ bị sạt lở, ách tắc với tổng khối lượng đất đá sạt lở khoảng 1,2 triệu mét khối; nhiều cầu, cống trên các tuyến đường giao thông nông thôn bị cuốn trôi; hơn 120 xã bị chia cắt trong nhiều ngày. Đến nay, các tuyến quốc lộ đã cơ bản được thông xe tạm thời.',
          '2. Về thủy lợi, đê điều',
          'Có 42 vị trí đê, kè bị sạt lở, 17 hồ chứa nhỏ bị hư hỏng đập, tràn xả lũ; hệ thống kênh mương nội đồng bị bồi lấp ở nhiều nơi. Một số hồ chứa thủy điện phải vận hành xả lũ liên tục, gây áp lực lớn cho vùng hạ du.',
          '3. Về giáo dục, y tế và môi trường',
          'Gần 400 trường học, điểm trường bị ngập, hư hỏng thiết bị, sách vở; 85 cơ sở y tế bị ảnh hưởng. Sau lũ, nguy cơ dịch bệnh đường tiêu hóa, sốt xuất huyết gia tăng; nhiều khu dân cư bị ô nhiễm do bùn đất, rác thải và xác gia súc, gia cầm.',
        ],
      },
      {
        heading: 'II. CÔNG TÁC ỨNG PHÓ ĐÃ TRIỂN KHAI',
        paragraphs: [
          'Thực hiện chỉ đạo của Thủ tướng Chính phủ, Ban Chỉ đạo quốc gia về phòng thủ dân sự đã tổ chức các đoàn công tác trực tiếp chỉ đạo ứng phó tại địa bàn; các lực lượng quân đội, công an, dân quân tự vệ được huy động tối đa để sơ tán hơn 185.000 người dân đến nơi an toàn, tìm kiếm cứu nạn và hỗ trợ người dân dọn dẹp sau lũ.',
          'Chính phủ đã xuất cấp hơn 3.200 tấn gạo từ nguồn dự trữ quốc gia, hỗ trợ khẩn cấp 1.500 tỷ đồng từ dự phòng ngân sách trung ương cho các địa phương để khắc phục hậu quả; các bộ, ngành đã hỗ trợ thuốc, hóa chất xử lý môi trường, giống cây trồng và vật tư thiết yếu.',
          'Công tác thông tin, cảnh báo được thực hiện kịp thời; tuy nhiên, hệ thống cảnh báo lũ quét, sạt lở đất ở vùng núi còn hạn chế, một số hộ dân chưa chấp hành nghiêm việc sơ tán.',
        ],
      },
      {
        heading: 'III. ĐỀ XUẤT GIẢI PHÁP KHẮC PHỤC HẬU QUẢ',
        paragraphs: [
          '1. Tiếp tục hỗ trợ lương thực, nước sạch, thuốc men cho người dân tại các vùng bị chia cắt; bảo đảm không để người dân nào bị đói, rét, thiếu chỗ ở.',
          '2. Hỗ trợ xây dựng lại nhà ở cho các hộ có nhà bị sập đổ, cuốn trôi với mức 60 triệu đồng mỗi hộ từ ngân sách nhà nước, kết hợp huy động nguồn xã hội hóa; hoàn thành trước Tết Nguyên đán.',
          '3. Hỗ trợ giống cây trồng, vật nuôi, vật tư nông nghiệp để khôi phục sản xuất vụ Đông Xuân; khoanh nợ, giãn nợ, cho vay mới đối với người dân, doanh nghiệp bị thiệt hại.',
          '4. Khẩn trương sửa chữa, khắc phục các công trình đê điều, hồ đập, giao thông bị hư hỏng; bảo đảm an toàn các hồ chứa trong mùa mưa lũ tiếp theo.',
          '5. Rà soát, di dời dân cư ra khỏi các vùng có nguy cơ cao về lũ quét, sạt lở đất; đầu tư hệ thống quan trắc, cảnh báo sớm tại các khu vực trọng điểm.',
          '6. Bảo đảm điều kiện học tập cho học sinh, khám chữa bệnh cho người dân; tổ chức vệ sinh môi trường, phòng, chống dịch bệnh sau lũ.',
        ],
      },
      {
        heading: 'IV. KIẾN NGHỊ',
        paragraphs: [
          'Bộ Nông nghiệp và Môi trường kính đề nghị Chính phủ:',
          '1. Ban hành Nghị quyết về các giải pháp cấp bách khắc phục hậu quả bão, lũ theo dự thảo kèm theo báo cáo này.',
          '2. Hỗ trợ bổ sung từ nguồn dự phòng ngân sách trung ương năm nay cho các địa phương bị thiệt hại nặng với tổng kinh phí khoảng 2.500 tỷ đồng; giao Bộ Tài chính thẩm định, trình Thủ tướng Chính phủ quyết định.',
          '3. Giao Bộ Xây dựng, Bộ Giáo dục và Đào tạo, Bộ Y tế chủ động hỗ trợ các địa phương khôi phục công trình giao thông, trường học, cơ sở y tế thuộc lĩnh vực quản lý.',
        ],
      },
    ],
    closingAsk: 'xem xét, quyết định',
  });

  const resolution = regulationDraftPaper({
    agency,
    kind: 'resolution',
    subject:
      'về các giải pháp cấp bách khắc phục hậu quả bão, lũ, sớm ổn định đời sống Nhân dân và phục hồi sản xuất',
    year: ctx.year,
    bases: [
      'Căn cứ Luật Phòng, chống thiên tai ngày 19 tháng 6 năm 2013;',
      'Căn cứ Luật Ngân sách nhà nước;',
    ],
    scope: '',
    subjects: [],
    chapters: [],
    generalArticles: [
      {
        title: 'Hỗ trợ khẩn cấp ổn định đời sống Nhân dân',
        body: [
          '1. Hỗ trợ từ nguồn dự phòng ngân sách trung ương cho các tỉnh bị thiệt hại nặng theo Phụ lục kèm theo Nghị quyết này để thực hiện các chính sách hỗ trợ người dân.',
          '2. Hỗ trợ xây dựng lại nhà ở cho hộ có nhà bị sập đổ, cuốn trôi hoàn toàn với mức 60 triệu đồng mỗi hộ; hỗ trợ sửa chữa nhà bị hư hỏng nặng với mức 30 triệu đồng mỗi hộ.',
          '3. Xuất cấp gạo dự trữ quốc gia cho các hộ có nguy cơ thiếu đói trong thời gian giáp hạt, bảo đảm tối thiểu 15 kg gạo mỗi người mỗi tháng trong thời gian 03 tháng.',
        ],
      },
      {
        title: 'Phục hồi sản xuất, kinh doanh',
        body: [
          '1. Hỗ trợ giống cây trồng, giống vật nuôi, giống thủy sản cho các hộ sản xuất bị thiệt hại theo mức quy định tại Nghị định về cơ chế, chính sách hỗ trợ sản xuất nông nghiệp để khôi phục sản xuất vùng bị thiệt hại do thiên tai.',
          '2. Các tổ chức tín dụng xem xét cơ cấu lại thời hạn trả nợ, miễn, giảm lãi vay, cho vay mới đối với khách hàng bị thiệt hại; Ngân hàng Chính sách xã hội cho vay ưu đãi để khôi phục sản xuất.',
          '3. Gia hạn thời hạn nộp thuế, tiền thuê đất đối với doanh nghiệp, hộ kinh doanh bị thiệt hại theo quy định của pháp luật về quản lý thuế.',
        ],
      },
      {
        title: 'Khắc phục kết cấu hạ tầng và phòng ngừa rủi ro',
        body: [
          '1. Khẩn trương sửa chữa, khôi phục các công trình giao thông, thủy lợi, đê điều, trường học, cơ sở y tế bị hư hỏng; các công trình cấp bách được áp dụng hình thức chỉ định thầu theo quy định của pháp luật về đấu thầu.',
          '2. Rà soát, lập kế hoạch di dời dân cư ra khỏi khu vực có nguy cơ cao về lũ quét, sạt lở đất; ưu tiên bố trí vốn đầu tư công cho các dự án tái định cư.',
          '3. Đầu tư, nâng cấp hệ thống quan trắc, cảnh báo sớm lũ quét, sạt lở đất; tăng cường thông tin, hướng dẫn kỹ năng phòng tránh thiên tai cho người dân.',
        ],
      },
      {
        title: 'Huy động nguồn lực xã hội và công khai, minh bạch',
        body: [
          '1. Ủy ban Trung ương Mặt trận Tổ quốc Việt Nam và các địa phương tiếp nhận, phân bổ kịp thời các nguồn đóng góp, ủng hộ của tổ chức, cá nhân trong nước và quốc tế, bảo đảm đúng mục đích, đúng đối tượng.',
          '2. Khuyến khích doanh nghiệp, tổ chức tham gia hỗ trợ xây dựng lại nhà ở, trường học, trạm y tế; chi phí tài trợ cho khắc phục hậu quả thiên tai được tính vào chi phí được trừ khi xác định thu nhập chịu thuế theo quy định.',
          '3. Danh sách hộ được hỗ trợ và mức hỗ trợ phải được niêm yết công khai tại trụ sở Ủy ban nhân dân cấp xã và nhà văn hóa thôn, tổ dân phố.',
        ],
      },
      {
        title: 'Bảo đảm y tế, giáo dục và vệ sinh môi trường',
        body: [
          '1. Bộ Y tế chỉ đạo các cơ sở y tế tổ chức khám, chữa bệnh, cấp phát thuốc miễn phí cho người dân vùng lũ; chủ động phòng, chống dịch bệnh, không để dịch bệnh bùng phát sau lũ.',
          '2. Bộ Giáo dục và Đào tạo hỗ trợ sách giáo khoa, đồ dùng học tập cho học sinh bị thiệt hại; bảo đảm học sinh sớm trở lại trường học.',
          '3. Ủy ban nhân dân các cấp tổ chức thu gom, xử lý rác thải, bùn đất, khử khuẩn môi trường tại các khu dân cư, trường học, cơ sở y tế.',
        ],
      },
      {
        title: 'Tổ chức thực hiện',
        body: [
          '1. Bộ Nông nghiệp và Môi trường chủ trì, hướng dẫn, đôn đốc các địa phương triển khai Nghị quyết này; tổng hợp, báo cáo Thủ tướng Chính phủ kết quả thực hiện.',
          '2. Bộ Tài chính bố trí kinh phí, hướng dẫn thủ tục thanh quyết toán; Ngân hàng Nhà nước Việt Nam chỉ đạo các tổ chức tín dụng thực hiện các biện pháp hỗ trợ khách hàng.',
          '3. Chủ tịch Ủy ban nhân dân các tỉnh bị thiệt hại chịu trách nhiệm sử dụng kinh phí hỗ trợ đúng mục đích, đúng đối tượng, công khai, minh bạch, không để xảy ra tiêu cực, trục lợi chính sách.',
        ],
      },
    ],
    effectiveFrom: ctx.meetingDay,
  });

  return {
    title: 'Khắc phục hậu quả bão, lũ tại các tỉnh miền Trung và Tây Nguyên',
    presenter: agency.name,
    durationMinutes: 25,
    summary:
      'Bão, lũ làm 47 người chết và mất tích, thiệt hại ước khoảng 9.600 tỷ đồng. Bộ Nông nghiệp và Môi trường đề xuất dự thảo Nghị quyết: hỗ trợ 60 triệu đồng mỗi hộ có nhà bị sập đổ, cấp gạo dự trữ quốc gia, khoanh nợ và giãn nợ, chỉ định thầu các công trình cấp bách.',
    papers: [
      {
        kind: 'report',
        title: 'Báo cáo tình hình thiệt hại do bão, lũ và đề xuất giải pháp khắc phục',
        slug: 'bao-cao-thiet-hai-bao-lu',
        // The demo's example of a paper members may read and annotate but not copy or export.
        copyAllowed: false,
        content: report,
      },
      {
        kind: 'draft',
        title: 'Dự thảo Nghị quyết về các giải pháp cấp bách khắc phục hậu quả bão, lũ',
        slug: 'du-thao-nghi-quyet-khac-phuc-bao-lu',
        content: resolution,
      },
    ],
  };
}
