import { AGENCIES } from '../agencies.ts';
import type { ItemContext, ItemSpec } from '../ItemSpec.ts';
import { reportPaper } from '../reportPaper.ts';

/** Meeting 1: disbursement of public investment capital (Bộ Tài chính). Figures are invented. */
export function publicInvestmentReport(ctx: ItemContext): ItemSpec {
  const agency = AGENCIES.btc;
  const r = ctx.reviewed;
  const plan = `kế hoạch vốn đầu tư công năm ${r.year}`;
  const report = reportPaper({
    agency,
    number: 826,
    issued: ctx.before(6),
    title: `Tình hình thực hiện và giải ngân ${plan}; giải pháp đẩy nhanh tiến độ giải ngân những tháng cuối năm`,
    intro: [
      `Thực hiện chỉ đạo của Chính phủ, Thủ tướng Chính phủ, Bộ Tài chính báo cáo tình hình thực hiện và giải ngân ${plan} tính đến hết tháng ${r.month} năm ${r.year}, những khó khăn, vướng mắc và giải pháp đẩy nhanh tiến độ giải ngân như sau:`,
    ],
    sections: [
      {
        heading: 'I. TÌNH HÌNH GIAO VÀ GIẢI NGÂN KẾ HOẠCH VỐN',
        paragraphs: [
          '1. Về giao kế hoạch vốn',
          `Tổng ${plan} được Thủ tướng Chính phủ giao là 825.900 tỷ đồng, trong đó vốn ngân sách trung ương 370.400 tỷ đồng, vốn ngân sách địa phương 455.500 tỷ đồng. Đến nay, các bộ, cơ quan trung ương và địa phương đã phân bổ chi tiết 98,6% kế hoạch được giao; số vốn chưa phân bổ còn khoảng 11.560 tỷ đồng, chủ yếu do dự án chưa hoàn thiện thủ tục đầu tư.`,
          '2. Về kết quả giải ngân',
          `Ước giải ngân đến hết tháng ${r.month} năm ${r.year} đạt 468.300 tỷ đồng, bằng 56,7% kế hoạch Thủ tướng Chính phủ giao, cao hơn cùng kỳ năm trước cả về tỷ lệ và số tuyệt đối. Trong đó, 11 bộ, cơ quan trung ương và 19 địa phương có tỷ lệ giải ngân trên mức bình quân chung của cả nước.`,
          'Tuy nhiên, còn 24 bộ, cơ quan trung ương và 9 địa phương có tỷ lệ giải ngân dưới mức bình quân; một số dự án quan trọng quốc gia, dự án giao thông trọng điểm giải ngân chậm so với tiến độ đề ra, tiềm ẩn nguy cơ không giải ngân hết kế hoạch vốn năm.',
          '3. Về các chương trình mục tiêu quốc gia',
          'Vốn đầu tư phát triển thực hiện các chương trình mục tiêu quốc gia giải ngân đạt 48,2% kế hoạch. Nhiều địa phương còn lúng túng trong việc lựa chọn dự án, lập hồ sơ thủ tục đầu tư đối với các dự án quy mô nhỏ, kỹ thuật không phức tạp.',
        ],
      },
      {
        heading: 'II. KHÓ KHĂN, VƯỚNG MẮC VÀ NGUYÊN NHÂN',
        paragraphs: [
          '1. Công tác giải phóng mặt bằng tại nhiều dự án còn chậm, nhất là việc xác định giá đất cụ thể để tính bồi thường, hỗ trợ, tái định cư; một số địa phương chưa bố trí kịp thời quỹ đất tái định cư.',
          '2. Nguồn cung vật liệu xây dựng thông thường, đặc biệt là cát, đất đắp nền cho các dự án giao thông khu vực đồng bằng sông Cửu Long, chưa đáp ứng nhu cầu; giá vật liệu biến động làm phát sinh yêu cầu điều chỉnh dự án.',
          '3. Năng lực của một số chủ đầu tư, ban quản lý dự án và nhà thầu còn hạn chế; công tác chuẩn bị dự án chưa tốt dẫn đến phải điều chỉnh nhiều lần trong quá trình thực hiện.',
          '4. Mưa lũ kéo dài tại các tỉnh miền Trung và Tây Nguyên làm gián đoạn thi công nhiều công trình trong các tháng gần đây.',
          '5. Trách nhiệm của người đứng đầu ở một số nơi chưa cao; công tác kiểm tra, đôn đốc, xử lý vướng mắc chưa quyết liệt; còn tâm lý né tránh, sợ trách nhiệm trong thực thi công vụ.',
        ],
      },
      {
        heading: 'III. GIẢI PHÁP ĐẨY NHANH TIẾN ĐỘ GIẢI NGÂN',
        paragraphs: [
          '1. Các bộ, cơ quan, địa phương xác định giải ngân vốn đầu tư công là nhiệm vụ chính trị trọng tâm; người đứng đầu trực tiếp chỉ đạo, chịu trách nhiệm về kết quả giải ngân; phân công lãnh đạo theo dõi từng dự án, gắn với kế hoạch giải ngân chi tiết theo tháng.',
          '2. Rà soát, điều chuyển vốn từ các dự án chậm giải ngân sang các dự án có khả năng giải ngân tốt, có nhu cầu bổ sung vốn để đẩy nhanh tiến độ, hoàn thành trong năm; Bộ Tài chính tổng hợp, báo cáo Thủ tướng Chính phủ trước ngày 15 của tháng tới.',
          '3. Tập trung tháo gỡ vướng mắc về giải phóng mặt bằng; Ủy ban nhân dân cấp tỉnh chỉ đạo quyết liệt việc xác định giá đất, bố trí tái định cư; tăng cường đối thoại, vận động người dân bàn giao mặt bằng.',
          '4. Bảo đảm nguồn cung vật liệu xây dựng; đơn giản hóa thủ tục cấp phép khai thác mỏ vật liệu thông thường phục vụ các dự án trọng điểm theo cơ chế đặc thù đã được cho phép.',
          '5. Đẩy mạnh ứng dụng công nghệ thông tin trong theo dõi, đánh giá tình hình giải ngân; công khai kết quả giải ngân của từng bộ, cơ quan, địa phương trên Hệ thống thông tin quốc gia về đầu tư công.',
          '6. Kiên quyết xử lý nghiêm các tổ chức, cá nhân cố tình gây khó khăn, cản trở, làm chậm tiến độ giao vốn, thực hiện và giải ngân vốn; kịp thời khen thưởng tập thể, cá nhân có thành tích.',
        ],
      },
      {
        heading: 'IV. KIẾN NGHỊ',
        paragraphs: [
          'Bộ Tài chính kính đề nghị Chính phủ:',
          '1. Giao các Phó Thủ tướng Chính phủ, Trưởng các Tổ công tác kiểm tra, đôn đốc tiếp tục làm việc với các bộ, cơ quan, địa phương có tỷ lệ giải ngân thấp để tháo gỡ khó khăn, vướng mắc.',
          '2. Cho phép điều chuyển kế hoạch vốn giữa các bộ, cơ quan trung ương và địa phương theo đề xuất tại Phụ lục kèm theo báo cáo này.',
          '3. Chỉ đạo các bộ, cơ quan, địa phương báo cáo kết quả giải ngân định kỳ hằng tháng, làm cơ sở đánh giá mức độ hoàn thành nhiệm vụ năm của tập thể, cá nhân người đứng đầu.',
        ],
      },
    ],
    closingAsk: 'xem xét, chỉ đạo',
    signedBy: 'deputy',
  });
  return {
    title: `Tình hình thực hiện và giải ngân ${plan}`,
    presenter: agency.name,
    durationMinutes: 30,
    summary: `Giải ngân ước đạt 56,7% kế hoạch Thủ tướng Chính phủ giao, cao hơn cùng kỳ; còn 24 bộ, cơ quan và 9 địa phương dưới mức bình quân. Bộ Tài chính nêu năm nhóm nguyên nhân và đề xuất điều chuyển vốn từ dự án chậm giải ngân.`,
    papers: [
      {
        kind: 'report',
        title: `Báo cáo tình hình thực hiện và giải ngân ${plan}`,
        slug: 'bao-cao-giai-ngan-von-dau-tu-cong',
        content: report,
      },
    ],
  };
}
