/**
 * What a document says about itself in its header (Nghị định 30/2020/NĐ-CP,
 * Hướng dẫn 36-HD/VPTW): the issuing body, the số ký hiệu, the type and
 * title, and the date line. Read on headers as extraction leaves them: lines
 * broken anywhere, the two columns one after the other or interleaved, the
 * whole header merged onto one line, legacy encodings.
 */
import { isoDate, parseDateLine } from '../evidence/dates.js';
import { assertText } from '../errors.js';
import { decodeLegacy } from '../text/encoding.js';
import { type HeaderLine, TIEU_NGU, splitMerged, withoutMottos } from './header-lines.js';
import { typeFromNumber } from '../evidence/document-types.js';
import { cleanTypeLine, isTypeLine, leadingType } from './header-type.js';

/** The header fields of a document; each one only when it was found. */
export interface DocumentHeader {
  /**
   * The issuing body as written, all its lines joined with one space,
   * including the superior body written above it:
   * "ỦY BAN NHÂN DÂN HUYỆN ĐOAN HÙNG", "UBND TỈNH NGHỆ AN SỞ Y TẾ".
   */
  unit?: string;
  /** Số ký hiệu: "278/KH-UBND", "127-KH/ĐU". */
  number?: string;
  /**
   * The document type: its type line as written ("KẾ HOẠCH"), or, when it
   * has none, the type its subject line or số ký hiệu implies, in capitals
   * ("CÔNG VĂN" for a "V/v …" letter, "KẾ HOẠCH" for "12/KH-UBND").
   */
  type?: string;
  /** Where `type` came from: its own line, the "V/v" subject line, or the số ký hiệu. */
  typeFrom?: 'line' | 'subject' | 'number';
  /** The title under the type line (or a Công văn's "V/v …" line), on one line, without the preamble. */
  title?: string;
  /** The date line's date, ISO (YYYY-MM-DD). */
  date?: string;
}

const HEADER_LINES = 45;
const NUMBER = /(?:^|\s|\*)(?:Số|SỐ)\s*[:.]?\s*(\d[\p{L}\p{N}./-]*[\p{L}\p{N}])/u;
const SUBJECT = /^(?:V\/v|V\/V|Về việc)\s*[:.]?\s*/u;
/** The start of a preamble, a body or a letter: the title ends before it. */
const PREAMBLE =
  /^(Căn\s+cứ|Thực\s+hiện|Để\s|Theo\s+(?:đề\s+nghị|chỉ\s+đạo|quy\s+định)|Xét\s|Trên\s+cơ\s+sở|Nhằm\s|Kính\s+gửi|Sau\s+khi|Ngày\s+\d|Điều\s+1\b|Chương\s+[IVX1]|CHƯƠNG\s+[IVX1]|PHẦN\s+[IVX1]|Phần\s+[IVX1]|[IVX]+\s*[.:]|\d+\s*[.)]\s|[a-zđ]\)\s)/u;
/** The authority line between title and preamble: "CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH …". */
const AUTHORITY =
  /^(CHỦ\s+TỊCH|BỘ\s+TRƯỞNG|THỦ\s+TƯỚNG|PHÓ\s+THỦ\s+TƯỚNG|CHÍNH\s+PHỦ$|QUỐC\s+HỘI$|ỦY\s+BAN\s+(?:NHÂN\s+DÂN|THƯỜNG\s+VỤ)|UỶ\s+BAN\s+(?:NHÂN\s+DÂN|THƯỜNG\s+VỤ)|HỘI\s+ĐỒNG\s+NHÂN\s+DÂN|TỔNG\s+CỤC\s+TRƯỞNG|CỤC\s+TRƯỞNG|GIÁM\s+ĐỐC|THỐNG\s+ĐỐC|CHÁNH\s+ÁN|VIỆN\s+TRƯỞNG|TỔNG\s+KIỂM\s+TOÁN|TRƯỞNG\s+BAN|BAN\s+(?:CHẤP\s+HÀNH|THƯỜNG\s+VỤ|BÍ\s+THƯ)|BỘ\s+CHÍNH\s+TRỊ|ĐOÀN\s+CHỦ\s+TỊCH|TỔNG\s+GIÁM\s+ĐỐC|HỘI\s+ĐỒNG\s+THẨM\s+PHÁN)/u;
