/**
 * The administrative frame of a Vietnamese document (Nghị định 30/2020/NĐ-CP,
 * Hướng dẫn 36-HD/VPTW): issuing body, quốc hiệu and tiêu ngữ or ĐẢNG CỘNG SẢN
 * VIỆT NAM, số ký hiệu, place and date line, the document type and title,
 * section headings, citations of other documents, the Nơi nhận list and the
 * signature block. Every plan shares these by law or by template; they count
 * neither for nor against a plan.
 *
 * Works on tokens (hashes) with their lines and case in the original text, so
 * it reads legacy encodings and merged header lines alike.
 */
import { NUMBER_TOKEN_HASH, tokenHash } from '../text/token-hash.js';
import { DOCUMENT_TYPES } from './document-types.js';
import { CAPITALS, LOWER, type TokenStream } from './token-stream.js';

const h = (words: string): number[] =>
  words.split(' ').map((w) => (w === '#' ? NUMBER_TOKEN_HASH : tokenHash(w)));

const QUOC_HIEU = h('cộng hòa xã hội chủ nghĩa việt nam');
const TIEU_NGU = h('độc lập tự do hạnh phúc');
const DANG = h('đảng cộng sản việt nam');
const DATE_LINE = h('ngày # tháng # năm #');
const NOI_NHAN = h('nơi nhận');
const SO = tokenHash('số');
const DOC_TYPES = DOCUMENT_TYPES.map(h);
const SIGNATURE_OPENERS = ['tm', 't m', 'kt', 'k t', 'tl', 't l', 'q', 'tuq', 'tuq'].map(h);
const SIGNATURE_TITLES = [
  'chủ tịch',
  'phó chủ tịch',
  'bí thư',
  'phó bí thư',
  'giám đốc',
  'phó giám đốc',
  'thủ tướng',
  'phó thủ tướng',
  'bộ trưởng',
  'thứ trưởng',
  'trưởng ban',
  'phó trưởng ban',
  'chánh văn phòng',
  'ủy ban nhân dân',
  'ban thường vụ',
  'ban chấp hành',
  'đảng ủy',
  'thường trực',
  'chủ nhiệm',
  'hiệu trưởng',
  'tổng giám đốc',
].map(h);
const ROMAN = new Set(
  ['i', 'ii', 'iii', 'iv', 'v', 'vi', 'vii', 'viii', 'ix', 'x', 'xi', 'xii'].map(tokenHash),
);
const CAN_CU = h('căn cứ');
/** Longest preamble marked, in tokens. */
const MAX_PREAMBLE = 150;
/** Longest standard sentence marked, in tokens. */
const MAX_GENRE_SENTENCE = 60;
/** Code units that end a sentence: . ; : ! ? and the line break. */
function isSentenceEnd(c: number): boolean {
  return c === 0x2e || c === 0x3b || c === 0x3a || c === 0x21 || c === 0x3f || c === 0x0a;
}
/**
 * Openings of the sentences every kế hoạch ends its sections with: funding
 * from the budget, "act on this plan", "report difficulties", "this is the
 * plan". Whoever writes them writes them the same way.
 */
const GENRE_OPENERS = [
  'trên đây là kế hoạch',
  'căn cứ kế hoạch này',
  'căn cứ nội dung kế hoạch',
  'trong quá trình thực hiện',
  'trong quá trình tổ chức thực hiện',
  'trong quá trình triển khai thực hiện',
  'quá trình tổ chức thực hiện',
  'kinh phí thực hiện kế hoạch',
  'kinh phí thực hiện',
  'kinh phí được bảo đảm',
  'kinh phí do',
  'nguồn kinh phí',
  'kinh phí triển khai',
].map(h);
/** Longest numbered heading ("4. Đề nghị Ủy ban Mặt trận Tổ quốc Việt Nam huyện … và các đoàn thể"), in tokens. */
const MAX_HEADING = 20;
/** Longest citation marked, in tokens. */
const MAX_CITATION = 45;

interface Line {
  first: number;
  end: number;
  /** Last non-space code unit of the line in the source, or -1 */
  last: number;
}

/** 1 where some pattern's first token hash has these low bits: most tokens start no pattern. */
function firstTokenFilter(patterns: readonly number[][]): Uint8Array {
  const filter = new Uint8Array(FILTER_SIZE);
  for (const p of patterns) filter[p[0] & (FILTER_SIZE - 1)] = 1;
  return filter;
}
const FILTER_SIZE = 4096;
const DOC_TYPE_FIRSTS = firstTokenFilter(DOC_TYPES);
const GENRE_FIRSTS = firstTokenFilter(GENRE_OPENERS);
const HEADER_FIRSTS = firstTokenFilter([QUOC_HIEU, TIEU_NGU, DANG, DATE_LINE, [SO]]);

