/**
 * The sao chép score against the copier's edits, on real text: documents of
 * ../shared/corpus-real indexed 3,000 at a time, copies of indexed documents
 * edited in each way a copier edits (names and digits changed, words
 * replaced, inserted or dropped, lines shuffled) checked against the index,
 * and unrelated documents beside them. Also the curve of the score against
 * the edit rate (0–40%), with the truth (share of words unchanged) and the
 * plain shingle containment beside it.
 *
 *   npm run bench:edits            (BENCH_COPIES=100 copies per kind)
 */
import { existsSync } from 'node:fs';
import { PlanIndex } from 'saochep';
import { shingleText } from 'saochep/sketch';
import { type CopyKind, editedCopy, rng, vocabulary } from './copy-edits.js';
import { writeEditCurveSvg } from './edit-curve-svg.js';
import { REAL_CORPUS, environment, median, readJsonl, writeResults } from './util.js';

const INDEXED = Number(process.env.BENCH_INDEXED ?? 3000);
const COPIES = Number(process.env.BENCH_COPIES ?? 100);
const CURVE_COPIES = Number(process.env.BENCH_CURVE_COPIES ?? 40);

if (!existsSync(REAL_CORPUS)) {
  console.log(`skipped: ${REAL_CORPUS} is not here (the edit benchmark needs real text)`);
  process.exit(0);
}
const docs = readJsonl(REAL_CORPUS, INDEXED + COPIES);
const indexed = docs.slice(0, INDEXED);
const unrelated = docs.slice(INDEXED, INDEXED + COPIES);
const index = new PlanIndex();
index.addAll(indexed);
const vocab = vocabulary(indexed.slice(0, 500).map((d) => d.text));
const random = rng(20261201);
const sample = Array.from({ length: COPIES }, (_, k) => indexed[(k * 7919) % indexed.length]);

/** Share of the copy's shingles found in the source: the plain containment, for comparison. */
function shingleContainment(copy: string, source: string): number {
  const a = new Set(shingleText(copy));
  const b = new Set(shingleText(source));
  let shared = 0;
  for (const h of a) if (b.has(h)) shared++;
  return a.size === 0 ? 0 : shared / a.size;
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? 0;
}

interface Row {
  kind: string;
  target: number;
  p5: number;
  median: number;
  meetsTarget: number;
  topIsSource: number;
  truth: number;
}

const TABLE: Array<{ label: string; kind: CopyKind; rate: number; target: number }> = [
  { label: 'verbatim', kind: 'verbatim', rate: 0, target: 0.95 },
  { label: 'names and digits changed', kind: 'names-digits', rate: 0, target: 0.8 },
  { label: '5% of words replaced', kind: 'replace', rate: 0.05, target: 0.9 },
  { label: '10% of words replaced', kind: 'replace', rate: 0.1, target: 0.8 },
  { label: '20% of words replaced', kind: 'replace', rate: 0.2, target: 0.55 },
  { label: '10% of words inserted', kind: 'insert', rate: 0.1, target: 0.8 },
  { label: '10% of words deleted', kind: 'delete', rate: 0.1, target: 0.85 },
  { label: 'lines shuffled', kind: 'shuffle-lines', rate: 0, target: 0.9 },
];

