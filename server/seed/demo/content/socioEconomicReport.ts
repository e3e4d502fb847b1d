import type { PaperContent } from '../../DemoData.ts';
import { AGENCIES } from '../agencies.ts';
import { viDate } from '../hanoiTime.ts';
import type { ItemContext, ItemSpec } from '../ItemSpec.ts';
import { reportPaper } from '../reportPaper.ts';
import { regulationDraftPaper } from '../regulationDraftPaper.ts';

/** "tháng 10 và 10 tháng năm 2026" (or "tháng 12 và cả năm 2026", "tháng 01 năm 2027"). */
export function reviewedPeriod(r: { year: number; month: number }): string {
  if (r.month === 1) return `tháng 01 năm ${r.year}`;
  if (r.month === 12) return `tháng 12 và cả năm ${r.year}`;
  return `tháng ${r.month} và ${r.month} tháng năm ${r.year}`;
}

function monthName(m: { year: number; month: number }): string {
  return `tháng ${m.month <= 2 ? String(m.month).padStart(2, '0') : m.month} năm ${m.year}`;
}

/**
 * The socio-economic situation (Bộ Tài chính) and the draft resolution of the meeting. Figures
 * are invented for the demo; `variant` shifts them so two meetings do not read the same.
 */
export function socioEconomicReport(
  ctx: ItemContext,
  options: { variant?: number; number?: number; withResolution?: boolean } = {},
): ItemSpec {
  const { variant = 0, number = 812, withResolution = true } = options;
  const agency = AGENCIES.btc;
  const r = ctx.reviewed;
  const period = reviewedPeriod(r);
  const next = monthName(ctx);
  const v = (base: number, step: number): string =>
    (base + variant * step).toFixed(1).replace('.', ',');
  const report = reportPaper({
    agency,
    number,
    issued: ctx.before(7),
    title: `Tình hình kinh tế - xã hội ${period}; nhiệm vụ, giải pháp trọng tâm ${next}`,
    intro: [
      `Thực hiện Quy chế làm việc của Chính phủ, trên cơ sở báo cáo của các bộ, cơ quan, địa phương và số liệu của Cục Thống kê, Bộ Tài chính báo cáo tình hình kinh tế - xã hội ${period} và nhiệm vụ, giải pháp trọng tâm ${next} như sau:`,
    ],
    sections: [
      { heading: 'I. TÌNH HÌNH KINH TẾ - XÃ HỘI', paragraphs: [] },
      {
        heading: '1. Kinh tế vĩ mô cơ bản ổn định, lạm phát được kiểm soát',
        paragraphs: [
          `Chỉ số giá tiêu dùng (CPI) bình quân ${period} tăng ${v(3.2, -0.2)}% so với cùng kỳ năm trước, trong phạm vi mục tiêu Quốc hội đề ra; lạm phát cơ bản tăng ${v(3.0, -0.1)}%. Giá lương thực, thực phẩm tăng nhẹ do ảnh hưởng của mưa lũ tại một số địa phương; giá xăng dầu giảm theo giá thế giới đã góp phần kiềm chế mặt bằng giá chung.`,
          'Thị trường tiền tệ, ngoại hối cơ bản ổn định; mặt bằng lãi suất cho vay tiếp tục giảm nhẹ; tín dụng toàn nền kinh tế tăng khá, tập trung vào các lĩnh vực sản xuất, kinh doanh và lĩnh vực ưu tiên. Tỷ giá được điều hành linh hoạt, phù hợp với diễn biến thị trường trong nước và quốc tế.',
          `Thu ngân sách nhà nước ${period} ước đạt ${v(91.4, 4.1)}% dự toán, tăng ${v(14.2, -1.3)}% so với cùng kỳ; chi ngân sách nhà nước được điều hành chặt chẽ, bảo đảm các nhiệm vụ chi quan trọng, chi trả nợ đến hạn và an sinh xã hội. Bội chi ngân sách, nợ công, nợ Chính phủ nằm trong giới hạn cho phép.`,
        ],
      },
      {
        heading: '2. Các ngành sản xuất, kinh doanh tiếp tục phục hồi',
        paragraphs: [
          `Sản xuất nông nghiệp cơ bản ổn định dù chịu ảnh hưởng của thiên tai; sản lượng lúa vụ mùa ước đạt khá, chăn nuôi phát triển ổn định, dịch bệnh được kiểm soát. Kim ngạch xuất khẩu nông, lâm, thủy sản ${period} ước tăng ${v(11.6, 0.8)}% so với cùng kỳ.`,
          `Chỉ số sản xuất toàn ngành công nghiệp (IIP) tháng ${r.month} ước tăng ${v(9.1, -0.6)}% so với cùng kỳ, trong đó công nghiệp chế biến, chế tạo tăng ${v(10.3, -0.5)}%, tiếp tục là động lực tăng trưởng. Chỉ số nhà quản trị mua hàng (PMI) duy trì trên ngưỡng 50 điểm, cho thấy điều kiện kinh doanh được cải thiện.`,
          `Tổng mức bán lẻ hàng hóa và doanh thu dịch vụ tiêu dùng ${period} tăng ${v(9.4, 0.2)}% so với cùng kỳ; khách quốc tế đến Việt Nam đạt mức cao nhất từ trước đến nay. Tổng kim ngạch xuất, nhập khẩu tăng ${v(16.8, -0.9)}%, cán cân thương mại tiếp tục xuất siêu.`,
        ],
      },
      {
        heading: '3. Đầu tư và phát triển doanh nghiệp',
        paragraphs: [
          `Vốn đầu tư trực tiếp nước ngoài (FDI) thực hiện ${period} ước đạt mức cao, tăng ${v(8.5, 0.7)}% so với cùng kỳ; nhiều dự án quy mô lớn trong lĩnh vực bán dẫn, trung tâm dữ liệu và năng lượng tái tạo được cấp phép mới hoặc tăng vốn. Giải ngân vốn đầu tư công có chuyển biến nhưng chưa đạt yêu cầu (báo cáo riêng tại nội dung thứ hai của phiên họp).`,
          'Số doanh nghiệp thành lập mới và quay trở lại hoạt động tăng so với cùng kỳ, vượt số doanh nghiệp rút lui khỏi thị trường. Tuy nhiên, doanh nghiệp nhỏ và vừa vẫn gặp khó khăn về đơn hàng, tiếp cận vốn và chi phí tuân thủ thủ tục hành chính.',
        ],
      },
      {
        heading: '4. Văn hóa - xã hội, quốc phòng, an ninh và đối ngoại',
        paragraphs: [
          'Công tác an sinh xã hội được thực hiện kịp thời; các địa phương chủ động hỗ trợ người dân bị ảnh hưởng bởi thiên tai, bảo đảm không để người dân thiếu đói. Thị trường lao động phục hồi, thu nhập bình quân của người lao động tăng so với cùng kỳ. Năm học mới được triển khai đúng kế hoạch; công tác khám bệnh, chữa bệnh và phòng, chống dịch bệnh được bảo đảm.',
          'Quốc phòng, an ninh được giữ vững; trật tự, an toàn xã hội được bảo đảm. Hoạt động đối ngoại, hội nhập quốc tế được triển khai tích cực, góp phần củng cố môi trường hòa bình, ổn định và thu hút nguồn lực cho phát triển.',
        ],
      },
      {
        heading: 'II. HẠN CHẾ, KHÓ KHĂN',
        paragraphs: [
          'Bên cạnh những kết quả đạt được, kinh tế - xã hội còn một số hạn chế, khó khăn: áp lực lạm phát từ bên ngoài còn lớn; sức mua trong nước phục hồi chậm; giải ngân vốn đầu tư công tại một số bộ, cơ quan, địa phương còn thấp; thủ tục hành chính trong một số lĩnh vực còn phức tạp; thiên tai, mưa lũ gây thiệt hại nặng nề về người và tài sản tại các tỉnh miền Trung.',
          'Nguyên nhân chủ yếu là do tình hình thế giới diễn biến phức tạp, khó lường; một số quy định pháp luật còn chồng chéo, chậm được sửa đổi; công tác phối hợp giữa các bộ, ngành và địa phương có lúc, có nơi chưa chặt chẽ; trách nhiệm người đứng đầu ở một số nơi chưa được phát huy đầy đủ.',
        ],
      },
      {
        heading: `III. NHIỆM VỤ, GIẢI PHÁP TRỌNG TÂM ${next.toLocaleUpperCase('vi-VN')}`,
        paragraphs: [
          '1. Tiếp tục ưu tiên thúc đẩy tăng trưởng gắn với giữ vững ổn định kinh tế vĩ mô, kiểm soát lạm phát; điều hành chính sách tiền tệ chủ động, linh hoạt, phối hợp chặt chẽ với chính sách tài khóa mở rộng có trọng tâm, trọng điểm.',
          '2. Quyết liệt đẩy mạnh giải ngân vốn đầu tư công; kịp thời điều chuyển vốn từ các dự án chậm giải ngân sang các dự án có khả năng giải ngân tốt; xử lý dứt điểm vướng mắc về giải phóng mặt bằng, nguyên vật liệu xây dựng.',
          '3. Kích cầu tiêu dùng nội địa, phát triển thị trường trong nước; đẩy mạnh xúc tiến thương mại, đa dạng hóa thị trường xuất khẩu, tận dụng hiệu quả các hiệp định thương mại tự do.',
          '4. Khẩn trương khắc phục hậu quả thiên tai, ổn định đời sống Nhân dân, khôi phục sản xuất; chủ động phương án ứng phó với các đợt mưa lũ tiếp theo.',
          '5. Đẩy mạnh chuyển đổi số, cải cách thủ tục hành chính, cung cấp dịch vụ công trực tuyến toàn trình; hoàn thiện thể chế, tháo gỡ kịp thời các điểm nghẽn trong thực thi pháp luật.',
          '6. Bảo đảm an sinh xã hội, chăm lo đời sống Nhân dân; giữ vững quốc phòng, an ninh; nâng cao hiệu quả công tác đối ngoại và hội nhập quốc tế; làm tốt công tác thông tin, truyền thông, tạo đồng thuận xã hội.',
        ],
      },
    ],
    closingAsk: 'xem xét, cho ý kiến',
  });

  // Only meeting 1's resolution exists: its third article names meeting 1's drafts.
  const resolution = (): PaperContent =>
    regulationDraftPaper({
      agency: AGENCIES.vpcp,
      kind: 'resolution',
      subject: `Phiên họp Chính phủ thường kỳ ${next}`,
      year: ctx.year,
      bases: ['Căn cứ Quy chế làm việc của Chính phủ;'],
      proposalLine: `Trên cơ sở thảo luận của các thành viên Chính phủ và kết luận của Thủ tướng Chính phủ tại phiên họp Chính phủ thường kỳ ${next}, tổ chức ${viDate(ctx.meetingDay)},`,
      scope: '',
      subjects: [],
      chapters: [],
      generalArticles: [
        {
          title: 'Về tình hình kinh tế - xã hội',
          body: [
            `Chính phủ thống nhất đánh giá: ${period}, trong bối cảnh tình hình thế giới tiếp tục diễn biến phức tạp, thiên tai gây thiệt hại nặng nề, các cấp, các ngành, các địa phương đã triển khai quyết liệt, đồng bộ các nhiệm vụ, giải pháp; kinh tế vĩ mô cơ bản ổn định, lạm phát được kiểm soát, các cân đối lớn được bảo đảm; các động lực tăng trưởng tiếp tục được thúc đẩy; an sinh xã hội được quan tâm; quốc phòng, an ninh được giữ vững.`,
            'Bên cạnh kết quả đạt được, Chính phủ nghiêm túc nhìn nhận những hạn chế, khó khăn như báo cáo của Bộ Tài chính; yêu cầu các bộ, cơ quan, địa phương phân tích rõ nguyên nhân, xác định trách nhiệm và có giải pháp khắc phục kịp thời.',
          ],
        },
        {
          title: 'Về nhiệm vụ, giải pháp trọng tâm thời gian tới',
          body: [
            '1. Các bộ, cơ quan, địa phương tập trung thực hiện quyết liệt các nhiệm vụ, giải pháp đã đề ra tại các nghị quyết của Chính phủ, phấn đấu hoàn thành cao nhất các chỉ tiêu, nhiệm vụ năm.',
            '2. Bộ Tài chính chủ trì, phối hợp với các bộ, cơ quan liên quan theo dõi sát tình hình, chủ động tham mưu giải pháp điều hành chính sách tài khóa; đôn đốc giải ngân vốn đầu tư công, định kỳ báo cáo Thủ tướng Chính phủ.',
            '3. Ngân hàng Nhà nước Việt Nam điều hành chính sách tiền tệ chủ động, linh hoạt, kịp thời, hiệu quả; tạo điều kiện cho doanh nghiệp, người dân tiếp cận vốn tín dụng.',
            '4. Bộ Nông nghiệp và Môi trường chủ trì hướng dẫn các địa phương khắc phục hậu quả thiên tai, khôi phục sản xuất nông nghiệp, bảo đảm đủ giống cây trồng, vật nuôi cho vụ sau.',
          ],
        },
        {
          title: 'Về giải ngân vốn đầu tư công',
          body: [
            '1. Các bộ, cơ quan, địa phương xác định giải ngân vốn đầu tư công là nhiệm vụ chính trị trọng tâm; người đứng đầu trực tiếp chỉ đạo và chịu trách nhiệm trước Chính phủ, Thủ tướng Chính phủ về kết quả giải ngân của cơ quan, địa phương mình.',
            '2. Giao Bộ Tài chính rà soát, đề xuất phương án điều chuyển vốn từ các dự án chậm giải ngân sang các dự án có khả năng giải ngân tốt, báo cáo Thủ tướng Chính phủ trước ngày 15 của tháng tới.',
            '3. Các Tổ công tác của Thủ tướng Chính phủ tiếp tục kiểm tra, đôn đốc, tháo gỡ khó khăn, vướng mắc tại các bộ, cơ quan, địa phương có tỷ lệ giải ngân thấp.',
          ],
        },
        {
          title: 'Về hoàn thiện thể chế, cải cách thủ tục hành chính và chuyển đổi số',
          body: [
            '1. Các bộ, cơ quan ngang bộ khẩn trương trình ban hành các văn bản quy định chi tiết còn nợ đọng; không để phát sinh nợ đọng mới đối với các luật có hiệu lực từ ngày 01 tháng 01 năm tới.',
            '2. Đẩy mạnh cắt giảm, đơn giản hóa thủ tục hành chính, điều kiện kinh doanh; kiểm tra thực chất các dịch vụ công được công bố là trực tuyến toàn trình, kiên quyết không yêu cầu người dân nộp lại hồ sơ giấy.',
            '3. Văn phòng Chính phủ tổng hợp tình hình thực hiện nhiệm vụ được giao, công khai danh sách nhiệm vụ quá hạn tại phiên họp Chính phủ thường kỳ hằng tháng.',
          ],
        },
        {
          title: 'Về khắc phục hậu quả thiên tai và bảo đảm an sinh xã hội',
          body: [
            '1. Các bộ, cơ quan, địa phương tập trung khắc phục hậu quả bão, lũ, bảo đảm không để người dân nào bị đói, rét, thiếu chỗ ở; sớm khôi phục sản xuất, ổn định đời sống Nhân dân, nhất là dịp cuối năm và Tết Nguyên đán.',
            '2. Bộ Nội vụ chủ trì, phối hợp với các địa phương rà soát, thực hiện kịp thời, đầy đủ các chính sách an sinh xã hội, trợ giúp xã hội đối với người có hoàn cảnh khó khăn.',
          ],
        },
        {
          title: 'Về công tác thông tin, truyền thông',
          body: [
            'Các bộ, cơ quan, địa phương chủ động cung cấp thông tin chính xác, kịp thời về tình hình kinh tế - xã hội và sự chỉ đạo, điều hành của Chính phủ; kịp thời phản bác các thông tin sai sự thật, tạo đồng thuận xã hội trong thực hiện các nhiệm vụ phát triển kinh tế - xã hội.',
          ],
        },
        {
          title: 'Về các dự thảo văn bản trình tại phiên họp',
          body: [
            '1. Giao Bộ Khoa học và Công nghệ tiếp thu tối đa ý kiến thành viên Chính phủ, hoàn thiện dự thảo Nghị định về cung cấp dịch vụ công trực tuyến, trình ban hành trong tháng.',
            '2. Giao Bộ Công an hoàn thiện hồ sơ dự án Luật Phát triển thị trường dữ liệu, báo cáo Chính phủ trước khi trình Quốc hội.',
            '3. Giao Bộ Công Thương, Bộ Nông nghiệp và Môi trường hoàn thiện các dự thảo Nghị quyết thuộc lĩnh vực được giao, trình Thủ tướng Chính phủ thay mặt Chính phủ ký ban hành.',
          ],
        },
      ],
      effectiveFrom: ctx.meetingDay,
    });

  return {
    title: `Tình hình kinh tế - xã hội ${period}; nhiệm vụ, giải pháp trọng tâm ${next}`,
    presenter: agency.name,
    durationMinutes: 45,
    summary: `Bộ Tài chính báo cáo tình hình kinh tế - xã hội ${period}: kinh tế vĩ mô ổn định, CPI trong mục tiêu, thu ngân sách đạt khá; hạn chế về sức mua, giải ngân đầu tư công và thiệt hại do thiên tai. Đề xuất sáu nhóm nhiệm vụ, giải pháp trọng tâm ${next}${withResolution ? ' và dự thảo Nghị quyết phiên họp' : ''}.`,
    papers: [
      {
        kind: 'report',
        title: `Báo cáo tình hình kinh tế - xã hội ${period}`,
        slug: 'bao-cao-tinh-hinh-kinh-te-xa-hoi',
        content: report,
      },
      ...(withResolution
        ? [
            {
              kind: 'draft' as const,
              title: `Dự thảo Nghị quyết phiên họp Chính phủ thường kỳ ${next}`,
              slug: 'du-thao-nghi-quyet-phien-hop',
              content: resolution(),
            },
          ]
        : []),
    ],
  };
}
