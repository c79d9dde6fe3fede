/**
 * The real kế hoạch of ../shared/corpus-legal: (1) each checked against the
 * others, as an archive of real plans sees them (the distribution of scores
 * should not move: they are honest plans of different provinces); (2) each
 * re-issued as another province would copy it (province names swapped,
 * every digit changed) and checked against an index of the originals: how
 * many passages align the same words at both ends, and how much of each
 * plan's own content the passages cover.
 *
 *   npm run bench:legal
 */
import { existsSync } from 'node:fs';
import { PlanIndex, tokenize } from 'saochep';
import { rng } from './copy-edits.js';
import { PROVINCES, reissue } from './reissue.js';
import { LEGAL_CORPUS, environment, median, writeResults } from './util.js';
import { readFileSync } from 'node:fs';

if (!existsSync(LEGAL_CORPUS)) {
  console.log(`skipped: ${LEGAL_CORPUS} is not here (this benchmark needs the real kế hoạch)`);
  process.exit(0);
}
interface LegalDoc {
  id: string;
  text: string;
  doc_type?: string;
}
const all = readFileSync(LEGAL_CORPUS, 'utf8')
  .split('\n')
  .filter((l) => l.trim() !== '')
  .map((l) => JSON.parse(l) as LegalDoc);
const plans = all.filter((d) => d.doc_type === 'Kế hoạch');

// (1) Each real plan against the other 29.
const peers = new PlanIndex();
for (const p of plans) peers.add({ id: p.id, text: p.text });
const against = plans.map((p) => ({
  id: p.id,
  score: peers.check(p.text, { exclude: [p.id] }).score,
}));

// (2) Re-issued copies against the originals.
const PROVINCES_LONGEST_FIRST = [...PROVINCES].sort((a, b) => b.length - a.length);
const random = rng(929);
let passages = 0;
let alignedEnds = 0;
const coverage: number[] = [];
let meetsCoverage = 0;
let topIsSource = 0;
for (const p of plans) {
  const copy = reissue(p.text, random);
  const result = peers.check(copy, { limit: 5 });
  const match = result.matches.find((m) => m.id === p.id);
  if (result.matches[0]?.id === p.id) topIsSource++;
  for (const q of match?.passages ?? []) {
    passages++;
    // Words with digits are compared as numbers, and provinces as provinces: a changed figure
    // (PO43, 3D: the copy changes every digit) or a swapped province name at an end is an edit of
    // the same slot, not a misaligned end.
    const words = (t: string) =>
      tokenize(
        PROVINCES_LONGEST_FIRST.reduce((x, name) => x.replaceAll(name, ' Tinhthanh '), t),
      ).map((w) => (/\d/.test(w) ? '#' : w));
    const a = words(copy.slice(q.start, q.end));
    const b = words(p.text.slice(q.sourceStart, q.sourceEnd));
    if (a[0] === b[0] && a[a.length - 1] === b[b.length - 1]) alignedEnds++;
    else if (process.env.BENCH_SHOW)
      console.log(
        `misaligned ${p.id}: ${JSON.stringify(copy.slice(q.start, q.start + 40))} … ${JSON.stringify(copy.slice(q.end - 40, q.end))}\n  source ${JSON.stringify(p.text.slice(q.sourceStart, q.sourceStart + 40))} … ${JSON.stringify(p.text.slice(q.sourceEnd - 40, q.sourceEnd))}`,
      );
  }
  const share = match?.containment ?? 0;
  coverage.push(share);
  if (share >= 0.8) meetsCoverage++;
}

const sorted = against.map((a) => a.score).sort((x, y) => x - y);
const results = {
  plans: plans.length,
  againstEachOther: {
    median: median(sorted),
    max: sorted[sorted.length - 1],
    above015: sorted.filter((s) => s >= 0.15).length,
    scores: against,
  },
  reissued: {
    passages,
    alignedAtBothEnds: passages === 0 ? 0 : alignedEnds / passages,
    coverageMedian: median(coverage),
    coverageMin: Math.min(...coverage),
    plansCoveredAtLeast80: meetsCoverage,
    topIsSource,
  },
  environment: environment(),
};
const f = (x: number) => x.toFixed(3);
console.log(`${plans.length} real kế hoạch of corpus-legal`);
console.log(
  `against each other: median ${f(results.againstEachOther.median)}, max ${f(results.againstEachOther.max)}, ≥ 0.15: ${results.againstEachOther.above015}`,
);
console.log(
  `  nonzero: ${
    against
      .filter((a) => a.score > 0)
      .map((a) => `${a.id} ${f(a.score)}`)
      .join(', ') || 'none'
  }`,
);
console.log(
  `re-issued (names swapped, digits changed): ${passages} passages, ${f(results.reissued.alignedAtBothEnds)} aligned at both ends; own content covered median ${f(results.reissued.coverageMedian)}, min ${f(results.reissued.coverageMin)}; ${meetsCoverage} of ${plans.length} plans ≥ 0.8; top match = original ${topIsSource}`,
);
console.log(`written: ${writeResults('legal', results)}`);