/** White space as String.prototype.trim removes it. */
function isTrimmed(c: number): boolean {
  return (
    c === 0x20 ||
    (c >= 0x09 && c <= 0x0d) ||
    c === 0xa0 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000 ||
    c === 0xfeff
  );
}

function startsWith(tokens: TokenStream, at: number, end: number, pattern: number[]): boolean {
  if (at + pattern.length > end) return false;
  for (let k = 0; k < pattern.length; k++) if (tokens.hashes[at + k] !== pattern[k]) return false;
  return true;
}

function lineIs(tokens: TokenStream, line: Line, patterns: number[][]): boolean {
  return patterns.some(
    (p) => line.end - line.first === p.length && startsWith(tokens, line.first, line.end, p),
  );
}

function allCapitals(tokens: TokenStream, line: Line): boolean {
  let letters = 0;
  for (let k = line.first; k < line.end; k++) {
    if (tokens.hashes[k] === NUMBER_TOKEN_HASH) continue;
    if (tokens.upper[k] !== CAPITALS) return false;
    letters++;
  }
  return letters > 0;
}

/** Group tokens by source line. */
function linesOf(text: string, tokens: TokenStream): Line[] {
  const lines: Line[] = [];
  let k = 0;
  let lineStart = 0;
  while (k < tokens.count) {
    let lineEnd = text.indexOf('\n', tokens.starts[k]);
    if (lineEnd < 0) lineEnd = text.length;
    const first = k;
    while (k < tokens.count && tokens.starts[k] < lineEnd) k++;
    const from = Math.max(lineStart, tokens.starts[first]);
    let last = lineEnd - 1;
    while (last >= from && isTrimmed(text.charCodeAt(last))) last--;
    lines.push({ first, end: k, last: last >= from ? text.charCodeAt(last) : -1 });
    lineStart = lineEnd + 1;
  }
  return lines;
}

/** The code unit right after token k in the source, skipping spaces and tabs (a line break at the end). */
function nextChar(text: string, tokens: TokenStream, k: number): number {
  let i = tokens.ends[k];
  let c = i < text.length ? text.charCodeAt(i) : 0x0a;
  while (c === 0x20 || c === 0x09) c = ++i < text.length ? text.charCodeAt(i) : 0x0a;
  return c;
}

const COLON = 0x3a;
const PERIOD = 0x2e;
const SEMICOLON = 0x3b;
const COMMA = 0x2c;
const PAREN = 0x29;

function isPeriodOrParen(c: number): boolean {
  return c === PERIOD || c === PAREN;
}

/** Code units that end a citation's clause: , ; . : and the line break. */
function isClauseEnd(c: number): boolean {
  return c === COMMA || c === SEMICOLON || c === PERIOD || c === COLON || c === 0x0a;
}

/** Token range [start, end) of a document's title: the lines after its type line ("KẾ HOẠCH"). */
export interface TitleRange {
  start: number;
  end: number;
}

/**
 * Mark the frame tokens of a document: `mask[k] = 1` for each token of its
 * administrative frame. Returns where its title is, when it has one.
 */
