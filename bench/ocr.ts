/**
 * OCR quality and cost on real kế hoạch of ../shared/corpus-legal, rendered
 * here to image-only PDFs (A4 pages drawn by ImageMagick in DejaVu Serif,
 * then noise, blur and a small rotation, as a scanner leaves them) at 150,
 * 200 and 300 dpi, and clean at 200 dpi:
 *   - syllable recall of the OCR text against the text drawn;
 *   - seconds per page of saochep's OCR (pdftoppm + Tesseract vie, one
 *     process at a time, on this machine);
 *   - detection: each scanned copy (verbatim, and re-issued with province
 *     names and every digit changed) checked against an index of the
 *     originals: is its source the top match, and how far is its score from
 *     the score of the same copy checked as text.
 *
 *   npm run bench:ocr            (a few minutes of CPU: run it with nice)
 *   npm run bench:ocr -- --plans 2
 */
import { existsSync, readFileSync } from 'node:fs';
import os from 'node:os';
import { PlanIndex } from 'saochep';
import { fileTextOf } from 'saochep/read';
import { rng } from './copy-edits.js';
import { reissue } from './reissue.js';
import { LEGAL_CORPUS, environment, median, writeResults } from './util.js';
import {
  type ScanStyle,
  ocrMissing,
  paginate,
  scanPage,
  scannedPdf,
  wrapLines,
} from '../test/helpers/scans.js';

if (!existsSync(LEGAL_CORPUS)) {
  console.log(`skipped: ${LEGAL_CORPUS} is not here (this benchmark needs the real kế hoạch)`);
  process.exit(0);
}
const missing = ocrMissing();
if (missing) {
  console.log(`skipped: ${missing}`);
  process.exit(0);
}

const flag = process.argv.indexOf('--plans');
const PLAN_COUNT = flag > 0 ? Number(process.argv[flag + 1]) : 3;

