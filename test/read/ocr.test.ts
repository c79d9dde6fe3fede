/**
 * OCR of scanned plans: pages drawn here from known Vietnamese text (with a
 * font that has its letters), noised, blurred and turned as a scanner leaves
 * them, put into image-only and mixed PDFs and image files, then read back.
 * The truth is the text drawn. The tests that run Tesseract skip with a
 * message when the OCR programs are not installed; the limits and the
 * missing-program error are tested without them.
 */
import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SaochepError, scanArchive } from '../../src/index.js';
import { OcrSlots, PAGE_BREAK, fileTextOf, joinPages, pageAt } from '../../src/read/index.js';
import type { ScanProgress } from '../../src/index.js';
import { csvReport } from '../../src/report/csv-report.js';
import { makePdf } from '../helpers/pdf.js';
import {
  type ScanStyle,
  type ScannedPage,
  multiPageTiff,
  ocrMissing,
  paginate,
  scanPage,
  scannedPdf,
  wrapLines,
} from '../helpers/scans.js';
import { SENTENCES, referenceTokens } from '../helpers/vietnamese.js';
import { ROOT } from '../helpers/paths.js';

const tmp = mkdtempSync(join(tmpdir(), 'saochep-ocr-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const missing = ocrMissing();
if (missing) console.warn(missing);

/** Two pages of administrative text, each its own sentences (so that a page's text tells which page it is). */
const PAGE_TEXTS = [SENTENCES.slice(0, 6).join('\n'), SENTENCES.slice(6).join('\n')];
const PAGES = PAGE_TEXTS.map((t) => wrapLines(t));
const SCAN: ScanStyle = { dpi: 200, noise: 0.4, blur: 0.25, rotate: 0.6 };

/** Share of the drawn syllables that the OCR text has (each counted as often as drawn). */
function recall(truth: string, read: string): number {
  const counts = new Map<string, number>();
  for (const t of referenceTokens(read)) counts.set(t, (counts.get(t) ?? 0) + 1);
  const want = referenceTokens(truth);
  let found = 0;
  for (const t of want) {
    const c = counts.get(t) ?? 0;
    if (c > 0) {
      found++;
      counts.set(t, c - 1);
    }
  }
  return found / want.length;
}

async function errorOf(promise: Promise<unknown>): Promise<SaochepError> {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(SaochepError);
    return error as SaochepError;
  }
  throw new Error('expected a SaochepError');
}

describe('page breaks', () => {
  it('joinPages and pageAt: the page of every character is the page it came from', () => {
    const pages = ['một\nhai', '', 'ba bốn', 'năm'];
    const text = joinPages(pages);
    let at = 0;
    for (const [k, page] of pages.entries()) {
      for (let i = 0; i < page.length; i++) expect(pageAt(text, at + i)).toBe(k + 1);
      at += page.length + PAGE_BREAK.length;
    }
    expect(pageAt(text, 0)).toBe(1);
    expect(pageAt(text, text.length)).toBe(4);
  });

  it('a PDF of text pages keeps its page breaks (a form feed after each line break)', async () => {
    const read = await fileTextOf('plan.pdf', makePdf(PAGES));
    expect(read.readBy).toBe('text');
    expect(read.text.split(PAGE_BREAK).map((p) => p.trim().split('\n'))).toEqual(PAGES);
  });
});

describe('OcrSlots', () => {
  it('never lets more tasks run at once than it has slots, and runs every one', async () => {
    for (const capacity of [1, 2, 3]) {
      const slots = new OcrSlots(capacity);
      let running = 0;
      let most = 0;
      let finished = 0;
      await Promise.all(
        Array.from({ length: 12 }, async (_, k) => {
          await slots.acquire();
          running++;
          most = Math.max(most, running);
          // Tasks of different lengths, so that they finish out of order.
          await new Promise((r) => setTimeout(r, (k % 4) * 3));
          running--;
          finished++;
          slots.release();
        }),
      );
      expect(most).toBe(capacity);
      expect(finished).toBe(12);
      // The slots of another thread's buffer are the same slots.
      expect(new OcrSlots(slots.buffer).capacity).toBe(capacity);
    }
  });
});

describe('OCR limits and missing programs (no OCR needed)', () => {
  it('a scan with more pages than the page limit is refused before any OCR', async () => {
    const error = await errorOf(
      fileTextOf('scan.pdf', makePdf([[], [], []]), { ocr: { maxPages: 2 } }),
    );
    expect(error.code).toBe('ERR_SAOCHEP_OCR_PAGE_LIMIT');
    expect(error.message).toMatch(/3 pages .* limit of 2.*--ocr-max-pages/);
  });

  it('no Tesseract: the typed error names the Debian packages; with OCR off the old errors stay', async () => {
    const scan = makePdf([[], []]);
    const error = await errorOf(
      fileTextOf('scan.pdf', scan, { ocr: { tesseract: join(tmp, 'no-such-tesseract') } }),
    );
    expect(error.code).toBe('ERR_SAOCHEP_OCR_UNAVAILABLE');
    expect(error.message).toMatch(/apt-get install tesseract-ocr tesseract-ocr-vie poppler-utils/);
    const image = await errorOf(
      fileTextOf('scan.png', new Uint8Array(16), { ocr: { tesseract: join(tmp, 'nope') } }),
    );
    expect(image.code).toBe('ERR_SAOCHEP_OCR_UNAVAILABLE');
    expect((await errorOf(fileTextOf('scan.pdf', scan, { ocr: 'off' }))).code).toBe(
      'ERR_SAOCHEP_EMPTY_DOCUMENT',
    );
    expect((await errorOf(fileTextOf('scan.jpg', new Uint8Array(16), { ocr: 'off' }))).code).toBe(
      'ERR_SAOCHEP_UNSUPPORTED_FORMAT',
    );
  });

  it('bad OCR options are typed errors', async () => {
    for (const ocr of [
      'sometimes',
      { dpi: 10 },
      { pageTimeout: 0 },
      { maxPages: 1.5 },
      { language: 'vie;rm' },
    ])
      expect(
        (await errorOf(fileTextOf('a.txt', Buffer.from('văn bản'), { ocr: ocr as never }))).code,
        JSON.stringify(ocr),
      ).toBe('ERR_SAOCHEP_INVALID_OPTION');
  });

  it('a page that takes longer than the page time limit fails with the limit named, and its program is killed', async () => {
    // A stand-in Tesseract that knows the Vietnamese model and then never finishes a page.
    const slow = join(tmp, 'slow-tesseract');
    writeFileSync(
      slow,
      '#!/bin/sh\nif [ "$1" = "--list-langs" ]; then printf "List of available languages:\\nvie\\n"; exit 0; fi\nexec sleep 300\n',
    );
    chmodSync(slow, 0o755);
    const started = Date.now();
    const error = await errorOf(
      fileTextOf('scan.png', new Uint8Array(64), { ocr: { tesseract: slow, pageTimeout: 1 } }),
    );
    expect(error.code).toBe('ERR_SAOCHEP_OCR_FAILED');
    expect(error.message).toMatch(/longer than 1 s.*--ocr-page-timeout/);
    // Killed, not waited for: far less than the 300 s the stand-in sleeps.
    expect(Date.now() - started).toBeLessThan(60_000);
  });
});

// OCR takes seconds a page, more on a busy machine: these tests have minutes.
describe.skipIf(missing !== undefined)(
  'OCR of scans (Tesseract, vie)',
  { timeout: 300_000 },
  () => {
    let scans: ScannedPage[] = [];
    beforeAll(() => {
      scans = PAGES.map((lines) => scanPage(lines, SCAN));
    }, 300_000);

    it('an image-only PDF: every page read by OCR, page breaks kept, ≥ 0.95 of the syllables', async () => {
      const read = await fileTextOf('scan.pdf', scannedPdf(scans), { ocr: { dpi: 200 } });
      expect(read).toMatchObject({ format: 'pdf', readBy: 'ocr', ocrPages: 2 });
      const pages = read.text.split(PAGE_BREAK);
      expect(pages).toHaveLength(2);
      for (const [k, page] of pages.entries()) {
        expect(recall(PAGE_TEXTS[k], page), `page ${k + 1}`).toBeGreaterThanOrEqual(0.95);
        // Each page's text is on its own page: the other page's text is mostly not there.
        expect(recall(PAGE_TEXTS[1 - k], page)).toBeLessThan(0.8);
      }
    });

    it('a mixed PDF: the text page from its text layer, the scanned page by OCR', async () => {
      const read = await fileTextOf('mixed.pdf', scannedPdf([PAGES[0], scans[1]]), {
        ocr: { dpi: 200 },
      });
      expect(read).toMatchObject({ readBy: 'text+ocr', ocrPages: 1 });
      const [first, second] = read.text.split(PAGE_BREAK);
      expect(first.trim().split('\n')).toEqual(PAGES[0]);
      expect(recall(PAGE_TEXTS[1], second)).toBeGreaterThanOrEqual(0.95);
      // --ocr on reads the text page by OCR too; --ocr off reads only the text layer.
      const on = await fileTextOf('mixed.pdf', scannedPdf([PAGES[0], scans[1]]), {
        ocr: { mode: 'on', dpi: 200 },
      });
      // (The text page's own glyphs are not embedded in this test PDF: only the count is checked.)
      expect(on).toMatchObject({ readBy: 'ocr', ocrPages: 2 });
      expect(recall(PAGE_TEXTS[1], on.text.split(PAGE_BREAK)[1])).toBeGreaterThanOrEqual(0.95);
      const off = await fileTextOf('mixed.pdf', scannedPdf([PAGES[0], scans[1]]), { ocr: 'off' });
      expect(off.readBy).toBe('text');
      expect(off.text.split(PAGE_BREAK)[1].trim()).toBe('');
    });

    it('.png, .jpg and a two-page .tif are read the same way', async () => {
      const png = scanPage(PAGES[0], { ...SCAN, format: 'png' });
      const fromPng = await fileTextOf('scan.png', png.bytes);
      expect(fromPng).toMatchObject({ format: 'png', readBy: 'ocr', ocrPages: 1 });
      expect(recall(PAGE_TEXTS[0], fromPng.text)).toBeGreaterThanOrEqual(0.95);
      const fromJpg = await fileTextOf('scan.jpeg', scans[1].bytes);
      expect(fromJpg).toMatchObject({ format: 'jpg', readBy: 'ocr' });
      expect(recall(PAGE_TEXTS[1], fromJpg.text)).toBeGreaterThanOrEqual(0.95);
      const folder = mkdtempSync(join(tmp, 'tiff-'));
      const tiff = multiPageTiff(scans, folder);
      const fromTiff = await fileTextOf('scan.tif', tiff);
      expect(fromTiff).toMatchObject({ format: 'tiff', readBy: 'ocr', ocrPages: 2 });
      const pages = fromTiff.text.split(PAGE_BREAK);
      expect(pages).toHaveLength(2);
      for (const [k, page] of pages.entries())
        expect(recall(PAGE_TEXTS[k], page)).toBeGreaterThanOrEqual(0.95);
    });

    it('a missing language model is the typed error that names the packages', async () => {
      const error = await errorOf(
        fileTextOf('scan.jpg', scans[0].bytes, { ocr: { language: 'zzz' } }),
      );
      expect(error.code).toBe('ERR_SAOCHEP_OCR_UNAVAILABLE');
      expect(error.message).toMatch(/no zzz language model.*tesseract-ocr-vie/);
    });

    it('a scan of an archive: scans found copied from their source, readBy in the report, pages counted, limits as error rows', async () => {
      const archive = join(tmp, 'archive');
      mkdirSync(archive);
      // The original as text, a scanned copy of it (verbatim), and a scan of other text.
      writeFileSync(join(archive, 'a-original.txt'), PAGE_TEXTS.join('\n'));
      writeFileSync(join(archive, 'b-scanned-copy.pdf'), scannedPdf(scans));
      const other = wrapLines(
        [...SENTENCES]
          .reverse()
          .map((s) => s.split(' ').reverse().join(' '))
          .join('\n'),
      );
      writeFileSync(join(archive, 'c-other-scan.jpg'), scanPage(paginate(other)[0], SCAN).bytes);
      writeFileSync(join(archive, 'd-too-long.pdf'), makePdf([[], [], [], []]));
      const progress: ScanProgress[] = [];
      const { report } = await scanArchive({
        archive,
        jobs: 2,
        ocr: { dpi: 200, maxPages: 3 },
        onProgress: (p) => progress.push(p),
      });
      const byId = new Map(report.plans.map((p) => [p.id, p]));
      expect(byId.get('a-original.txt')?.readBy).toBe('text');
      const copy = byId.get('b-scanned-copy.pdf')!;
      expect(copy).toMatchObject({ readBy: 'ocr', ocrPages: 2, copied: true });
      expect(copy.sources[0].id).toBe('a-original.txt');
      expect(byId.get('c-other-scan.jpg')).toMatchObject({ readBy: 'ocr', ocrPages: 1 });
      expect(report.errors).toEqual([
        expect.objectContaining({ file: 'd-too-long.pdf', code: 'ERR_SAOCHEP_OCR_PAGE_LIMIT' }),
      ]);
      const reading = progress.filter((p) => p.stage === 'read' && p.ocrPages);
      expect(reading.length).toBeGreaterThan(0);
      expect(reading[reading.length - 1].ocrPages).toEqual({ done: 3, total: 3 });
      const csv = csvReport(report).split('\r\n');
      // The last two columns (earlier ones may be quoted, with commas inside).
      expect(csv[0].split(',').slice(-2)).toEqual(['read_by', 'ocr_pages']);
      const row = csv.find((l) => l.startsWith('b-scanned-copy.pdf,'))!;
      expect(row.split(',').slice(-2)).toEqual(['ocr', '2']);
    });

    it('saochep check --ocr reads a scan; --ocr off makes it unreadable (exit 2); a bad --ocr is bad usage', () => {
      const cli = join(ROOT, 'dist/cli.js');
      const run = (...args: string[]) =>
        spawnSync(process.execPath, [cli, ...args], {
          cwd: tmp,
          encoding: 'utf8',
          timeout: 300_000,
        });
      const folder = mkdtempSync(join(tmp, 'cli-'));
      writeFileSync(join(folder, 'original.txt'), PAGE_TEXTS.join('\n'));
      writeFileSync(join(folder, 'scan.pdf'), scannedPdf(scans));
      const index = join(folder, 'saved.idx');
      expect(run('index', join(folder, 'original.txt'), '--out', index, '--quiet').status).toBe(0);
      const found = run(
        'check',
        join(folder, 'scan.pdf'),
        '--index',
        index,
        '--json',
        '--ocr-dpi',
        '200',
      );
      expect(found.status, found.stderr).toBe(0);
      const result = JSON.parse(found.stdout) as {
        score: number;
        readBy: string;
        ocrPages: number;
        matches: Array<{ id: string }>;
      };
      expect(result).toMatchObject({ readBy: 'ocr', ocrPages: 2 });
      expect(result.matches[0].id).toBe('original.txt');
      expect(result.score).toBeGreaterThan(0.5);
      expect(run('check', join(folder, 'scan.pdf'), '--index', index, '--ocr', 'off').status).toBe(
        2,
      );
      expect(
        run('check', join(folder, 'scan.pdf'), '--index', index, '--ocr', 'maybe').status,
      ).toBe(1);
    });
  },
);
