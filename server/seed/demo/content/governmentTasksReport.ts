import { AGENCIES } from '../agencies.ts';
import type { ItemContext, ItemSpec } from '../ItemSpec.ts';
import { reportPaper } from '../reportPaper.ts';

/** Meeting 1: tasks assigned by the Government and administrative reform (Văn phòng Chính phủ). */
export function governmentTasksReport(ctx: ItemContext): ItemSpec {
  const agency = AGENCIES.vpcp;
  const r = ctx.reviewed;
  const report = reportPaper({
    agency,
    number: 412,
    issued: ctx.before(6),
    title: `Tình hình thực hiện nhiệm vụ Chính phủ, Thủ tướng Chính phủ giao và công tác cải cách thủ tục hành chính tháng ${r.month} năm ${r.year}`,
    intro: [
      'Văn phòng Chính phủ báo cáo tình hình thực hiện nhiệm vụ Chính phủ, Thủ tướng Chính phủ giao; kết quả cải cách thủ tục hành chính, thực hiện cơ chế một cửa, một cửa liên thông và cung cấp dịch vụ công trực tuyến trong tháng như sau:',
    ],
    sections: [
      {
        heading: 'I. TÌNH HÌNH THỰC HIỆN NHIỆM VỤ ĐƯỢC GIAO',
        paragraphs: [
          `Trong tháng ${r.month}, Chính phủ, Thủ tướng Chính phủ đã giao các bộ, cơ quan, địa phương 1.046 nhiệm vụ. Tính chung từ đầu năm, tổng số nhiệm vụ được giao là 9.835 nhiệm vụ; các bộ, cơ quan, địa phương đã hoàn thành 7.214 nhiệm vụ, đang thực hiện trong hạn 2.318 nhiệm vụ; còn 303 nhiệm vụ quá hạn, giảm 41 nhiệm vụ so với tháng trước.`,
          'Một số bộ, cơ quan có nhiều nhiệm vụ quá hạn là các bộ quản lý lĩnh vực đất đai, đầu tư, xây dựng; nguyên nhân chủ yếu là nhiệm vụ phức tạp, liên quan đến nhiều bộ, ngành, cần thời gian xin ý kiến, thống nhất; một số đơn vị chưa chủ động báo cáo, đề xuất điều chỉnh thời hạn khi không thể hoàn thành đúng hạn.',
          'Về xây dựng văn bản quy định chi tiết, trong tháng các bộ, cơ quan đã trình 27 văn bản; Chính phủ, Thủ tướng Chính phủ đã ban hành 22 văn bản. Số văn bản quy định chi tiết còn nợ đọng giảm so với tháng trước nhưng vẫn còn cao (báo cáo riêng của Bộ Tư pháp).',
        ],
      },
      {
        heading: 'II. CÔNG TÁC CẢI CÁCH THỦ TỤC HÀNH CHÍNH',
        paragraphs: [
          '1. Về cắt giảm, đơn giản hóa quy định kinh doanh',
          'Các bộ, cơ quan đã cắt giảm, đơn giản hóa 186 quy định kinh doanh trong 14 văn bản quy phạm pháp luật; phân cấp 58 thủ tục hành chính cho địa phương giải quyết. Tuy nhiên, việc cắt giảm ở một số lĩnh vực còn mang tính cơ học, chưa thực chất; chi phí tuân thủ của doanh nghiệp chưa giảm tương xứng.',
          '2. Về cung cấp dịch vụ công trực tuyến',
          'Cổng Dịch vụ công quốc gia tiếp tục được nâng cấp, tích hợp thêm 112 dịch vụ công trực tuyến; số hồ sơ trực tuyến toàn trình tăng 18% so với tháng trước. Tỷ lệ hồ sơ trực tuyến trên tổng số hồ sơ đạt 52,4%; tỷ lệ số hóa hồ sơ, kết quả giải quyết thủ tục hành chính đạt 68,9%.',
          'Một số dịch vụ công thiết yếu như đăng ký khai sinh, thường trú, cấp đổi giấy phép lái xe đã được cung cấp liên thông toàn trình, được người dân đánh giá cao. Tuy nhiên, hệ thống ở một số nơi còn chậm, lỗi kết nối; một số dịch vụ được công bố là toàn trình nhưng vẫn yêu cầu người dân đến nộp bản giấy.',
          '3. Về tiếp nhận, xử lý phản ánh, kiến nghị',
          'Trong tháng, Văn phòng Chính phủ đã tiếp nhận 1.297 phản ánh, kiến nghị của người dân, doanh nghiệp về quy định hành chính; đã chuyển các bộ, cơ quan, địa phương xử lý 1.180 phản ánh, kiến nghị; tỷ lệ xử lý đúng hạn đạt 91,3%.',
        ],
      },
      {
        heading: 'III. CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH VÀ PHỐI HỢP',
        paragraphs: [
          `Trong tháng ${r.month}, Chính phủ đã tổ chức 01 phiên họp thường kỳ và 01 phiên họp chuyên đề về xây dựng pháp luật; Thủ tướng Chính phủ, các Phó Thủ tướng Chính phủ đã chủ trì 46 cuộc họp, làm việc với các bộ, ngành, địa phương để giải quyết các vấn đề phát sinh, tháo gỡ khó khăn cho sản xuất, kinh doanh.`,
          'Việc lấy ý kiến thành viên Chính phủ bằng phiếu được thực hiện đối với 9 dự thảo văn bản; thời gian trả lời trung bình là 5,2 ngày làm việc, rút ngắn so với các tháng trước. Tuy nhiên, vẫn còn một số phiếu lấy ý kiến được trả lời chậm so với thời hạn, làm ảnh hưởng đến tiến độ ban hành văn bản.',
          'Việc sử dụng Hệ thống thông tin phục vụ họp và xử lý công việc của Chính phủ tiếp tục được đẩy mạnh; toàn bộ tài liệu phiên họp được gửi trên môi trường điện tử, tiết kiệm đáng kể thời gian và chi phí in ấn. Văn phòng Chính phủ đề nghị các bộ, cơ quan gửi tài liệu đúng thời hạn quy định, hạn chế việc gửi bổ sung, thay thế tài liệu sát ngày họp.',
        ],
      },
      {
        heading: 'IV. ĐỀ XUẤT, KIẾN NGHỊ',
        paragraphs: [
          '1. Đề nghị các bộ, cơ quan, địa phương tập trung xử lý dứt điểm các nhiệm vụ quá hạn; trường hợp không thể hoàn thành phải báo cáo rõ lý do, đề xuất thời hạn mới trước khi hết hạn.',
          '2. Đề nghị Bộ Khoa học và Công nghệ phối hợp với Văn phòng Chính phủ kiểm tra, đánh giá thực chất các dịch vụ công được công bố toàn trình; kiên quyết không công nhận các dịch vụ còn yêu cầu hồ sơ giấy.',
          '3. Đề nghị người đứng đầu các bộ, cơ quan, địa phương trực tiếp chỉ đạo công tác cải cách thủ tục hành chính, coi đây là tiêu chí quan trọng trong đánh giá kết quả thực hiện nhiệm vụ năm.',
          '4. Đề nghị các thành viên Chính phủ trả lời phiếu lấy ý kiến đúng thời hạn; trường hợp không có ý kiến khác, đề nghị sử dụng chữ ký số trên hệ thống để rút ngắn thời gian tổng hợp.',
        ],
      },
    ],
    closingAsk: 'xem xét, chỉ đạo',
    signedBy: 'deputy',
  });
  return {
    title:
      'Tình hình thực hiện nhiệm vụ Chính phủ, Thủ tướng Chính phủ giao và công tác cải cách thủ tục hành chính',
    presenter: agency.name,
    durationMinutes: 20,
    summary:
      'Còn 303 nhiệm vụ quá hạn (giảm 41 so với tháng trước); tỷ lệ hồ sơ trực tuyến đạt 52,4%; 186 quy định kinh doanh được cắt giảm. Văn phòng Chính phủ kiến nghị kiểm tra thực chất các dịch vụ công được công bố toàn trình.',
    papers: [
      {
        kind: 'report',
        title: 'Báo cáo tình hình thực hiện nhiệm vụ được giao và cải cách thủ tục hành chính',
        slug: 'bao-cao-nhiem-vu-cai-cach-thu-tuc',
        content: report,
      },
    ],
  };
}
