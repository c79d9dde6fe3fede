/**
 * saochep index with --out redis://…: read an archive into a shared archive
 * in Redis, or migrate a saved index file there (its documents re-sketched
 * from their texts, which gives the signatures the file holds).
 */
import { stat } from 'node:fs/promises';
import { SaochepError } from '../errors.js';
import type { PlanIndexOptions, ResolvedIndexOptions } from '../plan-index/options.js';
import { PlanIndex } from '../plan-index/plan-index.js';
import type { SketchedDocument } from '../plan-index/types.js';
import type { OcrMode, SerializableOcrOptions } from '../read/ocr/ocr-options.js';
import type { ReadLimits } from '../read/read-limits.js';
import { indexArchive, type ScanProgress } from '../scan/scan.js';
import { maskPassword } from '../shared-index/redis-url.js';
import { SharedPlanIndex } from '../shared-index/shared-plan-index.js';
import { NothingReadError, UsageError } from './cli-errors.js';

/** What saochep index was given, read. */
export interface IndexRun {
  archive: string;
  references: string | undefined;
  out: string;
  indexOptions: PlanIndexOptions;
  jobs: number | undefined;
  limits: Partial<ReadLimits>;
  ocr: OcrMode | SerializableOcrOptions | undefined;
  onProgress: (progress: ScanProgress) => void;
  /** Told of each file not read. */
  onError: (file: string, message: string) => void;
}

/** What went into the archive. */
export interface IndexedIntoRedis {
  /** Documents in the archive now. */
  size: number;
  added: number;
  notRead: number;
  /** Documents whose id was in the archive already (left as they were). */
  existing: number;
}

/** Documents re-sketched and sent per round trip when a saved index migrates. */
const MIGRATE_BATCH = 256;

async function isSavedIndexFile(path: string): Promise<boolean> {
  if (!path.endsWith('.idx')) return false;
  return (await stat(path).catch(() => undefined))?.isFile() === true;
}

async function connect(
  out: string,
  options: PlanIndexOptions | ResolvedIndexOptions,
): Promise<SharedPlanIndex> {
  try {
    return await SharedPlanIndex.connect(out, options);
  } catch (error) {
    if (error instanceof SaochepError && error.code === 'ERR_SAOCHEP_INDEX_INCOMPATIBLE')
      throw new UsageError(error.message);
    throw new NothingReadError((error as Error).message);
  }
}

/** Read `run.archive` (a folder, a JSONL archive or a saved .idx) into the Redis archive `run.out`. */
export async function indexIntoRedis(run: IndexRun): Promise<IndexedIntoRedis> {
  if (await isSavedIndexFile(run.archive)) {
    if (run.references !== undefined)
      throw new UsageError(
        '--references goes with a folder or a JSONL archive: a saved index brings its own references.',
      );
    return migrate(run);
  }
  const index = await connect(run.out, run.indexOptions);
  try {
    const before = await index.size();
    let indexed;
    try {
      indexed = await indexArchive(index, {
        archive: run.archive,
        ...(run.references !== undefined ? { references: run.references } : {}),
        ...(run.jobs !== undefined ? { jobs: run.jobs } : {}),
        limits: run.limits,
        ...(run.ocr !== undefined ? { ocr: run.ocr } : {}),
        onProgress: run.onProgress,
      });
    } catch (error) {
      if (error instanceof SaochepError && error.code === 'ERR_SAOCHEP_READ_FAILED')
        throw new NothingReadError(error.message);
      throw error;
    }
    for (const e of indexed.errors) run.onError(e.file, e.message);
    const size = await index.size();
    return {
      size,
      added: size - before,
      notRead: indexed.errors.length,
      existing: indexed.alreadyIndexed,
    };
  } finally {
    await index.close();
  }
}

/** Every document of a saved index into the Redis archive, with the saved index's options. */
async function migrate(run: IndexRun): Promise<IndexedIntoRedis> {
  let saved: PlanIndex;
  try {
    saved = await PlanIndex.load(run.archive);
  } catch (error) {
    throw new NothingReadError((error as Error).message);
  }
  const documents = [...saved.documents()];
  const textless = documents.find((doc) => doc.text === undefined);
  if (textless)
    throw new UsageError(
      `${run.archive} keeps no texts (it was built with keepTexts: false; "${textless.id}" has none), ` +
        'and the shared archive needs them: index the documents themselves ' +
        `(saochep index ./archive --out ${maskPassword(run.out)}).`,
    );
  if (Object.keys(run.indexOptions).length > 0)
    throw new UsageError(
      'a saved index migrates with the index options saved in it: drop the index options.',
    );
  const index = await connect(run.out, saved.options);
  try {
    const before = await index.size();
    let existing = 0;
    for (let k = 0; k < documents.length; k += MIGRATE_BATCH) {
      const sketches: SketchedDocument[] = documents
        .slice(k, k + MIGRATE_BATCH)
        .map(({ id, text, meta, reference }) =>
          saved.sketch({ id, text: text!, ...(meta ? { meta } : {}) }, { reference }),
        );
      existing += (await index.addSketched(sketches)).length;
      run.onProgress({
        stage: 'read',
        done: Math.min(k + MIGRATE_BATCH, documents.length),
        total: documents.length,
      });
    }
    const size = await index.size();
    return { size, added: size - before, notRead: 0, existing };
  } finally {
    await index.close();
  }
}
