/**
 * A whole generated archive in memory: directives, plans, their files (with
 * damage) and the truth about who copied whom.
 */
import type { Damage } from './damage/damage.js';
import type { Directive } from './directive.js';
import type { GeneratedDoc, Obfuscation } from './doc.js';
import { isoDay } from './frame.js';
import type { GeneratedPlan, PlanKind } from './plan.js';
import { PlanMaker, planId } from './plan-maker.js';
import { makeSchedule } from './schedule.js';

/** File formats the generator writes. */
export type Format = 'txt' | 'docx';

export interface ArchiveOptions {
  plans: number;
  seed: number;
  /** Which file formats to use for plans; .docx goes to about 5% of plans when allowed. */
  formats?: Format[];
}

/** One file of the archive as it is on disk. */
export interface ArchiveFile {
  id: string;
  /** Path relative to the archive folder. */
  path: string;
  format: Format;
  /** How the bytes encode the text: UTF-8, or one byte per character (legacy files). */
  encoding: 'utf-8' | 'latin1';
  damage: Damage[];
  /** The text a reader gets from the file. */
  text: string;
  /** Clean offset → file offset. */
  map: Int32Array;
}

/** A copied passage, in the files' offsets. */
export interface TruthPassage {
  start: number;
  end: number;
  source: string;
  sourceStart: number;
  sourceEnd: number;
  obfuscation: Obfuscation;
  /** The document the text first appeared in. */
  root: string;
}

export interface PlanTruth {
  id: string;
  file: string;
  format: Format;
  encoding: 'utf-8' | 'latin1';
  damage: Damage[];
  kind: PlanKind;
  directive: string;
  unit: string;
  unitLevel: string;
  number: string;
  date: string;
  title: string;
  /** Documents that passages were copied from. */
  sources: string[];
  /** The plan's content, between its header and its Nơi nhận (file offsets). */
  body: { start: number; end: number };
  /** Share of the body's characters that were copied (clean text). */
  shareCopied: number;
  /** Of which first written in the directive. */
  shareFromDirective: number;
  /** Of which first written in another plan. */
  shareFromPeers: number;
  passages: TruthPassage[];
}

export interface DirectiveTruth {
  id: string;
  file: string;
  kind: string;
  number: string;
  date: string;
  issuer: string;
  title: string;
  topic: string;
}

export interface Archive {
  options: Required<ArchiveOptions>;
  directives: Directive[];
  plans: GeneratedPlan[];
  files: Map<string, ArchiveFile>;
  truth: { directives: DirectiveTruth[]; plans: PlanTruth[] };
}

export { directiveCount } from './schedule.js';

/** A directive's file: its clean text, as written. */
export function directiveFile(d: Directive): ArchiveFile {
  const map = new Int32Array(d.doc.text.length + 1);
  for (let i = 0; i < map.length; i++) map[i] = i;
  return {
    id: d.id,
    path: `directives/${d.id}.txt`,
    format: 'txt',
    encoding: 'utf-8',
    damage: [],
    text: d.doc.text,
    map,
  };
}

/** The truth about a directive. */
export function directiveTruth(d: Directive): DirectiveTruth {
  return {
    id: d.id,
    file: `directives/${d.id}.txt`,
    kind: d.kind,
    number: d.number,
    date: isoDay(d.date),
    issuer:
      d.issuer.province && !d.issuer.party ? `${d.issuer.name} ${d.province.name}` : d.issuer.name,
    title: `${d.kind} ${d.subject}`,
    topic: d.topic.name,
  };
}

/**
 * Where a clean offset of a source document (a piece boundary) lands in its
 * file: `source` is a directive's or a plan's id.
 */
export type SourceOffset = (source: string, clean: number) => number;

