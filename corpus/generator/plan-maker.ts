/**
 * Makes the plans of a schedule one at a time. A plan needs the plans it copies
 * from; those are kept in a bounded cache, and a plan that has left it is made
 * again from its seed when it is asked for (the same draws give the same plan),
 * so memory does not grow with the archive.
 */
import { applyDamage, chooseDamage } from './damage/damage.js';
import type { Piece } from './doc.js';
import type { ArchiveFile, Format } from './archive.js';
import { type GeneratedPlan, KIND_WEIGHTS, type PeerList, buildPlan } from './plan.js';
import { Random } from './random.js';
import { type Schedule, planDate, planRandom } from './schedule.js';
import { makeUnit } from './units.js';

/** File offsets at a document's piece boundaries: all the truth needs of a source's file. */
export interface Boundaries {
  /** Clean offsets of every piece's start and end, in order. */
  clean: Int32Array;
  /** The file offsets they map to. */
  file: Int32Array;
}

interface Entry {
  plan: GeneratedPlan;
  boundaries?: Boundaries;
  file?: ArchiveFile;
}

export interface PlanMakerOptions {
  formats: Format[];
  /** How many plans to keep made; Infinity keeps every plan and its file. */
  keep: number;
}

/** A plan's id: P and its number, zero-padded to the width of the archive's size. */
export function planId(index: number, total: number): string {
  return `P${String(index + 1).padStart(Math.max(4, String(total).length), '0')}`;
}

function isLatin1(text: string): boolean {
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) > 0xff) return false;
  return true;
}

/** A plan's file: its format, and the damage extraction did to its text. */
export function planFile(
  seed: number,
  plan: GeneratedPlan,
  formats: readonly Format[],
): ArchiveFile {
  const rng = Random.derive(seed, 'file', plan.id);
  const format: Format = formats.includes('docx') && rng.chance(0.05) ? 'docx' : 'txt';
  // Word files keep their Unicode text; damage is what extraction does to plain text.
  const damage = format === 'docx' ? [] : chooseDamage(rng);
  const damaged = applyDamage(plan.doc.text, damage, rng);
  const legacy = damage.includes('tcvn3') || damage.includes('vni');
  const latin1 = legacy && rng.chance(0.5) && isLatin1(damaged.text);
  return {
    id: plan.id,
    path: `plans/${plan.id}.${format}`,
    format,
    encoding: latin1 ? 'latin1' : 'utf-8',
    damage,
    text: damaged.text,
    map: damaged.map,
  };
}

/** The boundaries of `plan`'s pieces in `file`. */
export function boundariesOf(plan: GeneratedPlan, file: ArchiveFile): Boundaries {
  const pieces = plan.doc.pieces;
  const clean = new Int32Array(pieces.length * 2);
  const mapped = new Int32Array(pieces.length * 2);
  pieces.forEach((p, k) => {
    clean[2 * k] = p.start;
    clean[2 * k + 1] = p.end;
    mapped[2 * k] = file.map[p.start];
    mapped[2 * k + 1] = file.map[p.end];
  });
  return { clean, file: mapped };
}

/** The file offset of clean offset `at`, which must be a piece boundary. */
export function fileOffset(b: Boundaries, at: number): number {
  let lo = 0;
  let hi = b.clean.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (b.clean[mid] < at) lo = mid + 1;
    else hi = mid;
  }
  if (b.clean[lo] !== at) throw new Error(`offset ${at} is not a piece boundary`);
  return b.file[lo];
}

/** Cut a made plan's links to the documents it copied from (their ids stay). */
export function forgetSources(plan: GeneratedPlan): void {
  const cut = (piece: Piece) => {
    if (piece.copy && piece.copy.source.lines.length > 0)
      piece.copy.source = { id: piece.copy.source.id, lines: [], text: '', pieces: [] };
  };
  plan.doc.pieces.forEach(cut);
  for (const line of plan.doc.lines) line.pieces.forEach(cut);
}

/** Makes the plans of one schedule, keeping at most `keep` of them. */
export class PlanMaker {
  private readonly cache = new Map<number, Entry>();
  /** Plans made again after they had left the cache. */
  remade = 0;

  constructor(
    private readonly schedule: Schedule,
    private readonly options: PlanMakerOptions,
  ) {}

  /** Plan `index`, whole: its pieces still point at the documents they copy. */
  plan(index: number): GeneratedPlan {
    return this.entry(index, false).plan;
  }

  /** Plan `index`'s file; kept only when every plan is kept. */
  file(index: number): ArchiveFile {
    const entry = this.entry(index, false);
    if (entry.file) return entry.file;
    const file = planFile(this.schedule.seed, entry.plan, this.options.formats);
    entry.boundaries = boundariesOf(entry.plan, file);
    if (this.options.keep === Infinity) entry.file = file;
    return file;
  }

  /** The file offsets at plan `index`'s piece boundaries. */
  boundaries(index: number): Boundaries {
    const entry = this.entry(index, true);
    if (!entry.boundaries) this.file(index);
    return entry.boundaries!;
  }

  private entry(index: number, asSource: boolean): Entry {
    const cached = this.cache.get(index);
    if (cached) {
      this.cache.delete(index);
      this.cache.set(index, cached);
      return cached;
    }
    // Sources are always written before the plans that copy them: a miss is a plan made again.
    if (asSource) this.remade++;
    const entry: Entry = { plan: this.make(index) };
    // A plan made as another's source is not written now: it needs no links to its own sources.
    if (asSource && this.options.keep !== Infinity) forgetSources(entry.plan);
    this.cache.set(index, entry);
    if (this.cache.size > this.options.keep) {
      const oldest = this.cache.keys().next().value!;
      this.cache.delete(oldest);
    }
    return entry;
  }

  private make(index: number): GeneratedPlan {
    const s = this.schedule;
    const rng = planRandom(s.seed, index, s.directives.length);
    const directive = s.directives[s.directiveOf[index]];
    const date = planDate(s, index);
    const list = s.byDirective[s.directiveOf[index]];
    const peers: PeerList = {
      length: s.peerCount[index],
      at: (k) => (k >= 0 && k < s.peerCount[index] ? this.entry(list[k], true).plan : undefined),
    };
    const unit = makeUnit(rng, directive.province);
    const serial = rng.int(1, 480);
    return buildPlan({
      id: planId(index, s.plans),
      rng,
      directive,
      unit,
      date,
      number: unit.party ? `${serial}-${unit.code}` : `${serial}/${unit.code}`,
      kind: rng.weighted(KIND_WEIGHTS),
      peers,
    });
  }
}
