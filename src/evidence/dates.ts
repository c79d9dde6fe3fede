/**
 * Dates of documents, as day numbers (days since 1970-01-01, UTC), from meta
 * or from the document's own date line ("Hà Nội, ngày 18 tháng 11 năm 2021").
 */
import { normalizeText } from '../text/normalize.js';
import { NUMBER_TOKEN_HASH } from '../text/token-hash.js';
import { textTokenHashes, tokenHash } from '../sketch/shingle.js';
import type { TokenStream } from './token-stream.js';

/** A day number for a valid calendar date, or undefined. */
export function dayNumber(year: number, month: number, day: number): number | undefined {
  if (!Number.isInteger(year) || !Number.isInteger(month) || !Number.isInteger(day))
    return undefined;
  if (year < 1900 || year > 2200 || month < 1 || month > 12 || day < 1 || day > 31)
    return undefined;
  const ms = Date.UTC(year, month - 1, day);
  const check = new Date(ms);
  if (check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day) return undefined;
  return ms / 86_400_000;
}

/** The ISO form (YYYY-MM-DD) of a day number. */
export function isoDate(day: number): string {
  return new Date(day * 86_400_000).toISOString().slice(0, 10);
}

/**
 * A date given in meta: a Date, an ISO string (2021-11-18, with or without a
 * time), or day/month/year (18/11/2021, 18-11-2021, 18.11.2021).
 */
export function parseMetaDate(value: unknown): number | undefined {
  if (value instanceof Date) {
    const ms = value.getTime();
    return Number.isNaN(ms) ? undefined : Math.floor(ms / 86_400_000);
  }
  if (typeof value !== 'string') return undefined;
  const iso = /^\s*(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ].*)?\s*$/.exec(value);
  if (iso) return dayNumber(Number(iso[1]), Number(iso[2]), Number(iso[3]));
  const dmy = /^\s*(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})\s*$/.exec(value);
  if (dmy) return dayNumber(Number(dmy[3]), Number(dmy[2]), Number(dmy[1]));
  return undefined;
}

/** How far into a document its date line is looked for. */
const HEADER_CHARS = 3000;

/**
 * The date of a document's own date line ("…, ngày 18 tháng 11 năm 2021"),
 * looked for in its header, in any encoding saochep reads.
 */
export function parseDateLine(text: string): number | undefined {
  const header = text.slice(0, HEADER_CHARS);
  if (!mayHaveDateLine(header)) return undefined;
  return parseNormalizedDate(normalizeText(header));
}

/**
 * {@link parseDateLine} of a text whose {@link tokenStream} is at hand, read
 * from its tokens where they show the date line plainly. For a text of one
 * plain pass with a letter beyond Latin-1 in its header (so that the header
 * alone is not taken for a legacy encoding) the answer is parseDateLine's.
 * For a text read through a legacy decoding or from NFD, it is the date line
 * that the text's reading shows: its whole text decides its encoding, as for
 * everything else saochep reads of it, where parseDateLine decides from the
 * header alone (the two agreed on all 2,553 such texts of the shared corpora
 * and three generated archives).
 */
export function parseDateLineOf(text: string, tokens: TokenStream): number | undefined {
  const plain = tokens.plain;
  if (
    plain !== undefined &&
    (plain.wideLetterEnd < 0 ||
      plain.wideLetterEnd > HEADER_CHARS ||
      (plain.firstSurrogate >= 0 && plain.firstSurrogate < HEADER_CHARS))
  ) {
    return parseDateLine(text);
  }
  // Tokens that end before the header does and are followed by one inside it are the header's own.
  const at = firstDatePattern(tokens.hashes, tokens.count, tokens.ends, HEADER_CHARS - 1);
  if (at < 0) return undefined;
  const read = dateLineAt(text, tokens, at);
  if (read !== UNSURE) return read;
  return plain === undefined
    ? parseDateLine(text)
    : parseNormalizedDate(normalizeText(text.slice(0, HEADER_CHARS)));
}

