/**
 * Scan an archive: read every plan (in worker threads), order the plans by
 * date, check each against the plans not dated after it and against the
 * references, and build the report.
 */
import { availableParallelism } from 'node:os';
import { stat } from 'node:fs/promises';
import { basename } from 'node:path';
import {
  SaochepError,
  SaochepTypeError,
  assertObject,
  assertText,
  checkNumberOption,
  describeValue,
} from '../errors.js';
import { SCAN_DEFAULTS } from '../plan-index/defaults.js';
import { PlanIndex } from '../plan-index/plan-index.js';
import type { CheckResult, SketchedDocument } from '../plan-index/types.js';
import { isRedisUrl, maskPassword } from '../shared-index/redis-url.js';
import { SharedPlanIndex } from '../shared-index/shared-plan-index.js';
import { type PlanIndexOptions, optionsAsJson } from '../plan-index/options.js';
import {
  REPORT_SCHEMA_VERSION,
  type ReportError,
  type ReportPlan,
  type ScanReport,
} from './report-model.js';
import { VERSION } from '../version.js';
import { type ReadLimits, resolveReadLimits } from '../read/read-limits.js';
import { clustersOf } from './clusters.js';
import { collectFiles } from './collect-files.js';
import { readJsonl } from './jsonl.js';
import type { PlanRecord, PlanSource } from './prepare-plan.js';
import { type OcrMode, resolveOcrOptions } from '../read/ocr/ocr-options.js';
import { type PlanCheck, checkAll, checkAllShared } from './check-pool.js';
import { type SerializableOcrOptions, prepareAll } from './worker-pool.js';

/** Options of {@link scanArchive}. */
export interface ScanOptions {
  /** A folder of plans (searched in every subfolder) or a JSONL archive. */
  archive: string;
  /** A folder or JSONL archive of references: the directives the plans implement, templates. */
  references?: string;
  /**
   * An index whose documents the plans are also checked against: a saved
   * index file (extended in memory, not saved), or a Redis URL
   * (`redis://HOST:PORT[/DB]?name=ARCHIVE`, `redis+cluster://…`): a shared
   * archive, to which the plans and references read are added (ids already
   * in it are left as they are), so that scans on several machines see each
   * other's plans.
   */
  index?: string;
  /** Score from which a plan counts as copied (the CLI's --copied-at; not the index's LSH threshold). Default 0.5. */
  threshold?: number;
  /** Similarity (Jaccard, own content) from which two plans are near-identical: a copy with names and figures changed sits around 0.6–0.7. Default 0.6. */
  clusterSimilarity?: number;
  /** Sources listed per plan. Default 10. */
  limit?: number;
  /** Worker threads for reading and sketching, then for checking. Default: the number of cores. */
  jobs?: number;
  /** Options of a new index (ignored with `index`, whose options are saved in it). */
  indexOptions?: Omit<PlanIndexOptions, 'loadText'>;
  /** Limits each file is read under; what passes one is an error row (ERR_SAOCHEP_LIMIT_EXCEEDED). */
  limits?: Partial<ReadLimits>;
  /** OCR of scanned PDF pages and images: a mode (default `auto`) or options. Pages run in the worker pool, `jobs` at once. */
  ocr?: OcrMode | SerializableOcrOptions;
  /** Progress of the two long stages. */
  onProgress?: (progress: ScanProgress) => void;
}

/** Progress of a scan: documents read and sketched, then plans checked. */
export interface ScanProgress {
  stage: 'read' | 'check';
  done: number;
  total: number;
  /** Pages read by OCR so far, and pages found to need it, while reading (once there are any). */
  ocrPages?: { done: number; total: number };
}

/** A scan's report, with what the HTML report and the CLI need besides. */
export interface ScanResult {
  report: ScanReport;
  /** Texts of the plans and references, by id. */
  texts: ReadonlyMap<string, string>;
  /**
   * The index of the archive (and references, and the saved index when one
   * was given); with a Redis `index`, the SharedPlanIndex, still connected:
   * close it when done.
   */
  index: PlanIndex | SharedPlanIndex;
}

const round = (x: number) => Math.round(x * 10_000) / 10_000;

