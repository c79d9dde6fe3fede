/**
 * Makes the plans of a schedule one at a time. A plan needs the plans it copies
 * from; what it reads of them is kept, compactly, in a bounded cache, and a plan
 * that has left it is made again from its seed when it is asked for (the same
 * draws give the same plan), so memory does not grow with the archive.
 */
import { applyDamage, chooseDamage } from './damage/damage.js';
import type { ArchiveFile, Format } from './archive.js';
import { type KeptPlan, keepPlan, sourceOf } from './kept.js';
import {
  type GeneratedPlan,
  KIND_WEIGHTS,
  type PeerList,
  type SourcePlan,
  buildPlan,
} from './plan.js';
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
  /** The whole plan, when every plan is kept. */
  plan?: GeneratedPlan;
  /** What its copiers read of it, when not. */
  kept?: KeptPlan;
  /** Only for files that move a boundary, when not every plan is kept. */
  boundaries?: Boundaries;
  file?: ArchiveFile;
}

export interface PlanMakerOptions {
  formats: Format[];
  /** How many plans to keep for their copiers (compactly); Infinity keeps every plan whole, and its file. */
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

/** True when every boundary is at the same offset in the file as in the clean text. */
function isPlain(b: Boundaries): boolean {
  for (let i = 0; i < b.clean.length; i++) if (b.clean[i] !== b.file[i]) return false;
  return true;
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

/** Makes the plans of one schedule, keeping at most `keep` of them. */
export class PlanMaker {
  private readonly cache = new Map<number, Entry>();
  /**
   * By plan index: 1 once its file is known to keep every piece boundary at its
   * clean offset (most files), so that a source made again needs no file.
   */
  private readonly plain: Uint8Array;
  /** The plan last made by `plan`, whole, when not every plan is kept. */
  private current?: { index: number; plan: GeneratedPlan };
  /** Plans made again because they had left the cache. */
  remade = 0;

  constructor(
    private readonly schedule: Schedule,
    private readonly options: PlanMakerOptions,
  ) {
    this.plain = new Uint8Array(schedule.plans);
  }

  /**
   * Plan `index`, whole: its pieces point at the documents they copy (or, when
   * not every plan is kept, at views of them with the same text and pieces).
   */
  plan(index: number): GeneratedPlan {
    if (this.keepsAll) return this.whole(index).plan!;
    if (this.current?.index === index) return this.current.plan;
    const plan = this.make(index);
    this.current = { index, plan };
    const cached = this.touch(index);
    if (cached) cached.kept = keepPlan(plan);
    else this.store(index, { kept: keepPlan(plan) });
    return plan;
  }

  /** Plan `index`'s file; kept only when every plan is kept. */
  file(index: number): ArchiveFile {
    const entry = this.keepsAll ? this.whole(index) : undefined;
    if (entry?.file) return entry.file;
    const plan = this.plan(index);
    const file = planFile(this.schedule.seed, plan, this.options.formats);
    const boundaries = boundariesOf(plan, file);
    const plain = isPlain(boundaries);
    if (plain) this.plain[index] = 1;
    if (entry) {
      entry.boundaries = boundaries;
      entry.file = file;
    } else if (!plain) {
      const cached = this.cache.get(index);
      if (cached) cached.boundaries = boundaries;
    }
    return file;
  }

  /** The file offsets at plan `index`'s piece boundaries. */
  boundaries(index: number): Boundaries {
    if (this.keepsAll) {
      const entry = this.whole(index);
      if (!entry.boundaries) this.file(index);
      return entry.boundaries!;
    }
    const cached = this.touch(index);
    return cached?.boundaries ?? this.remake(index, cached, true).boundaries!;
  }

  /**
   * Where clean offset `at` of plan `index` (a piece boundary) lands in its
   * file: the same as `fileOffset(this.boundaries(index), at)`, without making
   * the plan or its file again when its file is known to keep its boundaries.
   */
  sourceOffset(index: number, at: number): number {
    if (this.plain[index] === 1) return at;
    return fileOffset(this.boundaries(index), at);
  }

  private get keepsAll(): boolean {
    return this.options.keep === Infinity;
  }

  /** Plan `index` as the plans that copy it read it. */
  private source(index: number): SourcePlan {
    if (this.keepsAll) return this.whole(index).plan!;
    const cached = this.touch(index);
    return sourceOf(cached?.kept ?? this.remake(index, cached, false).kept!);
  }

  /**
   * Plan `index` made again for a plan that copies it (sources are always
   * written before their copiers, so it had left the cache): its kept form
   * and, with `withBoundaries`, its file's boundaries, cached.
   */
  private remake(index: number, cached: Entry | undefined, withBoundaries: boolean): Entry {
    this.remade++;
    const plan = this.make(index);
    const entry = cached ?? {};
    entry.kept ??= keepPlan(plan);
    if (withBoundaries) {
      entry.boundaries = boundariesOf(
        plan,
        planFile(this.schedule.seed, plan, this.options.formats),
      );
      if (isPlain(entry.boundaries)) this.plain[index] = 1;
    }
    if (!cached) this.store(index, entry);
    return entry;
  }

  /** The entry of plan `index` when every plan is kept, made when first asked for. */
  private whole(index: number): Entry {
    const cached = this.cache.get(index);
    if (cached) return cached;
    const entry: Entry = { plan: this.make(index) };
    this.cache.set(index, entry);
    return entry;
  }

  /** The cached entry of plan `index`, now the most recently used. */
  private touch(index: number): Entry | undefined {
    const cached = this.cache.get(index);
    if (cached) {
      this.cache.delete(index);
      this.cache.set(index, cached);
    }
    return cached;
  }

  /** Cache `entry`, forgetting the least recently used one beyond `keep`. */
  private store(index: number, entry: Entry): void {
    this.cache.set(index, entry);
    if (this.cache.size > this.options.keep) {
      const oldest = this.cache.keys().next().value!;
      this.cache.delete(oldest);
    }
  }

  private make(index: number): GeneratedPlan {
    const s = this.schedule;
    const rng = planRandom(s.seed, index, s.directives.length);
    const directive = s.directives[s.directiveOf[index]];
    const date = planDate(s, index);
    const list = s.byDirective[s.directiveOf[index]];
    // One view of each source per plan: its passages are merged by source document.
    const seen = new Map<number, SourcePlan>();
    const peers: PeerList = {
      length: s.peerCount[index],
      at: (k) => {
        if (k < 0 || k >= s.peerCount[index]) return undefined;
        let source = seen.get(k);
        if (!source) {
          source = this.source(list[k]);
          seen.set(k, source);
        }
        return source;
      },
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
