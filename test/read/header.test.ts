import { describe, expect, it } from 'vitest';
import { parseHeader } from '../../src/read/header.js';
import { toTcvn3 } from '../helpers/vietnamese.js';

// Small headers written for these tests, in the shapes extractors leave real ones.
const L = (...lines: string[]): string => lines.join('\n');

describe('parseHeader on real-shaped headers', () => {
  it('reads a quốc hiệu broken over two lines and keeps the body whole', () => {
    const h = parseHeader(
      L(
        'ỦY BAN NHÂN DÂN',
        'TỈNH NGHỆ AN',
        '-------',
        'CỘNG HÒA XÃ HỘI',
        'CHỦ NGHĨA VIỆT NAM',
        'Độc lập - Tự do - Hạnh phúc',
        'Số: 12/KH-UBND',
        'Nghệ An, ngày 3 tháng 2 năm 2025',
        'KẾ HOẠCH',
        'Phòng, chống thiên tai năm 2025',
        'Căn cứ Luật Phòng, chống thiên tai;',
      ),
    );
    expect(h).toEqual({
      unit: 'ỦY BAN NHÂN DÂN TỈNH NGHỆ AN',
      number: '12/KH-UBND',
      type: 'KẾ HOẠCH',
      typeFrom: 'line',
      title: 'Phòng, chống thiên tai năm 2025',
      date: '2025-02-03',
    });
  });

  it('joins a body name broken over lines, words broken anywhere', () => {
    const h = parseHeader(
      L(
        'BỘ LAO ĐỘNG - THƯƠNG BINH',
        'VÀ XÃ HỘI',
        'CỘNG',
        'HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
        'Độc lập - Tự do - Hạnh phúc',
        'Số: 7/2024/TT-BLĐTBXH',
        'Hà Nội, ngày 9 tháng 5 năm 2024',
        'THÔNG TƯ',
        'Hướng dẫn chế độ trợ cấp',
        'đối với người lao động',
        'Căn cứ Bộ luật Lao động;',
      ),
    );
    expect(h.unit).toBe('BỘ LAO ĐỘNG - THƯƠNG BINH VÀ XÃ HỘI');
    expect(h.title).toBe('Hướng dẫn chế độ trợ cấp đối với người lao động');
  });

  it('keeps the superior body written above the body', () => {
    const h = parseHeader(
      L(
        'UBND TỈNH NGHỆ AN',
        'SỞ Y TẾ',
        '--------',
        'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
        'Độc lập - Tự do - Hạnh phúc',
        'Số: 45/KH-SYT',
        'Nghệ An, ngày 10 tháng 3 năm 2025',
        'KẾ HOẠCH',
        'TIÊM CHỦNG MỞ RỘNG NĂM 2025',
        'Thực hiện Quyết định số 1/QĐ-BYT,',
      ),
    );
    expect(h.unit).toBe('UBND TỈNH NGHỆ AN SỞ Y TẾ');
    expect(h.title).toBe('TIÊM CHỦNG MỞ RỘNG NĂM 2025');
  });

  it('reads two columns one after the other (left, then right)', () => {
    const h = parseHeader(
      L(
        'ỦY BAN NHÂN DÂN',
        'HUYỆN ĐOAN HÙNG',
        'Số: 278/KH-UBND',
        'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
        'Độc lập - Tự do - Hạnh phúc',
        'Đoan Hùng, ngày 5 tháng 6 năm 2024',
        'KẾ HOẠCH',
        'Chuyển đổi số năm 2024',
        'Để triển khai …',
      ),
    );
    expect(h.unit).toBe('ỦY BAN NHÂN DÂN HUYỆN ĐOAN HÙNG');
    expect(h.number).toBe('278/KH-UBND');
    expect(h.date).toBe('2024-06-05');
  });

  it('reads interleaved columns, the quốc hiệu broken between them', () => {
    const h = parseHeader(
      L(
        'ỦY BAN NHÂN DÂN CỘNG HÒA XÃ HỘI',
        'XÃ BÌNH THÀNH CHỦ NGHĨA VIỆT NAM',
        'Số: 31/QĐ-UBND Độc lập - Tự do - Hạnh phúc',
        'Bình Thành, ngày 2 tháng 1 năm 2025',
        'QUYẾT ĐỊNH',
        'VỀ VIỆC THÀNH LẬP TỔ CÔNG TÁC',
        'CHỦ TỊCH ỦY BAN NHÂN DÂN XÃ BÌNH THÀNH',
        'Căn cứ Luật Tổ chức chính quyền địa phương;',
      ),
    );
    expect(h.unit).toBe('ỦY BAN NHÂN DÂN XÃ BÌNH THÀNH');
    expect(h.number).toBe('31/QĐ-UBND');
    expect(h.type).toBe('QUYẾT ĐỊNH');
    // The authority line under the title is not the title.
    expect(h.title).toBe('VỀ VIỆC THÀNH LẬP TỔ CÔNG TÁC');
  });

  it('reads a header an extractor merged onto one line, type and title included', () => {
    const h = parseHeader(
      'ỦY BAN NHÂN DÂN TỈNH PHÚ THỌ CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM Độc lập - Tự do - Hạnh phúc Số: 9/KH-UBND Phú Thọ, ngày 4 tháng 4 năm 2025 KẾ HOẠCH Triển khai Đề án 06\nCăn cứ …',
    );
    expect(h.unit).toBe('ỦY BAN NHÂN DÂN TỈNH PHÚ THỌ');
    expect(h.number).toBe('9/KH-UBND');
    expect(h.type).toBe('KẾ HOẠCH');
    expect(h.title).toBe('Triển khai Đề án 06');
    expect(h.date).toBe('2025-04-04');
  });

  it('reads a TCVN3-encoded header', () => {
    const text = L(
      'ỦY BAN NHÂN DÂN',
      'HUYỆN THANH SƠN',
      'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
      'Độc lập - Tự do - Hạnh phúc',
      'Số: 15/KH-UBND',
      'Thanh Sơn, ngày 20 tháng 8 năm 2023',
      'KẾ HOẠCH',
      'Tuyên truyền phổ biến giáo dục pháp luật năm 2023',
      'Căn cứ Luật Phổ biến, giáo dục pháp luật;',
    );
    const encoded = toTcvn3(text);
    expect(encoded).not.toBe(text);
    const h = parseHeader(encoded);
    expect(h.unit).toBe('ỦY BAN NHÂN DÂN HUYỆN THANH SƠN');
    expect(h.type).toBe('KẾ HOẠCH');
    expect(h.title).toBe('Tuyên truyền phổ biến giáo dục pháp luật năm 2023');
  });

  it('reads a Công văn: no type line, a "V/v" subject on two lines', () => {
    const h = parseHeader(
      L(
        'ỦY BAN NHÂN DÂN',
        'HUYỆN YÊN LẬP',
        'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
        'Độc lập - Tự do - Hạnh phúc',
        'Số: 123/UBND-KT',
        'V/v triển khai kế hoạch',
        'chuyển đổi số năm 2025',
        'Yên Lập, ngày 7 tháng 7 năm 2025',
        'Kính gửi: Các phòng, ban chuyên môn.',
      ),
    );
    expect(h).toMatchObject({
      unit: 'ỦY BAN NHÂN DÂN HUYỆN YÊN LẬP',
      number: '123/UBND-KT',
      type: 'CÔNG VĂN',
      typeFrom: 'subject',
      title: 'V/v triển khai kế hoạch chuyển đổi số năm 2025',
    });
  });

  it('takes the type from the số ký hiệu when there is no type line', () => {
    const h = parseHeader(
      L(
        'ĐẢNG BỘ TỈNH PHÚ THỌ',
        'HUYỆN ỦY CẨM KHÊ',
        'ĐẢNG CỘNG SẢN VIỆT NAM',
        'Số 127-CT/HU',
        'Cẩm Khê, ngày 1 tháng 3 năm 2025',
      ),
    );
    expect(h.unit).toBe('ĐẢNG BỘ TỈNH PHÚ THỌ HUYỆN ỦY CẨM KHÊ');
    expect(h.type).toBe('CHỈ THỊ');
    expect(h.typeFrom).toBe('number');
  });

  it('ends an upper-case title at the first line in sentence case, and a type line broken in two', () => {
    const h = parseHeader(
      L(
        'BỘ TÀI CHÍNH',
        'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
        'Số: 5/2025/TT-BTC',
        'THÔNG',
        'TƯ',
        'QUY',
        'ĐỊNH MỨC THU PHÍ THẨM ĐỊNH',
        'Theo đề nghị của Cục trưởng Cục Quản lý giá,',
      ),
    );
    expect(h.unit).toBe('BỘ TÀI CHÍNH');
    expect(h.type).toBe('THÔNG TƯ');
    expect(h.title).toBe('QUY ĐỊNH MỨC THU PHÍ THẨM ĐỊNH');
  });

  it('finds no header where there is none', () => {
    const h = parseHeader(
      L(
        'Trong năm qua, các xã đã hoàn thành nhiều nhiệm vụ.',
        'PHẦN I. KẾT QUẢ ĐẠT ĐƯỢC',
        'Công tác tuyên truyền được đẩy mạnh.',
      ),
    );
    expect(h.unit).toBeUndefined();
    expect(h.number).toBeUndefined();
    expect(h.type).toBeUndefined();
    expect(h.title).toBeUndefined();
  });
});