/** The sources of an input: files of a folder, or lines of a JSONL archive. */
async function sourcesOf(
  input: string,
  prefix: string,
  errors: ReportError[],
  limits: ReadLimits,
): Promise<{ sources: PlanSource[]; references: PlanSource[]; files: number }> {
  let info;
  try {
    info = await stat(input);
  } catch (cause) {
    throw new SaochepError(
      'ERR_SAOCHEP_READ_FAILED',
      `${input}: no such folder or archive. Give a folder of plans or a .jsonl archive.`,
      { cause },
    );
  }
  if (info.isDirectory()) {
    const listing = await collectFiles(input);
    for (const u of listing.unreadable)
      errors.push({
        file: u.path,
        code: 'ERR_SAOCHEP_READ_FAILED',
        message: `cannot list the folder (${u.error.message})`,
      });
    return {
      sources: listing.files.map((f) => ({ kind: 'file', id: prefix + f.id, path: f.path })),
      references: [],
      files: listing.files.length,
    };
  }
  if (input.toLowerCase().endsWith('.jsonl')) {
    const contents = await readJsonl(input, limits);
    for (const e of contents.errors)
      errors.push({ file: `${basename(input)}#${e.line}`, code: e.code, message: e.message });
    const sources: PlanSource[] = [];
    const references: PlanSource[] = [];
    for (const d of contents.documents) {
      const source: PlanSource = {
        kind: 'text',
        id: prefix + d.id,
        // The line number, as an editor shows it.
        file: `${basename(input)}#${d.line}`,
        text: d.text,
        meta: d.meta,
      };
      (isReferenceMeta(d.meta) ? references : sources).push(source);
    }
    return { sources, references, files: contents.documents.length + contents.errors.length };
  }
  // A single document file.
  return {
    sources: [{ kind: 'file', id: prefix + basename(input), path: input }],
    references: [],
    files: 1,
  };
}

/** A JSONL line that says it is a reference: meta.reference true, or meta.kind directive, template or reference. */
function isReferenceMeta(meta: Record<string, unknown> | undefined): boolean {
  if (meta?.reference === true) return true;
  const kind = typeof meta?.kind === 'string' ? meta.kind.toLowerCase() : '';
  return kind === 'directive' || kind === 'template' || kind === 'reference';
}

/** Throw ERR_SAOCHEP_INVALID_ARGUMENT unless `options` is an object naming an archive (and, if given, references). */
function assertArchiveOptions(fn: string, options: unknown): void {
  assertObject(fn, options, 'options', "such as { archive: './plans' }");
  assertText(fn, options.archive, 'options.archive');
  if (options.references !== undefined) assertText(fn, options.references, 'options.references');
  if (options.onProgress !== undefined && typeof options.onProgress !== 'function')
    throw new SaochepTypeError(
      'ERR_SAOCHEP_INVALID_ARGUMENT',
      `${fn}: options.onProgress must be a function, got ${describeValue(options.onProgress)}.`,
    );
}

/** Options of {@link indexArchive}. */
export interface IndexArchiveOptions {
  /** A folder of plans or a JSONL archive. */
  archive: string;
  /** A folder or JSONL archive of references. */
  references?: string;
  /** Worker threads for reading and sketching. Default: the number of cores. */
  jobs?: number;
  /** Limits each file is read under (see {@link ScanOptions.limits}). */
  limits?: Partial<ReadLimits>;
  /** OCR of scanned PDF pages and images: a mode (default `auto`) or options. */
  ocr?: OcrMode | SerializableOcrOptions;
  onProgress?: (progress: ScanProgress) => void;
}

/** What indexing an archive read. */
export interface IndexedArchive {
  /** The plans read, in file order. */
  records: PlanRecord[];
  referenceIds: Set<string>;
  texts: Map<string, string>;
  errors: ReportError[];
  /** Files (and JSONL lines) found. */
  files: number;
  /** Documents read whose id the index held already: left as they were, not added again. */
  alreadyIndexed: number;
}

/** Sources read per round with a shared index: it bounds the sketches waiting for Redis. */
const SHARED_CHUNK = 4096;

/**
 * Read an archive (and its references) into `index`: every document read,
 * dated and sketched in worker threads, then added in file order. Documents
 * already in the index (by id) are not added again. A SharedPlanIndex is
 * sent its documents a few thousand at a time, while the next are read.
 */
