import { AGENCIES } from '../agencies.ts';
import type { ItemContext, ItemSpec } from '../ItemSpec.ts';
import { reportPaper } from '../reportPaper.ts';

/** Meeting 2 (past): the national target programme for ethnic minority areas (Bộ Dân tộc và Tôn giáo). */
export function ethnicProgrammeReport(ctx: ItemContext): ItemSpec {
  const agency = AGENCIES.bdttg;
  const programme =
    'Chương trình mục tiêu quốc gia phát triển kinh tế - xã hội vùng đồng bào dân tộc thiểu số và miền núi';
  const report = reportPaper({
    agency,
    number: 1093,
    issued: ctx.before(8),
    title: `Tình hình thực hiện ${programme} năm ${ctx.reviewed.year}`,
    intro: [
      `Bộ Dân tộc và Tôn giáo báo cáo tình hình thực hiện ${programme} từ đầu năm đến nay như sau:`,
    ],
    sections: [
      {
        heading: 'I. KẾT QUẢ THỰC HIỆN',
        paragraphs: [
          '1. Về giao vốn và giải ngân',
          'Tổng vốn ngân sách trung ương giao cho Chương trình năm nay là 29.780 tỷ đồng, trong đó vốn đầu tư phát triển 17.100 tỷ đồng và vốn sự nghiệp 12.680 tỷ đồng. Đến nay, các địa phương đã giải ngân 46,8% kế hoạch vốn đầu tư và 31,5% kế hoạch vốn sự nghiệp.',
          '2. Về kết quả các mục tiêu chủ yếu',
          'Tỷ lệ hộ nghèo vùng đồng bào dân tộc thiểu số tiếp tục giảm, ước giảm trên 3% trong năm; hơn 98% xã vùng đồng bào dân tộc thiểu số có đường ô tô đến trung tâm xã được cứng hóa; tỷ lệ hộ được sử dụng nước sinh hoạt hợp vệ sinh đạt trên 90%. Các chính sách hỗ trợ đất ở, nhà ở, đất sản xuất, chuyển đổi nghề được triển khai tích cực.',
          'Công tác bảo tồn, phát huy giá trị văn hóa truyền thống tốt đẹp của các dân tộc được quan tâm; nhiều lễ hội truyền thống được phục dựng gắn với phát triển du lịch cộng đồng, tạo sinh kế cho người dân.',
        ],
      },
      {
        heading: 'II. TÌNH HÌNH THỰC HIỆN CÁC DỰ ÁN THÀNH PHẦN',
        paragraphs: [
          '1. Dự án giải quyết tình trạng thiếu đất ở, nhà ở, đất sản xuất, nước sinh hoạt',
          'Các địa phương đã hỗ trợ đất ở cho hơn 4.100 hộ, nhà ở cho gần 19.000 hộ, chuyển đổi nghề cho hơn 21.000 hộ và xây dựng 312 công trình nước sinh hoạt tập trung. Tuy nhiên, quỹ đất để hỗ trợ đất sản xuất tại nhiều địa phương đã cạn, phải chuyển sang hỗ trợ chuyển đổi nghề.',
          '2. Dự án phát triển sản xuất nông, lâm nghiệp bền vững',
          'Đã hỗ trợ trồng rừng sản xuất, phát triển lâm sản ngoài gỗ gắn với bảo vệ rừng; hỗ trợ phát triển sản xuất theo chuỗi giá trị tại 26 tỉnh. Hiệu quả của một số mô hình chưa cao, thiếu liên kết với doanh nghiệp tiêu thụ sản phẩm.',
          '3. Dự án đầu tư cơ sở hạ tầng thiết yếu',
          'Đã khởi công mới 1.740 công trình, hoàn thành đưa vào sử dụng 2.015 công trình giao thông, trường học, trạm y tế, nhà văn hóa, chợ tại các xã, thôn đặc biệt khó khăn. Việc duy tu, bảo dưỡng công trình sau đầu tư còn hạn chế do thiếu kinh phí.',
          '4. Dự án phát triển giáo dục, đào tạo nguồn nhân lực',
          'Các trường phổ thông dân tộc nội trú, bán trú tiếp tục được đầu tư cơ sở vật chất; nhiều lớp đào tạo nghề, bồi dưỡng kiến thức cho cán bộ cơ sở và người có uy tín trong đồng bào dân tộc thiểu số đã được tổ chức.',
        ],
      },
      {
        heading: 'III. KHÓ KHĂN, VƯỚNG MẮC',
        paragraphs: [
          'Tỷ lệ giải ngân vốn sự nghiệp còn thấp do một số nội dung hướng dẫn chưa rõ, nhất là hỗ trợ phát triển sản xuất theo chuỗi giá trị; định mức hỗ trợ một số dự án chưa phù hợp thực tế; năng lực của cán bộ cấp xã sau khi sắp xếp đơn vị hành chính còn hạn chế.',
          'Địa bàn rộng, chia cắt, thiên tai thường xuyên xảy ra làm chậm tiến độ thi công nhiều công trình; suất đầu tư các công trình tại vùng sâu, vùng xa cao hơn so với mặt bằng chung.',
          'Việc lồng ghép nguồn vốn giữa Chương trình này với các chương trình mục tiêu quốc gia khác và các chương trình, dự án trên cùng địa bàn còn lúng túng; công tác theo dõi, đánh giá chủ yếu thực hiện thủ công, số liệu báo cáo của các địa phương chưa thống nhất, chậm được cập nhật.',
          'Một bộ phận người dân còn tâm lý trông chờ, ỷ lại vào sự hỗ trợ của Nhà nước; việc phát huy vai trò chủ thể của người dân và cộng đồng trong thực hiện Chương trình ở một số nơi chưa đạt yêu cầu.',
        ],
      },
      {
        heading: 'IV. ĐỀ XUẤT, KIẾN NGHỊ',
        paragraphs: [
          '1. Cho phép các địa phương điều chỉnh vốn giữa các dự án thành phần trong cùng Chương trình; phân cấp mạnh cho cấp tỉnh quyết định danh mục, định mức hỗ trợ phù hợp với đặc thù địa phương.',
          '2. Giao Bộ Tài chính hướng dẫn kéo dài thời gian thực hiện và giải ngân vốn sự nghiệp năm nay sang năm sau đối với các nội dung đã cam kết nhưng chưa hoàn thành.',
          '3. Tăng cường đào tạo, bồi dưỡng cán bộ cấp xã về quản lý, tổ chức thực hiện chương trình; đẩy mạnh kiểm tra, giám sát, bảo đảm chính sách đến đúng đối tượng.',
        ],
      },
    ],
    closingAsk: 'xem xét, chỉ đạo',
  });
  return {
    title: `Tình hình thực hiện ${programme}`,
    presenter: agency.name,
    durationMinutes: 25,
    summary:
      'Giải ngân vốn đầu tư đạt 46,8%, vốn sự nghiệp 31,5% kế hoạch; tỷ lệ hộ nghèo vùng đồng bào dân tộc thiểu số tiếp tục giảm. Kiến nghị phân cấp cho tỉnh điều chỉnh vốn giữa các dự án thành phần.',
    papers: [
      {
        kind: 'report',
        title: `Báo cáo tình hình thực hiện ${programme}`,
        slug: 'bao-cao-chuong-trinh-dan-toc-thieu-so',
        content: report,
      },
    ],
  };
}
