/**
 * saochep serve under load: a server process holding 100,000 plans, and
 * autocannon sending checks from 1, 8 and 32 concurrent connections, as JSON
 * text and as .docx uploads; then a soak (5 minutes by default) with the
 * server's resident memory (RSS) sampled from its start to its end.
 *
 * The index: generated plans and directives (corpus/generator, the kind of
 * archive saochep is for), filled up to the size with documents made of runs
 * of their lines, as bench/index.ts does; it is built once and kept in
 * bench/.build/. The checked plans are generated plans of the same archive
 * that are not in the index, so they copy its directives and peers as
 * uploads do. Passages are aligned (the default).
 *
 *   npm run bench:serve                   (results in bench/results/serve.json)
 *   BENCH_SERVE_SECONDS=5 BENCH_SERVE_SOAK_SECONDS=30 npm run bench:serve   (quicker)
 *   BENCH_SERVE_PLANS=10000 …              (a smaller index)
 *   BENCH_SERVE_ARCHIVE=real npm run bench:serve   (../shared/corpus-real: bench/results/serve-real.json)
 *   BENCH_SERVE_JOBS=1,2 …                 (the servers' --jobs, one after the other; default 1
 *                                           and the number of cores; the soak runs on the last)
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { PlanIndex, VERSION } from 'saochep';
import { generateArchive } from '../corpus/generator/archive.js';
import { docx } from '../corpus/generator/docx.js';
import { REAL_CORPUS, ROOT, environment, readJsonl, writeResults } from './util.js';

const PLANS = Number(process.env.BENCH_SERVE_PLANS ?? 100_000);
const GENERATED = Math.min(PLANS, Number(process.env.BENCH_SERVE_GENERATED ?? 20_000));
const QUERIES = 300;
const SECONDS = Number(process.env.BENCH_SERVE_SECONDS ?? 10);
const SOAK_SECONDS = Number(process.env.BENCH_SERVE_SOAK_SECONDS ?? 300);
const CONNECTIONS = [1, 8, 32];
const JOBS = (process.env.BENCH_SERVE_JOBS ?? `1,${availableParallelism()}`)
  .split(',')
  .map(Number)
  .filter((n, k, all) => n >= 1 && all.indexOf(n) === k);
const TOKEN = 'bench-token-0123456789abcdef0123';
const ARCHIVE = process.env.BENCH_SERVE_ARCHIVE === 'real' ? 'real' : 'generated';
const CACHE = join(ROOT, 'bench/.build', `serve-${ARCHIVE}-${PLANS}-${GENERATED}-${VERSION}.idx`);

const loadAtStart = loadavg().map((x) => Math.round(x * 100) / 100);
const now = () => Number(process.hrtime.bigint()) / 1e6;
const log = (message: string) => process.stderr.write(`bench:serve: ${message}\n`);

/** Deterministic numbers in [0, 1). */
function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 4294967296;
  };
}

// ---- The index and the checked plans -------------------------------------------
interface Doc {
  id: string;
  text: string;
  path?: string;
}

/**
 * The documents to index and the plans to check. generated: plans of one
 * generated archive, the checked ones not indexed. real: the articles of
 * ../shared/corpus-real (when present), half of the checked ones indexed (a
 * re-upload), half not; checks there cost the library far less, which shows
 * what the HTTP layer itself can carry.
 */
function corpus(): { directives: Doc[]; indexed: Doc[]; queries: string[] } {
  const rnd = random(5);
  const shuffle = <T>(items: T[]) =>
    items
      .map((item) => ({ item, k: rnd() }))
      .sort((a, b) => a.k - b.k)
      .map((x) => x.item);
  if (ARCHIVE === 'real') {
    if (!existsSync(REAL_CORPUS)) throw new Error(`BENCH_SERVE_ARCHIVE=real needs ${REAL_CORPUS}`);
    const docs = shuffle(readJsonl(REAL_CORPUS));
    const indexed = docs.slice(QUERIES / 2, QUERIES / 2 + GENERATED);
    const queries = [...docs.slice(0, QUERIES / 2), ...indexed.slice(0, QUERIES / 2)].map(
      (d) => d.text,
    );
    return { directives: [], indexed, queries };
  }
  log(`generating ${GENERATED + QUERIES} plans`);
  const archive = generateArchive({ plans: GENERATED + QUERIES, seed: 11, formats: ['txt'] });
  const isDirective = (f: Doc) => archive.directives.some((d) => d.id === f.id);
  const files = [...archive.files.values()];
  const order = shuffle(files.filter((f) => !isDirective(f)));
  return {
    directives: files.filter(isDirective),
    indexed: order.slice(QUERIES),
    queries: order.slice(0, QUERIES).map((f) => f.text),
  };
}
const { directives, indexed, queries } = corpus();
const rnd = random(7);

