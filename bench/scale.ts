/**
 * What an archive of N plans costs, through the public API with its defaults:
 * build time, bytes per document, check latency (without and with passages),
 * and the time and peak memory of `saochep scan` of the archive.
 *
 *   npm run bench:scale -- --plans N [--seed S] [--queries Q] [--jobs J] [--no-scan] [--dir DIR]
 *                          [--results NAME]
 *
 * The archive is generated once (a JSONL archive, `npm run corpus -- --no-files`) into
 * DIR (default: the system's temporary folder) and reused while its truth.json says
 * the same seed and size. Q plans spread over the archive (default 1,000) are held
 * out of the index and checked against it (a new plan arriving), each with its date.
 * Results go to bench/results/NAME.json (default scale-N). Wall and CPU time are
 * both recorded: on a shared machine wall time includes waiting for a core.
 */
import { spawnSync } from 'node:child_process';
import {
  closeSync,
  existsSync,
  mkdirSync,
  openSync,
  readFileSync,
  readSync,
  rmSync,
  statSync,
} from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { PlanIndex, type PlanDoc } from 'saochep';
import { ROOT, environment, median, percentile, writeResults } from './util.js';

const { values } = parseArgs({
  args: process.argv.slice(2),
  options: {
    plans: { type: 'string', default: '20000' },
    seed: { type: 'string', default: '1' },
    queries: { type: 'string', default: '1000' },
    jobs: { type: 'string', default: String(os.availableParallelism()) },
    dir: { type: 'string' },
    results: { type: 'string' },
    'no-scan': { type: 'boolean', default: false },
  },
});
const PLANS = Number(values.plans);
const SEED = Number(values.seed);
const QUERIES = Math.min(Number(values.queries), Math.floor(PLANS / 2));
const JOBS = Number(values.jobs);
for (const [name, value] of Object.entries({ PLANS, SEED, QUERIES, JOBS }))
  if (!Number.isInteger(value) || value < 1) {
    console.error(`bench:scale: ${name.toLowerCase()} must be a whole number ≥ 1`);
    process.exit(1);
  }
const DIR = values.dir ?? join(os.tmpdir(), `saochep-scale-${PLANS}-${SEED}`);
const ARCHIVE = join(DIR, 'archive.jsonl');
const RESULTS = values.results ?? `scale-${PLANS}`;

function now(): number {
  return Number(process.hrtime.bigint()) / 1e6;
}

const mb = (bytes: number) => Math.round(bytes / 1e5) / 10;
const ms = (x: number) => Math.round(x * 1000) / 1000;

/** The archive, generated unless DIR already holds it. */
function ensureArchive(): { seconds: number | null; bytes: number } {
  const truthPath = join(DIR, 'truth.json');
  if (existsSync(truthPath) && existsSync(ARCHIVE)) {
    const head = readFileSync(truthPath, 'utf8').slice(0, 400);
    const m = /"generator": (\{[^}]*\})/.exec(head);
    const generator = m ? (JSON.parse(m[1]) as { seed: number; plans: number }) : undefined;
    if (generator?.seed === SEED && generator.plans === PLANS) {
      console.log(`archive: reusing ${ARCHIVE}`);
      return { seconds: null, bytes: readSize(ARCHIVE) };
    }
  }
  mkdirSync(DIR, { recursive: true });
  const t = now();
  const run = spawnSync(
    process.execPath,
    [
      join(ROOT, 'bench/run.mjs'),
      join(ROOT, 'corpus/generator/main.ts'),
      ...['--out', DIR, '--plans', String(PLANS), '--seed', String(SEED), '--no-files'],
    ],
    { stdio: 'inherit' },
  );
  if (run.status !== 0) throw new Error(`the corpus generator failed (exit ${run.status})`);
  return { seconds: (now() - t) / 1000, bytes: readSize(ARCHIVE) };
}

function readSize(path: string): number {
  return statSync(path).size;
}

