/**
 * A whole generated archive in memory: directives, plans, their files (with
 * damage) and the truth about who copied whom.
 */
import { type Damage, applyDamage, chooseDamage } from './damage/damage.js';
import { type Directive, makeDirective } from './directive.js';
import type { GeneratedDoc, Obfuscation } from './doc.js';
import { type Day, addDays, dayOrdinal, isoDay } from './frame.js';
import { type GeneratedPlan, KIND_WEIGHTS, type PlanKind, buildPlan } from './plan.js';
import { Random } from './random.js';
import { makeUnit } from './units.js';

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

/** Directives in an archive of `plans` plans: several, each implemented by about 35 units. */
export function directiveCount(plans: number): number {
  return Math.max(3, Math.min(400, Math.round(plans / 35)));
}

interface PlanSlot {
  index: number;
  directive: Directive;
  date: Day;
  rng: Random;
}

/** Generate an archive. Deterministic: the same options give the same archive. */
export function generateArchive(options: ArchiveOptions): Archive {
  const opts: Required<ArchiveOptions> = { formats: ['txt', 'docx'], ...options };
  const directives = Array.from({ length: directiveCount(opts.plans) }, (_, k) =>
    makeDirective(opts.seed, k),
  );
  const slots: PlanSlot[] = Array.from({ length: opts.plans }, (_, index) => {
    const rng = Random.derive(opts.seed, 'plan', index);
    const directive = directives[rng.int(0, directives.length - 1)];
    return { index, directive, date: addDays(directive.date, rng.int(3, 150)), rng };
  });
  // Plans are written in date order, so a copier only copies what already exists.
  slots.sort((a, b) => dayOrdinal(a.date) - dayOrdinal(b.date) || a.index - b.index);
  const byDirective = new Map<string, GeneratedPlan[]>();
  const plans: GeneratedPlan[] = [];
  for (const slot of slots) {
    const { rng, directive, date } = slot;
    const unit = makeUnit(rng, directive.province);
    const peers = (byDirective.get(directive.id) ?? []).filter(
      (p) => dayOrdinal(p.date) < dayOrdinal(date),
    );
    const serial = rng.int(1, 480);
    const plan = buildPlan({
      id: planId(slot.index, opts.plans),
      rng,
      directive,
      unit,
      date,
      number: unit.party ? `${serial}-${unit.code}` : `${serial}/${unit.code}`,
      kind: rng.weighted(KIND_WEIGHTS),
      peers,
    });
    plans.push(plan);
    byDirective.set(directive.id, [...(byDirective.get(directive.id) ?? []), plan]);
  }
  plans.sort((a, b) => a.id.localeCompare(b.id));

  const files = new Map<string, ArchiveFile>();
  for (const d of directives) {
    files.set(d.id, {
      id: d.id,
      path: `directives/${d.id}.txt`,
      format: 'txt',
      encoding: 'utf-8',
      damage: [],
      text: d.doc.text,
      map: Int32Array.from({ length: d.doc.text.length + 1 }, (_, i) => i),
    });
  }
  for (const plan of plans) {
    const rng = Random.derive(opts.seed, 'file', plan.id);
    const format: Format = opts.formats.includes('docx') && rng.chance(0.05) ? 'docx' : 'txt';
    // Word files keep their Unicode text; damage is what extraction does to plain text.
    const damage = format === 'docx' ? [] : chooseDamage(rng);
    const damaged = applyDamage(plan.doc.text, damage, rng);
    const legacy = damage.includes('tcvn3') || damage.includes('vni');
    const latin1 = legacy && rng.chance(0.5) && isLatin1(damaged.text);
    files.set(plan.id, {
      id: plan.id,
      path: `plans/${plan.id}.${format}`,
      format,
      encoding: latin1 ? 'latin1' : 'utf-8',
      damage,
      text: damaged.text,
      map: damaged.map,
    });
  }
  return {
    options: opts,
    directives,
    plans,
    files,
    truth: {
      directives: directives.map((d) => ({
        id: d.id,
        file: files.get(d.id)!.path,
        kind: d.kind,
        number: d.number,
        date: isoDay(d.date),
        issuer:
          d.issuer.province && !d.issuer.party
            ? `${d.issuer.name} ${d.province.name}`
            : d.issuer.name,
        title: `${d.kind} ${d.subject}`,
        topic: d.topic.name,
      })),
      plans: plans.map((p) => planTruth(p, files)),
    },
  };
}

function isLatin1(text: string): boolean {
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) > 0xff) return false;
  return true;
}

function planId(index: number, total: number): string {
  return `P${String(index + 1).padStart(Math.max(4, String(total).length), '0')}`;
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

function planTruth(plan: GeneratedPlan, files: Map<string, ArchiveFile>): PlanTruth {
  const file = files.get(plan.id)!;
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
    passages: passages.map((p) => {
      const source = files.get(p.sourceDoc.id)!;
      return {
        start: file.map[p.start],
        end: file.map[p.end],
        source: p.sourceDoc.id,
        sourceStart: source.map[p.sourceStart],
        sourceEnd: source.map[p.sourceEnd],
        obfuscation: p.obfuscation,
        root: p.root,
      };
    }),
  };
}