/** CPU seconds of this process's finished children (Linux): OCR's cost whatever else the machine runs. */
function childCpuSeconds(): number {
  try {
    const stat = readFileSync('/proc/self/stat', 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    // cutime and cstime, fields 16 and 17 of proc(5), in clock ticks (100 a second on Linux).
    return (Number(fields[13]) + Number(fields[14])) / 100;
  } catch {
    return NaN;
  }
}

interface LegalDoc {
  id: string;
  text: string;
  doc_type?: string;
}
const plans = readFileSync(LEGAL_CORPUS, 'utf8')
  .split('\n')
  .filter((l) => l.trim() !== '')
  .map((l) => JSON.parse(l) as LegalDoc)
  .filter((d) => d.doc_type === 'Kế hoạch');
// Plans of a few pages each (the shortest first, in a fixed order), so that the run stays minutes long.
const sample = plans
  .filter((p) => p.text.length >= 5000 && p.text.length <= 10000)
  .sort((a, b) => a.id.localeCompare(b.id))
  .slice(0, PLAN_COUNT);

const CONDITIONS: Array<{ name: string; style: ScanStyle }> = [
  {
    name: '150 dpi, noise, blur, 0.6° turn',
    style: { dpi: 150, noise: 0.4, blur: 0.25, rotate: 0.6 },
  },
  {
    name: '200 dpi, noise, blur, 0.6° turn',
    style: { dpi: 200, noise: 0.4, blur: 0.25, rotate: 0.6 },
  },
  {
    name: '300 dpi, noise, blur, 0.6° turn',
    style: { dpi: 300, noise: 0.4, blur: 0.25, rotate: 0.6 },
  },
  { name: '200 dpi, clean', style: { dpi: 200 } },
];
/** The condition the re-issued copies are scanned at. */
const DETECTION_DPI = 200;

/** Syllables as an independent reader splits them: NFC, lower case, letters and digits. */
function syllables(text: string): string[] {
  return (
    text
      .normalize('NFC')
      .toLowerCase()
      .match(/[\p{L}\p{N}]+/gu) ?? []
  );
}

/** Share of the truth's syllables found in the OCR text (each counted as often as it is there). */
function recall(truth: string, read: string): number {
  const counts = new Map<string, number>();
  for (const t of syllables(read)) counts.set(t, (counts.get(t) ?? 0) + 1);
  const want = syllables(truth);
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

const index = new PlanIndex();
for (const p of plans) index.add({ id: p.id, text: p.text });

interface Row {
  plan: string;
  copy: 'verbatim' | 'names and numbers changed';
  condition: string;
  pages: number;
  recall: number;
  ocrSecondsPerPage: number;
  ocrCpuSecondsPerPage: number;
  renderSecondsPerPage: number;
  topMatch: string | undefined;
  found: boolean;
  score: number;
  textScore: number;
}
const rows: Row[] = [];
const random = rng(17);

async function measure(
  plan: LegalDoc,
  copy: Row['copy'],
  text: string,
  c: (typeof CONDITIONS)[number],
) {
  const lines = wrapLines(text);
  const pages = paginate(lines);
  const t0 = process.hrtime.bigint();
  const scans = pages.map((page) => scanPage(page, c.style));
  const t1 = process.hrtime.bigint();
  const cpu0 = childCpuSeconds();
  const read = await fileTextOf(`${plan.id}.pdf`, scannedPdf(scans), {
    ocr: { dpi: c.style.dpi, jobs: 1 },
  });
  const t2 = process.hrtime.bigint();
  const cpu = childCpuSeconds() - cpu0;
  const ocr = index.check(read.text, { limit: 5 });
  const asText = index.check(text, { limit: 5 });
  const row: Row = {
    plan: plan.id,
    copy,
    condition: c.name,
    pages: pages.length,
    recall: Math.round(recall(lines.join('\n'), read.text) * 10_000) / 10_000,
    ocrSecondsPerPage: Math.round(Number(t2 - t1) / 1e6 / pages.length) / 1000,
    ocrCpuSecondsPerPage: Math.round((cpu / pages.length) * 1000) / 1000,
    renderSecondsPerPage: Math.round(Number(t1 - t0) / 1e6 / pages.length) / 1000,
    topMatch: ocr.matches[0]?.id,
    found: ocr.matches[0]?.id === plan.id,
    score: Math.round(ocr.score * 10_000) / 10_000,
    textScore: Math.round(asText.score * 10_000) / 10_000,
  };
  rows.push(row);
  console.log(
    `${row.plan} ${copy} @ ${c.name}: ${row.pages} pages, recall ${row.recall}, ${row.ocrSecondsPerPage} s/page (${row.ocrCpuSecondsPerPage} s CPU), top ${row.topMatch} score ${row.score} (as text ${row.textScore})`,
  );
}

for (const plan of sample) {
  for (const c of CONDITIONS) await measure(plan, 'verbatim', plan.text, c);
  const changed = reissue(plan.text, random);
  const c = CONDITIONS.find((k) => k.style.dpi === DETECTION_DPI && k.style.noise)!;
  await measure(plan, 'names and numbers changed', changed, c);
}

const byCondition = CONDITIONS.map((c) => {
  const rs = rows.filter((r) => r.condition === c.name && r.copy === 'verbatim');
  const pages = rs.reduce((s, r) => s + r.pages, 0);
  return {
    condition: c.name,
    plans: rs.length,
    pages,
    recallMean:
      Math.round((rs.reduce((s, r) => s + r.recall * r.pages, 0) / pages) * 10_000) / 10_000,
    recallMin: Math.min(...rs.map((r) => r.recall)),
    ocrSecondsPerPage:
      Math.round((rs.reduce((s, r) => s + r.ocrSecondsPerPage * r.pages, 0) / pages) * 1000) / 1000,
    ocrCpuSecondsPerPage:
      Math.round((rs.reduce((s, r) => s + r.ocrCpuSecondsPerPage * r.pages, 0) / pages) * 1000) /
      1000,
  };
});
const detection = (['verbatim', 'names and numbers changed'] as const).map((copy) => {
  const rs = rows.filter(
    (r) =>
      r.copy === copy &&
      r.condition === CONDITIONS.find((k) => k.style.dpi === DETECTION_DPI)!.name,
  );
  const gaps = rs.map((r) => Math.abs(r.score - r.textScore));
  return {
    copy,
    condition: rs[0]?.condition,
    copies: rs.length,
    sourceIsTopMatch: rs.filter((r) => r.found).length,
    scoreGapMedian: Math.round(median(gaps) * 10_000) / 10_000,
    scoreGapMax: Math.round(Math.max(...gaps) * 10_000) / 10_000,
  };
});
const results = {
  corpus: 'shared/corpus-legal (Kế hoạch)',
  index: `${plans.length} original kế hoạch`,
  sample: sample.map((p) => p.id),
  ocr: 'pdftoppm -gray at the scan resolution, then tesseract -l vie, one process, OMP_THREAD_LIMIT=1',
  byCondition,
  detection,
  rows,
  // The machine is shared: wall seconds depend on the load, CPU seconds much less.
  loadAverage: os.loadavg().map((l) => Math.round(l * 10) / 10),
  environment: environment(),
};
console.table(byCondition);
console.table(detection);
console.log(`written: ${writeResults('ocr', results)}`);