export function markFrame(text: string, tokens: TokenStream, mask: Uint8Array): TitleRange | null {
  const n = tokens.count;
  if (n === 0) return null;
  const lines = linesOf(text, tokens);
  const mark = (from: number, to: number) => mask.fill(1, from, to);
  const headerLimit = Math.max(60, Math.floor(n * 0.3));

  // Header: everything up to the document type line, and the title after it.
  let title: TitleRange | null = null;
  let titleLine = -1;
  for (let l = 0; l < lines.length && lines[l].first < headerLimit; l++) {
    if (lineIs(tokens, lines[l], DOC_TYPES) && allCapitals(tokens, lines[l])) {
      titleLine = l;
      break;
    }
  }
  if (titleLine >= 0) {
    let end = titleLine + 1;
    while (end < lines.length && end <= titleLine + 4) {
      const line = lines[end];
      const ends = line.last === COLON || line.last === PERIOD || line.last === SEMICOLON;
      if (
        ends ||
        startsWith(tokens, line.first, line.end, CAN_CU) ||
        ROMAN.has(tokens.hashes[line.first])
      )
        break;
      end++;
    }
    mark(0, lines[end - 1].end);
    if (end > titleLine + 1) title = { start: lines[titleLine + 1].first, end: lines[end - 1].end };
    // The preamble: "Căn cứ …/Thực hiện …, … ban hành Kế hoạch … như sau:", up to the first section.
    let first = end;
    while (first < lines.length && !ROMAN.has(tokens.hashes[lines[first].first])) first++;
    if (
      first < lines.length &&
      first > end &&
      lines[first - 1].last === COLON &&
      lines[first].first - lines[end].first <= MAX_PREAMBLE
    ) {
      mark(lines[end].first, lines[first].first);
    }
  }

  // Quốc hiệu, tiêu ngữ, Đảng, số ký hiệu and the date line, also when extraction merged the header.
  const headerEnd = titleLine >= 0 ? lines[titleLine].first : Math.min(n, headerLimit);
  for (let k = 0; k < headerEnd; k++) {
    if (HEADER_FIRSTS[tokens.hashes[k] & (FILTER_SIZE - 1)] === 0) continue;
    for (const pattern of [QUOC_HIEU, TIEU_NGU, DANG]) {
      if (startsWith(tokens, k, n, pattern)) mark(k, k + pattern.length);
    }
    if (startsWith(tokens, k, n, DATE_LINE)) {
      let from = k;
      // The place before "ngày", in capitals as place names are.
      while (
        from > 0 &&
        k - from < 4 &&
        tokens.upper[from - 1] !== LOWER &&
        tokens.hashes[from - 1] !== NUMBER_TOKEN_HASH
      )
        from--;
      mark(from, k + DATE_LINE.length);
    }
    if (tokens.hashes[k] === SO && k + 1 < n && tokens.hashes[k + 1] === NUMBER_TOKEN_HASH) {
      let end = k + 2;
      while (
        end < n &&
        end - k < 8 &&
        (tokens.upper[end] === CAPITALS || tokens.hashes[end] === NUMBER_TOKEN_HASH)
      )
        end++;
      if (end > k + 2) mark(k, end);
    }
  }

  // Footer: from Nơi nhận, or from the signature block, to the end.
  const footerFrom = Math.floor(n * 0.5);
  let footer = n;
  for (let l = lines.length - 1; l >= 0 && lines[l].first >= footerFrom; l--) {
    const line = lines[l];
    const isRecipients = startsWith(tokens, line.first, line.end, NOI_NHAN);
    const isSignature =
      allCapitals(tokens, line) &&
      (SIGNATURE_OPENERS.some((p) => startsWith(tokens, line.first, line.end, p)) ||
        lineIs(tokens, line, SIGNATURE_TITLES));
    if (isRecipients || isSignature) footer = line.first;
  }
  mark(footer, n);

  for (let l = 0; l < lines.length; l++) {
    const line = lines[l];
    const first = tokens.hashes[line.first];
    // A heading stands alone: the next line does not carry on its sentence in lower case.
    const next = lines[l + 1];
    const standsAlone =
      next === undefined ||
      tokens.upper[next.first] !== LOWER ||
      tokens.hashes[next.first] === NUMBER_TOKEN_HASH;
    const length = line.end - line.first;
    // Section headings: "II. NỘI DUNG, NHIỆM VỤ", "1. Mục đích", "a) Tuyên truyền".
    if (
      ROMAN.has(first) &&
      nextChar(text, tokens, line.first) === PERIOD &&
      allCapitals(tokens, line)
    ) {
      mark(line.first, line.end);
    } else if (
      (first === NUMBER_TOKEN_HASH ||
        (length > 1 && tokens.ends[line.first] - tokens.starts[line.first] === 1)) &&
      isPeriodOrParen(nextChar(text, tokens, line.first)) &&
      length <= MAX_HEADING &&
      standsAlone &&
      line.last !== PERIOD &&
      line.last !== SEMICOLON &&
      line.last !== COLON &&
      line.last !== COMMA
    ) {
      mark(line.first, line.end);
    }
  }

  // Standard sentences of the genre: from their opening words to the end of the sentence.
  for (let k = 0; k < n; k++) {
    if (mask[k] === 1 || GENRE_FIRSTS[tokens.hashes[k] & (FILTER_SIZE - 1)] === 0) continue;
    const sentenceStart = k === 0 || isSentenceEnd(nextChar(text, tokens, k - 1));
    if (!sentenceStart || !GENRE_OPENERS.some((p) => startsWith(tokens, k, n, p))) continue;
    let end = k + 1;
    while (
      end < n &&
      end - k < MAX_GENRE_SENTENCE &&
      !isSentenceEnd(nextChar(text, tokens, end - 1))
    )
      end++;
    mark(k, end);
    k = end - 1;
  }

  // Citations: "Nghị quyết số 04-NQ/TU ngày 18/11/2021 của Ban Thường vụ Tỉnh ủy về …", to the end of the clause.
  for (let k = 0; k < n; k++) {
    if (DOC_TYPE_FIRSTS[tokens.hashes[k] & (FILTER_SIZE - 1)] === 0) continue;
    for (const type of DOC_TYPES) {
      const at = k + type.length;
      if (
        !startsWith(tokens, k, n, type) ||
        at + 1 >= n ||
        tokens.hashes[at] !== SO ||
        tokens.hashes[at + 1] !== NUMBER_TOKEN_HASH
      ) {
        continue;
      }
      let end = at + 2;
      while (end < n && end - k < MAX_CITATION && !isClauseEnd(nextChar(text, tokens, end - 1)))
        end++;
      mark(k, end);
      k = end - 1;
      break;
    }
  }
  return title;
}