/** Generate an archive in memory. Deterministic: the same options give the same archive. */
export function generateArchive(options: ArchiveOptions): Archive {
  const opts: Required<ArchiveOptions> = { formats: ['txt', 'docx'], ...options };
  const schedule = makeSchedule(opts.seed, opts.plans);
  const { directives } = schedule;
  const maker = new PlanMaker(schedule, { formats: opts.formats, keep: Infinity });
  const files = new Map<string, ArchiveFile>();
  for (const d of directives) files.set(d.id, directiveFile(d));
  for (const index of schedule.order) files.set(planId(index, opts.plans), maker.file(index));
  const plans = Array.from({ length: opts.plans }, (_, index) => maker.plan(index));
  const offset: SourceOffset = (source, clean) => files.get(source)!.map[clean];
  return {
    options: opts,
    directives,
    plans,
    files,
    truth: {
      directives: directives.map(directiveTruth),
      plans: plans.map((p) => planTruth(p, files.get(p.id)!, offset)),
    },
  };
}

/** Copied pieces merged into maximal runs: same source, contiguous in both texts. */
function passagesOf(
  doc: GeneratedDoc,
): Array<Omit<TruthPassage, 'source'> & { sourceDoc: GeneratedDoc }> {
  const runs: Array<Omit<TruthPassage, 'source'> & { sourceDoc: GeneratedDoc; lastPiece: number }> =
    [];
  const severity: Record<Obfuscation, number> = { none: 0, renamed: 1, edited: 2 };
  for (const piece of doc.pieces) {
    if (!piece.copy || piece.role !== 'body') continue;
    const src = piece.copy.source.pieces[piece.copy.sourcePiece];
    const last = runs[runs.length - 1];
    const contiguous =
      last !== undefined &&
      last.sourceDoc === piece.copy.source &&
      last.lastPiece + 1 === piece.copy.sourcePiece &&
      /^\s*$/.test(doc.text.slice(last.end, piece.start)) &&
      /^\s*$/.test(piece.copy.source.text.slice(last.sourceEnd, src.start));
    if (contiguous) {
      last.end = piece.end;
      last.sourceEnd = src.end;
      last.lastPiece = piece.copy.sourcePiece;
      if (severity[piece.copy.obfuscation] > severity[last.obfuscation])
        last.obfuscation = piece.copy.obfuscation;
      continue;
    }
    runs.push({
      start: piece.start,
      end: piece.end,
      sourceDoc: piece.copy.source,
      sourceStart: src.start,
      sourceEnd: src.end,
      obfuscation: piece.copy.obfuscation,
      root: piece.copy.root,
      lastPiece: piece.copy.sourcePiece,
    });
  }
  return runs.map(({ lastPiece: _, ...run }) => run);
}

/** The truth about a plan whose file is `file`. */
export function planTruth(
  plan: GeneratedPlan,
  file: ArchiveFile,
  sourceOffset: SourceOffset,
): PlanTruth {
  const doc = plan.doc;
  const content = doc.pieces.filter((p) => p.role !== 'frame');
  const bodyStart = content[0].start;
  const bodyEnd = content[content.length - 1].end;
  const passages = passagesOf(doc);
  const copiedChars = passages.reduce((sum, p) => sum + (p.end - p.start), 0);
  const fromDirective = passages
    .filter((p) => p.root === plan.directive.id)
    .reduce((sum, p) => sum + (p.end - p.start), 0);
  const bodyLength = bodyEnd - bodyStart;
  const round = (x: number) => Math.round(x * 10000) / 10000;
  return {
    id: plan.id,
    file: file.path,
    format: file.format,
    encoding: file.encoding,
    damage: file.damage,
    kind: plan.kind,
    directive: plan.directive.id,
    unit: plan.unit.name,
    unitLevel: plan.unit.level,
    number: plan.number,
    date: isoDay(plan.date),
    title: plan.title,
    sources: [...new Set(passages.map((p) => p.sourceDoc.id))].sort(),
    body: { start: file.map[bodyStart], end: file.map[bodyEnd] },
    shareCopied: round(copiedChars / bodyLength),
    shareFromDirective: round(fromDirective / bodyLength),
    shareFromPeers: round((copiedChars - fromDirective) / bodyLength),
    passages: passages.map((p) => ({
      start: file.map[p.start],
      end: file.map[p.end],
      source: p.sourceDoc.id,
      sourceStart: sourceOffset(p.sourceDoc.id, p.sourceStart),
      sourceEnd: sourceOffset(p.sourceDoc.id, p.sourceEnd),
      obfuscation: p.obfuscation,
      root: p.root,
    })),
  };
}
