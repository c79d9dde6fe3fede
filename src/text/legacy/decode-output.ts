/**
 * Growable buffer for decoded text that remembers, for every decoded code
 * unit, the index of the source code unit it came from, so that evidence found
 * in decoded text can be shown at the right place in the original.
 */
import {
  CHAR_TABLE,
  KIND_LETTER,
  KIND_MASK,
  KIND_MODIFIER_MARK,
  KIND_TONE_MARK,
} from '../char-table.js';

const UTF16 = new TextDecoder('utf-16le');
/** Outputs up to this many code units are built in JavaScript. */
const SHORT_OUTPUT = 24;

export class DecodeOutput {
  private codes = new Uint16Array(256);
  private from = new Int32Array(256);
  /** Code units written so far. */
  length = 0;

  /** Empty it for reuse: decoding word by word reuses one buffer instead of allocating per word. */
  reset(): this {
    this.length = 0;
    return this;
  }

  private grow(min: number): void {
    let size = this.codes.length * 2;
    while (size < min) size *= 2;
    const codes = new Uint16Array(size);
    const from = new Int32Array(size);
    codes.set(this.codes.subarray(0, this.length));
    from.set(this.from.subarray(0, this.length));
    this.codes = codes;
    this.from = from;
  }

  /** Append one code unit that came from source index `origin`. */
  push(code: number, origin: number): void {
    if (this.length === this.codes.length) this.grow(this.length + 1);
    this.codes[this.length] = code;
    this.from[this.length] = origin;
    this.length++;
  }

  /** The last code unit written, or -1. */
  last(): number {
    return this.length === 0 ? -1 : this.codes[this.length - 1];
  }

  /** Replace the last code unit (its origin stays). */
  replaceLast(code: number): void {
    this.codes[this.length - 1] = code;
  }

  /** Append `text[from..to)` unchanged. */
  copy(text: string, from: number, to: number): void {
    if (this.length + (to - from) > this.codes.length) this.grow(this.length + (to - from));
    for (let i = from; i < to; i++) {
      this.codes[this.length] = text.charCodeAt(i);
      this.from[this.length] = i;
      this.length++;
    }
  }

  /** The decoded text. */
  toString(): string {
    // A word decoded for detection is a few code units: a call into the decoder costs more than building it.
    // The decoder turns lone surrogates into U+FFFD: such text takes its path.
    if (this.length <= SHORT_OUTPUT) {
      let s = '';
      for (let i = 0; i < this.length; i++) {
        const c = this.codes[i];
        if ((c & 0xf800) === 0xd800) return UTF16.decode(this.codes.subarray(0, this.length));
        s += String.fromCharCode(c);
      }
      return s;
    }
    return UTF16.decode(this.codes.subarray(0, this.length));
  }

  /** Source index of every decoded code unit. */
  origins(): Int32Array {
    return this.from.slice(0, this.length);
  }
}

/** ASCII A–Z or a–z. */
export function isAsciiLetter(c: number): boolean {
  return (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);
}

/** A code unit that legacy encodings use inside words: ASCII letters and Latin-1 0xA1–0xFF. */
export function isWordChar(c: number): boolean {
  return isAsciiLetter(c) || (c >= 0xa1 && c <= 0xff);
}

/** True when text[from..to) holds a letter or mark that only Unicode Vietnamese text has. */
export function lineHasUnicodeVietnamese(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const code = text.charCodeAt(i);
    const kind = CHAR_TABLE[code] & KIND_MASK;
    if (kind === KIND_LETTER && code > 0xff) return true;
    if (kind === KIND_TONE_MARK || kind === KIND_MODIFIER_MARK) return true;
  }
  return false;
}

/**
 * Decode text line by line with `decodeLine(from, to)`, copying the lines
 * that already hold Unicode Vietnamese (a document pasted together from a
 * legacy file and a Unicode one).
 */
export function decodeLines(
  text: string,
  out: DecodeOutput,
  decodeLine: (from: number, to: number) => void,
): void {
  let lineStart = 0;
  while (lineStart < text.length) {
    let lineEnd = text.indexOf('\n', lineStart);
    lineEnd = lineEnd < 0 ? text.length : lineEnd + 1;
    if (lineHasUnicodeVietnamese(text, lineStart, lineEnd)) out.copy(text, lineStart, lineEnd);
    else decodeLine(lineStart, lineEnd);
    lineStart = lineEnd;
  }
}
