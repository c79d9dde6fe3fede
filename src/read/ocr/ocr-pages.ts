/**
 * Pages read by OCR: PDF pages rasterised by poppler's pdftoppm and read by
 * Tesseract, and image files read by Tesseract. Pages run in parallel, as
 * many at once as the OCR slots allow (one Tesseract thread each), each
 * within the page time limit; a document with more pages than the limit is
 * refused before any work. The first failing page (in page order) is the
 * document's error; the pages still running are stopped.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SaochepError } from '../../errors.js';
import type { ResolvedOcrOptions } from './ocr-options.js';
import { OcrSlots } from './ocr-slots.js';
import { assertPdftoppm, assertTesseract } from './ocr-tools.js';
import { ToolFailure, runTool } from './run-tool.js';
import { tiffPageCount } from './tiff-pages.js';

const MAX_RASTER_BYTES = 1 << 29;
const MAX_TEXT_BYTES = 1 << 26;

function pageLimitError(path: string, pages: number, o: ResolvedOcrOptions): SaochepError {
  return new SaochepError(
    'ERR_SAOCHEP_OCR_PAGE_LIMIT',
    `${path}: ${pages} pages to read by OCR, more than the limit of ${o.maxPages}. Raise the limit (--ocr-max-pages, or the ocr.maxPages option) or split the document.`,
  );
}

function pageError(where: string, error: unknown, o: ResolvedOcrOptions): SaochepError {
  if (error instanceof SaochepError) return error;
  if (error instanceof ToolFailure && error.kind === 'timeout')
    return new SaochepError(
      'ERR_SAOCHEP_OCR_FAILED',
      `${where} took longer than ${o.pageTimeoutMs / 1000} s to read by OCR. Raise the page time limit (--ocr-page-timeout, or the ocr.pageTimeout option), or lower the resolution (--ocr-dpi).`,
      { cause: error },
    );
  return new SaochepError(
    'ERR_SAOCHEP_OCR_FAILED',
    `${where} could not be read by OCR (${(error as Error).message.slice(0, 300)}). Check that the file opens in a viewer; scan or export it again.`,
    { cause: error },
  );
}

/** Tesseract's text of one image (or of each page of a multi-page TIFF). */
async function recognise(
  image: Uint8Array,
  o: ResolvedOcrOptions,
  timeoutMs: number,
  signal: AbortSignal | undefined,
  dpi?: number,
): Promise<string[]> {
  const out = await runTool({
    command: o.tesseract,
    args: ['stdin', 'stdout', '-l', o.language, ...(dpi ? ['--dpi', String(dpi)] : [])],
    input: image,
    timeoutMs,
    maxOutputBytes: MAX_TEXT_BYTES,
    // One thread per process: the slots, not Tesseract's threads, use the cores.
    env: { ...process.env, OMP_THREAD_LIMIT: '1' },
    signal,
    ...(o.slots ? { processes: o.slots } : {}),
  });
  // Tesseract ends each page with a form feed.
  const pages = out.toString('utf8').split('\f');
  if (pages.length > 1 && pages[pages.length - 1].trim() === '') pages.pop();
  return pages.map((p) => p.replace(/\s+$/, ''));
}

/** The OCR text of pages `pages` (1-based) of a PDF, in the order asked. */
export async function ocrPdfPages(
  path: string,
  bytes: Uint8Array,
  pages: readonly number[],
  o: ResolvedOcrOptions,
): Promise<string[]> {
  if (pages.length === 0) return [];
  if (pages.length > o.maxPages) throw pageLimitError(path, pages.length, o);
  await assertTesseract(path, o.tesseract, o.language);
  await assertPdftoppm(path, o.pdftoppm);
  const slots = o.slots ?? new OcrSlots(o.jobs);
  const folder = await mkdtemp(join(tmpdir(), 'saochep-ocr-'));
  const controller = new AbortController();
  try {
    const file = join(folder, 'document.pdf');
    await writeFile(file, bytes);
    o.onPages?.({ queued: pages.length, done: 0 });
    const results = await Promise.allSettled(
      pages.map(async (page) => {
        await slots.acquire();
        try {
          const started = Date.now();
          const signal = controller.signal;
          const p = String(page);
          // PGM, not PNG: pdftoppm's PNG compression costs more than the OCR of the page.
          const image = await runTool({
            command: o.pdftoppm,
            args: ['-f', p, '-l', p, '-r', String(o.dpi), '-gray', file],
            timeoutMs: o.pageTimeoutMs,
            maxOutputBytes: MAX_RASTER_BYTES,
            signal,
            processes: slots,
          });
          const left = Math.max(1, o.pageTimeoutMs - (Date.now() - started));
          return (await recognise(image, o, left, signal, o.dpi)).join('\n');
        } catch (error) {
          controller.abort();
          throw error;
        } finally {
          slots.release();
          o.onPages?.({ queued: 0, done: 1 });
        }
      }),
    );
    const failed = results.findIndex(
      (r) =>
        r.status === 'rejected' &&
        !(r.reason instanceof ToolFailure && r.reason.kind === 'aborted'),
    );
    if (failed >= 0)
      throw pageError(
        `${path}: page ${pages[failed]}`,
        (results[failed] as PromiseRejectedResult).reason,
        o,
      );
    return results.map((r) => (r as PromiseFulfilledResult<string>).value);
  } finally {
    await rm(folder, { recursive: true, force: true });
  }
}

/** The OCR text of an image file, one string per page (a TIFF may hold several). */
export async function ocrImage(
  path: string,
  bytes: Uint8Array,
  tiff: boolean,
  o: ResolvedOcrOptions,
): Promise<string[]> {
  const pages = tiff ? tiffPageCount(bytes) : 1;
  if (pages > o.maxPages) throw pageLimitError(path, pages, o);
  await assertTesseract(path, o.tesseract, o.language);
  const slots = o.slots ?? new OcrSlots(o.jobs);
  o.onPages?.({ queued: pages, done: 0 });
  await slots.acquire();
  try {
    // Tesseract reads a multi-page TIFF in one run: its time limit is the pages' together.
    return await recognise(bytes, o, o.pageTimeoutMs * pages, undefined);
  } catch (error) {
    throw pageError(pages > 1 ? `${path} (${pages} pages)` : path, error, o);
  } finally {
    slots.release();
    o.onPages?.({ queued: 0, done: pages });
  }
}