export async function indexArchive(
  index: PlanIndex | SharedPlanIndex,
  options: IndexArchiveOptions,
): Promise<IndexedArchive> {
  if (!(index instanceof PlanIndex) && !(index instanceof SharedPlanIndex))
    throw new SaochepTypeError(
      'ERR_SAOCHEP_INVALID_ARGUMENT',
      `indexArchive: index must be a PlanIndex (new PlanIndex() or PlanIndex.load) or a SharedPlanIndex, got ${describeValue(index)}.`,
    );
  assertArchiveOptions('indexArchive', options);
  const jobs = checkNumberOption(
    'indexArchive',
    'jobs',
    options.jobs ?? availableParallelism(),
    1,
    256,
    true,
  );
  const limits = resolveReadLimits('indexArchive', options.limits);
  // Checked here, once: a bad option is the caller's error, not one per document.
  resolveOcrOptions('indexArchive', options.ocr);
  const errors: ReportError[] = [];
  const texts = new Map<string, string>();
  const records: PlanRecord[] = [];
  const referenceIds = new Set<string>();
  let files = 0;
  let done = 0;
  const inputs: Array<{ input: string; reference: boolean; prefix: string }> = [];
  if (options.references)
    inputs.push({
      input: options.references,
      reference: true,
      prefix: `${basename(options.references)}/`,
    });
  inputs.push({ input: options.archive, reference: false, prefix: '' });
  const listed = await Promise.all(inputs.map((i) => sourcesOf(i.input, i.prefix, errors, limits)));
  const batches: Array<{ sources: PlanSource[]; reference: boolean }> = [];
  for (const [k, { reference }] of inputs.entries()) {
    files += listed[k].files;
    // References first, so that they are in the index when plans are checked, whatever their dates.
    batches.push({ sources: listed[k].references, reference: true });
    batches.push({ sources: listed[k].sources, reference });
  }
  const total = batches.reduce((sum, b) => sum + b.sources.length, 0);
  const ocrPages = { done: 0, total: 0 };
  const readProgress = (): ScanProgress => ({
    stage: 'read',
    done,
    total,
    ...(ocrPages.total > 0 ? { ocrPages: { ...ocrPages } } : {}),
  });
  // With a shared index: the sketches of the round read last, sent while the next round is read.
  let sending: Promise<unknown> = Promise.resolve();
  let alreadyIndexed = 0;
  let unsent: SketchedDocument[] = [];
  const chunk = index instanceof SharedPlanIndex ? SHARED_CHUNK : Infinity;
  for (const { sources: all, reference } of batches)
    for (let first = 0; first < all.length; first += chunk) {
      const sources = chunk === Infinity ? all : all.slice(first, first + chunk);
      await prepareAll(sources, {
        jobs,
        indexOptions: index.options,
        reference,
        limits,
        ocr: options.ocr,
        onOcrPages: (delta) => {
          ocrPages.total += delta.queued;
          ocrPages.done += delta.done;
          options.onProgress?.(readProgress());
        },
        onPrepared: (result) => {
          done++;
          options.onProgress?.(readProgress());
          if (!result.ok) {
            errors.push(result.error);
            return;
          }
          const { record, sketch } = result;
          if (texts.has(record.id)) {
            errors.push({
              file: record.file,
              code: 'ERR_SAOCHEP_DUPLICATE_ID',
              message: `the id "${record.id}" is used twice: rename one of the files`,
            });
            return;
          }
          texts.set(record.id, record.text);
          if (index instanceof SharedPlanIndex) unsent.push(sketch);
          else if (index.has(record.id)) alreadyIndexed++;
          else index.addSketched(sketch);
          if (reference) referenceIds.add(record.id);
          else records.push(record);
        },
      });
      if (index instanceof SharedPlanIndex) {
        await sending;
        const batch = unsent;
        unsent = [];
        sending = index.addSketched(batch).then((existing) => (alreadyIndexed += existing.length));
        // Held until awaited; a failure is not unhandled meanwhile.
        sending.catch(() => undefined);
      }
    }
  await sending;
  return { records, referenceIds, texts, errors, files, alreadyIndexed };
}

/** Scan an archive and build its report. */
export async function scanArchive(options: ScanOptions): Promise<ScanResult> {
  assertArchiveOptions('scanArchive', options);
  const threshold = checkNumberOption(
    'scanArchive',
    'threshold',
    options.threshold ?? SCAN_DEFAULTS.threshold,
    0,
    1,
    false,
  );
  const clusterSimilarity = checkNumberOption(
    'scanArchive',
    'clusterSimilarity',
    options.clusterSimilarity ?? SCAN_DEFAULTS.clusterSimilarity,
    0,
    1,
    false,
  );
  const limit = checkNumberOption(
    'scanArchive',
    'limit',
    options.limit ?? SCAN_DEFAULTS.limit,
    1,
    10_000,
    true,
  );
  const jobs = checkNumberOption(
    'scanArchive',
    'jobs',
    options.jobs ?? availableParallelism(),
    1,
    256,
    true,
  );
  const index = !options.index
    ? new PlanIndex(options.indexOptions)
    : isRedisUrl(options.index)
      ? await SharedPlanIndex.connect(options.index)
      : await PlanIndex.load(options.index);
  try {
    return await scanInto(index, options, { threshold, clusterSimilarity, limit, jobs });
  } catch (error) {
    if (index instanceof SharedPlanIndex) await index.close();
    throw error;
  }
}

