/**
 * Hand-checked cases: which words of a document are its frame, which dates
 * are read from its date line and from meta, and token edit distance.
 */
import { describe, expect, it } from 'vitest';
import { parseDateLine, parseMetaDate, isoDate } from '../../src/evidence/dates.js';
import { markFrame } from '../../src/evidence/frame.js';
import { tokenStream } from '../../src/evidence/token-stream.js';
import { toTcvn3 } from '../helpers/vietnamese.js';

/** The words of `text` that markFrame sets aside, and those it keeps, each joined by spaces. */
function split(text: string): { frame: string; kept: string } {
  const tokens = tokenStream(text);
  const mask = new Uint8Array(tokens.count);
  markFrame(text, tokens, mask);
  const frame: string[] = [];
  const kept: string[] = [];
  for (let k = 0; k < tokens.count; k++)
    (mask[k] ? frame : kept).push(text.slice(tokens.starts[k], tokens.ends[k]));
  return { frame: frame.join(' '), kept: kept.join(' ') };
}

const PLAN = [
  'ỦY BAN NHÂN DÂN',
  'HUYỆN ĐOAN HÙNG',
  'Số: 278/KH-UBND',
  'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
  'Độc lập - Tự do - Hạnh phúc',
  'Đoan Hùng, ngày 6 tháng 4 năm 2022',
  'KẾ HOẠCH',
  'Triển khai thực hiện Chương trình giảm nghèo bền vững',
  'Thực hiện Kế hoạch số 18/KH-UBND ngày 18/2/2022 của Ủy ban nhân dân tỉnh Phú Thọ, Ủy ban nhân dân huyện ban hành Kế hoạch như sau:',
  'I. MỤC ĐÍCH, YÊU CẦU',
  '1. Mục đích',
  'Hỗ trợ hộ nghèo ở xã Hùng Long phát triển chăn nuôi bò sinh sản.',
  'II. NHIỆM VỤ',
  'Mở 3 lớp dạy nghề may công nghiệp cho lao động nữ.',
  'Kinh phí thực hiện Kế hoạch được bố trí từ nguồn ngân sách nhà nước theo phân cấp hiện hành.',
  'Nơi nhận:',
  '- UBND tỉnh Phú Thọ (để báo cáo);',
  '- Lưu: VT.',
  'TM. ỦY BAN NHÂN DÂN',
  'KT. CHỦ TỊCH',
  'PHÓ CHỦ TỊCH',
  'Võ Thị Sơn',
].join('\n');
const OWN =
  'Hỗ trợ hộ nghèo ở xã Hùng Long phát triển chăn nuôi bò sinh sản Mở 3 lớp dạy nghề may công nghiệp cho lao động nữ';

describe('markFrame', () => {
  it('keeps only the plan’s own sentences of a kế hoạch', () => {
    expect(split(PLAN).kept).toBe(OWN);
  });

  it('does the same when the extractor merged the header onto one line', () => {
    const lines = PLAN.split('\n');
    const merged = [lines.slice(0, 6).join(' '), ...lines.slice(6)].join('\n');
    expect(split(merged).kept).toBe(OWN);
  });

  it('does the same on the TCVN3 bytes of the document, as extracted', () => {
    const { kept } = split(toTcvn3(PLAN));
    expect(kept.split(' ').length).toBe(OWN.split(' ').length);
  });

  it('marks a citation inside a sentence, not the sentence', () => {
    const text =
      'Tuyên truyền sâu rộng nội dung Nghị quyết số 04-NQ/TU ngày 18/11/2021 của Ban Thường vụ Tỉnh ủy, đến từng chi bộ.';
    expect(split(text).kept).toBe('Tuyên truyền sâu rộng nội dung đến từng chi bộ');
  });

  it('leaves a document with no frame alone', () => {
    const text =
      'Mở 3 lớp dạy nghề may công nghiệp cho lao động nữ.\nHỗ trợ hộ nghèo phát triển chăn nuôi.';
    expect(split(text).frame).toBe('');
  });
});

describe('dates', () => {
  it('are read from the date line, in any form the text arrives in', () => {
    const day = parseDateLine(PLAN);
    expect(day !== undefined && isoDate(day)).toBe('2022-04-06');
    expect(parseDateLine(toTcvn3(PLAN))).toBe(day);
    expect(parseDateLine(PLAN.normalize('NFD'))).toBe(day);
    expect(parseDateLine('Hà Nội, ngày 31 tháng 2 năm 2022')).toBeUndefined();
    expect(parseDateLine('Không có ngày tháng')).toBeUndefined();
  });

  it('are read from meta as ISO, day/month/year or a Date', () => {
    const day = parseMetaDate('2021-11-18');
    expect(day !== undefined && isoDate(day)).toBe('2021-11-18');
    expect(parseMetaDate('18/11/2021')).toBe(day);
    expect(parseMetaDate('18-11-2021')).toBe(day);
    expect(parseMetaDate('2021-11-18T08:00:00Z')).toBe(day);
    expect(parseMetaDate(new Date(Date.UTC(2021, 10, 18)))).toBe(day);
    expect(parseMetaDate('2025-02-30')).toBeUndefined();
    expect(parseMetaDate(20211118)).toBeUndefined();
  });
});