/** Every line of a JSONL file, read in pieces (the archive may be larger than a string can be). */
function* jsonlRows(
  path: string,
): Generator<{ id: string; text: string; meta?: Record<string, unknown> }> {
  const fd = openSync(path, 'r');
  const buffer = Buffer.alloc(1 << 22);
  let rest = Buffer.alloc(0);
  let position = 0;
  for (;;) {
    const n = readSync(fd, buffer, 0, buffer.length, position);
    if (n === 0) break;
    position += n;
    const data = Buffer.concat([rest, buffer.subarray(0, n)]);
    let start = 0;
    for (let nl = data.indexOf(10, start); nl >= 0; nl = data.indexOf(10, start)) {
      if (nl > start) yield JSON.parse(data.toString('utf8', start, nl));
      start = nl + 1;
    }
    rest = Buffer.from(data.subarray(start));
  }
  closeSync(fd);
  if (rest.length > 0) yield JSON.parse(rest.toString('utf8'));
}

const generated = ensureArchive();

// ---- Build ------------------------------------------------------------------
// Every `step`-th plan is held out of the index and checked against it afterwards.
const step = Math.floor(PLANS / QUERIES);
const held: PlanDoc[] = [];
const gc = (globalThis as { gc?: () => void }).gc;
gc?.();
const rssBefore = process.memoryUsage().rss;
const heapBefore = process.memoryUsage().heapUsed;
const index = new PlanIndex();
let plansSeen = 0;
let t = now();
const buildCpu0 = process.cpuUsage();
let parseMs = 0;
function* indexed(): Generator<PlanDoc> {
  let p = now();
  for (const row of jsonlRows(ARCHIVE)) {
    const isPlan = row.meta?.kind !== 'directive';
    if (isPlan && plansSeen++ % step === 0 && held.length < QUERIES)
      held.push({ id: row.id, text: row.text, meta: row.meta });
    else {
      parseMs += now() - p;
      yield row;
    }
    p = now();
  }
}
index.addAll(indexed());
const buildSeconds = (now() - t) / 1000;
const buildCpu = process.cpuUsage(buildCpu0);
const buildCpuSeconds = (buildCpu.user + buildCpu.system) / 1e6;
gc?.();
const memory = index.memoryUsage();
const heapBytesPerDocument =
  (process.memoryUsage().heapUsed - heapBefore) / Math.max(1, memory.documents);
const rssBytesPerDocument = (process.memoryUsage().rss - rssBefore) / Math.max(1, memory.documents);
const buildPeakRss = process.resourceUsage().maxRSS * 1024;
console.log(
  `built an index of ${memory.documents} documents in ${buildSeconds.toFixed(1)} s ` +
    `(of which reading the archive ${(parseMs / 1000).toFixed(1)} s); ${held.length} plans held out`,
);

// ---- Checks -----------------------------------------------------------------
/**
 * Wall time of each check, and the CPU time of this process during it: on a shared
 * machine the wall time includes waiting for a core, the CPU time does not.
 */
function latencies(passages: boolean) {
  const options = passages ? undefined : { passages: false };
  for (const q of held.slice(0, Math.min(50, held.length)))
    index.check({ text: q.text, meta: q.meta }, options);
  const wall: number[] = [];
  const cpu: number[] = [];
  let flagged = 0;
  for (const q of held) {
    const c0 = process.cpuUsage();
    const t0 = now();
    const result = index.check({ text: q.text, meta: q.meta }, options);
    wall.push(now() - t0);
    const c = process.cpuUsage(c0);
    cpu.push((c.user + c.system) / 1000);
    if (result.score >= 0.5) flagged++;
  }
  return {
    median: ms(median(wall)),
    p99: ms(percentile(wall, 99)),
    max: ms(Math.max(...wall)),
    cpuMedian: ms(median(cpu)),
    cpuP99: ms(percentile(cpu, 99)),
    flagged,
  };
}
const withoutPassages = latencies(false);
const withPassages = latencies(true);
console.log(
  `checks of ${held.length} held-out plans: without passages ${withoutPassages.median} / ` +
    `${withoutPassages.p99} ms, with ${withPassages.median} / ${withPassages.p99} ms (median / p99)`,
);

