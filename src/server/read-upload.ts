/**
 * A plan from a request: JSON `{ text, meta? }`, or a file upload read as the
 * scan reads files (the extension of the upload's name picks the reader, the
 * name itself is only quoted in messages: no path ever comes from a request),
 * with what the reading found: encoding, language, header.
 */
import { SaochepError, SaochepTypeError } from '../errors.js';
import { parseHeader } from '../read/header.js';
import type { FileText, ReadBy } from '../read/read-file.js';
import { decodeLegacy, detectEncoding } from '../text/encoding.js';
import { detectLanguage } from '../text/language.js';

/** What reading a plan found, returned with a check or a PUT. */
export interface Reading {
  format: FileText['format'] | 'json';
  byteEncoding?: NonNullable<FileText['byteEncoding']>;
  /** How an upload's text was had: from its text, by OCR of a scan, or both (absent for JSON). */
  readBy?: ReadBy;
  /** Pages read by OCR (absent when none were). */
  ocrPages?: number;
  encoding: ReturnType<typeof detectEncoding>;
  language: string;
  characters: number;
  header: ReturnType<typeof parseHeader>;
}

/** A plan read from a request. */
export interface RequestPlan {
  text: string;
  meta?: Record<string, unknown>;
  reading: Reading;
}

/** Characters of the text the language is detected on (as the scan does). */
const LANGUAGE_SAMPLE = 5000;

/** What a text's reading finds (encoding, language, header). */
export function readingOf(
  text: string,
  format: Reading['format'],
  byteEncoding?: FileText['byteEncoding'],
  read?: Pick<FileText, 'readBy' | 'ocrPages'>,
): Reading {
  const encoding = detectEncoding(text);
  const sample = text.slice(0, LANGUAGE_SAMPLE);
  return {
    format,
    ...(byteEncoding ? { byteEncoding } : {}),
    ...(read ? { readBy: read.readBy } : {}),
    ...(read?.ocrPages ? { ocrPages: read.ocrPages } : {}),
    encoding,
    language: detectLanguage(encoding === 'unicode' ? sample : decodeLegacy(sample, encoding)),
    characters: text.length,
    header: parseHeader(text),
  };
}

/** A plan sent as JSON (already validated against the schema). */
export function planFromJson(body: { text: string; meta?: Record<string, unknown> }): RequestPlan {
  return {
    text: body.text,
    ...(body.meta !== undefined ? { meta: body.meta } : {}),
    reading: readingOf(body.text, 'json'),
  };
}

/**
 * The upload's name made safe to quote: its last path segment, without
 * control characters, at most 120 characters; "upload" plus the extension
 * when nothing is left.
 */
export function uploadName(filename: string | undefined): string {
  const last = (filename ?? '').split(/[\\/]/).pop() ?? '';
  // eslint-disable-next-line no-control-regex
  const clean = last.replace(/[\u0000-\u001f\u007f]/g, '').slice(-120);
  return clean === '' || clean.startsWith('.') ? `upload${clean}` : clean;
}

/** The meta field of an upload: a JSON object as a string. */
export function metaFromField(value: string | undefined): Record<string, unknown> | undefined {
  if (value === undefined || value === '') return undefined;
  let meta: unknown;
  try {
    meta = JSON.parse(value);
  } catch (error) {
    throw new SaochepTypeError(
      'ERR_SAOCHEP_INVALID_DOCUMENT',
      `the meta field must be a JSON object such as {"date":"2021-11-18"} (${(error as Error).message}).`,
    );
  }
  if (typeof meta !== 'object' || meta === null || Array.isArray(meta))
    throw new SaochepTypeError(
      'ERR_SAOCHEP_INVALID_DOCUMENT',
      'the meta field must be a JSON object such as {"date":"2021-11-18"}.',
    );
  return meta as Record<string, unknown>;
}

/**
 * A plan uploaded as a file: its bytes read by `read` (as the scan reads a
 * file, the reader chosen by the name's extension: see UploadReaders).
 */
export async function planFromUpload(
  filename: string | undefined,
  bytes: Uint8Array,
  meta: Record<string, unknown> | undefined,
  read: (name: string, bytes: Uint8Array) => Promise<FileText>,
): Promise<RequestPlan> {
  const name = uploadName(filename);
  if (bytes.length === 0)
    throw new SaochepError(
      'ERR_SAOCHEP_EMPTY_DOCUMENT',
      `${name}: the uploaded file is empty. Check that the right file was sent.`,
    );
  const file = await read(name, bytes);
  return {
    text: file.text,
    ...(meta !== undefined ? { meta } : {}),
    reading: readingOf(file.text, file.format, file.byteEncoding, file),
  };
}
