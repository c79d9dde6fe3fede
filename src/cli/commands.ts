/**
 * The three commands of the saochep CLI: scan, check and index. Each one
 * takes parsed arguments and streams, and returns the exit code.
 */
import { availableParallelism } from 'node:os';
import { constants } from 'node:fs';
import { access } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { SaochepError } from '../errors.js';
import { PlanIndex } from '../plan-index/plan-index.js';
import { readDocumentFile } from '../read/read-file.js';
import type { ScanReport } from '../report/report-model.js';
import { reportFormatOf, writeReport } from '../report/write-report.js';
import { type ScanProgress, indexArchive, scanArchive } from '../scan/scan.js';
import { ProgressBar } from './progress.js';
import { NothingReadError, UsageError } from './usage.js';

/** Where a command writes. */
export interface CommandIo {
  stdout: NodeJS.WriteStream;
  stderr: NodeJS.WriteStream;
}

function numberOption(
  value: string | undefined,
  name: string,
  min: number,
  max: number,
  integer: boolean,
): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isFinite(n) || n < min || n > max || (integer && !Number.isInteger(n))) {
    throw new UsageError(
      `--${name} must be ${integer ? 'a whole number' : 'a number'} from ${min} to ${max}, got "${value}".`,
    );
  }
  return n;
}

function progressOf(
  io: CommandIo,
  quiet: boolean,
): { onProgress: (p: ScanProgress) => void; finish: () => void } {
  const enabled = !quiet && io.stderr.isTTY === true;
  const bars = {
    read: new ProgressBar(io.stderr, 'reading', enabled),
    check: new ProgressBar(io.stderr, 'checking', enabled),
  };
  let stage: ScanProgress['stage'] | undefined;
  return {
    onProgress: (p) => {
      if (stage !== p.stage) {
        if (stage) bars[stage].finish();
        stage = p.stage;
      }
      bars[p.stage].update(p.done, p.total);
    },
    finish: () => {
      if (stage) bars[stage].finish();
    },
  };
}

/** Fail before a long scan, not after it, when the report's folder cannot be written to. */
async function assertWritableFolder(out: string): Promise<void> {
  const folder = dirname(resolve(out));
  try {
    await access(folder, constants.W_OK);
  } catch {
    throw new UsageError(`cannot write the report to ${out}: ${folder} is missing or read-only.`);
  }
}

const pct = (x: number) => `${(x * 100).toFixed(1)}%`;

/** The short summary printed at the end of a scan. */
export function scanSummary(report: ScanReport, out: string, seconds: number): string {
  const s = report.summary;
  const lines = [
    `saochep ${report.saochep}: ${s.plans} plans read from ${s.files} files in ${seconds.toFixed(1)} s` +
      (s.references ? `, ${s.references} references` : '') +
      (s.errors ? `, ${s.errors} not read (see the report's errors)` : ''),
    `copied (score ≥ ${report.options.threshold}): ${s.copied} plans, ${s.copiedFromReferences} of them mostly from references; mean score ${pct(s.meanScore)}`,
  ];
  if (report.clusters.length)
    lines.push(
      `clusters of near-identical plans: ${report.clusters.length} (largest: ${report.clusters[0].plans.length} plans)`,
    );
  if (s.topSources.length) {
    lines.push('top sources:');
    for (const src of s.topSources.slice(0, 5))
      lines.push(
        `  ${src.id}${src.reference ? ' (reference)' : ''}: behind ${src.plans} copied plans`,
      );
  }
  lines.push(`report: ${out}`);
  return `${lines.join('\n')}\n`;
}

/** saochep scan. */
export async function scanCommand(
  positionals: string[],
  values: Record<string, string | boolean | undefined>,
  io: CommandIo,
): Promise<number> {
  if (positionals.length !== 1) throw new UsageError('scan takes one folder or .jsonl archive.');
  const out = (values.out as string | undefined) ?? 'saochep-report.html';
  if (reportFormatOf(out) === undefined)
    throw new UsageError(`--out must end in .html, .json or .csv, got "${out}".`);
  await assertWritableFolder(out);
  const lang = (values.lang as string | undefined) ?? 'vi';
  if (lang !== 'vi' && lang !== 'en')
    throw new UsageError(`--lang must be vi or en, got "${lang}".`);
  const quiet = values.quiet === true;
  const progress = progressOf(io, quiet);
  const started = Date.now();
  let result;
  try {
    result = await scanArchive({
      archive: positionals[0],
      references: values.references as string | undefined,
      index: values.index as string | undefined,
      threshold: numberOption(values.threshold as string | undefined, 'threshold', 0, 1, false),
      jobs:
        numberOption(values.jobs as string | undefined, 'jobs', 1, 256, true) ??
        availableParallelism(),
      onProgress: progress.onProgress,
    });
  } catch (error) {
    progress.finish();
    if (
      error instanceof SaochepError &&
      (error.code === 'ERR_SAOCHEP_READ_FAILED' ||
        error.code.startsWith('ERR_SAOCHEP_INDEX') ||
        error.code === 'ERR_SAOCHEP_IO')
    )
      throw new NothingReadError(error.message);
    throw error;
  }
  progress.finish();
  const { report, texts } = result;
  await writeReport(out, report, texts, { language: lang });
  if (!quiet) io.stdout.write(scanSummary(report, out, (Date.now() - started) / 1000));
  if (report.plans.length === 0) {
    io.stderr.write(
      `saochep: no plan could be read from ${positionals[0]} (${report.errors.length} errors, listed in ${out}).\n`,
    );
    return 2;
  }
  return 0;
}