/** Lines of a page or publication around the header (Công báo), and marks, that are no body. */
const NOT_UNIT =
  /^(VĂN\s+BẢN\s+(QUY\s+PHẠM\s+PHÁP\s+LUẬT|PHÁP\s+LUẬT\s+KHÁC|HỢP\s+NHẤT)|CÔNG\s+BÁO|KHẨN|HỎA\s+TỐC|HOẢ\s+TỐC|THƯỢNG\s+KHẨN|MẬT|TỐI\s+MẬT|DỰ\s+THẢO|BẢN\s+SAO)\b\s*[-–:]?\s*/u;
/** A line that starts a consolidated text's preamble ("Thông tư số 23/2024/TT-BCT ngày …"). */
const CONSOLIDATED =
  /^(Thông\s+tư|Nghị\s+định|Luật|Bộ\s+luật|Nghị\s+quyết|Quyết\s+định|Pháp\s+lệnh)(\s+liên\s+tịch)?\s+số\s/u;
/** Words a title line ends with when it goes on at the next line. */
const GOES_ON =
  /(?:của|các|và|về|tại|theo|thuộc|với|hành|dẫn|đổi|sung|định|bỏ|hiện|tiết|cho|trong|[,-])$/iu;
const DATE_PART = /[\p{L} .]*,?\s*ngày\s.*$/iu;

function letters(line: string): string {
  return line.replace(/[^\p{L}]/gu, '');
}

function isUpper(line: string): boolean {
  const l = letters(line);
  return l.length >= 2 && l === l.toUpperCase();
}

/** The non-empty lines of the header region, with the blank lines remembered and merged lines split. */
function headerLines(text: string): HeaderLine[] {
  const out: HeaderLine[] = [];
  let blank = false;
  let typeSeen = false;
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.replace(/\s+/g, ' ').trim();
    // A page number stands alone above the header; a year alone under it ends a broken title.
    if (line === '' || /^[-_=*.\s]+$/.test(line) || (!typeSeen && /^\d{1,4}$/.test(line))) {
      blank = blank || line === '';
      continue;
    }
    // Merged lines are split only in the header proper, not in the title or the body.
    const parts = typeSeen ? [line] : splitMerged(line);
    // A type line broken in two ("QUYẾT" / "ĐỊNH") is one line.
    const last = out[out.length - 1];
    if (!typeSeen && last && parts.length === 1 && !isTypeLine(last.text)) {
      const joined = `${last.text} ${line}`;
      if (isTypeLine(joined) && isUpper(joined)) {
        last.text = joined;
        typeSeen = true;
        blank = false;
        continue;
      }
    }
    for (const [i, text] of parts.entries()) {
      out.push({ text, blankBefore: i === 0 && blank });
      if (isTypeLine(text)) typeSeen = true;
    }
    blank = false;
    if (out.length >= HEADER_LINES) break;
  }
  return out;
}