// Written now and again after the scan, so that a long scan cut short leaves the rest.
const partial = () => ({
  environment: { ...environment(), load: os.loadavg().map((x) => Math.round(x * 10) / 10) },
  archive: {
    plans: PLANS,
    seed: SEED,
    path: ARCHIVE,
    megabytes: mb(generated.bytes),
    generateSeconds: generated.seconds,
  },
  build: {
    documents: memory.documents,
    seconds: Math.round(buildSeconds * 10) / 10,
    cpuSeconds: Math.round(buildCpuSeconds * 10) / 10,
    readSeconds: Math.round(parseMs / 100) / 10,
    indexBytesPerDocument: Math.round(memory.bytesPerDocument),
    textBytesPerDocument: Math.round(memory.texts / Math.max(1, memory.documents)),
    heapBytesPerDocument: Math.round(heapBytesPerDocument),
    rssBytesPerDocument: Math.round(rssBytesPerDocument),
    peakRssMegabytes: mb(buildPeakRss),
    parts: memory.parts,
  },
  checks: { queries: held.length, withoutPassages, withPassages },
});
writeResults(RESULTS, { ...partial(), scan: 'not run yet' });

// ---- Scan -------------------------------------------------------------------
interface ScanRun {
  seconds: number;
  cpuSeconds: number;
  peakRssBytes: number;
  jobs: number;
  exit: number | null;
}
let scan: ScanRun | null = null;
if (!values['no-scan']) {
  const report = join(DIR, 'scale-report.json');
  t = now();
  const run = spawnSync(
    '/usr/bin/time',
    [
      '-f',
      '%M %U %S',
      process.execPath,
      join(ROOT, 'dist/cli.js'),
      'scan',
      ARCHIVE,
      '--jobs',
      String(JOBS),
      '--quiet',
      '--out',
      report,
    ],
    { encoding: 'utf8', stdio: ['ignore', 'inherit', 'pipe'] },
  );
  const seconds = (now() - t) / 1000;
  const lastLine = run.stderr.trim().split('\n').pop() ?? '';
  if (run.status !== 0) process.stderr.write(run.stderr);
  const [rssKb, user, system] = lastLine.split(' ').map(Number);
  const done: ScanRun = {
    seconds,
    cpuSeconds: user + system,
    peakRssBytes: rssKb * 1024,
    jobs: JOBS,
    exit: run.status,
  };
  scan = done;
  rmSync(report, { force: true });
  console.log(
    `scan --jobs ${JOBS}: ${seconds.toFixed(1)} s, peak RSS ${mb(done.peakRssBytes)} MB (exit ${run.status})`,
  );
}

const results = {
  ...partial(),
  scan: scan && {
    jobs: scan.jobs,
    seconds: Math.round(scan.seconds * 10) / 10,
    cpuSeconds: Math.round(scan.cpuSeconds * 10) / 10,
    peakRssMegabytes: mb(scan.peakRssBytes),
    exit: scan.exit,
  },
};
const path = writeResults(RESULTS, results);

const row = (name: string, value: string | number) => console.log(`  ${name.padEnd(34)} ${value}`);
console.log(
  `\nscale, ${PLANS.toLocaleString('en')} plans (load ${results.environment.load.join(' ')}):`,
);
row('build (addAll, defaults)', `${results.build.seconds} s (CPU ${results.build.cpuSeconds} s)`);
row('index bytes / doc (memoryUsage)', results.build.indexBytesPerDocument);
row('kept texts bytes / doc', results.build.textBytesPerDocument);
row('heap bytes / doc', results.build.heapBytesPerDocument);
row('RSS bytes / doc', results.build.rssBytesPerDocument);
row('check, no passages: median / p99', `${withoutPassages.median} / ${withoutPassages.p99} ms`);
row('  CPU time: median / p99', `${withoutPassages.cpuMedian} / ${withoutPassages.cpuP99} ms`);
row('check, passages: median / p99', `${withPassages.median} / ${withPassages.p99} ms`);
row('  CPU time: median / p99', `${withPassages.cpuMedian} / ${withPassages.cpuP99} ms`);
if (results.scan) {
  row(`scan --jobs ${JOBS}`, `${results.scan.seconds} s (CPU ${results.scan.cpuSeconds} s)`);
  row('scan peak RSS', `${results.scan.peakRssMegabytes} MB`);
}
console.log(`results in ${path}`);
