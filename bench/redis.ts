/**
 * The shared index on Redis beside the in-memory index, on the same
 * documents in one run: adds per second (the shared one pipelined through
 * addAll), check latency (median, p99), Redis memory per plan (INFO memory),
 * and N concurrent checking clients (1, 4, 16), each with a connection of
 * its own, with their throughput and latency.
 *
 * It starts its own redis-server on a free loopback port (AOF on,
 * appendfsync everysec: the setting the README recommends for throughput)
 * in a temporary folder, and stops it at the end.
 *
 *   npm run bench:redis                        (results in bench/results/redis.json)
 *   BENCH_REDIS_PLANS=100000 npm run bench:redis   (the archive size; default 20,000)
 *   BENCH_REDIS_QUERIES=300 npm run bench:redis    (checks per measurement; default 500)
 *
 * Plans: 600 generated plans (corpus/generator, with their copies), then
 * synthetic plans made of runs of their lines up to the archive size.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { connect, createServer } from 'node:net';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { PlanIndex, SharedPlanIndex } from 'saochep';
import { generateArchive } from '../corpus/generator/archive.js';
import { type BenchDoc, environment, median, percentile, writeResults } from './util.js';

const PLANS = Number(process.env.BENCH_REDIS_PLANS ?? 20_000);
const QUERIES = Number(process.env.BENCH_REDIS_QUERIES ?? 500);
const CLIENTS = [1, 4, 16];

function now(): number {
  return Number(process.hrtime.bigint()) / 1e6;
}

function latency(ms: number[]): { medianMs: number; p99Ms: number; meanMs: number } {
  return {
    medianMs: median(ms),
    p99Ms: percentile(ms, 99),
    meanMs: ms.reduce((a, b) => a + b, 0) / ms.length,
  };
}

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

async function startRedis(): Promise<{ url: string; stop: () => void; child: ChildProcess }> {
  const port = await freePort();
  const dir = mkdtempSync(join(tmpdir(), 'saochep-bench-redis-'));
  const child = spawn(
    'redis-server',
    ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'yes'],
    { stdio: 'ignore', cwd: dir },
  );
  child.on('error', (error) => {
    console.error(`redis-server could not start (${error.message}): apt-get install redis-server`);
    process.exit(1);
  });
  for (;;) {
    const up = await new Promise<boolean>((resolve) => {
      const s = connect(port, '127.0.0.1');
      s.once('connect', () => (s.destroy(), resolve(true)));
      s.once('error', () => resolve(false));
    });
    if (up) break;
    await new Promise((r) => setTimeout(r, 50));
  }
  return {
    url: `redis://127.0.0.1:${port}`,
    child,
    stop: () => {
      child.kill('SIGTERM');
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

function documents(): BenchDoc[] {
  const generated = [...generateArchive({ plans: 600, seed: 2024 }).files.values()]
    .filter((f) => f.path.startsWith('plans/'))
    .map((f) => ({ id: f.id, text: f.text }));
  const lines = generated.flatMap((d) => d.text.split('\n').filter((l) => l.length > 40));
  let s = 7;
  const rnd = () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 4294967296;
  };
  const synthetic = Array.from({ length: Math.max(0, PLANS - generated.length) }, (_, i) => {
    const parts: string[] = [];
    for (let p = 0; p < 3; p++) {
      const start = Math.floor(rnd() * (lines.length - 8));
      parts.push(lines.slice(start, start + 2 + Math.floor(rnd() * 5)).join('\n'));
    }
    return { id: `synthetic-${i}`, text: parts.join('\n') };
  });
  return [...generated, ...synthetic].slice(0, PLANS);
}

async function usedMemory(index: SharedPlanIndex, url: string): Promise<number> {
  void index;
  const { Redis } = await import('ioredis');
  const redis = new Redis(url);
  const info = await redis.info('memory');
  redis.disconnect();
  return Number(/used_memory:(\d+)/.exec(info)?.[1] ?? 0);
}

const docs = documents();
// Queries: the generated plans first (they have copies in the archive), every k-th of the rest.
const queries = docs.filter((_, k) => k % Math.max(1, Math.floor(docs.length / QUERIES)) === 0);
queries.length = Math.min(queries.length, QUERIES);
console.log(`${docs.length} plans, ${queries.length} checks per measurement`);

// ---- in memory ----
const memory = new PlanIndex();
let t = now();
memory.addAll(docs);
const memoryAddSeconds = (now() - t) / 1000;
const memoryLatencies: number[] = [];
for (const q of queries) {
  const t0 = now();
  memory.check(q.text, { exclude: [q.id] });
  memoryLatencies.push(now() - t0);
}
console.log(`memory: ${(docs.length / memoryAddSeconds).toFixed(0)} adds/s`);

// ---- Redis ----
const redis = await startRedis();
try {
  const shared = await SharedPlanIndex.connect(redis.url, { name: 'bench' });
  const before = await usedMemory(shared, redis.url);
  t = now();
  await shared.addAll(docs);
  const redisAddSeconds = (now() - t) / 1000;
  const after = await usedMemory(shared, redis.url);
  console.log(`redis: ${(docs.length / redisAddSeconds).toFixed(0)} adds/s`);
  let same = 0;
  const redisLatencies: number[] = [];
  for (const q of queries) {
    const t0 = now();
    const result = await shared.check(q.text, { exclude: [q.id] });
    redisLatencies.push(now() - t0);
    if (JSON.stringify(result) === JSON.stringify(memory.check(q.text, { exclude: [q.id] })))
      same++;
  }
  const concurrent = [];
  for (const clients of CLIENTS) {
    const indexes = await Promise.all(
      Array.from({ length: clients }, () => SharedPlanIndex.connect(redis.url, { name: 'bench' })),
    );
    const ms: number[] = [];
    let next = 0;
    const start = now();
    await Promise.all(
      indexes.map(async (index) => {
        while (next < queries.length) {
          const q = queries[next++];
          const t0 = now();
          await index.check(q.text, { exclude: [q.id] });
          ms.push(now() - t0);
        }
      }),
    );
    const seconds = (now() - start) / 1000;
    await Promise.all(indexes.map((index) => index.close()));
    concurrent.push({ clients, checksPerSecond: queries.length / seconds, ...latency(ms) });
  }
  await shared.drop();
  const results = {
    environment: { ...environment(), loadAverage: loadavg() },
    plans: docs.length,
    checks: queries.length,
    redis: { version: 'redis-server of the machine', appendonly: 'yes', appendfsync: 'everysec' },
    memoryIndex: {
      addsPerSecond: docs.length / memoryAddSeconds,
      check: latency(memoryLatencies),
      bytesPerPlan: memory.memoryUsage().bytesPerDocument,
      textBytesPerPlan: memory.memoryUsage().texts / docs.length,
    },
    sharedIndex: {
      addsPerSecond: docs.length / redisAddSeconds,
      check: latency(redisLatencies),
      sameResultAsMemory: same / queries.length,
      redisBytesPerPlan: (after - before) / docs.length,
      concurrent,
    },
  };
  const path = writeResults('redis', results);
  const f = (x: number, d = 2) => x.toFixed(d);
  console.log(`at ${docs.length} plans:
  memory: ${f(results.memoryIndex.addsPerSecond, 0)} adds/s, check median ${f(results.memoryIndex.check.medianMs)} ms, p99 ${f(results.memoryIndex.check.p99Ms)} ms
  redis:  ${f(results.sharedIndex.addsPerSecond, 0)} adds/s, check median ${f(results.sharedIndex.check.medianMs)} ms, p99 ${f(results.sharedIndex.check.p99Ms)} ms, ${f(results.sharedIndex.redisBytesPerPlan, 0)} Redis bytes/plan, same result ${f(100 * results.sharedIndex.sameResultAsMemory, 1)}%
${concurrent.map((c) => `  ${c.clients} clients: ${f(c.checksPerSecond, 0)} checks/s, median ${f(c.medianMs)} ms, p99 ${f(c.p99Ms)} ms`).join('\n')}
results in ${path}`);
} finally {
  redis.stop();
}