let buildSeconds: number | null = null;
if (!existsSync(CACHE)) {
  log(`building an index of ${PLANS} documents (kept in ${CACHE})`);
  const t = now();
  const index = new PlanIndex();
  for (const d of directives) index.addReference({ id: d.id, text: d.text });
  for (const f of indexed) index.add({ id: f.id, text: f.text, meta: { file: f.path ?? f.id } });
  const lines = indexed.flatMap((f) => f.text.split('\n').filter((l) => l.length > 40));
  for (let i = index.size; i < PLANS; i++) {
    const parts: string[] = [];
    for (let p = 0; p < 3; p++) {
      const start = Math.floor(rnd() * (lines.length - 8));
      parts.push(lines.slice(start, start + 2 + Math.floor(rnd() * 5)).join('\n'));
    }
    index.add({ id: `synthetic-${i}`, text: parts.join('\n') });
  }
  index.compact();
  mkdirSync(join(ROOT, 'bench/.build'), { recursive: true });
  await index.save(CACHE);
  buildSeconds = (now() - t) / 1000;
}

// The same checks in this process, without HTTP: what the library's check costs on this index.
const inProcess = await (async () => {
  const index = await PlanIndex.load(CACHE);
  const times: number[] = [];
  for (const text of [...queries, ...queries.slice(0, 50)]) {
    const t = now();
    index.check({ text });
    times.push(now() - t);
  }
  const measured = times.slice(50).sort((a, b) => a - b);
  const at = (q: number) =>
    Math.round(measured[Math.min(measured.length - 1, Math.floor(q * measured.length))] * 100) /
    100;
  return { checks: measured.length, medianMs: at(0.5), p99Ms: at(0.99) };
})();
log(
  `in this process, without HTTP: check median ${inProcess.medianMs} ms, p99 ${inProcess.p99Ms} ms`,
);

// ---- The server ------------------------------------------------------------------
const tmp = mkdtempSync(join(tmpdir(), 'saochep-bench-serve-'));
writeFileSync(join(tmp, 'token'), `${TOKEN}\n`);
// The server works on a copy: the bench never changes the kept index (nor leaves a log beside it).
const servedPath = join(tmp, 'served.idx');
writeFileSync(servedPath, readFileSync(CACHE));

function startServer(
  jobs: number,
): Promise<{ child: ChildProcess; url: string; loadSeconds: number }> {
  const t = now();
  const child = spawn(
    process.execPath,
    [
      join(ROOT, 'dist/cli.js'),
      'serve',
      '--index',
      servedPath,
      '--port',
      '0',
      '--token-file',
      join(tmp, 'token'),
      '--jobs',
      String(jobs),
    ],
    { stdio: ['ignore', 'ignore', 'pipe'] },
  );
  let stderr = '';
  return new Promise((resolve, reject) => {
    child.stderr!.setEncoding('utf8');
    child.stderr!.on('data', (chunk: string) => {
      stderr += chunk;
      const url = /listening on (http:\/\/\S+)/.exec(stderr)?.[1];
      // With --jobs n ≥ 2: ready once the checking threads have loaded their replicas too.
      const loaded = jobs < 2 || /checking threads ready/.test(stderr);
      if (url && /documents ready/.test(stderr) && loaded)
        resolve({ child, url, loadSeconds: (now() - t) / 1000 });
    });
    child.on('exit', (code) => reject(new Error(`saochep serve exited ${code}: ${stderr}`)));
  });
}

/** The server's resident memory in MB, from /proc. */
function rssMb(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? NaN);
  return Math.round(kb / 102.4) / 10;
}

// ---- Requests ----------------------------------------------------------------------
const jsonBodies = queries.map((text) => Buffer.from(JSON.stringify({ text })));
const BOUNDARY = 'saochepbench7d1f';
const docxBodies = queries
  .slice(0, 100)
  .map((text) =>
    Buffer.concat([
      Buffer.from(
        `--${BOUNDARY}\r\nContent-Disposition: form-data; name="file"; filename="ke-hoach.docx"\r\n` +
          'Content-Type: application/vnd.openxmlformats-officedocument.wordprocessingml.document\r\n\r\n',
      ),
      Buffer.from(docx(text)),
      Buffer.from(`\r\n--${BOUNDARY}--\r\n`),
    ]),
  );
const auth = { authorization: `Bearer ${TOKEN}` };
const kinds = {
  json: { bodies: jsonBodies, type: 'application/json' },
  docx: { bodies: docxBodies, type: `multipart/form-data; boundary=${BOUNDARY}` },
};

interface Run {
  connections: number;
  seconds: number;
  requests: number;
  requestsPerSecond: number;
  latencyMs: { median: number; p99: number; max: number };
  non2xx: number;
  errors: number;
  timeouts: number;
}

