import { AGENCIES } from '../agencies.ts';
import type { ItemContext, ItemSpec } from '../ItemSpec.ts';
import { reportPaper } from '../reportPaper.ts';

/** Meeting 1: backlog of detailed regulations under laws (Bộ Tư pháp). Figures invented. */
export function detailedRegulationsReport(ctx: ItemContext): ItemSpec {
  const agency = AGENCIES.btp;
  const report = reportPaper({
    agency,
    number: 388,
    issued: ctx.before(7),
    title:
      'Tình hình xây dựng, ban hành văn bản quy định chi tiết thi hành luật, nghị quyết của Quốc hội',
    intro: [
      'Thực hiện nhiệm vụ được giao, Bộ Tư pháp báo cáo tình hình xây dựng, ban hành văn bản quy định chi tiết thi hành luật, nghị quyết của Quốc hội, pháp lệnh, nghị quyết của Ủy ban Thường vụ Quốc hội như sau:',
    ],
    sections: [
      {
        heading: 'I. KẾT QUẢ ĐẠT ĐƯỢC',
        paragraphs: [
          `Từ đầu năm ${ctx.reviewed.year} đến nay, các bộ, cơ quan ngang bộ đã trình và Chính phủ, Thủ tướng Chính phủ đã ban hành 214 văn bản quy định chi tiết, trong đó có 131 nghị định, 19 quyết định của Thủ tướng Chính phủ và 64 thông tư. Đối với các luật có hiệu lực từ ngày 01 tháng 01 năm tới, đã ban hành 58 trên tổng số 96 văn bản cần ban hành.`,
          'Chất lượng văn bản quy định chi tiết từng bước được nâng lên; nhiều văn bản đã kịp thời tháo gỡ vướng mắc trong các lĩnh vực đất đai, nhà ở, kinh doanh bất động sản, đầu tư công. Việc lấy ý kiến đối tượng chịu tác động được thực hiện nghiêm túc hơn; nhiều bộ đã ứng dụng hệ thống thông tin để theo dõi tiến độ soạn thảo.',
          'Công tác kiểm tra, rà soát văn bản được chú trọng: trong năm, Bộ Tư pháp và các bộ, cơ quan đã kiểm tra hơn 6.200 văn bản, phát hiện 143 văn bản có dấu hiệu trái pháp luật về nội dung, thẩm quyền và đã kiến nghị cơ quan ban hành xử lý theo quy định. Cơ sở dữ liệu quốc gia về pháp luật được cập nhật đầy đủ, kịp thời, phục vụ tốt hơn nhu cầu tra cứu của người dân, doanh nghiệp.',
        ],
      },
      {
        heading: 'II. TỒN TẠI, HẠN CHẾ',
        paragraphs: [
          'Hiện còn 17 văn bản quy định chi tiết chậm ban hành so với thời điểm luật có hiệu lực, trong đó có 11 nghị định và 6 thông tư; một số văn bản chậm kéo dài trên 6 tháng, ảnh hưởng đến việc thi hành luật và quyền, lợi ích hợp pháp của người dân, doanh nghiệp.',
          'Một số văn bản còn giao lại cho địa phương quy định, chưa bảo đảm tính thống nhất; một số nội dung quy định chưa rõ ràng, dẫn đến cách hiểu và áp dụng khác nhau. Việc phối hợp giữa cơ quan chủ trì soạn thảo với các cơ quan liên quan có lúc chưa chặt chẽ, thời gian cho ý kiến kéo dài.',
          'Nguyên nhân chủ yếu là do khối lượng văn bản cần ban hành lớn trong thời gian ngắn; nhiều nội dung phức tạp, liên quan đến nhiều ngành, lĩnh vực; nguồn nhân lực làm công tác xây dựng pháp luật tại một số bộ còn thiếu và yếu; trách nhiệm người đứng đầu trong chỉ đạo xây dựng văn bản ở một số nơi chưa được đề cao.',
        ],
      },
      {
        heading: 'III. TÌNH HÌNH CỤ THỂ TẠI MỘT SỐ BỘ, CƠ QUAN',
        paragraphs: [
          '1. Lĩnh vực đất đai, nhà ở, xây dựng',
          'Còn 5 văn bản chậm ban hành, chủ yếu liên quan đến định giá đất, bồi thường, hỗ trợ, tái định cư và quản lý phát triển đô thị. Nguyên nhân là các nội dung có tác động lớn đến quyền, lợi ích của người dân, cần đánh giá kỹ và xin ý kiến rộng rãi.',
          '2. Lĩnh vực tài chính, ngân hàng',
          'Còn 4 văn bản chậm ban hành liên quan đến quản lý thuế đối với hoạt động thương mại điện tử, quản lý tài sản công và hoạt động của tổ chức tín dụng. Một số nội dung còn ý kiến khác nhau giữa các bộ, cần báo cáo Thủ tướng Chính phủ cho ý kiến.',
          '3. Lĩnh vực khoa học, công nghệ và chuyển đổi số',
          'Còn 4 văn bản chậm ban hành, trong đó có văn bản quy định chi tiết về dịch vụ công trực tuyến đang được trình tại phiên họp này. Các bộ đã cam kết hoàn thành trong quý này.',
          '4. Các lĩnh vực khác',
          'Còn 4 văn bản thuộc các lĩnh vực y tế, giáo dục, văn hóa và nội vụ; các bộ chủ trì đã có kế hoạch cụ thể, dự kiến trình trong tháng tới.',
        ],
      },
      {
        heading: 'IV. NHIỆM VỤ, GIẢI PHÁP',
        paragraphs: [
          '1. Các bộ, cơ quan ngang bộ khẩn trương hoàn thiện, trình ban hành các văn bản còn nợ đọng trong tháng; lập danh mục và phân công cụ thể lãnh đạo, đơn vị chịu trách nhiệm đối với từng văn bản.',
          '2. Tập trung xây dựng các văn bản quy định chi tiết các luật có hiệu lực từ ngày 01 tháng 01 năm tới, bảo đảm có hiệu lực cùng thời điểm với luật; không để phát sinh nợ đọng mới.',
          '3. Bộ Tư pháp tăng cường thẩm định, kiểm tra văn bản; rút ngắn thời gian thẩm định đối với các văn bản được xây dựng theo trình tự, thủ tục rút gọn; định kỳ công khai danh sách văn bản chậm ban hành.',
          '4. Đề nghị Chính phủ đưa kết quả xây dựng văn bản quy định chi tiết vào tiêu chí đánh giá mức độ hoàn thành nhiệm vụ của các bộ, cơ quan và người đứng đầu.',
          '5. Tăng cường ứng dụng công nghệ số, trí tuệ nhân tạo trong rà soát, hệ thống hóa văn bản và phát hiện mâu thuẫn, chồng chéo giữa các quy định; bảo đảm kinh phí, nhân lực cho công tác xây dựng pháp luật theo đúng chủ trương đổi mới công tác xây dựng và thi hành pháp luật.',
        ],
      },
    ],
    closingAsk: 'xem xét, chỉ đạo',
  });
  return {
    title: 'Tình hình xây dựng, ban hành văn bản quy định chi tiết thi hành luật, nghị quyết',
    presenter: agency.name,
    durationMinutes: 20,
    summary:
      'Đã ban hành 214 văn bản quy định chi tiết từ đầu năm; còn 17 văn bản chậm ban hành (11 nghị định, 6 thông tư). Bộ Tư pháp đề nghị đưa kết quả này vào tiêu chí đánh giá người đứng đầu.',
    papers: [
      {
        kind: 'report',
        title: 'Báo cáo tình hình xây dựng, ban hành văn bản quy định chi tiết',
        slug: 'bao-cao-van-ban-quy-dinh-chi-tiet',
        content: report,
      },
    ],
  };
}