async function scanInto(
  index: PlanIndex | SharedPlanIndex,
  options: ScanOptions,
  settings: { threshold: number; clusterSimilarity: number; limit: number; jobs: number },
): Promise<ScanResult> {
  const { threshold, clusterSimilarity, limit, jobs } = settings;
  const { records, referenceIds, texts, errors, files } = await indexArchive(index, options);

  // Earliest first; undated plans last. Each is checked against what is not dated after it.
  records.sort((a, b) => {
    const da = a.date ?? '9999-99-99';
    const db = b.date ?? '9999-99-99';
    return da < db ? -1 : da > db ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
  });
  const plans: ReportPlan[] = [];
  const pairs: Array<{ a: string; b: string; similarity: number }> = [];
  const checks: PlanCheck[] = records.map((record) => ({
    input: { text: record.text, meta: record.date ? { date: record.date } : undefined },
    options: { onlyEarlier: true, includeSameDay: true, exclude: [record.id], limit },
  }));
  const onResult = (result: CheckResult, k: number) => {
    const record = records[k];
    options.onProgress?.({ stage: 'check', done: k + 1, total: records.length });
    for (const m of result.matches)
      if (!m.reference && m.similarity >= clusterSimilarity)
        pairs.push({ a: record.id, b: m.id, similarity: round(m.similarity) });
    plans.push({
      id: record.id,
      file: record.file,
      format: record.format,
      readBy: record.readBy,
      ...(record.ocrPages ? { ocrPages: record.ocrPages } : {}),
      encoding: record.encoding,
      language: record.language,
      ...(record.unit ? { unit: record.unit } : {}),
      ...(record.number ? { number: record.number } : {}),
      ...(record.title ? { title: record.title } : {}),
      ...(record.type ? { type: record.type } : {}),
      ...(record.date ? { date: record.date } : {}),
      dateSource: record.dateSource,
      characters: record.characters,
      score: round(result.score),
      ignored: round(result.ignored),
      breakdown: {
        fromReferences: round(result.breakdown.fromReferences),
        fromPeers: round(result.breakdown.fromPeers),
        original: round(result.breakdown.original),
      },
      copied: result.score >= threshold,
      finding: result.finding,
      sources: result.matches.map((m) => ({
        id: m.id,
        reference: m.reference,
        similarity: round(m.similarity),
        containment: round(m.containment),
        ...(m.earlier !== undefined ? { earlier: m.earlier } : {}),
        ...(typeof m.meta?.date === 'string' ? { date: m.meta.date } : {}),
        ...(typeof m.meta?.unit === 'string' ? { unit: m.meta.unit } : {}),
        passages: m.passages,
      })),
    });
  };
  if (index instanceof SharedPlanIndex) await checkAllShared(index, checks, jobs, onResult);
  else await checkAll(index, checks, jobs, onResult);

  // Sources from a saved index: their texts come from it.
  for (const p of plans)
    for (const src of p.sources)
      if (!texts.has(src.id)) {
        const text = await index.text(src.id);
        if (text !== undefined) texts.set(src.id, text);
      }
  const copied = plans.filter((p) => p.copied);
  const sourceCounts = new Map<string, { reference: boolean; plans: number }>();
  for (const p of copied)
    for (const s of p.sources) {
      const c = sourceCounts.get(s.id) ?? { reference: s.reference, plans: 0 };
      c.plans++;
      sourceCounts.set(s.id, c);
    }
  const report: ScanReport = {
    schema: 'saochep-scan-report',
    schemaVersion: REPORT_SCHEMA_VERSION,
    saochep: VERSION,
    input: {
      archive: options.archive,
      ...(options.references ? { references: options.references } : {}),
      ...(options.index ? { index: maskPassword(options.index) } : {}),
    },
    options: {
      threshold,
      copiedAt: threshold,
      lshThreshold: index.options.threshold,
      clusterSimilarity,
      limit,
      index: optionsAsJson(index.options),
    },
    summary: {
      files,
      plans: plans.length,
      references: referenceIds.size,
      errors: errors.length,
      copied: copied.length,
      copiedFromReferences: copied.filter(
        (p) => p.breakdown.fromReferences >= p.breakdown.fromPeers,
      ).length,
      meanScore:
        plans.length === 0 ? 0 : round(plans.reduce((s, p) => s + p.score, 0) / plans.length),
      topSources: [...sourceCounts.entries()]
        .map(([id, c]) => ({ id, ...c }))
        .sort((a, b) => b.plans - a.plans || (a.id < b.id ? -1 : 1))
        .slice(0, 10),
    },
    plans,
    clusters: clustersOf(pairs),
    errors: errors.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0)),
  };
  return { report, texts, index };
}
