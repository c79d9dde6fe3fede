/**
 * Honest plans at scale: a generated archive of N plans (and its directives,
 * as references) is indexed whole, and every honest plan (kind "original":
 * it shares only the frame and the genre's stock phrases with the others) is
 * checked as a scan checks it, against the documents dated before it. Prints
 * how many reach 0.15 and the highest score; with BENCH_SHOW, the passages of
 * the highest ones.
 *
 *   npm run bench:honest                                               (10,000 plans, seed 7)
 *   BENCH_PLANS=100000 nice -n 10 node --max-old-space-size=12288 bench/run.mjs honest-at-scale
 *   BENCH_SHOW=5 node bench/run.mjs honest-at-scale                    (the 5 highest, with passages)
 *   BENCH_SAMPLE=3000 …                  (check every k-th honest plan only, about 3,000 of them)
 *
 * In the same archive it also checks about BENCH_COPIES (default 1,000) of the
 * copies, so that what a rule which keeps honest plans low costs the copies
 * shows beside it: per kind, score minus the generator's copied share (a share
 * of the body's characters, boilerplate included, so a copy's score sits above
 * it). Compare two runs, before and after a change.
 */
import { PlanIndex } from 'saochep';
import { generateArchive } from '../corpus/generator/archive.js';
import { environment, median, percentile, writeResults } from './util.js';

const PLANS = Number(process.env.BENCH_PLANS ?? 10000);
const SEED = Number(process.env.BENCH_SEED ?? 7);
const SHOW = Number(process.env.BENCH_SHOW ?? 0);
const SAMPLE = Number(process.env.BENCH_SAMPLE ?? 0);
const COPIES = Number(process.env.BENCH_COPIES ?? 1000);
const LIMIT = 0.15;
/** A copy's score is "near" the generator's copied share within this. */
const NEAR = 0.15;

const t0 = process.hrtime.bigint();
const archive = generateArchive({ plans: PLANS, seed: SEED });
const index = new PlanIndex();
for (const d of archive.truth.directives)
  index.addReference({ id: d.id, text: archive.files.get(d.id)!.text, meta: { date: d.date } });
for (const p of archive.truth.plans)
  index.add({ id: p.id, text: archive.files.get(p.id)!.text, meta: { date: p.date } });
const built = Number(process.hrtime.bigint() - t0) / 1e9;

const allHonest = archive.truth.plans.filter((p) => p.kind === 'original');
const step = SAMPLE > 0 ? Math.max(1, Math.ceil(allHonest.length / SAMPLE)) : 1;
const honest = allHonest.filter((_, i) => i % step === 0);
const scored: Array<{ id: string; score: number }> = [];
const t1 = process.hrtime.bigint();
for (const truth of honest) {
  const result = index.check(
    { text: archive.files.get(truth.id)!.text, meta: { date: truth.date } },
    { onlyEarlier: true, exclude: [truth.id], passages: false },
  );
  scored.push({ id: truth.id, score: result.score });
}
const checked = Number(process.hrtime.bigint() - t1) / 1e9;

const allCopies = archive.truth.plans.filter((p) => p.kind !== 'original');
const copyStep = Math.max(1, Math.ceil(allCopies.length / Math.max(1, COPIES)));
const copies = COPIES > 0 ? allCopies.filter((_, i) => i % copyStep === 0) : [];
const copyErrors: Record<string, number[]> = {};
for (const truth of copies) {
  const result = index.check(
    { text: archive.files.get(truth.id)!.text, meta: { date: truth.date } },
    { onlyEarlier: true, exclude: [truth.id], passages: false },
  );
  (copyErrors[truth.kind] ??= []).push(result.score - truth.shareCopied);
}
scored.sort((a, b) => b.score - a.score || (a.id < b.id ? -1 : 1));
const scores = scored.map((s) => s.score);
const above = scored.filter((s) => s.score >= LIMIT);

const f = (x: number) => x.toFixed(3);
console.log(
  `${PLANS} plans (seed ${SEED}): ${honest.length} of ${allHonest.length} honest plans checked, ${above.length} score ≥ ${LIMIT} (${f((100 * above.length) / honest.length)}%), highest ${f(scores[0] ?? 0)}, 99th percentile ${f(percentile(scores, 99))}`,
);
console.log(
  `  highest: ${scored
    .slice(0, 10)
    .map((s) => `${s.id} ${f(s.score)}`)
    .join(', ')}`,
);
console.log(
  `  indexing ${built.toFixed(1)} s, checks ${((1000 * checked) / honest.length).toFixed(1)} ms per plan`,
);

const copySummary = Object.fromEntries(
  Object.entries(copyErrors)
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([kind, errors]) => [
      kind,
      {
        plans: errors.length,
        medianError: median(errors),
        p5Error: percentile(errors, 5),
        withinNear: errors.filter((e) => Math.abs(e) <= NEAR).length / errors.length,
      },
    ]),
);
const allErrors = Object.values(copyErrors).flat();
if (allErrors.length > 0)
  console.log(
    `copies: ${copies.length} of ${allCopies.length} checked, score − truth median ${f(median(allErrors))}, 5th percentile ${f(percentile(allErrors, 5))}, within ±${NEAR}: ${f(allErrors.filter((e) => Math.abs(e) <= NEAR).length / allErrors.length)}`,
  );
for (const [kind, s] of Object.entries(copySummary))
  console.log(
    `  ${kind.padEnd(20)} ${String(s.plans).padStart(5)} plans, score − truth median ${f(s.medianError)}, 5th percentile ${f(s.p5Error)}, within ±${NEAR}: ${f(s.withinNear)}`,
  );

for (const { id } of scored.slice(0, SHOW)) {
  const truth = honest.find((p) => p.id === id)!;
  const text = archive.files.get(id)!.text;
  const result = index.check(
    { text, meta: { date: truth.date } },
    { onlyEarlier: true, exclude: [id], limit: 20 },
  );
  console.log(`\n== ${id} score ${f(result.score)} ignored ${f(result.ignored)}`);
  for (const m of result.matches) {
    if (m.containment === 0) continue;
    console.log(
      `  -- ${m.id} (${m.reference ? 'reference' : 'peer'}) containment ${f(m.containment)}`,
    );
    for (const p of m.passages) {
      const source = index.text(m.id) ?? '';
      console.log(`     [${p.kind}] plan:   ${text.slice(p.start, p.end).replace(/\s+/g, ' ')}`);
      console.log(
        `     ${' '.repeat(p.kind.length + 2)} source: ${source.slice(p.sourceStart, p.sourceEnd).replace(/\s+/g, ' ')}`,
      );
    }
  }
}

const results = {
  plans: PLANS,
  seed: SEED,
  honestPlans: allHonest.length,
  checkedHonestPlans: honest.length,
  everyKthHonestPlan: step,
  atOrAbove015: above.length,
  shareAtOrAbove015: above.length / honest.length,
  max: scores[0] ?? 0,
  p99: percentile(scores, 99),
  median: median(scores),
  highest: scored.slice(0, 20),
  indexSeconds: built,
  checkSecondsPerPlan: checked / honest.length,
  checkedCopies: copies.length,
  everyKthCopy: copyStep,
  copies: copySummary,
  environment: environment(),
};
console.log(`written: ${writeResults(`honest-at-scale-${PLANS}`, results)}`);
