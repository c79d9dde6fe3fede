/**
 * The index against its peers, in one run on the same corpus and shingles:
 * - saochep PlanIndex (MinHash + LSH + anchors, verified with fingerprints);
 * - npm minhash 0.0.9 (Minhash + LshIndex; its query throws when a band of the
 *   query is not in the index, so missing bands are added empty for the call);
 * - exact brute force: an inverted index over every shingle.
 * The headline is what users call: PlanIndex.addAll with the defaults (frame,
 * learned stock phrases, fingerprints, texts kept), timed in rounds interleaved
 * with npm minhash's signing, and their ratio; minhashSignature alone (features
 * off) is reported beside it, labelled as such. Then build time, check latency,
 * bytes per document, and
 * recall/precision of returned pairs against exact Jaccard ≥ 0.5 and exact
 * containment ≥ 0.5; then check latency at 100,000 documents.
 *
 *   npm run bench            (results in bench/results/index.json)
 *   BENCH_QUERIES=500 npm run bench   (fewer queries, quicker)
 */
import { createRequire } from 'node:module';
import { PlanIndex, tokenize } from 'saochep';
import { minhashSignature, shingle } from 'saochep/sketch';
import {
  type BenchDoc,
  REAL_CORPUS,
  environment,
  median,
  percentile,
  readJsonl,
  writeResults,
} from './util.js';
import { existsSync } from 'node:fs';

const require = createRequire(import.meta.url);
type PeerMinhash = {
  update(s: string): void;
  jaccard(o: PeerMinhash): number;
  hashvalues: number[];
};
const { Minhash, LshIndex } = require('minhash') as {
  Minhash: new (config?: { numPerm?: number; seed?: number }) => PeerMinhash;
  LshIndex: new (args?: { bandSize?: number }) => {
    index: Record<string, string[]>;
    insert(key: string, m: PeerMinhash): void;
    query(m: PeerMinhash): string[];
    getHashbands(m: PeerMinhash): string[];
  };
};

const QUERIES = Number(process.env.BENCH_QUERIES ?? 2000);
const PEER_SIGN_DOCS = Number(process.env.BENCH_PEER_DOCS ?? 1500);
const SCALE = Number(process.env.BENCH_SCALE ?? 100_000);
const SHINGLE = 6;

function now(): number {
  return Number(process.hrtime.bigint()) / 1e6;
}

/** Deterministic sample of k indexes from n. */
function sampleIndexes(n: number, k: number, seed = 1): number[] {
  let s = seed >>> 0;
  const rnd = () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 4294967296;
  };
  const chosen = new Set<number>();
  while (chosen.size < Math.min(n, k)) chosen.add(Math.floor(rnd() * n));
  return [...chosen].sort((a, b) => a - b);
}

async function loadCorpus(): Promise<{ name: string; docs: BenchDoc[] }> {
  if (existsSync(REAL_CORPUS)) return { name: 'shared/corpus-real', docs: readJsonl(REAL_CORPUS) };
  const { generateArchive } = await import('../corpus/generator/archive.js');
  const archive = generateArchive({ plans: 5000, seed: 2 });
  return {
    name: 'generated archive (5,000 plans)',
    docs: [...archive.files.values()].map((f) => ({ id: f.id, text: f.text })),
  };
}

const { name, docs } = await loadCorpus();
const megabytes = docs.reduce((s, d) => s + Buffer.byteLength(d.text, 'utf8'), 0) / 1e6;
console.log(`corpus: ${name}, ${docs.length} documents, ${megabytes.toFixed(1)} MB`);

// ---- Signing: the core, features off (not the headline) --------------------
let t = now();
for (const d of docs) minhashSignature(d.text);
const coreSignSeconds = (now() - t) / 1000;