/** The lines of the title, from `from`, up to the preamble or what comes after it. */
function titleFrom(lines: HeaderLine[], from: number, first?: string): string | undefined {
  const title: string[] = first ? [first] : [];
  let upper = first ? isUpper(first) : undefined;
  for (let l = from; l < lines.length && title.length < 14; l++) {
    const { text, blankBefore } = lines[l];
    // A title may itself start "Thực hiện…" or "Để…"; only a clear preamble ends an empty one.
    if (title.length > 0 ? PREAMBLE.test(text) : /^(Căn\s+cứ|Kính\s+gửi|Điều\s+1\b)/u.test(text))
      break;
    if (title.length > 0 && CONSOLIDATED.test(text) && !GOES_ON.test(title[title.length - 1]))
      break;
    if (upper === undefined) {
      upper = isUpper(text);
      title.push(text);
      continue;
    }
    const lineUpper = isUpper(text);
    // An upper-case title ends at a line in sentence case, or at the authority line.
    const goesOn = GOES_ON.test(title[title.length - 1]);
    if (upper && (!lineUpper || (AUTHORITY.test(text) && !goesOn))) break;
    // A sentence-case title ends at an upper-case line, or at a new sentence after a blank line or a full stop.
    if (!upper && lineUpper && letters(text).length >= 4) break;
    if (!upper && /^\p{Lu}/u.test(text) && (blankBefore || /[.;:]$/.test(title[title.length - 1])))
      break;
    title.push(text);
  }
  const joined = title.join(' ').replace(/\s+/g, ' ').trim();
  return joined === '' ? undefined : joined.slice(0, 1200);
}

/** The subject of a Công văn: "V/v …" and its lines up to the date line or "Kính gửi". */
function subjectFrom(lines: HeaderLine[], at: number): string[] {
  const out = [lines[at].text];
  for (let l = at + 1; l < lines.length && out.length < 5; l++) {
    const text = lines[l].text;
    // An abbreviation on its own line ("GTGT") still belongs to the subject, as does the line after a bare "V/v".
    if (out.length === 1 && SUBJECT.exec(out[0])?.[0].length === out[0].length) {
      out.push(text);
      continue;
    }
    if (/^[\p{Lu}\p{N}]{2,6}[.,;]?$/u.test(text)) {
      out.push(text);
      continue;
    }
    if (
      /ngày\s/iu.test(text) ||
      PREAMBLE.test(text) ||
      TIEU_NGU.test(text) ||
      NUMBER.test(` ${text}`) ||
      isUpper(text) ||
      /^\p{Lu}/u.test(text)
    )
      break;
    out.push(text);
  }
  return out;
}

/** The issuing body from the header lines above the type line (without the lines of `skip`). */
function unitOf(
  lines: HeaderLine[],
  number: string | undefined,
  skip: Set<number>,
): string | undefined {
  const parts: string[] = [];
  // Công báo prints a section heading ("VĂN BẢN HỢP NHẤT - BỘ Y TẾ", or the body) above the document.
  let heading: 'none' | 'marker' | 'block' | 'done' = 'none';
  let headingParts = 0;
  for (const [l, { text, blankBefore }] of withoutMottos(lines).entries()) {
    if (heading === 'block' && blankBefore) heading = 'done';
    if (skip.has(l)) continue;
    let line = text.replace(TIEU_NGU, ' ');
    if (SUBJECT.test(line)) continue;
    if (
      /^(VĂN\s+BẢN\s+(QUY\s+PHẠM\s+PHÁP\s+LUẬT|PHÁP\s+LUẬT\s+KHÁC|HỢP\s+NHẤT)|CÔNG\s+BÁO)/u.test(
        line,
      )
    )
      heading = heading === 'none' ? 'marker' : heading;
    line = line.replace(/(?:^|\s)Số\s*[:.]?.*$/iu, '');
    if (number !== undefined) {
      line = line.split(number).join(' ');
      // The end of a số broken over lines ("3783/QĐ-" / "UBND").
      if (!line.trim().includes(' ') && number.endsWith(line.trim())) line = '';
    }
    line = line.replace(DATE_PART, '');
    for (const piece of line.split(/\s*[*|]\s*|[-_=]{2,}/)) {
      let p = piece.replace(/\s+/g, ' ').trim();
      for (let m = NOT_UNIT.exec(p); m && m[0] !== ''; m = NOT_UNIT.exec(p))
        p = p.slice(m[0].length);
      p = p.replace(/^[-–:,.\s]+|[:,\s]+$/g, '');
      if (letters(p).length >= 2 && isUpper(p) && !/\d+\/|\/\d/.test(p)) {
        parts.push(p);
        if (heading === 'marker' || heading === 'block') {
          heading = 'block';
          headingParts = parts.length;
        }
      }
    }
  }
  // The section heading gives way to the body written on the document itself.
  const own = headingParts > 0 && parts.length > headingParts ? parts.slice(headingParts) : parts;
  if (own.length === 0) return undefined;
  // A publication's section heading repeats the body written on the document ("CHÍNH PHỦ" / "CHÍNH PHỦ").
  let words = own.join(' ').replace(/\s+-$/, '').split(' ');
  const key = (ws: string[]): string => ws.filter((w) => /\p{L}/u.test(w)).join(' ');
  for (let n = Math.floor(words.length / 2); n >= 1; n--) {
    if (key(words.slice(0, n)) !== '' && key(words.slice(0, n)) === key(words.slice(n))) {
      words = words.slice(n);
      break;
    }
  }
  return words.join(' ');
}

