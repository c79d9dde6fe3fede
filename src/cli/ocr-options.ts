/**
 * The OCR flags of saochep scan, check and index, read into OCR options:
 * --ocr auto|on|off, --ocr-page-timeout, --ocr-max-pages, --ocr-dpi.
 */
import { OCR_MODES, type OcrMode, type SerializableOcrOptions } from '../read/ocr/ocr-options.js';
import type { OptionSpec } from './args.js';
import { numberOption } from './index-options.js';
import { UsageError } from './cli-errors.js';

/** The command-line options of OCR, by flag. */
export const OCR_OPTION_SPECS: Readonly<Record<string, OptionSpec>> = {
  ocr: { type: 'string' },
  'ocr-page-timeout': { type: 'string' },
  'ocr-max-pages': { type: 'string' },
  'ocr-dpi': { type: 'string' },
};

/** The help lines of the OCR options. */
export const OCR_HELP = `OCR of scanned PDF pages and images (.png .jpg .tif; Tesseract's Vietnamese model and
poppler, Debian: apt-get install tesseract-ocr tesseract-ocr-vie poppler-utils):
  --ocr <auto|on|off>         auto: pages without a text layer and images (default);
                              on: every PDF page; off: never (scans are errors)
  --ocr-page-timeout <s>      seconds one page may take, 1–3600 (default 120)
  --ocr-max-pages <n>         most pages read by OCR in one document (default 200)
  --ocr-dpi <n>               resolution PDF pages are rasterised at, 72–600 (default 300)
`;

/** The OCR options set by the flags (only those given). */
export function ocrOptionsOf(
  values: Record<string, string | boolean | undefined>,
): SerializableOcrOptions {
  const mode = values.ocr;
  if (mode !== undefined && !OCR_MODES.includes(mode as OcrMode))
    throw new UsageError(`--ocr must be auto, on or off, got "${String(mode)}".`);
  const options: SerializableOcrOptions = {
    mode: mode as OcrMode | undefined,
    pageTimeout: numberOption(values['ocr-page-timeout'], 'ocr-page-timeout', 1, 3600, false),
    maxPages: numberOption(values['ocr-max-pages'], 'ocr-max-pages', 1, 100_000, true),
    dpi: numberOption(values['ocr-dpi'], 'ocr-dpi', 72, 600, true),
  };
  return Object.fromEntries(
    Object.entries(options).filter(([, v]) => v !== undefined),
  ) as SerializableOcrOptions;
}