// ---- Exact brute force -----------------------------------------------------
t = now();
const sets = docs.map((d) =>
  Uint32Array.from(new Set(shingle(tokenize(d.text), { size: SHINGLE }))).sort(),
);
// Inverted index: all (shingle, doc) pairs sorted by shingle.
const total = sets.reduce((s, x) => s + x.length, 0);
const pairs = new Float64Array(total);
let k = 0;
sets.forEach((set, d) => {
  for (const h of set) pairs[k++] = h * 1048576 + d;
});
pairs.sort();
const postingHash = new Uint32Array(total);
const postingDoc = new Int32Array(total);
for (let i = 0; i < total; i++) {
  postingHash[i] = Math.floor(pairs[i] / 1048576);
  postingDoc[i] = pairs[i] - postingHash[i] * 1048576;
}
const exactBuildSeconds = (now() - t) / 1000;
function lowerBound(h: number): number {
  let lo = 0;
  let hi = total;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (postingHash[mid] < h) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
const sharedCounts = new Int32Array(docs.length);
/** Exact intersection sizes of doc q with every other doc sharing a shingle. */
function exactNeighbours(q: number): Array<{ d: number; jaccard: number; containment: number }> {
  const touched: number[] = [];
  for (const h of sets[q]) {
    for (let i = lowerBound(h); i < total && postingHash[i] === h; i++) {
      const d = postingDoc[i];
      if (sharedCounts[d]++ === 0) touched.push(d);
    }
  }
  const out = [];
  for (const d of touched) {
    const shared = sharedCounts[d];
    sharedCounts[d] = 0;
    if (d === q) continue;
    out.push({
      d,
      jaccard: shared / (sets[q].length + sets[d].length - shared),
      containment: shared / sets[q].length,
    });
  }
  return out;
}

// Every document's exact neighbours: the truth for recall, and the near-duplicate
// pairs (rare in news) that the queries and the peer's documents must include.
t = now();
const allNeighbours = docs.map((_, q) =>
  exactNeighbours(q).filter((n) => n.jaccard >= 0.5 || n.containment >= 0.5),
);
const exactAllPairsSeconds = (now() - t) / 1000;
const withPairs = allNeighbours.flatMap((list, q) => (list.length > 0 ? [q] : []));
const peerDocIndexes = [
  ...new Set([...withPairs, ...sampleIndexes(docs.length, PEER_SIGN_DOCS, 5)]),
]
  .sort((a, b) => a - b)
  .slice(0, PEER_SIGN_DOCS + withPairs.length);
const peerDocs = peerDocIndexes.map((i) => docs[i]);
const peerMegabytes = peerDocs.reduce((s, d) => s + Buffer.byteLength(d.text, 'utf8'), 0) / 1e6;
function peerSign(text: string): PeerMinhash {
  const m = new Minhash();
  const tokens = tokenize(text);
  const width = Math.min(SHINGLE, tokens.length);
  for (let i = 0; i + width <= tokens.length; i++) m.update(tokens.slice(i, i + width).join(' '));
  return m;
}

// ---- The headline: what users call, PlanIndex.addAll with the defaults ------
// (frame, learned stock phrases, fingerprints, texts kept), interleaved with npm minhash's
// signing in rounds so that drift in the machine's speed hits both alike.
const ROUNDS = 4;
const full = new PlanIndex();
const peerSignatures: PeerMinhash[] = [];
let addSeconds = 0;
let peerSignSeconds = 0;
for (let r = 0; r < ROUNDS; r++) {
  const mine = docs.slice(
    Math.floor((r * docs.length) / ROUNDS),
    Math.floor(((r + 1) * docs.length) / ROUNDS),
  );
  const theirs = peerDocs.slice(
    Math.floor((r * peerDocs.length) / ROUNDS),
    Math.floor(((r + 1) * peerDocs.length) / ROUNDS),
  );
  t = now();
  full.addAll(mine);
  addSeconds += (now() - t) / 1000;
  t = now();
  for (const d of theirs) peerSignatures.push(peerSign(d.text));
  peerSignSeconds += (now() - t) / 1000;
}
const peerMbPerSecond = peerMegabytes / peerSignSeconds;
const signing = {
  addAll: {
    note: 'PlanIndex.addAll, default options (frame, learned stock phrases, fingerprints, texts kept)',
    mbPerSecond: megabytes / addSeconds,
    docsPerSecond: docs.length / addSeconds,
  },
  coreSignature: {
    note: 'minhashSignature alone: features off (no frame, no stock phrases, nothing stored); not the headline',
    mbPerSecond: megabytes / coreSignSeconds,
    docsPerSecond: docs.length / coreSignSeconds,
  },
  minhash: {
    mbPerSecond: peerMbPerSecond,
    docsPerSecond: peerDocs.length / peerSignSeconds,
    documents: peerDocs.length,
  },
  addAllRatio: megabytes / addSeconds / peerMbPerSecond,
  coreSignatureRatio: megabytes / coreSignSeconds / peerMbPerSecond,
};
console.log(
  `addAll (defaults): ${signing.addAll.mbPerSecond.toFixed(1)} MB/s (${signing.addAll.docsPerSecond.toFixed(0)} docs/s), ` +
    `npm minhash signing ${signing.minhash.mbPerSecond.toFixed(2)} MB/s: ${signing.addAllRatio.toFixed(1)}× (goal ≥ 40×)`,
);
console.log(
  `  features off, minhashSignature alone: ${signing.coreSignature.mbPerSecond.toFixed(1)} MB/s: ${signing.coreSignatureRatio.toFixed(0)}× npm minhash`,
);

// ---- Builds ----------------------------------------------------------------
const heapBefore = process.memoryUsage().heapUsed;
t = now();
// The sketches are compared with the peers and brute force on the same shingles: no boilerplate set
// aside, no texts kept, no passages aligned. The full check is timed apart below.
const CORE = { frame: false, learnedBoilerplate: 0, keepTexts: false } as const;
const index = new PlanIndex(CORE);
for (const d of docs) index.add(d);
const saochepBuildSeconds = (now() - t) / 1000;
const memoryAsBuilt = index.memoryUsage();
t = now();
index.compact();
const compactSeconds = (now() - t) / 1000;
const memory = index.memoryUsage();

// The peer indexes the documents it signed (its signing is too slow for the whole corpus).
const gcBefore = process.memoryUsage().heapUsed;
t = now();
const peerIndex = new LshIndex();
peerSignatures.forEach((m, i) => peerIndex.insert(String(i), m));
const peerBuildSeconds = (now() - t) / 1000;
const peerBytesPerDoc = Math.max(0, process.memoryUsage().heapUsed - gcBefore) / peerDocs.length;
void heapBefore;

// ---- Queries ---------------------------------------------------------------
function peerQuery(m: PeerMinhash): string[] {
  const added: string[] = [];
  for (const band of peerIndex.getHashbands(m)) {
    if (!peerIndex.index[band]) {
      peerIndex.index[band] = [];
      added.push(band);
    }
  }
  try {
    return peerIndex.query(m);
  } finally {
    for (const band of added) delete peerIndex.index[band];
  }
}

const queryIds = [...new Set([...withPairs, ...sampleIndexes(docs.length, QUERIES)])].sort(
  (a, b) => a - b,
);
const saochepLatencies: number[] = [];
const exactLatencies: number[] = [];
const counts = {
  jaccard: { truth: 0, found: 0, returned: 0, correct: 0 },
  containment: { truth: 0, found: 0, returned: 0, correct: 0 },
};
const idToIndex = new Map(docs.map((d, i) => [d.id, i]));
for (const q of queryIds) {
  let t0 = now();
  const result = index.check(docs[q].text, { limit: 1_000_000, passages: false });
  saochepLatencies.push(now() - t0);
  t0 = now();
  const neighbours = exactNeighbours(q);
  exactLatencies.push(now() - t0);
  const exactByDoc = new Map(neighbours.map((n) => [n.d, n]));
  const returned = result.matches
    .filter((m) => m.id !== docs[q].id)
    .map((m) => ({ m, d: idToIndex.get(m.id)! }));
  for (const [criterion, field, estimate] of [
    ['jaccard', 'jaccard', 'similarity'],
    ['containment', 'containment', 'containment'],
  ] as const) {
    const truth = new Set(neighbours.filter((n) => n[field] >= 0.5).map((n) => n.d));
    const claimed = returned.filter((r) => r.m[estimate] >= 0.5);
    const c = counts[criterion];
    c.truth += truth.size;
    c.found += claimed.filter((r) => truth.has(r.d)).length;
    c.returned += claimed.length;
    c.correct += claimed.filter((r) => (exactByDoc.get(r.d)?.[field] ?? 0) >= 0.5).length;
  }
}

// The peer answers for queries among the documents it indexed.
const peerPosition = new Map(peerDocIndexes.map((d, i) => [d, i]));
const peerQueryIds = peerDocIndexes
  .map((_, i) => i)
  .filter((i) => withPairs.includes(peerDocIndexes[i]) || i % 3 === 0);
const peerLatencies: number[] = [];
const peerCounts = { truth: 0, found: 0, returned: 0, correct: 0 };
for (const q of peerQueryIds) {
  const t0 = now();
  const keys = peerQuery(peerSignatures[q]);
  const scored = keys
    .map(Number)
    .filter((d) => d !== q && peerSignatures[q].jaccard(peerSignatures[d]) >= 0.5);
  peerLatencies.push(now() - t0);
  const truth = new Set(
    allNeighbours[peerDocIndexes[q]]
      .filter((n) => n.jaccard >= 0.5 && peerPosition.has(n.d))
      .map((n) => peerPosition.get(n.d)!),
  );
  peerCounts.truth += truth.size;
  peerCounts.found += scored.filter((d) => truth.has(d)).length;
  peerCounts.returned += scored.length;
  peerCounts.correct += scored.filter((d) => truth.has(d)).length;
}

const ratio = (a: number, b: number) => (b === 0 ? 1 : a / b);
const quality = {
  saochep: {
    jaccard05: {
      recall: ratio(counts.jaccard.found, counts.jaccard.truth),
      precision: ratio(counts.jaccard.correct, counts.jaccard.returned),
      pairs: counts.jaccard.truth,
    },
    containment05: {
      recall: ratio(counts.containment.found, counts.containment.truth),
      precision: ratio(counts.containment.correct, counts.containment.returned),
      pairs: counts.containment.truth,
    },
  },
  minhash: {
    jaccard05: {
      recall: ratio(peerCounts.found, peerCounts.truth),
      precision: ratio(peerCounts.correct, peerCounts.returned),
      pairs: peerCounts.truth,
    },
  },
};

// ---- At scale --------------------------------------------------------------
/** Documents made of runs of lines from random corpus documents: realistic text with many partial overlaps. */
function synthetic(count: number): BenchDoc[] {
  const lines = docs.flatMap((d) => d.text.split('\n').filter((l) => l.length > 40));
  let s = 7;
  const rnd = () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 4294967296;
  };
  return Array.from({ length: count }, (_, i) => {
    const parts: string[] = [];
    for (let p = 0; p < 3; p++) {
      const start = Math.floor(rnd() * (lines.length - 8));
      parts.push(lines.slice(start, start + 2 + Math.floor(rnd() * 5)).join('\n'));
    }
    return { id: `synthetic-${i}`, text: parts.join('\n') };
  });
}
// The full check an application runs: default options (frame, stock phrases, texts kept), passages aligned.
full.compact();
const fullLatencies: number[] = [];
for (const q of queryIds) {
  const t0 = now();
  full.check(docs[q].text, { exclude: [docs[q].id] });
  fullLatencies.push(now() - t0);
}
const fullMemory = full.memoryUsage();

