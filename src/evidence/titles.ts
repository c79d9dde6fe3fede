/**
 * Numbered sub-headings ("1. Quy hoạch mạng lưới trường, lớp", "a) Đối với
 * cấp xã:"): short lines of their own that open with an enumerator. Two
 * plans of one template share the items under their sub-headings but give
 * the sections their own titles; a copy keeps the source's titles. An
 * alignment that would join the two sides across titles that differ joins
 * two sections that are not the same section.
 */
import { NUMBER_TOKEN_HASH } from '../text/token-hash.js';
import type { EditAlignSide, Titles } from './align-types.js';
import { LOWER } from './token-stream.js';

/** Tokens a sub-heading line holds at most, its enumerator included. */
const MAX_TITLE_TOKENS = 12;

/** The numbered sub-headings of a side whose unmasked tokens are at `positions` (`at`, zeroed and as long, is filled). */
export function findTitles(
  side: EditAlignSide,
  positions: Int32Array,
  at: Int32Array = new Int32Array(positions.length),
): Titles {
  const { text, tokens } = side;
  const words: Uint32Array[] = [];
  let c = 0;
  let lineStart = 0;
  for (let t = 1; t <= tokens.count; t++) {
    if (t < tokens.count && !lineBreakBetween(text, tokens.ends[t - 1], tokens.starts[t])) continue;
    // Line [lineStart, t) has ended.
    const title = titleWords(side, lineStart, t);
    lineStart = t;
    if (title === undefined) continue;
    while (c < positions.length && positions[c] < t) c++;
    if (c === positions.length) break;
    words.push(title);
    at[c] = words.length;
  }
  return { at, words };
}

/**
 * Whether two titles are other titles: they share at most half the words of
 * the shorter. A word changed in a title, or words added to it ("Mục tiêu"
 * made "Mục tiêu chung và mục tiêu cụ thể"), leave it the same title.
 */
export function titlesDiffer(a: Uint32Array, b: Uint32Array): boolean {
  let shared = 0;
  const used = new Uint8Array(b.length);
  for (let i = 0; i < a.length; i++) {
    for (let j = 0; j < b.length; j++) {
      if (used[j] === 0 && a[i] === b[j]) {
        used[j] = 1;
        shared++;
        break;
      }
    }
  }
  return 2 * shared <= Math.min(a.length, b.length);
}

/** Whether text [from, to) holds a line break. */
export function lineBreakBetween(text: string, from: number, to: number): boolean {
  for (let k = from; k < to; k++) {
    const ch = text.charCodeAt(k);
    if (ch === 0x0a || ch === 0x0d) return true;
  }
  return false;
}

/** The words of line [from, to) if it is a numbered sub-heading, else undefined. */
function titleWords(side: EditAlignSide, from: number, to: number): Uint32Array | undefined {
  const { text, tokens } = side;
  if (to - from < 2 || to - from > MAX_TITLE_TOKENS) return undefined;
  if (!opensWithEnumerator(text, tokens.starts[from], tokens.ends[from])) return undefined;
  if (endsSentence(text, tokens.ends[to - 1])) return undefined;
  let lowerCase = false;
  for (let t = from + 1; t < to; t++)
    if (tokens.upper[t] === LOWER && tokens.hashes[t] !== NUMBER_TOKEN_HASH) lowerCase = true;
  const words: number[] = [];
  for (let t = from + 1; t < to; t++) {
    if (tokens.hashes[t] === NUMBER_TOKEN_HASH) continue;
    // A title in sentence case: capitals past its first word are names, which a copier renames.
    if (lowerCase && words.length > 0 && tokens.upper[t] !== LOWER) continue;
    words.push(tokens.hashes[t]);
  }
  // A title of numbers alone ("3. 2024") says nothing of its section.
  return words.length === 0 ? undefined : Uint32Array.from(words);
}

/**
 * Whether the token at text [start, end) is an enumerator: digits ("1",
 * "2.1"), a Roman numeral or one letter, followed by "." or ")".
 */
function opensWithEnumerator(text: string, start: number, end: number): boolean {
  let k = start;
  const first = text.charCodeAt(k);
  if (first >= 0x30 && first <= 0x39) {
    while (k < text.length) {
      const ch = text.charCodeAt(k);
      const digit = ch >= 0x30 && ch <= 0x39;
      const innerDot = ch === 0x2e && isDigit(text.charCodeAt(k + 1));
      if (!digit && !innerDot) break;
      k++;
    }
  } else if (isRoman(first)) {
    while (k < end && isRoman(text.charCodeAt(k))) k++;
    if (k < end) return false;
  } else {
    if (end - start !== 1 || !isLetter(first)) return false;
    k = end;
  }
  const after = text.charCodeAt(k);
  return after === 0x2e || after === 0x29;
}

/** Whether the line ends like a sentence or an item of a list ("." ";" ","), not a title. */
function endsSentence(text: string, from: number): boolean {
  for (let k = from; k < text.length; k++) {
    const ch = text.charCodeAt(k);
    if (ch === 0x0a || ch === 0x0d) return false;
    if (ch === 0x2e || ch === 0x3b || ch === 0x2c) return true;
  }
  return false;
}

function isDigit(ch: number): boolean {
  return ch >= 0x30 && ch <= 0x39;
}

function isRoman(ch: number): boolean {
  return ch === 0x49 || ch === 0x56 || ch === 0x58 || ch === 0x4c;
}

function isLetter(ch: number): boolean {
  return (ch >= 0x61 && ch <= 0x7a) || ch === 0x111 || (ch >= 0x41 && ch <= 0x5a) || ch === 0x110;
}
