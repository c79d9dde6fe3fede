/**
 * The OCR options of reading a document: when to run OCR, with which
 * limits, and with which programs. Checked once, defaults filled in.
 */
import { availableParallelism } from 'node:os';
import { SaochepTypeError, checkNumberOption, describeValue } from '../../errors.js';
import type { OcrSlots } from './ocr-slots.js';

/** When OCR runs: `auto` on pages and images without text, `on` on every page, `off` never. */
export type OcrMode = 'auto' | 'on' | 'off';

/** The OCR modes, for checking input. */
export const OCR_MODES: readonly OcrMode[] = ['auto', 'on', 'off'];

/** Page progress of OCR: pages queued for OCR, and pages finished, since the last call. */
export interface OcrPageDelta {
  queued: number;
  done: number;
}

/** Options of OCR (all optional). */
export interface OcrOptions {
  /** Default `auto`: OCR of PDF pages without a text layer, and of image files. */
  mode?: OcrMode;
  /** Tesseract language model. Default `vie` (Debian package tesseract-ocr-vie). */
  language?: string;
  /** Resolution PDF pages are rasterised at, 72–600. Default 300. */
  dpi?: number;
  /** Seconds one page may take (rasterising and recognition), 1–3600. Default 120. */
  pageTimeout?: number;
  /** Most pages of one document read by OCR, 1–100000; a document with more is an error. Default 200. */
  maxPages?: number;
  /** The Tesseract program. Default `tesseract` (found on the PATH). */
  tesseract?: string;
  /** Poppler's rasteriser. Default `pdftoppm` (found on the PATH). */
  pdftoppm?: string;
  /** OCR processes at once when no `slots` are given. Default: the number of cores. */
  jobs?: number;
  /** Slots shared with other documents and threads (a scan's worker pool gives them). */
  slots?: OcrSlots;
  /** Told of pages queued and done (a scan's progress bar counts them). */
  onPages?: (delta: OcrPageDelta) => void;
}

/** OCR options that can be sent to a worker thread (no functions, no shared slots). */
export type SerializableOcrOptions = Omit<OcrOptions, 'slots' | 'onPages' | 'jobs'>;

/** OCR options checked, defaults filled in. */
export interface ResolvedOcrOptions {
  mode: OcrMode;
  language: string;
  dpi: number;
  pageTimeoutMs: number;
  maxPages: number;
  tesseract: string;
  pdftoppm: string;
  slots?: OcrSlots;
  jobs: number;
  onPages?: (delta: OcrPageDelta) => void;
}

function checkMode(fn: string, mode: unknown): OcrMode {
  if (OCR_MODES.includes(mode as OcrMode)) return mode as OcrMode;
  throw new SaochepTypeError(
    'ERR_SAOCHEP_INVALID_OPTION',
    `${fn}: option ocr must be 'auto', 'on' or 'off' (or an object with mode), got ${describeValue(mode)}.`,
  );
}

function checkProgram(fn: string, name: string, value: unknown, fallback: string): string {
  if (value === undefined) return fallback;
  if (typeof value === 'string' && value.trim() !== '' && !value.includes('\0')) return value;
  throw new SaochepTypeError(
    'ERR_SAOCHEP_INVALID_OPTION',
    `${fn}: option ocr.${name} must be a program name or path, got ${describeValue(value)}.`,
  );
}

/** Check `ocr` (a mode, or options) and fill in the defaults. */
export function resolveOcrOptions(
  fn: string,
  ocr: OcrMode | OcrOptions | undefined,
): ResolvedOcrOptions {
  const o: OcrOptions = typeof ocr === 'string' || ocr === undefined ? { mode: ocr } : ocr;
  if (typeof o !== 'object' || o === null) checkMode(fn, o);
  const language = o.language ?? 'vie';
  if (!/^[A-Za-z0-9_+-]{1,64}$/.test(language))
    throw new SaochepTypeError(
      'ERR_SAOCHEP_INVALID_OPTION',
      `${fn}: option ocr.language must be a Tesseract language such as vie or vie+eng, got ${describeValue(language)}.`,
    );
  return {
    mode: checkMode(fn, o.mode ?? 'auto'),
    language,
    dpi: checkNumberOption(fn, 'ocr.dpi', o.dpi ?? 300, 72, 600, true),
    pageTimeoutMs:
      checkNumberOption(fn, 'ocr.pageTimeout', o.pageTimeout ?? 120, 1, 3600, false) * 1000,
    maxPages: checkNumberOption(fn, 'ocr.maxPages', o.maxPages ?? 200, 1, 100_000, true),
    tesseract: checkProgram(fn, 'tesseract', o.tesseract, 'tesseract'),
    pdftoppm: checkProgram(fn, 'pdftoppm', o.pdftoppm, 'pdftoppm'),
    jobs: checkNumberOption(fn, 'ocr.jobs', o.jobs ?? availableParallelism(), 1, 256, true),
    ...(o.slots ? { slots: o.slots } : {}),
    ...(o.onPages ? { onPages: o.onPages } : {}),
  };
}
