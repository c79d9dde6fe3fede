/**
 * The characters of a text file, whatever it was saved as: UTF-8 (with or
 * without a byte order mark), UTF-16 with a byte order mark, or, for the
 * legacy files Vietnamese archives hold, one byte per character in the
 * Windows code page (Windows-1252): TCVN3 and VNI text arrives that way and
 * is decoded further by the text stage.
 */
import { assertBytes } from '../errors.js';

/** How the bytes of a file were read. */
export type ByteEncoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252';

/** A file's text and how it was read. */
export interface DecodedBytes {
  text: string;
  encoding: ByteEncoding;
}

const utf8 = new TextDecoder('utf-8', { fatal: true });
const windows1252 = new TextDecoder('windows-1252');

/** NUL bytes in the first kilobytes: UTF-16 without a byte order mark, or not text at all. */
function nulShare(bytes: Uint8Array): { even: number; odd: number } {
  const n = Math.min(bytes.length, 4096);
  let even = 0;
  let odd = 0;
  for (let i = 0; i < n; i++) {
    if (bytes[i] !== 0) continue;
    if (i % 2 === 0) even++;
    else odd++;
  }
  return { even: even / Math.max(1, n / 2), odd: odd / Math.max(1, n / 2) };
}

/** Decode a text file's bytes; see the module comment for the order of guesses. */
export function decodeBytes(bytes: Uint8Array): DecodedBytes {
  assertBytes('decodeBytes', bytes);
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return { text: new TextDecoder('utf-8').decode(bytes.subarray(3)), encoding: 'utf-8' };
  }
  if (bytes[0] === 0xff && bytes[1] === 0xfe) {
    return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), encoding: 'utf-16le' };
  }
  if (bytes[0] === 0xfe && bytes[1] === 0xff) {
    return { text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), encoding: 'utf-16be' };
  }
  // UTF-16 without a byte order mark: Latin letters leave every other byte NUL.
  const nuls = nulShare(bytes);
  if (nuls.odd > 0.3 && nuls.even < 0.05) {
    return { text: new TextDecoder('utf-16le').decode(bytes), encoding: 'utf-16le' };
  }
  if (nuls.even > 0.3 && nuls.odd < 0.05) {
    return { text: new TextDecoder('utf-16be').decode(bytes), encoding: 'utf-16be' };
  }
  try {
    return { text: utf8.decode(bytes), encoding: 'utf-8' };
  } catch {
    return { text: windows1252.decode(bytes), encoding: 'windows-1252' };
  }
}

/** Whether decoded text looks like binary data rather than text: many control characters. */
export function looksBinary(text: string): boolean {
  const n = Math.min(text.length, 8192);
  if (n === 0) return false;
  let control = 0;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if ((c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d && c !== 0x0c) || c === 0xfffd)
      control++;
  }
  return control / n > 0.05;
}
