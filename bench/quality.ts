/**
 * Evidence quality on a generated archive whose truth is known: every plan is
 * checked against the plans dated before it and the directives (as
 * references), and its detected passages are compared with the recorded ones,
 * character by character, with the measures of the PAN text-alignment task
 * (Potthast et al., 2010): precision, recall, granularity and plagdet. Also
 * how scores of honest plans and of copies compare with the recorded shares.
 *
 *   npm run bench:quality                      (1,000 plans, seed 7)
 *   BENCH_PLANS=300 BENCH_SEED=1 npm run bench:quality
 */
import { PlanIndex } from 'saochep';
import { generateArchive } from '../corpus/generator/archive.js';
import { environment, median, writeResults } from './util.js';

const PLANS = Number(process.env.BENCH_PLANS ?? 1000);
const SEED = Number(process.env.BENCH_SEED ?? 7);

const archive = generateArchive({ plans: PLANS, seed: SEED });
const index = new PlanIndex(
  process.env.BENCH_MIN_PASSAGE ? { minPassage: Number(process.env.BENCH_MIN_PASSAGE) } : {},
);
for (const d of archive.truth.directives) {
  index.addReference({ id: d.id, text: archive.files.get(d.id)!.text, meta: { date: d.date } });
}
for (const p of archive.truth.plans)
  index.add({ id: p.id, text: archive.files.get(p.id)!.text, meta: { date: p.date } });

interface Range {
  plan: string;
  start: number;
  end: number;
}
interface Case extends Range {
  sources: Set<string>;
}

const cases: Case[] = [];
/** The copied text found in each plan: the union of the passages of all its matches. */
const detections: Range[] = [];
/** Characters of each case found in a passage whose source is the case's source (or its root). */
let sourceFound = 0;
let caseChars = 0;
const scores: Record<string, number[]> = {};
const scoreErrors: number[] = [];
const breakdownErrors: number[] = [];
const start = process.hrtime.bigint();
for (const truth of archive.truth.plans) {
  const text = archive.files.get(truth.id)!.text;
  const result = index.check(
    { text, meta: { date: truth.date } },
    { onlyEarlier: true, limit: 50, exclude: [truth.id] },
  );
  (scores[truth.kind] ??= []).push(result.score);
  scoreErrors.push(Math.abs(result.score - truth.shareCopied));
  breakdownErrors.push(Math.abs(result.breakdown.fromReferences - truth.shareFromDirective));
  const all: Array<[number, number]> = [];
  for (const m of result.matches) for (const p of m.passages) all.push([p.start, p.end]);
  // Passages of different sources that meet across a space or a comma read as one.
  const joined: Array<[number, number]> = [];
  for (const [a, b] of union(all)) {
    const last = joined[joined.length - 1];
    if (last && !/[\p{L}\p{N}]/u.test(text.slice(last[1], a))) last[1] = b;
    else joined.push([a, b]);
  }
  for (const [a, b] of joined) detections.push({ plan: truth.id, start: a, end: b });
  for (const p of truth.passages) {
    const sources = new Set([p.source, p.root]);
    cases.push({ plan: truth.id, start: p.start, end: p.end, sources });
    const fromSource = result.matches
      .filter((m) => sources.has(m.id))
      .flatMap((m) =>
        m.passages.map((q): [number, number] => [
          Math.max(p.start, q.start),
          Math.min(p.end, q.end),
        ]),
      );
    sourceFound += unionLength(fromSource);
    caseChars += p.end - p.start;
  }
}
const seconds = Number(process.hrtime.bigint() - start) / 1e9;

/** Intervals merged where they overlap or touch, ascending. */
function union(intervals: Array<[number, number]>): Array<[number, number]> {
  const sorted = intervals.filter(([a, b]) => b > a).sort((x, y) => x[0] - y[0]);
  const out: Array<[number, number]> = [];
  for (const [a, b] of sorted) {
    const last = out[out.length - 1];
    if (last && a <= last[1]) last[1] = Math.max(last[1], b);
    else out.push([a, b]);
  }
  return out;
}

