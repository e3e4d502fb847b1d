import type { Role } from '../../../shared/domain/user.ts';

/**
 * The demo Government: fictional people in the real structure of ministries and ministry-level
 * agencies (14 ministries and 3 ministry-level agencies since 2025). Any likeness of a name to a
 * real person is accidental. `n` fixes each account's id (see demoIds.ts): never renumber.
 */
export interface RosterEntry {
  n: number;
  key: string;
  username: string;
  displayName: string;
  title: string;
  unit: string;
  role: Role;
  /** For a deputy minister who may attend in place of their minister: that minister's key. */
  deputyOf?: string;
}

const member = (
  n: number,
  key: string,
  username: string,
  displayName: string,
  title: string,
  unit: string,
): RosterEntry => ({
  n,
  key,
  username,
  displayName,
  title,
  unit,
  role: 'member',
});

export const ROSTER: readonly RosterEntry[] = [
  member(1, 'pm', 'thutuong', 'Phan Quốc Bảo', 'Thủ tướng Chính phủ', 'Chính phủ'),
  member(
    2,
    'dpm1',
    'ptt.nghia',
    'Vũ Đình Nghĩa',
    'Phó Thủ tướng Thường trực Chính phủ',
    'Chính phủ',
  ),
  member(3, 'dpm2', 'ptt.huong', 'Đặng Thị Mai Hương', 'Phó Thủ tướng Chính phủ', 'Chính phủ'),
  member(4, 'dpm3', 'ptt.thinh', 'Lưu Văn Thịnh', 'Phó Thủ tướng Chính phủ', 'Chính phủ'),
  member(5, 'dpm4', 'ptt.triet', 'Hoàng Minh Triết', 'Phó Thủ tướng Chính phủ', 'Chính phủ'),
  member(6, 'dpm5', 'ptt.khai', 'Tạ Quang Khải', 'Phó Thủ tướng Chính phủ', 'Chính phủ'),
  member(7, 'bqp', 'bt.quocphong', 'Trương Văn Cường', 'Bộ trưởng Bộ Quốc phòng', 'Bộ Quốc phòng'),
  member(8, 'bca', 'bt.congan', 'Ninh Đức Thành', 'Bộ trưởng Bộ Công an', 'Bộ Công an'),
  member(9, 'bng', 'bt.ngoaigiao', 'Lạc Thị Ngọc Anh', 'Bộ trưởng Bộ Ngoại giao', 'Bộ Ngoại giao'),
  member(10, 'bnv', 'bt.noivu', 'Kiều Văn Toàn', 'Bộ trưởng Bộ Nội vụ', 'Bộ Nội vụ'),
  member(11, 'btp', 'bt.tuphap', 'Châu Minh Đức', 'Bộ trưởng Bộ Tư pháp', 'Bộ Tư pháp'),
  member(12, 'btc', 'bt.taichinh', 'Quách Thế Vinh', 'Bộ trưởng Bộ Tài chính', 'Bộ Tài chính'),
  member(13, 'bct', 'bt.congthuong', 'Mạc Văn Lộc', 'Bộ trưởng Bộ Công Thương', 'Bộ Công Thương'),
  member(
    14,
    'bnnmt',
    'bt.nnmt',
    'Hà Thị Thu Trang',
    'Bộ trưởng Bộ Nông nghiệp và Môi trường',
    'Bộ Nông nghiệp và Môi trường',
  ),
  member(15, 'bxd', 'bt.xaydung', 'Giang Quốc Phong', 'Bộ trưởng Bộ Xây dựng', 'Bộ Xây dựng'),
  member(
    16,
    'bvhttdl',
    'bt.vhttdl',
    'Lý Thanh Tùng',
    'Bộ trưởng Bộ Văn hóa, Thể thao và Du lịch',
    'Bộ Văn hóa, Thể thao và Du lịch',
  ),
  member(
    17,
    'bkhcn',
    'bt.khcn',
    'Tôn Thất Minh Nhật',
    'Bộ trưởng Bộ Khoa học và Công nghệ',
    'Bộ Khoa học và Công nghệ',
  ),
  member(
    18,
    'bgddt',
    'bt.gddt',
    'Nghiêm Thị Phương Thảo',
    'Bộ trưởng Bộ Giáo dục và Đào tạo',
    'Bộ Giáo dục và Đào tạo',
  ),
  member(19, 'byt', 'bt.yte', 'Cù Văn Hiếu', 'Bộ trưởng Bộ Y tế', 'Bộ Y tế'),
  member(
    20,
    'bdttg',
    'bt.dantoc',
    'Lò Văn Páo',
    'Bộ trưởng Bộ Dân tộc và Tôn giáo',
    'Bộ Dân tộc và Tôn giáo',
  ),
  member(
    21,
    'nhnn',
    'thongdoc.nhnn',
    'Khúc Thị Lan Phương',
    'Thống đốc Ngân hàng Nhà nước Việt Nam',
    'Ngân hàng Nhà nước Việt Nam',
  ),
  member(
    22,
    'ttcp',
    'tongthanhtra',
    'Bạch Văn Sang',
    'Tổng Thanh tra Chính phủ',
    'Thanh tra Chính phủ',
  ),
  member(
    23,
    'vpcp',
    'cn.vpcp',
    'Thân Đức Trọng',
    'Bộ trưởng, Chủ nhiệm Văn phòng Chính phủ',
    'Văn phòng Chính phủ',
  ),
  // Deputy ministers who attend in place of their minister (role member in the directory; the
  // participant row makes them a substitute).
  {
    ...member(
      24,
      'tt.bng',
      'tt.ngoaigiao',
      'Mẫn Quang Huy',
      'Thứ trưởng Bộ Ngoại giao',
      'Bộ Ngoại giao',
    ),
    deputyOf: 'bng',
  },
  {
    ...member(
      25,
      'tt.bqp',
      'tt.quocphong',
      'Lục Văn Khang',
      'Thứ trưởng Bộ Quốc phòng',
      'Bộ Quốc phòng',
    ),
    deputyOf: 'bqp',
  },
  {
    n: 26,
    key: 'sec1',
    username: 'vpcp.thuky',
    displayName: 'Nông Thị Hải Yến',
    title: 'Thư ký phiên họp, Vụ Tổng hợp',
    unit: 'Văn phòng Chính phủ',
    role: 'secretariat',
  },
  {
    n: 27,
    key: 'sec2',
    username: 'vpcp.vutonghop',
    displayName: 'Đinh Công Tuấn',
    title: 'Vụ trưởng Vụ Tổng hợp',
    unit: 'Văn phòng Chính phủ',
    role: 'secretariat',
  },
  {
    n: 28,
    key: 'admin',
    username: 'admin',
    displayName: 'Quản trị hệ thống',
    title: 'Quản trị viên hệ thống eCabinet',
    unit: 'Văn phòng Chính phủ',
    role: 'admin',
  },
];

/** Keys of the Government members (thành viên Chính phủ), in protocol order. */
export const MEMBER_KEYS: readonly string[] = ROSTER.filter(
  (e) => e.role === 'member' && e.deputyOf === undefined,
).map((e) => e.key);

export function rosterEntry(key: string): RosterEntry {
  const entry = ROSTER.find((e) => e.key === key);
  if (!entry) throw new Error(`unknown roster key: ${key}`);
  return entry;
}
