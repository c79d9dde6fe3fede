/** A real plan re-issued as another province would copy it: province names swapped, every digit changed. */

/** The provinces (and centrally governed cities) whose names a copy swaps. */
export const PROVINCES = [
  'Hà Giang',
  'Cao Bằng',
  'Lào Cai',
  'Bắc Kạn',
  'Lạng Sơn',
  'Tuyên Quang',
  'Yên Bái',
  'Thái Nguyên',
  'Phú Thọ',
  'Bắc Giang',
  'Quảng Ninh',
  'Bắc Ninh',
  'Hải Dương',
  'Hưng Yên',
  'Thái Bình',
  'Nam Định',
  'Ninh Bình',
  'Thanh Hóa',
  'Nghệ An',
  'Hà Tĩnh',
  'Quảng Bình',
  'Quảng Trị',
  'Quảng Nam',
  'Quảng Ngãi',
  'Bình Định',
  'Phú Yên',
  'Khánh Hòa',
  'Ninh Thuận',
  'Bình Thuận',
  'Kon Tum',
  'Gia Lai',
  'Đắk Lắk',
  'Đắk Nông',
  'Lâm Đồng',
  'Bình Phước',
  'Tây Ninh',
  'Bình Dương',
  'Đồng Nai',
  'Long An',
  'Tiền Giang',
  'Bến Tre',
  'Trà Vinh',
  'Vĩnh Long',
  'Đồng Tháp',
  'An Giang',
  'Kiên Giang',
  'Hậu Giang',
  'Sóc Trăng',
  'Bạc Liêu',
  'Cà Mau',
  'Điện Biên',
  'Lai Châu',
  'Sơn La',
  'Hòa Bình',
  'Vĩnh Phúc',
  'Thừa Thiên Huế',
  'Cần Thơ',
  'Đà Nẵng',
  'Hải Phòng',
  'Hà Nội',
];

/** Another province's copy: every province name swapped for another, every digit changed. */
export function reissue(text: string, random: () => number): string {
  let out = text;
  for (const name of PROVINCES) {
    if (!out.includes(name)) continue;
    const other = PROVINCES[Math.floor(random() * PROVINCES.length)];
    out = out
      .split(name)
      .join(other === name ? PROVINCES[(PROVINCES.indexOf(name) + 1) % PROVINCES.length] : other);
  }
  return out.replace(/\d/g, (d) => String((Number(d) + 1 + Math.floor(random() * 8)) % 10));
}
