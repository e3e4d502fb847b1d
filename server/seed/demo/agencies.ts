import { rosterEntry } from './governmentRoster.ts';

/** A presenting agency (cơ quan trình) as its papers name and sign it. */
export interface Agency {
  /** "Bộ Tài chính". */
  name: string;
  /** Issuer line of its papers, "BỘ TÀI CHÍNH". */
  upper: string;
  /** Symbol in document numbers, "BTC" in "Số: 812/BC-BTC". */
  abbr: string;
  /** Title line above the head's signature, "BỘ TRƯỞNG". */
  headRole: string;
  /** The head's display name, from the roster. */
  headName: string;
  /** The head's office in running text, "Bộ trưởng Bộ Tài chính". */
  headTitle: string;
  /** A fictional deputy who signs "KT." (on behalf of) the head; not a demo account. */
  deputyRole: string;
  deputyName: string;
}

function agency(
  name: string,
  abbr: string,
  headKey: string,
  headRole: string,
  deputyRole: string,
  deputyName: string,
): Agency {
  const head = rosterEntry(headKey);
  return {
    name,
    upper: name.toLocaleUpperCase('vi-VN'),
    abbr,
    headRole,
    headName: head.displayName,
    headTitle: head.title,
    deputyRole,
    deputyName,
  };
}

export const AGENCIES = {
  btc: agency('Bộ Tài chính', 'BTC', 'btc', 'BỘ TRƯỞNG', 'THỨ TRƯỞNG', 'Trần Hữu Nghị'),
  bkhcn: agency(
    'Bộ Khoa học và Công nghệ',
    'BKHCN',
    'bkhcn',
    'BỘ TRƯỞNG',
    'THỨ TRƯỞNG',
    'Võ Thị Bích Ngân',
  ),
  bca: agency('Bộ Công an', 'BCA', 'bca', 'BỘ TRƯỞNG', 'THỨ TRƯỞNG', 'Hứa Minh Quân'),
  bct: agency('Bộ Công Thương', 'BCT', 'bct', 'BỘ TRƯỞNG', 'THỨ TRƯỞNG', 'Lê Thị Kim Chi'),
  bnnmt: agency(
    'Bộ Nông nghiệp và Môi trường',
    'BNNMT',
    'bnnmt',
    'BỘ TRƯỞNG',
    'THỨ TRƯỞNG',
    'Phùng Văn Lợi',
  ),
  bxd: agency('Bộ Xây dựng', 'BXD', 'bxd', 'BỘ TRƯỞNG', 'THỨ TRƯỞNG', 'Đỗ Hoàng Long'),
  byt: agency('Bộ Y tế', 'BYT', 'byt', 'BỘ TRƯỞNG', 'THỨ TRƯỞNG', 'Vương Thị Hạnh'),
  btp: agency('Bộ Tư pháp', 'BTP', 'btp', 'BỘ TRƯỞNG', 'THỨ TRƯỞNG', 'Tăng Văn Hòa'),
  bgddt: agency(
    'Bộ Giáo dục và Đào tạo',
    'BGDĐT',
    'bgddt',
    'BỘ TRƯỞNG',
    'THỨ TRƯỞNG',
    'Mai Xuân Thủy',
  ),
  bdttg: agency('Bộ Dân tộc và Tôn giáo', 'BDTTG', 'bdttg', 'BỘ TRƯỞNG', 'THỨ TRƯỞNG', 'Y Thơ Byă'),
  vpcp: agency(
    'Văn phòng Chính phủ',
    'VPCP',
    'vpcp',
    'BỘ TRƯỞNG, CHỦ NHIỆM',
    'PHÓ CHỦ NHIỆM',
    'Dương Quốc Khánh',
  ),
} as const satisfies Record<string, Agency>;

export type AgencyKey = keyof typeof AGENCIES;

/** Signature of the head: `{ role: 'BỘ TRƯỞNG', name }`. */
export function headSignature(a: Agency): { role: string; name: string } {
  return { role: a.headRole, name: a.headName };
}

/** "KT. BỘ TRƯỞNG / THỨ TRƯỞNG": a deputy signing on behalf of the head (lines split by \n). */
export function deputySignature(a: Agency): { role: string; name: string } {
  return { role: `KT. ${a.headRole}\n${a.deputyRole}`, name: a.deputyName };
}