const extra = synthetic(Math.max(0, SCALE - docs.length));
t = now();
for (const d of extra) index.add(d);
index.compact();
const scaleBuildSeconds = saochepBuildSeconds + (now() - t) / 1000;
const scaleLatencies: number[] = [];
for (const q of queryIds) {
  const t0 = now();
  index.check(docs[q].text, { passages: false });
  scaleLatencies.push(now() - t0);
}
const scaleMemory = index.memoryUsage();

const latency = (values: number[]) => ({ medianMs: median(values), p99Ms: percentile(values, 99) });
const results = {
  corpus: name,
  documents: docs.length,
  megabytes,
  queries: queryIds.length,
  options: index.options,
  signing,
  build: {
    saochepSeconds: saochepBuildSeconds,
    minhashSeconds: peerBuildSeconds,
    minhashDocuments: peerDocs.length,
    exactInvertedIndexSeconds: exactBuildSeconds,
    exactAllPairsSeconds,
  },
  latency: {
    saochepCheck: latency(saochepLatencies),
    saochepFullCheck: {
      ...latency(fullLatencies),
      note: 'default options: boilerplate set aside, texts kept, passages of the 10 best matches aligned',
      textBytesPerDocument: fullMemory.texts / docs.length,
      bytesPerDocument: fullMemory.bytesPerDocument,
    },
    minhashQuery: {
      ...latency(peerLatencies),
      note: 'query and filter by estimated Jaccard; signing not included',
    },
    exactInvertedIndex: latency(exactLatencies),
  },
  bytesPerDocument: {
    saochep: memory.bytesPerDocument,
    saochepAsBuilt: memoryAsBuilt.bytesPerDocument,
    saochepParts: memory.parts,
    compactSeconds,
    minhashHeapEstimate: peerBytesPerDoc,
  },
  quality,
  scale: {
    documents: index.size,
    buildSeconds: scaleBuildSeconds,
    check: latency(scaleLatencies),
    bytesPerDocument: scaleMemory.bytesPerDocument,
  },
  environment: environment(),
};

