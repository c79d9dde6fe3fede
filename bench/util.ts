/**
 * Shared helpers for the benchmarks: corpus loading, timing, result files.
 * Benchmarks run against the built package (dist/), as users get it.
 */
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import os from 'node:os';

/** The project folder: the nearest folder above this file with a package.json (works from bench/.build too). */
function findRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, 'package.json')) && dirname(dir) !== dir) dir = dirname(dir);
  return dir;
}

export const ROOT = findRoot();
export const REAL_CORPUS = resolve(ROOT, '../shared/corpus-real/corpus.jsonl');
export const LEGAL_CORPUS = resolve(ROOT, '../shared/corpus-legal/corpus.jsonl');

/** A document for benchmarking. */
export interface BenchDoc {
  id: string;
  text: string;
}

/** Read a JSONL file of {id, text} objects. */
export function readJsonl(path: string, limit = Infinity): BenchDoc[] {
  const docs: BenchDoc[] = [];
  for (const line of readFileSync(path, 'utf8').split('\n')) {
    if (line.trim() === '' || docs.length >= limit) continue;
    const row = JSON.parse(line) as { id: string; text: string; title?: string };
    docs.push({ id: row.id, text: row.text });
  }
  return docs;
}

/** Every .txt file under a folder, recursively. */
export function readTextFolder(dir: string): BenchDoc[] {
  const docs: BenchDoc[] = [];
  const walk = (d: string): void => {
    for (const entry of readdirSync(d, { withFileTypes: true }).sort((a, b) =>
      a.name.localeCompare(b.name),
    )) {
      const path = join(d, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.name.endsWith('.txt'))
        docs.push({ id: path, text: readFileSync(path, 'utf8') });
    }
  };
  walk(dir);
  return docs;
}

/** The real news corpus when present, else the bundled sample archive. */
export function loadBenchCorpus(): { name: string; docs: BenchDoc[] } {
  if (existsSync(REAL_CORPUS)) return { name: 'shared/corpus-real', docs: readJsonl(REAL_CORPUS) };
  const sample = join(ROOT, 'corpus/sample');
  if (existsSync(sample)) return { name: 'corpus/sample', docs: readTextFolder(sample) };
  throw new Error('No corpus: neither ../shared/corpus-real nor corpus/sample exists.');
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

export function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

/** Seconds that one call of `fn` takes. */
export function timeOnce(fn: () => void): number {
  const t0 = process.hrtime.bigint();
  fn();
  return Number(process.hrtime.bigint() - t0) / 1e9;
}

/** Run `fn` once to warm up, then `runs` times; returns each run's seconds. */
export function timeRuns(fn: () => void, runs: number): number[] {
  fn();
  const times: number[] = [];
  for (let r = 0; r < runs; r++) {
    const t0 = process.hrtime.bigint();
    fn();
    times.push(Number(process.hrtime.bigint() - t0) / 1e9);
  }
  return times;
}

/** Where and on what a benchmark ran. */
export function environment(): Record<string, string | number> {
  return {
    node: process.version,
    cpu: os.cpus()[0]?.model ?? 'unknown',
    cores: os.cpus().length,
    date: new Date().toISOString(),
  };
}

/** Write a result object to bench/results/NAME.json and return the path. */
export function writeResults(name: string, results: unknown): string {
  const dir = join(ROOT, 'bench/results');
  mkdirSync(dir, { recursive: true });
  const path = join(dir, `${name}.json`);
  writeFileSync(path, JSON.stringify(results, null, 2) + '\n');
  return path;
}