/** Characters of [a, b) and [c, d) in common. */
function overlap(a: number, b: number, c: number, d: number): number {
  return Math.max(0, Math.min(b, d) - Math.max(a, c));
}

/** Length of the union of intervals. */
function unionLength(intervals: Array<[number, number]>): number {
  return union(intervals).reduce((sum, [a, b]) => sum + b - a, 0);
}

/** Group ranges by plan. */
function byPlan<T extends Range>(ranges: T[]): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const r of ranges) {
    const list = out.get(r.plan);
    if (list) list.push(r);
    else out.set(r.plan, [r]);
  }
  return out;
}

/** PAN measures of the detected copied text against the recorded passages (any source). */
function pan() {
  const planDetections = byPlan(detections);
  const planCases = byPlan(cases);
  let recallSum = 0;
  let detectedCases = 0;
  let granularitySum = 0;
  for (const c of cases) {
    const ds = (planDetections.get(c.plan) ?? []).filter(
      (d) => overlap(c.start, c.end, d.start, d.end) > 0,
    );
    recallSum +=
      unionLength(ds.map((d) => [Math.max(c.start, d.start), Math.min(c.end, d.end)])) /
      (c.end - c.start);
    if (ds.length > 0) {
      detectedCases++;
      granularitySum += ds.length;
    }
  }
  let precisionSum = 0;
  for (const d of detections) {
    const cs = (planCases.get(d.plan) ?? []).filter(
      (c) => overlap(c.start, c.end, d.start, d.end) > 0,
    );
    precisionSum +=
      unionLength(cs.map((c) => [Math.max(c.start, d.start), Math.min(c.end, d.end)])) /
      (d.end - d.start);
  }
  const recall = cases.length === 0 ? 1 : recallSum / cases.length;
  const precision = detections.length === 0 ? 1 : precisionSum / detections.length;
  const granularity = detectedCases === 0 ? 1 : granularitySum / detectedCases;
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { precision, recall, granularity, plagdet: f1 / Math.log2(1 + granularity) };
}

const plain = pan();
const sourceRecall = caseChars === 0 ? 1 : sourceFound / caseChars;
const byKind = Object.fromEntries(
  Object.entries(scores).map(([kind, values]) => [
    kind,
    {
      plans: values.length,
      medianScore: median(values),
      max: Math.max(...values),
      above015: values.filter((v) => v >= 0.15).length / values.length,
    },
  ]),
);
const results = {
  plans: PLANS,
  seed: SEED,
  cases: cases.length,
  detections: detections.length,
  pan: plain,
  sourceRecall,
  scoreVsTruth: {
    medianAbsoluteError: median(scoreErrors),
    meanAbsoluteError: scoreErrors.reduce((a, b) => a + b, 0) / scoreErrors.length,
  },
  fromReferencesVsTruth: { medianAbsoluteError: median(breakdownErrors) },
  scoresByKind: byKind,
  checkSecondsPerPlan: seconds / archive.truth.plans.length,
  environment: environment(),
};
const f = (x: number) => x.toFixed(3);
console.log(
  `${PLANS} plans (seed ${SEED}), ${cases.length} copied passages recorded, ${detections.length} detected`,
);
console.log(
  `PAN: precision ${f(plain.precision)}  recall ${f(plain.recall)}  granularity ${f(plain.granularity)}  plagdet ${f(plain.plagdet)}`,
);
console.log(
  `copied characters found in a passage of their recorded source (or its root): ${f(sourceRecall)}`,
);
console.log(
  `score vs recorded share copied: median |error| ${f(results.scoreVsTruth.medianAbsoluteError)}; fromReferences vs share from the directive: ${f(results.fromReferencesVsTruth.medianAbsoluteError)}`,
);
for (const [kind, s] of Object.entries(byKind))
  console.log(
    `  ${kind.padEnd(20)} ${String(s.plans).padStart(5)} plans, median score ${f(s.medianScore)}, max ${f(s.max)}, share ≥ 0.15: ${f(s.above015)}`,
  );
console.log(`written: ${writeResults('quality', results)}`);
