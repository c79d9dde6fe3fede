/**
 * Scans made at run time for the OCR tests and the OCR benchmark: lines of
 * text drawn on an A4 page by ImageMagick with a font that has the Vietnamese
 * letters (DejaVu Serif), then noised, blurred and turned a little as a
 * scanner leaves them, as JPEG; and PDF files that hold such pages as
 * images only (no text layer), or mixed with pages of text.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { makePdf } from './pdf.js';

/** ImageMagick's convert: Debian's, not a stand-in of the same name earlier on the PATH. */
export const CONVERT = existsSync('/usr/bin/convert') ? '/usr/bin/convert' : 'convert';

function runs(command: string, args: string[], expect: RegExp): boolean {
  const r = spawnSync(command, args, { encoding: 'utf8', timeout: 20_000 });
  return r.status === 0 && expect.test(`${r.stdout}${r.stderr}`);
}

/** Why scans cannot be read (or made) here, or undefined when they can. */
export function ocrMissing(): string | undefined {
  const missing: string[] = [];
  if (!runs('tesseract', ['--list-langs'], /^vie$/m))
    missing.push('tesseract-ocr tesseract-ocr-vie');
  if (!runs('pdftoppm', ['-v'], /pdftoppm/)) missing.push('poppler-utils');
  if (!runs(CONVERT, ['-version'], /ImageMagick/)) missing.push('imagemagick');
  if (!runs('fc-list', [':family=DejaVu Serif'], /DejaVu/)) missing.push('fonts-dejavu-core');
  return missing.length === 0
    ? undefined
    : `OCR tests skipped: install the Debian packages ${missing.join(' ')}`;
}

/** How a page is scanned. */
export interface ScanStyle {
  dpi: number;
  /** Gaussian noise (ImageMagick's attenuate), 0 for none. */
  noise?: number;
  /** Blur radius in points (0.3 a slightly soft scan), 0 for none. */
  blur?: number;
  /** Degrees the page is turned. */
  rotate?: number;
  /** Output format: jpg (default), png or tif. */
  format?: 'jpg' | 'png' | 'tif';
}

/** A page drawn as an image, and its size in pixels. */
export interface ScannedPage {
  bytes: Uint8Array;
  width: number;
  height: number;
}

/** Lines of about this many characters fit the page at the font size drawn. */
export const LINE_CHARS = 72;
/** Lines that fit one page. */
export const PAGE_LINES = 36;

/** Text wrapped into lines that fit the page, words kept whole. */
export function wrapLines(text: string, width = LINE_CHARS): string[] {
  const out: string[] = [];
  for (const paragraph of text.split('\n')) {
    let line = '';
    for (const word of paragraph.split(/\s+/).filter(Boolean)) {
      if (line && line.length + 1 + word.length > width) {
        out.push(line);
        line = word;
      } else line = line ? `${line} ${word}` : word;
    }
    out.push(line);
  }
  return out;
}

/** Lines cut into pages. */
export function paginate(lines: readonly string[], perPage = PAGE_LINES): string[][] {
  const pages: string[][] = [];
  for (let i = 0; i < lines.length; i += perPage) pages.push(lines.slice(i, i + perPage));
  return pages;
}

/** One page of lines drawn and scanned. */
export function scanPage(lines: readonly string[], style: ScanStyle): ScannedPage {
  const { dpi } = style;
  const px = (points: number) => Math.round((points * dpi) / 72);
  // -annotate reads % and \ as escapes: the text is drawn as written.
  const text = lines.join('\n').replace(/\\/g, '\\\\').replace(/%/g, '%%');
  const format = style.format ?? 'jpg';
  // A fixed seed: the same noise on every run.
  const args = [
    '-seed',
    '1',
    '-size',
    `${px(595)}x${px(842)}`,
    'xc:white',
    '-density',
    String(dpi),
    '-font',
    'DejaVu-Serif',
    '-pointsize',
    '11',
    '-interline-spacing',
    String(px(5)),
    '-fill',
    'black',
    '-annotate',
    `+${px(56)}+${px(64)}`,
    text,
  ];
  if (style.noise) args.push('-attenuate', String(style.noise), '+noise', 'Gaussian');
  if (style.blur) args.push('-blur', `0x${((style.blur * dpi) / 72).toFixed(2)}`);
  if (style.rotate) args.push('-background', 'white', '-rotate', String(style.rotate));
  args.push('-colorspace', 'Gray', '-depth', '8');
  if (format === 'jpg') args.push('-quality', '85');
  args.push(`${format}:-`);
  const r = spawnSync(CONVERT, args, { maxBuffer: 1 << 28, timeout: 120_000 });
  if (r.status !== 0) throw new Error(`convert failed: ${String(r.stderr)}`);
  const size = spawnSync(CONVERT, [`${format}:-`, '-format', '%w %h', 'info:'], {
    input: r.stdout,
    encoding: 'buffer',
    timeout: 60_000,
  });
  const [width, height] = String(size.stdout).trim().split(' ').map(Number);
  return { bytes: new Uint8Array(r.stdout), width, height };
}

/** Several scanned pages as one multi-page TIFF (the pages are written to `folder` on the way). */
export function multiPageTiff(pages: readonly ScannedPage[], folder: string): Uint8Array {
  const files = pages.map((page, k) => {
    const file = join(folder, `page-${k + 1}.jpg`);
    writeFileSync(file, page.bytes);
    return file;
  });
  const r = spawnSync(CONVERT, [...files, '-compress', 'lzw', 'tif:-'], {
    maxBuffer: 1 << 28,
    timeout: 120_000,
  });
  for (const file of files) rmSync(file, { force: true });
  if (r.status !== 0) throw new Error(`convert failed: ${String(r.stderr)}`);
  return new Uint8Array(r.stdout);
}

/** PDF pages: lines of text (a text layer), or a scanned JPEG page drawn over the whole page (no text). */
export type PdfPage = string[] | ScannedPage;

/** A PDF of text pages and image-only pages. */
export function scannedPdf(pages: readonly PdfPage[]): Uint8Array {
  return makePdf(
    pages.map((p) => (Array.isArray(p) ? p : { jpeg: p.bytes, width: p.width, height: p.height })),
  );
}
