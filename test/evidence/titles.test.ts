/**
 * Numbered sub-headings, hand-checked: which lines are titles, and which
 * titles are the same title (renumbered, a unit renamed, a word changed)
 * and which are other titles.
 */
import { describe, expect, it } from 'vitest';
import { findTitles, titlesDiffer } from '../../src/evidence/titles.js';
import { tokenStream } from '../../src/evidence/token-stream.js';

/** The words of `line` as a title, read where it stands between two sentences; undefined if no title. */
function titleOf(line: string): Uint32Array | undefined {
  const text = `Mở đầu văn bản.\n${line}\nRà soát trường học trên địa bàn.`;
  const tokens = tokenStream(text);
  const positions = Int32Array.from({ length: tokens.count }, (_, t) => t);
  const titles = findTitles({ text, tokens, mask: new Uint8Array(tokens.count) }, positions);
  const after = positions.findIndex((p) => tokens.starts[p] === text.indexOf('Rà soát'));
  // Only the line itself may be a title, and it stands before the sentence after it.
  expect(Array.from(titles.at).filter((k, c) => k !== 0 && c !== after)).toEqual([]);
  return titles.at[after] === 0 ? undefined : titles.words[titles.at[after] - 1];
}

function differ(a: string, b: string): boolean {
  return titlesDiffer(titleOf(a)!, titleOf(b)!);
}

describe('numbered sub-headings', () => {
  it('are short lines that open with a number, a Roman numeral or a letter and "." or ")"', () => {
    for (const line of [
      '1. Quy hoạch mạng lưới trường, lớp',
      '2.1. Đối với cấp huyện:',
      'II. NHIỆM VỤ, GIẢI PHÁP',
      'a) Đối với các xã',
      'đ) Công tác kiểm tra',
      '(3) Xã hội hoá giáo dục',
    ])
      expect(titleOf(line), line).toBeDefined();
  });

  it('are not items, sentences, long lines or lines without an enumerator', () => {
    for (const line of [
      '- Rà soát giáo viên tại các khu dân cư',
      '1. Rà soát giáo viên tại các khu dân cư; cập nhật số liệu.',
      'a) Tuyên truyền sâu rộng đến cán bộ, đảng viên và nhân dân trên địa bàn toàn huyện về nội dung kế hoạch',
      'Quy hoạch mạng lưới trường, lớp',
      'ab) Quy hoạch mạng lưới',
      '1',
      '3. 2024',
    ])
      expect(titleOf(line), line).toBeUndefined();
  });

  it('are the same title renumbered, with a unit renamed or a word changed', () => {
    const title = '1. Tổ chức tuyên truyền tại xã Nam Sơn';
    expect(differ(title, '3. Tổ chức tuyên truyền tại xã Hòa Bình Tây')).toBe(false);
    expect(differ(title, '1. Tổ chức tuyên truyền ở xã Nam Sơn')).toBe(false);
    expect(differ('1. Mục đích', '1. Mục đích, yêu cầu')).toBe(false);
    expect(differ('1. Mục tiêu', '1. Mục tiêu chung và mục tiêu cụ thể')).toBe(false);
    // A year is no lower-case word: the capitals of this title are its words, not names.
    expect(differ('II. NHIỆM VỤ VÀ GIẢI PHÁP', 'II. NHIỆM VỤ VÀ GIẢI PHÁP NĂM 2024')).toBe(false);
    expect(differ('1. Tổ chức thực hiện', '1. Tổ chức thực hiện năm 2024')).toBe(false);
  });

  it('leave out the names past the first word of a title in sentence case, and only there', () => {
    expect(differ('a) Tại địa bàn xã Hà Nam', 'a) Tại địa bàn xã Đồng Tâm')).toBe(false);
    // Without a lower-case word a title's capitals are its words: upper case, or every word capitalised.
    expect(differ('A) TẠI XÃ HÀ NAM', 'A) TẠI XÃ ĐỒNG TÂM')).toBe(true);
    expect(differ('a) Tại Hà Nam', 'a) Tại Đồng Tâm')).toBe(true);
  });

  it('are read across \r\n line ends', () => {
    const text = 'Mở đầu văn bản.\r\n1. Quy hoạch mạng lưới\r\nRà soát trường học.';
    const tokens = tokenStream(text);
    const positions = Int32Array.from({ length: tokens.count }, (_, t) => t);
    const titles = findTitles({ text, tokens, mask: new Uint8Array(tokens.count) }, positions);
    expect(titles.words).toHaveLength(1);
    expect(tokens.starts[positions[titles.at.indexOf(1)]]).toBe(text.indexOf('Rà'));
  });

  it('are other titles when they share at most half the words of the shorter', () => {
    expect(differ('1. Quy hoạch mạng lưới trường, lớp', '1. Xã hội hoá giáo dục')).toBe(true);
    expect(differ('1. Công tác tuyên truyền', '1. Công tác kiểm tra')).toBe(true);
    expect(differ('I. MỤC ĐÍCH', 'I. YÊU CẦU')).toBe(true);
  });
});
