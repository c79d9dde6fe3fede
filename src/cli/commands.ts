/**
 * The three commands of the saochep CLI: scan, check and index. Each one
 * takes parsed arguments and streams, and returns the exit code.
 */
import { availableParallelism } from 'node:os';
import { constants } from 'node:fs';
import { access } from 'node:fs/promises';
import { basename, dirname, resolve, sep } from 'node:path';
import { SaochepError } from '../errors.js';
import { CHECK_DEFAULTS } from '../plan-index/defaults.js';
import { withFileLock } from '../files/file-lock.js';
import { PlanIndex } from '../plan-index/plan-index.js';
import { type FileText, readDocumentFile } from '../read/read-file.js';
import type { ScanReport } from '../scan/report-model.js';
import { reportFormatOf, writeReport } from '../report/write-report.js';
import { type ScanProgress, indexArchive, scanArchive } from '../scan/scan.js';
import type { CheckOptions, CheckResult, PlanMatch } from '../plan-index/plan-index.js';
import { isRedisUrl, maskPassword } from '../shared-index/redis-url.js';
import { SharedPlanIndex } from '../shared-index/shared-plan-index.js';
import { givenIndexFlags, indexOptionsOf, numberOption } from './index-options.js';
import { limitsOf } from './limit-options.js';
import { ocrOptionsOf } from './ocr-options.js';
import { ProgressBar } from './progress.js';
import { type IndexRun, indexIntoRedis } from './shared-index-command.js';
import { NothingReadError, UsageError } from './usage.js';

/** Where a command writes. */
export interface CommandIo {
  stdout: NodeJS.WriteStream;
  stderr: NodeJS.WriteStream;
}

/** Exit code of saochep check when the plan scores at or above --fail-above. */
export const EXIT_FAIL_ABOVE = 4;

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
      // Scanned pages take far longer than documents of text: the reading bar counts them too.
      const pages = p.ocrPages ?? { done: 0, total: 0 };
      bars[p.stage].update(p.done + pages.done, p.total + pages.total);
    },
    finish: () => {
      if (stage) bars[stage].finish();
    },
  };
}

/** Fail before a long run, not after it, when the output's folder cannot be written to. */
async function assertWritableFolder(out: string, what: string): Promise<void> {
  const folder = dirname(resolve(out));
  try {
    await access(folder, constants.W_OK);
  } catch {
    throw new UsageError(`cannot write the ${what} to ${out}: ${folder} is missing or read-only.`);
  }
}

/** The cut-off score of a scan: --copied-at, or its deprecated name --threshold. */
function copiedAtOption(values: Record<string, string | boolean | undefined>): number | undefined {
  const copiedAt = numberOption(values['copied-at'], 'copied-at', 0, 1, false);
  const threshold = numberOption(values.threshold, 'threshold', 0, 1, false);
  if (copiedAt !== undefined && threshold !== undefined && copiedAt !== threshold)
    throw new UsageError(
      '--threshold is the old name of --copied-at: give one of them (--copied-at).',
    );
  return copiedAt ?? threshold;
}

const pct = (x: number) => `${(x * 100).toFixed(1)}%`;