const NGAY = tokenHash('ngày');
const THANG = tokenHash('tháng');
const NAM = tokenHash('năm');

/** What {@link dateLineAt} answers when only the normalized header can tell. */
const UNSURE = -Infinity;

/**
 * The date line's day number when the first "D tháng M năm" of the plain
 * text's tokens, at token `at`, reads as parseNormalizedDate would read it:
 * "ngày" before it, plain digits, a year of four, and only white space
 * between. The first such pattern is where that regular expression's first
 * match would begin, so the normalization of the header is spared. Anything
 * else (punctuation between, a day of three digits) is {@link UNSURE}.
 */
function dateLineAt(text: string, tokens: TokenStream, at: number): number | undefined {
  const { hashes, starts, ends } = tokens;
  if (at === 0 || at + 4 >= tokens.count) return UNSURE;
  if (hashes[at - 1] !== NGAY || hashes[at + 4] !== NUMBER_TOKEN_HASH) return UNSURE;
  for (let k = at - 1; k <= at + 3; k++) {
    if (!whiteSpaceOnly(text, ends[k], starts[k + 1])) return UNSURE;
  }
  const day = digitsOf(text, starts[at], ends[at], 2);
  const month = digitsOf(text, starts[at + 2], ends[at + 2], 2);
  const year = digitsOf(text, starts[at + 4], starts[at + 4] + 4, 4);
  if (day < 0 || month < 0 || year < 0 || starts[at + 4] + 4 > HEADER_CHARS) return UNSURE;
  return dayNumber(year, month, day);
}

/** Whether text[from, to) is not empty and holds only spaces, tabs and line breaks. */
function whiteSpaceOnly(text: string, from: number, to: number): boolean {
  if (to <= from) return false;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c !== 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d) return false;
  }
  return true;
}

/** The value of text[from, to) when it is 1 to `most` ASCII digits (and `to` is within the text), else -1. */
function digitsOf(text: string, from: number, to: number, most: number): number {
  if (to - from < 1 || to - from > most || to > text.length) return -1;
  let value = 0;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i) - 0x30;
    if (c < 0 || c > 9) return -1;
    value = 10 * value + c;
  }
  return value;
}

/**
 * False only when `normalizeText(header)` cannot hold "ngày D tháng M năm
 * YYYY": its tokens (the tokens of the normalized text, as long as no lone
 * surrogate is dropped between two of them) have no number, "tháng", number,
 * "năm" in a row. Spares most texts the normalization.
 */
function mayHaveDateLine(header: string): boolean {
  if (SURROGATE.test(header)) return true;
  const hashes = textTokenHashes(header);
  return firstDatePattern(hashes, hashes.length, null, 0) >= 0;
}

/**
 * The first k where a number, "tháng", a number, "năm" stand in a row among
 * the first `count` tokens (the last one ending before `before` when `ends`
 * is given), or -1.
 */
function firstDatePattern(
  hashes: Uint32Array,
  count: number,
  ends: Int32Array | null,
  before: number,
): number {
  for (let k = 0; k + 3 < count; k++) {
    if (ends !== null && ends[k + 3] >= before) return -1;
    if (
      hashes[k + 1] === THANG &&
      hashes[k + 3] === NAM &&
      hashes[k] === NUMBER_TOKEN_HASH &&
      hashes[k + 2] === NUMBER_TOKEN_HASH
    )
      return k;
  }
  return -1;
}

const SURROGATE = /[\ud800-\udfff]/;

function parseNormalizedDate(header: string): number | undefined {
  const m = /ngày\s+(\d{1,2})\s+tháng\s+(\d{1,2})\s+năm\s+(\d{4})/.exec(header);
  return m ? dayNumber(Number(m[3]), Number(m[2]), Number(m[1])) : undefined;
}
