/**
 * Text stage throughput in MB/s of UTF-8 text, side by side in one run with
 * String.prototype.normalize('NFC') + toLowerCase + natural's AggressiveTokenizerVi.
 *
 *   npm run bench:text
 */
import { createRequire } from 'node:module';
import { tokenize } from 'saochep';
import { shingleText } from 'saochep/sketch';
import { environment, loadBenchCorpus, median, timeOnce, writeResults } from './util.js';

const require = createRequire(import.meta.url);
// The tokenizer's own file: loading all of natural pulls in 77 MB and prints to stdout.
const AggressiveTokenizerVi =
  require('natural/lib/natural/tokenizers/aggressive_tokenizer_vi') as new () => {
    tokenize(text: string): string[];
  };

const RUNS = Number(process.env.BENCH_RUNS ?? 7);
const { name, docs } = loadBenchCorpus();
const texts = docs.map((d) => d.text);
const megabytes = texts.reduce((sum, t) => sum + Buffer.byteLength(t, 'utf8'), 0) / 1e6;

let sink = 0;
const natural = new AggressiveTokenizerVi();
const cases: Array<[string, () => void]> = [
  [
    'charCodeAt pass (ceiling)',
    () => {
      for (const t of texts) for (let i = 0; i < t.length; i++) sink ^= t.charCodeAt(i);
    },
  ],
  [
    'NFC + toLowerCase + natural AggressiveTokenizerVi',
    () => {
      for (const t of texts) sink ^= natural.tokenize(t.normalize('NFC').toLowerCase()).length;
    },
  ],
  [
    'saochep tokenize',
    () => {
      for (const t of texts) sink ^= tokenize(t).length;
    },
  ],
  [
    'saochep shingleText (text -> shingle hashes)',
    () => {
      for (const t of texts) sink ^= shingleText(t).length;
    },
  ],
];

console.log(
  `corpus: ${name}, ${docs.length} documents, ${megabytes.toFixed(1)} MB UTF-8, median of ${RUNS} interleaved runs`,
);
// Runs are interleaved (every case once per round) so that drift in the machine's speed hits all cases alike.
const times = cases.map(() => [] as number[]);
for (const [, fn] of cases) fn(); // warm-up
for (let round = 0; round < RUNS; round++) {
  cases.forEach(([, fn], k) => times[k].push(timeOnce(fn)));
}
const rows = cases.map(([label], k) => {
  const seconds = median(times[k]);
  console.log(`${label.padEnd(52)} ${(megabytes / seconds).toFixed(1).padStart(7)} MB/s`);
  return { case: label, mbPerSecond: megabytes / seconds, seconds };
});
const baseline = rows[1].mbPerSecond;
const ratios = {
  tokenizeVsNatural: rows[2].mbPerSecond / baseline,
  shingleTextVsNatural: rows[3].mbPerSecond / baseline,
  shingleTextVsCeiling: rows[3].mbPerSecond / rows[0].mbPerSecond,
};
console.log(`tokenize / natural:    ${ratios.tokenizeVsNatural.toFixed(2)}x (goal >= 1)`);
console.log(`shingleText / natural: ${ratios.shingleTextVsNatural.toFixed(2)}x (goal >= 3, aim 5)`);
const path = writeResults('text', {
  corpus: name,
  documents: docs.length,
  megabytes,
  runs: RUNS,
  rows,
  ratios,
  environment: environment(),
  sink,
});
console.log(`written: ${path}`);
