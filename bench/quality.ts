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
import { PlanIndex, type PlanMatch } from 'saochep';
import { generateArchive } from '../corpus/generator/archive.js';
import { environment, median, writeResults } from './util.js';

const PLANS = Number(process.env.BENCH_PLANS ?? 1000);
const SEED = Number(process.env.BENCH_SEED ?? 7);

const archive = generateArchive({ plans: PLANS, seed: SEED });
const index = new PlanIndex();
for (const d of archive.truth.directives) {
  index.addReference({ id: d.id, text: archive.files.get(d.id)!.text, meta: { date: d.date } });
}
for (const p of archive.truth.plans)
  index.add({ id: p.id, text: archive.files.get(p.id)!.text, meta: { date: p.date } });

interface Case {
  plan: string;
  start: number;
  end: number;
  sources: Set<string>;
}
interface Detection {
  plan: string;
  start: number;
  end: number;
  source: string;
}

const cases: Case[] = [];
const detections: Detection[] = [];
const scores: Record<string, number[]> = {};
const scoreErrors: number[] = [];
const breakdownErrors: number[] = [];
const start = process.hrtime.bigint();
for (const truth of archive.truth.plans) {
  const text = archive.files.get(truth.id)!.text;
  const result = index.check(
    { text, meta: { date: truth.date } },
    { onlyEarlier: true, limit: 50 },
  );
  (scores[truth.kind] ??= []).push(result.score);
  scoreErrors.push(Math.abs(result.score - truth.shareCopied));
  breakdownErrors.push(Math.abs(result.breakdown.fromReferences - truth.shareFromDirective));
  for (const p of truth.passages) {
    cases.push({
      plan: truth.id,
      start: p.start,
      end: p.end,
      sources: new Set([p.source, p.root]),
    });
  }
  // One attribution per character: the best match first, later ones only where nothing was found yet.
  const claimed: Array<[number, number]> = [];
  for (const m of result.matches as PlanMatch[]) {
    for (const p of m.passages) {
      for (const [a, b] of subtract(p.start, p.end, claimed)) {
        detections.push({ plan: truth.id, start: a, end: b, source: m.id });
      }
      claimed.push([p.start, p.end]);
    }
  }
}
const seconds = Number(process.hrtime.bigint() - start) / 1e9;

/** The parts of [a, b) outside the given intervals. */
function subtract(
  a: number,
  b: number,
  intervals: Array<[number, number]>,
): Array<[number, number]> {
  let parts: Array<[number, number]> = [[a, b]];
  for (const [c, d] of intervals) {
    parts = parts.flatMap(([x, y]): Array<[number, number]> => {
      if (d <= x || c >= y) return [[x, y]];
      return [
        [x, Math.min(y, c)],
        [Math.max(x, d), y],
      ].filter(([u, v]) => v - u > 0) as Array<[number, number]>;
    });
  }
  return parts.filter(([x, y]) => y - x >= 20);
}

/** Characters of [a, b) and [c, d) in common. */
function overlap(a: number, b: number, c: number, d: number): number {
  return Math.max(0, Math.min(b, d) - Math.max(a, c));
}

/** Length of the union of intervals. */
function unionLength(intervals: Array<[number, number]>): number {
  const sorted = intervals.filter(([a, b]) => b > a).sort((x, y) => x[0] - y[0]);
  let total = 0;
  let end = -Infinity;
  let startAt = 0;
  for (const [a, b] of sorted) {
    if (a > end) {
      if (end > -Infinity) total += end - startAt;
      startAt = a;
      end = b;
    } else end = Math.max(end, b);
  }
  if (end > -Infinity) total += end - startAt;
  return total;
}

/** PAN measures; `sourceAware`: a detection only counts for a case when it names the case's source (or its root). */
function pan(sourceAware: boolean) {
  const byPlanDetections = new Map<string, Detection[]>();
  for (const d of detections)
    byPlanDetections.set(d.plan, [...(byPlanDetections.get(d.plan) ?? []), d]);
  const byPlanCases = new Map<string, Case[]>();
  for (const c of cases) byPlanCases.set(c.plan, [...(byPlanCases.get(c.plan) ?? []), c]);
  const matches = (c: Case, d: Detection) => !sourceAware || c.sources.has(d.source);
  let recallSum = 0;
  let detectedCases = 0;
  let granularitySum = 0;
  for (const c of cases) {
    const ds = (byPlanDetections.get(c.plan) ?? []).filter(
      (d) => matches(c, d) && overlap(c.start, c.end, d.start, d.end) > 0,
    );
    const covered = unionLength(
      ds.map((d) => [Math.max(c.start, d.start), Math.min(c.end, d.end)]),
    );
    recallSum += covered / (c.end - c.start);
    if (ds.length > 0) {
      detectedCases++;
      granularitySum += ds.length;
    }
  }
  let precisionSum = 0;
  for (const d of detections) {
    const cs = (byPlanCases.get(d.plan) ?? []).filter(
      (c) => matches(c, d) && overlap(c.start, c.end, d.start, d.end) > 0,
    );
    const covered = unionLength(
      cs.map((c) => [Math.max(c.start, d.start), Math.min(c.end, d.end)]),
    );
    precisionSum += covered / (d.end - d.start);
  }
  const recall = cases.length === 0 ? 1 : recallSum / cases.length;
  const precision = detections.length === 0 ? 1 : precisionSum / detections.length;
  const granularity = detectedCases === 0 ? 1 : granularitySum / detectedCases;
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { precision, recall, granularity, plagdet: f1 / Math.log2(1 + granularity) };
}

const plain = pan(false);
const aware = pan(true);
const byKind = Object.fromEntries(
  Object.entries(scores).map(([kind, values]) => [
    kind,
    { plans: values.length, medianScore: median(values), max: Math.max(...values) },
  ]),
);
const results = {
  plans: PLANS,
  seed: SEED,
  cases: cases.length,
  detections: detections.length,
  pan: plain,
  panSourceAware: aware,
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
  `PAN, any source:      precision ${f(plain.precision)}  recall ${f(plain.recall)}  granularity ${f(plain.granularity)}  plagdet ${f(plain.plagdet)}`,
);
console.log(
  `PAN, right source:    precision ${f(aware.precision)}  recall ${f(aware.recall)}  granularity ${f(aware.granularity)}  plagdet ${f(aware.plagdet)}`,
);
console.log(
  `score vs recorded share copied: median |error| ${f(results.scoreVsTruth.medianAbsoluteError)}; fromReferences vs share from the directive: ${f(results.fromReferencesVsTruth.medianAbsoluteError)}`,
);
for (const [kind, s] of Object.entries(byKind))
  console.log(
    `  ${kind.padEnd(20)} ${String(s.plans).padStart(5)} plans, median score ${f(s.medianScore)}, max ${f(s.max)}`,
  );
console.log(`written: ${writeResults('quality', results)}`);