async function load(
  url: string,
  kind: keyof typeof kinds,
  connections: number,
  seconds: number,
): Promise<Run> {
  const { bodies, type } = kinds[kind];
  let next = 0;
  const result = await autocannon({
    url,
    connections,
    duration: seconds,
    requests: [
      {
        method: 'POST',
        path: '/v1/check',
        headers: { ...auth, 'content-type': type },
        setupRequest: (request) => ({ ...request, body: bodies[next++ % bodies.length] }),
      },
    ],
  });
  return {
    connections,
    seconds,
    requests: result.requests.total,
    requestsPerSecond: Math.round(result.requests.total / seconds),
    latencyMs: { median: result.latency.p50, p99: result.latency.p99, max: result.latency.max },
    non2xx: result.non2xx,
    errors: result.errors,
    timeouts: result.timeouts,
  };
}

interface Served {
  jobs: number;
  serverLoadSeconds: number;
  runs: Record<string, Run[]>;
}
const servers: Served[] = [];
let stats = { documents: 0, indexBytes: 0, textBytes: 0 };
let server = await startServer(JOBS[0]);
for (const [k, jobs] of JOBS.entries()) {
  if (k > 0) {
    server.child.kill('SIGTERM');
    await new Promise((resolve) => server.child.on('exit', resolve));
    server = await startServer(jobs);
  }
  log(`server (--jobs ${jobs}) ready at ${server.url} in ${server.loadSeconds.toFixed(1)} s`);
  // One check first, so that the sizes in the results are the served ones.
  const sample = (await (
    await fetch(`${server.url}/v1/check`, {
      method: 'POST',
      headers: { ...auth, 'content-type': 'application/json' },
      body: jsonBodies[0],
    })
  ).json()) as { score: number; matches: unknown[] };
  stats = (await (await fetch(`${server.url}/v1/stats`, { headers: auth })).json()) as typeof stats;
  log(
    `index of ${stats.documents} documents; a sample check scores ${sample.score.toFixed(3)} with ${sample.matches.length} matches`,
  );
  await load(server.url, 'json', 8, 3); // warm-up, not recorded
  const runs: Record<string, Run[]> = { json: [], docx: [] };
  for (const kind of ['json', 'docx'] as const)
    for (const connections of CONNECTIONS) {
      const run = await load(server.url, kind, connections, SECONDS);
      runs[kind].push(run);
      log(
        `--jobs ${jobs}, ${kind} × ${connections}: ${run.requestsPerSecond} checks/s, median ${run.latencyMs.median} ms, p99 ${run.latencyMs.p99} ms (${run.non2xx} not 2xx, ${run.errors} errors)`,
      );
    }
  servers.push({ jobs, serverLoadSeconds: server.loadSeconds, runs });
}

// ---- Soak --------------------------------------------------------------------------
const pid = server.child.pid!;
const rss: Array<{ second: number; mb: number }> = [{ second: 0, mb: rssMb(pid) }];
const started = now();
const sampler = setInterval(
  () => rss.push({ second: Math.round((now() - started) / 1000), mb: rssMb(pid) }),
  15_000,
);
log(`soak (--jobs ${JOBS[JOBS.length - 1]}): ${SOAK_SECONDS} s of JSON checks from 8 connections`);
const soak = await load(server.url, 'json', 8, SOAK_SECONDS);
clearInterval(sampler);
rss.push({ second: Math.round((now() - started) / 1000), mb: rssMb(pid) });
log(
  `soak: ${soak.requestsPerSecond} checks/s; RSS ${rss[0].mb} MB at the start, ${rss[rss.length - 1].mb} MB at the end`,
);

server.child.kill('SIGTERM');
await new Promise((resolve) => server.child.on('exit', resolve));
rmSync(tmp, { recursive: true, force: true });

const path = writeResults(ARCHIVE === 'real' ? 'serve-real' : 'serve', {
  archive: ARCHIVE,
  index: {
    documents: stats.documents,
    indexedDocuments: indexed.length,
    directives: directives.length,
    indexBytes: stats.indexBytes,
    textBytes: stats.textBytes,
    buildSeconds,
  },
  checkedPlans: {
    json: jsonBodies.length,
    docx: docxBodies.length,
    note:
      ARCHIVE === 'real'
        ? 'real articles: half indexed (a re-upload), half not; passages aligned'
        : 'generated plans of the same archive, not indexed; passages aligned',
  },
  inProcessCheck: {
    ...inProcess,
    note: 'index.check on the same plans in the bench process (first 50 as warm-up): the library alone',
  },
  servers,
  soak: {
    ...soak,
    jobs: JOBS[JOBS.length - 1],
    rssMb: rss,
    rssStartMb: rss[0].mb,
    rssEndMb: rss[rss.length - 1].mb,
  },
  loadAverageAtStart: loadAtStart,
  note: 'server and autocannon on the same machine; the machine is shared with other work (see the load average)',
  environment: environment(),
});
log(`results in ${path}`);