const start = process.hrtime.bigint();
const rows: Row[] = [];
for (const t of TABLE) {
  const scores: number[] = [];
  const truths: number[] = [];
  let top = 0;
  for (const doc of sample) {
    const copy = editedCopy(doc.text, t.kind, t.rate, vocab, random);
    const result = index.check(copy.text);
    scores.push(result.score);
    truths.push(copy.unchangedShare);
    if (result.matches[0]?.id === doc.id) top++;
  }
  rows.push({
    kind: t.label,
    target: t.target,
    p5: percentile(scores, 0.05),
    median: median(scores),
    meetsTarget: scores.filter((s) => s >= t.target).length / scores.length,
    topIsSource: top / sample.length,
    truth: median(truths),
  });
}
/** Lines of a text from `from` to `to` (shares of its lines). */
function part(text: string, from: number, to: number): string {
  const lines = text.split('\n');
  return lines.slice(Math.round(from * lines.length), Math.round(to * lines.length)).join('\n');
}
for (const [label, make, truth] of [
  [
    'half copied, half its own',
    (k: number) => `${part(sample[k].text, 0, 0.5)}\n${part(unrelated[k].text, 0.5, 1)}`,
    0.5,
  ],
  [
    'thirds of two sources, a third its own',
    (k: number) =>
      `${part(sample[k].text, 0, 1 / 3)}\n${part(sample[(k + 1) % sample.length].text, 1 / 3, 2 / 3)}\n${part(unrelated[k].text, 2 / 3, 1)}`,
    2 / 3,
  ],
] as const) {
  const scores: number[] = [];
  const truths: number[] = [];
  for (let k = 0; k < sample.length; k++) {
    const text = make(k);
    const result = index.check(text);
    scores.push(result.score);
    // Truth in syllables: the copied parts' share of the whole.
    const own = shingleText(part(unrelated[k].text, truth === 0.5 ? 0.5 : 2 / 3, 1)).length;
    truths.push(1 - own / Math.max(1, shingleText(text).length));
  }
  rows.push({
    kind: label,
    target: truth,
    p5: percentile(scores, 0.05),
    median: median(scores),
    meetsTarget: scores.filter((s, k) => Math.abs(s - truths[k]) <= 0.15).length / scores.length,
    topIsSource: NaN,
    truth: median(truths),
  });
}
{
  const scores = unrelated.map((d) => index.check(d.text).score);
  rows.push({
    kind: 'unrelated documents',
    target: 0.1,
    p5: percentile(scores, 0.05),
    median: median(scores),
    meetsTarget: scores.filter((s) => s <= 0.1).length / scores.length,
    topIsSource: NaN,
    truth: 0,
  });
}

interface CurvePoint {
  kind: CopyKind;
  rate: number;
  score: number;
  truth: number;
  shingleContainment: number;
}
const curve: CurvePoint[] = [];
for (const kind of ['replace', 'insert', 'delete'] as const) {
  for (let step = 0; step <= 8; step++) {
    const rate = step * 0.05;
    const scores: number[] = [];
    const truths: number[] = [];
    const plain: number[] = [];
    for (const doc of sample.slice(0, CURVE_COPIES)) {
      const copy = editedCopy(doc.text, kind, rate, vocab, random);
      scores.push(index.check(copy.text, { passages: false }).score);
      truths.push(copy.unchangedShare);
      plain.push(shingleContainment(copy.text, doc.text));
    }
    curve.push({
      kind,
      rate,
      score: median(scores),
      truth: median(truths),
      shingleContainment: median(plain),
    });
  }
}
const seconds = Number(process.hrtime.bigint() - start) / 1e9;

const f = (x: number) => (Number.isNaN(x) ? '   – ' : x.toFixed(2).padStart(5));
console.log(`${INDEXED} real articles indexed (defaults); ${COPIES} copies per kind`);
console.log('copy of an indexed document            p5    median  ≥ target  top=source  truth');
for (const r of rows)
  console.log(
    `${r.kind.padEnd(38)} ${f(r.p5)}  ${f(r.median)}   ${f(r.meetsTarget)}     ${f(r.topIsSource)}    ${f(r.truth)}   (target ${r.target.toFixed(2)}${r.kind.includes('its own') ? ' ± 0.15 of truth' : ''})`,
  );
console.log('curve (median): kind rate score truth shingle-containment');
for (const c of curve)
  console.log(
    `  ${c.kind.padEnd(8)} ${c.rate.toFixed(2)}  ${f(c.score)} ${f(c.truth)} ${f(c.shingleContainment)}`,
  );
const svg = writeEditCurveSvg(curve);
console.log(`chart: ${svg}`);
console.log(
  `written: ${writeResults('edits', { indexed: INDEXED, copies: COPIES, rows, curve, seconds, environment: environment() })}`,
);
