/**
 * What a document says about itself in its header (Nghị định 30/2020/NĐ-CP,
 * Hướng dẫn 36-HD/VPTW): the issuing body, the số ký hiệu, the type and
 * title, and the date line. Read line by line, and also when an extractor
 * merged the header onto one line.
 */
import { isoDate, parseDateLine } from '../evidence/dates.js';
import { DOCUMENT_TYPES } from '../evidence/document-types.js';
import { decodeLegacy } from '../text/encoding.js';
import { normalizeText } from '../text/normalize.js';

/** The header fields of a document; each one only when it was found. */
export interface DocumentHeader {
  /** Issuing body as written: "ỦY BAN NHÂN DÂN HUYỆN ĐOAN HÙNG". */
  unit?: string;
  /** Số ký hiệu: "278/KH-UBND", "127-KH/ĐU". */
  number?: string;
  /** Document type as written on its own line: "KẾ HOẠCH". */
  type?: string;
  /** The title under the type line, on one line. */
  title?: string;
  /** The date line's date, ISO (YYYY-MM-DD). */
  date?: string;
}

const HEADER_LINES = 40;
const DOC_TYPES = new Set<string>(DOCUMENT_TYPES.map((t) => normalizeText(t)));
/** Phrases of the header that are not the issuing body. */
const NOT_UNIT = [
  /CỘNG\s+H(?:ÒA|OÀ)\s+XÃ\s+HỘI\s+CHỦ\s+NGHĨA\s+VIỆT\s+NAM/giu,
  /ĐẢNG\s+CỘNG\s+SẢN\s+VIỆT\s+NAM/giu,
  /Độc\s+lập\s*[-–]\s*Tự\s+do\s*[-–]\s*Hạnh\s+phúc/giu,
];
const PLACE_START = /^(HUYỆN|XÃ|TỈNH|THÀNH PHỐ|PHƯỜNG|THỊ TRẤN|QUẬN|THỊ XÃ|TP\.?)\s/u;

function isUpperLine(line: string): boolean {
  const letters = line.replace(/[^\p{L}]/gu, '');
  return letters.length >= 3 && letters === letters.toUpperCase();
}

/** The header fields of a document (in any encoding saochep reads). */
export function parseHeader(text: string): DocumentHeader {
  const unicode = decodeLegacy(text.slice(0, 6000)).normalize('NFC');
  const lines = unicode
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l !== '')
    .slice(0, HEADER_LINES);
  const header: DocumentHeader = {};

  const day = parseDateLine(unicode);
  if (day !== undefined) header.date = isoDate(day);

  const number = /(?:^|\s|\*)Số\s*[:.]?\s*(\d[\p{L}\p{N}./-]*[\p{L}\p{N}])/iu.exec(
    lines.join('\n'),
  );
  if (number) header.number = number[1];

  // The type line, then the title under it.
  let typeLine = -1;
  for (let l = 0; l < lines.length; l++) {
    if (isUpperLine(lines[l]) && DOC_TYPES.has(normalizeText(lines[l]))) {
      typeLine = l;
      break;
    }
  }
  if (typeLine >= 0) {
    header.type = lines[typeLine];
    const title: string[] = [];
    for (let l = typeLine + 1; l < lines.length && title.length < 4; l++) {
      const line = lines[l];
      if (/^(Căn cứ|Thực hiện|Để |I\.|1\.)/u.test(line) && title.length > 0) break;
      title.push(line);
      if (/[.:;]$/.test(line)) break;
    }
    if (title.length > 0) header.title = title.join(' ').replace(/\s+/g, ' ').slice(0, 400);
  }

  // The issuing body: the capitals lines above the type line, without quốc hiệu, số and date.
  const top = lines.slice(0, typeLine >= 0 ? typeLine : Math.min(lines.length, 8));
  const candidates: string[] = [];
  for (const raw of top) {
    let line = raw;
    for (const p of NOT_UNIT) line = line.replace(p, ' ');
    // A merged header: keep what comes before "Số" and the place and date.
    line = line.replace(/(?:^|\s)Số\s*[:.]?\s*\d.*$/iu, '').replace(/[\p{L} ]*,\s*ngày\s.*$/iu, '');
    for (const part of line.split(/\s*\*\s*|[-_]{2,}/)) {
      const p = part
        .replace(/[-_*]{2,}/g, ' ')
        .replace(/\s+/g, ' ')
        .trim();
      if (p.length >= 4 && isUpperLine(p)) candidates.push(p);
    }
  }
  // "ỦY BAN NHÂN DÂN" over "HUYỆN ĐOAN HÙNG" is one name on two lines.
  const names: string[] = [];
  for (const c of candidates) {
    if (
      names.length > 0 &&
      PLACE_START.test(c) &&
      !/\s(HUYỆN|XÃ|TỈNH|PHƯỜNG|QUẬN|THỊ)\s/u.test(names[names.length - 1])
    )
      names[names.length - 1] += ` ${c}`;
    else names.push(c);
  }
  if (names.length > 0) header.unit = names[names.length - 1];
  return header;
}