const f = (x: number, d = 2) => x.toFixed(d);
console.log(`
| measure                                   | saochep | npm minhash | exact |
| ----------------------------------------- | ------: | ----------: | ----: |
| addAll (defaults) vs signing, MB/s        | ${f(signing.addAll.mbPerSecond, 1)} | ${f(signing.minhash.mbPerSecond)} | |
| addAll (defaults) vs signing, docs/s      | ${f(signing.addAll.docsPerSecond, 0)} | ${f(signing.minhash.docsPerSecond, 0)} | |
| signing, features off, MB/s               | ${f(signing.coreSignature.mbPerSecond, 1)} | ${f(signing.minhash.mbPerSecond)} | |
| build, s (${docs.length} docs; minhash ${peerDocs.length}) | ${f(saochepBuildSeconds)} | ${f(peerBuildSeconds)} | ${f(exactBuildSeconds)} |
| check / query latency median, ms          | ${f(median(saochepLatencies), 3)} | ${f(median(peerLatencies), 3)} | ${f(median(exactLatencies), 3)} |
| check / query latency p99, ms             | ${f(percentile(saochepLatencies, 99), 3)} | ${f(percentile(peerLatencies, 99), 3)} | ${f(percentile(exactLatencies, 99), 3)} |
| bytes per document (after compact)        | ${f(memory.bytesPerDocument, 0)} | ~${f(peerBytesPerDoc, 0)} | |
| bytes per document (as built, no compact) | ${f(memoryAsBuilt.bytesPerDocument, 0)} | | |
| recall at J ≥ 0.5                         | ${f(quality.saochep.jaccard05.recall, 4)} | ${f(quality.minhash.jaccard05.recall, 4)} | 1 |
| precision at J ≥ 0.5                      | ${f(quality.saochep.jaccard05.precision, 4)} | ${f(quality.minhash.jaccard05.precision, 4)} | 1 |
| recall at containment ≥ 0.5               | ${f(quality.saochep.containment05.recall, 4)} | | 1 |
| precision at containment ≥ 0.5            | ${f(quality.saochep.containment05.precision, 4)} | | 1 |
addAll (defaults): ${f(signing.addAllRatio, 1)}× npm minhash signing (goal ≥ 40×); features off: ${f(signing.coreSignatureRatio, 0)}×; pairs J≥0.5: ${quality.saochep.jaccard05.pairs}, containment≥0.5: ${quality.saochep.containment05.pairs}
full check (boilerplate, passages): median ${f(median(fullLatencies), 3)} ms, p99 ${f(percentile(fullLatencies, 99), 3)} ms; kept texts ${f(fullMemory.texts / docs.length, 0)} bytes/doc
at ${index.size} documents: check median ${f(results.scale.check.medianMs, 3)} ms, p99 ${f(results.scale.check.p99Ms, 3)} ms, ${f(results.scale.bytesPerDocument, 0)} bytes/doc, built in ${f(scaleBuildSeconds, 1)} s`);
console.log(`written: ${writeResults('index', results)}`);