/** saochep index. */
export async function indexCommand(
  positionals: string[],
  values: Record<string, string | boolean | undefined>,
  io: CommandIo,
): Promise<number> {
  if (positionals.length !== 1) throw new UsageError('index takes one folder or .jsonl archive.');
  const out = values.out as string | undefined;
  if (!out) throw new UsageError('index needs --out <saved.idx>: where to save the index.');
  const quiet = values.quiet === true;
  let index: PlanIndex;
  try {
    index = values.add === true ? await PlanIndex.load(out) : new PlanIndex();
  } catch (error) {
    throw new NothingReadError((error as Error).message);
  }
  const before = index.size;
  const progress = progressOf(io, quiet);
  const started = Date.now();
  let indexed;
  try {
    indexed = await indexArchive(index, {
      archive: positionals[0],
      references: values.references as string | undefined,
      jobs: numberOption(values.jobs as string | undefined, 'jobs', 1, 256, true),
      onProgress: progress.onProgress,
    });
  } catch (error) {
    progress.finish();
    if (error instanceof SaochepError && error.code === 'ERR_SAOCHEP_READ_FAILED')
      throw new NothingReadError(error.message);
    throw error;
  }
  progress.finish();
  for (const e of indexed.errors) io.stderr.write(`not read: ${e.file}: ${e.message}\n`);
  const added = index.size - before;
  if (indexed.records.length + indexed.referenceIds.size === 0) {
    io.stderr.write(
      `saochep: nothing could be read from ${positionals[0]}; ${out} was not written.\n`,
    );
    return 2;
  }
  index.compact();
  await index.save(out);
  if (!quiet) {
    const memory = index.memoryUsage();
    io.stdout.write(
      `saochep ${out}: ${index.size} documents (${added} added, ${indexed.errors.length} not read) in ${((Date.now() - started) / 1000).toFixed(1)} s; ` +
        `${Math.round(memory.bytesPerDocument)} bytes per document, texts ${(memory.texts / 1e6).toFixed(1)} MB\n`,
    );
  }
  return 0;
}

/** saochep check. */
export async function checkCommand(
  positionals: string[],
  values: Record<string, string | boolean | undefined>,
  io: CommandIo,
): Promise<number> {
  if (positionals.length !== 1) throw new UsageError('check takes one document file.');
  const indexPath = values.index as string | undefined;
  if (!indexPath)
    throw new UsageError('check needs --index <saved.idx> (build one with saochep index).');
  const limit = numberOption(values.limit as string | undefined, 'limit', 1, 10_000, true) ?? 10;
  let index: PlanIndex;
  let text: string;
  try {
    index = await PlanIndex.load(indexPath);
    text = (await readDocumentFile(positionals[0])).text;
  } catch (error) {
    throw new NothingReadError((error as Error).message);
  }
  const result = index.check(text, { limit });
  if (values.json === true) {
    io.stdout.write(`${JSON.stringify({ file: positionals[0], ...result }, null, 2)}\n`);
    return 0;
  }
  if (values.quiet === true) {
    io.stdout.write(`${result.score.toFixed(4)}\n`);
    return 0;
  }
  const b = result.breakdown;
  const lines = [
    `${positionals[0]}: sao chép score ${pct(result.score)} (from references ${pct(b.fromReferences)}, from other plans ${pct(b.fromPeers)}, original ${pct(b.original)}; ${pct(result.ignored)} set aside as boilerplate)`,
    `  ${result.finding.vi}`,
    `  ${result.finding.en}`,
  ];
  if (result.matches.length === 0) lines.push('no source found');
  for (const m of result.matches) {
    lines.push(
      `  ${m.id}${m.reference ? ' (reference)' : ''}: ${pct(m.containment)} of the plan, similarity ${pct(m.similarity)}, ${m.passages.length} passages`,
    );
    for (const p of m.passages.slice(0, 5)) {
      const copied = text.slice(p.start, p.end).replace(/\s+/g, ' ');
      lines.push(
        `    [${p.start}–${p.end} ← ${p.sourceStart}–${p.sourceEnd}, ${p.kind}${p.edits.length > 0 ? `, ${p.edits.length} edits` : ''}] ${copied.length > 90 ? `${copied.slice(0, 87)}…` : copied}`,
      );
    }
    if (m.passages.length > 5) lines.push(`    … ${m.passages.length - 5} more`);
  }
  io.stdout.write(`${lines.join('\n')}\n`);
  return 0;
}