/** The short summary printed at the end of a scan. */
export function scanSummary(report: ScanReport, out: string, seconds: number): string {
  const s = report.summary;
  const lines = [
    `saochep ${report.saochep}: ${s.plans} plans read from ${s.files} files in ${seconds.toFixed(1)} s` +
      (s.references ? `, ${s.references} references` : '') +
      (s.errors ? `, ${s.errors} not read (see the report's errors)` : ''),
    `copied (score ≥ ${report.options.copiedAt}): ${s.copied} plans, ${s.copiedFromReferences} of them mostly from references; mean score ${pct(s.meanScore)}`,
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
  await assertWritableFolder(out, 'report');
  const lang = (values.lang as string | undefined) ?? 'vi';
  if (lang !== 'vi' && lang !== 'en')
    throw new UsageError(`--lang must be vi or en, got "${lang}".`);
  const threshold = copiedAtOption(values);
  const indexOptions = indexOptionsOf(values);
  if (values.index !== undefined && givenIndexFlags(values).length > 0)
    throw new UsageError(
      `${givenIndexFlags(values).join(', ')}: a scan with --index uses the options saved in the index; ` +
        'drop them, or build a new index with them (saochep index).',
    );
  const jobs = numberOption(values.jobs, 'jobs', 1, 256, true) ?? availableParallelism();
  const limits = limitsOf(values);
  const ocr = ocrOptionsOf(values);
  const quiet = values.quiet === true;
  const progress = progressOf(io, quiet);
  const started = Date.now();
  let result;
  try {
    result = await scanArchive({
      archive: positionals[0],
      references: values.references as string | undefined,
      index: values.index as string | undefined,
      threshold,
      jobs,
      indexOptions,
      limits,
      ocr,
      onProgress: progress.onProgress,
    });
  } catch (error) {
    progress.finish();
    if (
      error instanceof SaochepError &&
      (error.code === 'ERR_SAOCHEP_READ_FAILED' ||
        error.code.startsWith('ERR_SAOCHEP_INDEX') ||
        error.code === 'ERR_SAOCHEP_STORE_UNAVAILABLE' ||
        error.code === 'ERR_SAOCHEP_IO')
    )
      throw new NothingReadError(error.message);
    throw error;
  }
  progress.finish();
  const { report, texts } = result;
  if (result.index instanceof SharedPlanIndex) await result.index.close();
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
  if (!out)
    throw new UsageError(
      'index needs --out <saved.idx|redis://HOST:PORT?name=ARCHIVE>: where to save the index.',
    );
  const indexOptions = indexOptionsOf(values);
  if (values.add === true && givenIndexFlags(values).length > 0)
    throw new UsageError(
      `${givenIndexFlags(values).join(', ')}: --add extends the index with the options saved in it; ` +
        'drop them, or build a new index without --add.',
    );
  const jobs = numberOption(values.jobs, 'jobs', 1, 256, true);
  const limits = limitsOf(values);
  const ocr = ocrOptionsOf(values);
  const quiet = values.quiet === true;
  if (isRedisUrl(out))
    return indexRedisCommand(io, quiet, {
      archive: positionals[0],
      references: values.references as string | undefined,
      out,
      indexOptions,
      jobs,
      limits,
      ocr,
    });
  await assertWritableFolder(out, 'index');
  // From before the index is read until it is saved: a second saochep index on the same file
  // waits, then reads what this one saved, so that neither loses the other's documents.
  return withFileLock(
    out,
    () => indexLocked(positionals, values, io, out, indexOptions, jobs, limits, ocr, quiet),
    {
      waitMs: 3600_000,
      onWait: (owner) => {
        if (!quiet) io.stderr.write(`saochep: waiting for ${out}: pid ${owner.pid} is saving it\n`);
      },
    },
  );
}

/** saochep index --out redis://…: the archive (or a saved index) into a shared archive. */
async function indexRedisCommand(
  io: CommandIo,
  quiet: boolean,
  run: Omit<IndexRun, 'onProgress' | 'onError'>,
): Promise<number> {
  const progress = progressOf(io, quiet);
  const started = Date.now();
  let indexed;
  try {
    indexed = await indexIntoRedis({
      ...run,
      onProgress: progress.onProgress,
      onError: (file, message) => io.stderr.write(`not read: ${file}: ${message}\n`),
    });
  } finally {
    progress.finish();
  }
  if (indexed.added + indexed.existing === 0 && indexed.notRead > 0) {
    io.stderr.write(`saochep: nothing could be read from ${run.archive}.\n`);
    return 2;
  }
  if (!quiet)
    io.stdout.write(
      `saochep ${maskPassword(run.out)}: ${indexed.size} documents (${indexed.added} added, ` +
        `${indexed.existing} already there, ${indexed.notRead} not read) in ${((Date.now() - started) / 1000).toFixed(1)} s\n`,
    );
  return 0;
}

async function indexLocked(
  positionals: string[],
  values: Record<string, string | boolean | undefined>,
  io: CommandIo,
  out: string,
  indexOptions: ReturnType<typeof indexOptionsOf>,
  jobs: number | undefined,
  limits: ReturnType<typeof limitsOf>,
  ocr: ReturnType<typeof ocrOptionsOf>,
  quiet: boolean,
): Promise<number> {
  let index: PlanIndex;
  try {
    index = values.add === true ? await PlanIndex.load(out) : new PlanIndex(indexOptions);
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
      jobs,
      limits,
      ocr,
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

/**
 * The indexed documents that are the checked file itself: a document whose id
 * is the file's path (or ends it: ids are paths inside the indexed folder) or
 * its file name, and whose text is the file's text (when the index keeps no
 * texts: a containment of 1). A copy under another name is not
 * the plan itself: it stays a source, so that a gate still stops it.
 */
async function selfMatches(
  file: string,
  text: string,
  index: CheckedIndex,
  result: CheckResult,
): Promise<string[]> {
  const path = resolve(file);
  const named = (m: PlanMatch) =>
    m.id === file || m.id === basename(file) || path.endsWith(`${sep}${m.id.split('/').join(sep)}`);
  const itself: string[] = [];
  for (const m of result.matches) {
    if (!named(m)) continue;
    const indexed = await index.text(m.id);
    if (indexed !== undefined ? indexed === text : m.containment >= 0.999) itself.push(m.id);
  }
  return itself;
}

/** The index saochep check runs against: a saved file, or a shared archive in Redis. */
type CheckedIndex = Pick<SharedPlanIndex, 'check' | 'text' | 'close'>;

async function openCheckedIndex(spec: string): Promise<CheckedIndex> {
  if (isRedisUrl(spec)) return SharedPlanIndex.connect(spec);
  const index = await PlanIndex.load(spec);
  return {
    check: async (input, options) => index.check(input, options),
    text: async (id) => index.text(id),
    close: async () => undefined,
  };
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
    throw new UsageError(
      'check needs --index <saved.idx|redis://HOST:PORT?name=ARCHIVE> (build one with saochep index).',
    );
  const limit = numberOption(values.limit, 'limit', 1, 10_000, true) ?? CHECK_DEFAULTS.limit;
  const failAbove = numberOption(values['fail-above'], 'fail-above', 0, 1, false);
  const limits = limitsOf(values);
  if (values['same-day'] === true && values['only-earlier'] !== true)
    throw new UsageError('--same-day goes with --only-earlier.');
  const ocr = ocrOptionsOf(values);
  const checkOptions = {
    limit,
    onlyEarlier: values['only-earlier'] === true,
    includeSameDay: values['same-day'] === true,
    ...(typeof values.date === 'string' ? { date: values.date } : {}),
  };
  let text: string;
  let read: Pick<FileText, 'readBy' | 'ocrPages'>;
  let index: CheckedIndex | undefined;
  try {
    index = await openCheckedIndex(indexPath);
    const file = await readDocumentFile(positionals[0], { limits, ocr });
    text = file.text;
    read = { readBy: file.readBy, ...(file.ocrPages ? { ocrPages: file.ocrPages } : {}) };
  } catch (error) {
    await index?.close();
    throw new NothingReadError((error as Error).message);
  }
  try {
    return await checkAndTell(
      positionals[0],
      text,
      read,
      index,
      checkOptions,
      failAbove,
      values,
      io,
    );
  } finally {
    await index.close();
  }
}

async function checkAndTell(
  file: string,
  text: string,
  read: Pick<FileText, 'readBy' | 'ocrPages'>,
  index: CheckedIndex,
  checkOptions: CheckOptions,
  failAbove: number | undefined,
  values: Record<string, string | boolean | undefined>,
  io: CommandIo,
): Promise<number> {
  const check = async (exclude: string[]) => {
    try {
      return await index.check(text, { ...checkOptions, exclude });
    } catch (error) {
      // SaochepError or SaochepTypeError: a bad --date or --limit is bad usage.
      if ((error as { code?: unknown }).code === 'ERR_SAOCHEP_INVALID_OPTION')
        throw new UsageError((error as Error).message);
      throw error;
    }
  };
  let result = await check([]);
  const itself = await selfMatches(file, text, index, result);
  if (itself.length > 0) result = await check(itself);
  const code = failAbove !== undefined && result.score >= failAbove ? EXIT_FAIL_ABOVE : 0;
  if (values.json === true) {
    io.stdout.write(
      `${JSON.stringify(
        {
          file,
          ...read,
          ...(itself.length > 0 ? { alreadyIndexedAs: itself } : {}),
          ...(failAbove !== undefined ? { failAbove, failed: code !== 0 } : {}),
          ...result,
        },
        null,
        2,
      )}\n`,
    );
    return code;
  }
  if (values.quiet === true) {
    io.stdout.write(`${result.score.toFixed(4)}\n`);
    return code;
  }
  const b = result.breakdown;
  const lines = [
    `${file}: sao chép score ${pct(result.score)} (from references ${pct(b.fromReferences)}, from other plans ${pct(b.fromPeers)}, original ${pct(b.original)}; ${pct(result.ignored)} set aside as boilerplate)`,
    `  ${result.finding.vi}`,
    `  ${result.finding.en}`,
  ];
  if (itself.length > 0)
    lines.push(
      `this plan is already in the index as ${itself.join(', ')}: it is left out of its own sources`,
    );
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
  if (code !== 0)
    lines.push(`score ${pct(result.score)} ≥ --fail-above ${pct(failAbove!)}: exit ${code}`);
  io.stdout.write(`${lines.join('\n')}\n`);
  return code;
}