/** The header fields of a document (in any encoding saochep reads). */
export function parseHeader(text: string): DocumentHeader {
  assertText('parseHeader', text);
  const unicode = decodeLegacy(text.slice(0, 8000)).normalize('NFC');
  const lines = headerLines(unicode);
  const header: DocumentHeader = {};

  const day = parseDateLine(unicode);
  if (day !== undefined) header.date = isoDate(day);

  // The type line; failing that, a line that starts with the type ("KẾ HOẠCH Triển khai…").
  let typeLine = lines.findIndex((l) => isTypeLine(l.text));
  let firstTitle: string | undefined;
  if (typeLine >= 0) header.type = cleanTypeLine(lines[typeLine].text);
  else {
    for (let l = 0; l < Math.min(lines.length, 20); l++) {
      if (PREAMBLE.test(lines[l].text)) break;
      const lead = leadingType(lines[l].text);
      if (lead && l > 0 && lead.rest !== '') {
        typeLine = l;
        header.type = lead.type;
        firstTitle = lead.rest;
        break;
      }
    }
  }

  const head = lines.slice(0, typeLine >= 0 ? typeLine : Math.min(lines.length, 14));
  const number = NUMBER.exec(
    head
      .map((l) => l.text)
      .join('\n')
      .replace(/(\d[\p{L}\p{N}./-]*[-/])\n(?=[\p{Lu}\p{N}])/gu, '$1'),
  );
  if (number) header.number = number[1];

  // Without a type line the header ends at the subject, "Kính gửi" or the first sentence.
  let end = typeLine >= 0 ? typeLine : head.length;
  const subject = head.findIndex((l) => SUBJECT.test(l.text));
  const skip = new Set<number>();
  if (typeLine < 0) {
    const stop = head.findIndex(
      (l) => PREAMBLE.test(l.text) || (/[.;]$/.test(l.text) && l.text.split(' ').length > 8),
    );
    if (stop >= 0) end = stop;
  }
  if (typeLine >= 0) {
    header.typeFrom = 'line';
    const title = titleFrom(lines, typeLine + 1, firstTitle);
    if (title !== undefined) header.title = title;
  } else if (subject >= 0 && subject < end + 1) {
    header.type = 'CÔNG VĂN';
    header.typeFrom = 'subject';
    const lines = subjectFrom(head, subject);
    header.title = lines.join(' ').replace(/\s+/g, ' ');
    for (let l = subject; l < subject + lines.length; l++) skip.add(l);
  } else if (header.number !== undefined) {
    const implied = typeFromNumber(header.number);
    if (implied !== undefined) {
      header.type = implied;
      header.typeFrom = 'number';
    }
  }

  // A body is read only from a header that has one: a quốc hiệu, a số or a date line.
  const region = lines.slice(0, end);
  const anchored =
    header.number !== undefined ||
    region.some((l) => /CỘNG\s+H|ĐẢNG\s+CỘNG/iu.test(l.text) || TIEU_NGU.test(l.text));
  const unit = anchored ? unitOf(region, header.number, skip) : undefined;
  if (unit !== undefined) header.unit = unit;
  return header;
}
