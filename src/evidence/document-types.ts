/** The types of Vietnamese administrative documents, as their type line names them (lower case). */
export const DOCUMENT_TYPES = [
  'kế hoạch',
  'nghị quyết',
  'chỉ thị',
  'quyết định',
  'thông báo',
  'báo cáo',
  'công văn',
  'hướng dẫn',
  'chương trình',
  'đề án',
  'tờ trình',
  'thông tư',
  'nghị định',
  'luật',
  'kết luận',
  'quy định',
  'quy chế',
  'công điện',
] as const;

/** The type each abbreviation of a số ký hiệu stands for. */
const CODES: Record<string, string> = {
  KH: 'KẾ HOẠCH',
  QĐ: 'QUYẾT ĐỊNH',
  NQ: 'NGHỊ QUYẾT',
  CT: 'CHỈ THỊ',
  TB: 'THÔNG BÁO',
  BC: 'BÁO CÁO',
  TTR: 'TỜ TRÌNH',
  HD: 'HƯỚNG DẪN',
  CTR: 'CHƯƠNG TRÌNH',
  ĐA: 'ĐỀ ÁN',
  PA: 'PHƯƠNG ÁN',
  TT: 'THÔNG TƯ',
  TTLT: 'THÔNG TƯ LIÊN TỊCH',
  NQLT: 'NGHỊ QUYẾT LIÊN TỊCH',
  NĐ: 'NGHỊ ĐỊNH',
  KL: 'KẾT LUẬN',
  QC: 'QUY CHẾ',
  QYĐ: 'QUY ĐỊNH',
  QĐI: 'QUY ĐỊNH',
  CĐ: 'CÔNG ĐIỆN',
  GM: 'GIẤY MỜI',
  BB: 'BIÊN BẢN',
  VBHN: 'VĂN BẢN HỢP NHẤT',
};

/**
 * The type a số ký hiệu implies: the abbreviation before the issuer
 * ("12/KH-UBND", "05/2024/TT-BKHĐT") or, in Party style, after the number
 * ("278-KH/ĐU"). Undefined for a code that names no type ("123/UBND-KT").
 */
export function typeFromNumber(number: string): string | undefined {
  const state = /\/([\p{L}]+)-[\p{L}\p{N}]/u.exec(number);
  const party = /^\d+-([\p{L}]+)\//u.exec(number);
  const code = (party ?? state)?.[1];
  return code === undefined ? undefined : CODES[code.toUpperCase()];
}
