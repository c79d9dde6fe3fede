/**
 * Write a generated archive of any size without holding it: plans are made in
 * date order (each needs the earlier plans it copies) and their files written
 * at once; their archive.jsonl and truth.json lines go to scratch files, and
 * are then copied out in id order, which is the order the in-memory writer
 * uses, so that both write the same bytes.
 */
import { mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  type ArchiveOptions,
  type SourceOffset,
  directiveFile,
  directiveTruth,
  planTruth,
} from './archive.js';
import type { PlanKind } from './plan.js';
import { PlanMaker } from './plan-maker.js';
import { makeSchedule } from './schedule.js';
import { Appender, Scratch } from './scratch.js';
import {
  TRUTH_END,
  TRUTH_SEPARATOR,
  bytesOf,
  directiveLine,
  planLine,
  truthStart,
} from './write.js';

export interface StreamOptions {
  /** Write archive.jsonl. */
  jsonl: boolean;
  /** Write plans/ and directives/ (one file a document). */
  files: boolean;
  /** Plans kept made for copiers (default 5,000); fewer costs time, not correctness. */
  keep?: number;
}

export interface StreamStats {
  plans: number;
  directives: number;
  bytes: number;
  kinds: Map<PlanKind, number>;
  /** Plans made again because they had left the cache. */
  remade: number;
}

/**
 * Generate and write an archive into `dir` (its plans/ and directives/ are
 * replaced), in memory that does not grow with the number of plans beyond a
 * few dozen bytes a plan. Writes the same bytes as `writeArchive(generateArchive(…))`.
 */
export function streamArchive(
  options: ArchiveOptions,
  dir: string,
  stream: StreamOptions,
): StreamStats {
  const opts: Required<ArchiveOptions> = { formats: ['txt', 'docx'], ...options };
  mkdirSync(dir, { recursive: true });
  rmSync(join(dir, 'plans'), { recursive: true, force: true });
  rmSync(join(dir, 'directives'), { recursive: true, force: true });
  if (stream.files) {
    mkdirSync(join(dir, 'plans'));
    mkdirSync(join(dir, 'directives'));
  }
  const schedule = makeSchedule(opts.seed, opts.plans);
  const maker = new PlanMaker(schedule, { formats: opts.formats, keep: stream.keep ?? 5_000 });
  const directiveIds = new Map(schedule.directives.map((d, k) => [d.id, k]));
  const directiveFiles = schedule.directives.map(directiveFile);
  const planIndex = (id: string) => Number(id.slice(1)) - 1;
  const offset: SourceOffset = (source, clean) =>
    directiveIds.has(source) ? clean : maker.sourceOffset(planIndex(source), clean);

  let bytes = 0;
  const kinds = new Map<PlanKind, number>();
  const truthLines = new Scratch(join(dir, '.truth.lines'), opts.plans);
  const jsonLines = stream.jsonl ? new Scratch(join(dir, '.archive.lines'), opts.plans) : undefined;
  for (const index of schedule.order) {
    const plan = maker.plan(index);
    const file = maker.file(index);
    const truth = planTruth(plan, file, offset);
    kinds.set(plan.kind, (kinds.get(plan.kind) ?? 0) + 1);
    truthLines.set(index, JSON.stringify(truth));
    jsonLines?.set(index, planLine(truth, file.text));
    if (stream.files) {
      const data = bytesOf(file);
      writeFileSync(join(dir, file.path), data);
      bytes += data.length;
    }
  }

  const directives = schedule.directives.map(directiveTruth);
  if (stream.files) {
    for (const file of directiveFiles) {
      const data = bytesOf(file);
      writeFileSync(join(dir, file.path), data);
      bytes += data.length;
    }
  }
  if (jsonLines) {
    const out = new Appender(join(dir, 'archive.jsonl.tmp'));
    directives.forEach((d, k) => out.add(`${directiveLine(d, directiveFiles[k].text)}\n`));
    jsonLines.copyTo(out, '\n');
    out.add('\n');
    bytes += out.close();
    renameSync(join(dir, 'archive.jsonl.tmp'), join(dir, 'archive.jsonl'));
  }
  const truthOut = new Appender(join(dir, 'truth.json.tmp'));
  truthOut.add(truthStart(opts, directives));
  truthLines.copyTo(truthOut, TRUTH_SEPARATOR);
  truthOut.add(TRUTH_END);
  bytes += truthOut.close();
  renameSync(join(dir, 'truth.json.tmp'), join(dir, 'truth.json'));
  return {
    plans: opts.plans,
    directives: directives.length,
    bytes,
    kinds,
    remade: maker.remade,
  };
}
