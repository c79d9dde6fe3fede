/**
 * Copied passages between a checked text and a source: runs of shared
 * shingles on the same diagonal, chained across small gaps (renamed units,
 * changed words) into maximal passages, as character ranges in both texts.
 */
import { fmix32 } from '../sketch/hash.js';
import type { TokenStream } from './token-stream.js';

/** One side of an alignment: its tokens and which of them are boilerplate. */
export interface AlignSide {
  tokens: TokenStream;
  /** 1 for tokens that do not count (frame, ignored patterns). */
  mask: Uint8Array;
  /** Positional shingle hashes (window `size` at each token), NaN-free; see {@link positionalShingles}. */
  shingles: Uint32Array;
  /** 1 where shingle i may be part of a passage (touches no boilerplate token). */
  counts: Uint8Array;
  /**
   * 1 where shingle i is the plan's own content (not a stock phrase of the
   * genre): only these make a stretch long enough to report, but a stock
   * phrase inside a copied stretch is part of its passage. Default: `counts`.
   */
  substance?: Uint8Array;
}

/** A passage in token positions (end exclusive). */
export interface TokenPassage {
  start: number;
  end: number;
  sourceStart: number;
  sourceEnd: number;
}

export interface AlignOptions {
  /** Tokens per shingle. */
  size: number;
  /** Largest gap, in tokens, bridged between two runs of one passage. */
  maxGap: number;
  /** Shortest copied stretch reported, in tokens. */
  minTokens: number;
  /**
   * Whether the query's boilerplate between token `end - 1` and token `start`
   * separates two passages (a heading on its own line does; a citation inside
   * a sentence does not). Default: any boilerplate separates.
   */
  separates?: (end: number, start: number) => boolean;
}

interface Run {
  qStart: number;
  qEnd: number;
  sStart: number;
  sEnd: number;
}

/**
 * Runs of shared shingles on one diagonal (same offset between the texts),
 * as token ranges. Each shingle position of the query is paired with every
 * position of the source that has the same hash.
 */
function diagonalRuns(q: AlignSide, s: AlignSide, size: number): Run[] {
  // Source shingle positions by hash: an open-addressing table over a chain array.
  const m = s.shingles.length;
  const tableSize = 1 << Math.ceil(Math.log2(Math.max(16, m * 2)));
  const keys = new Uint32Array(tableSize);
  const heads = new Int32Array(tableSize).fill(-1);
  const chain = new Int32Array(m).fill(-1);
  const mask = tableSize - 1;
  for (let j = 0; j < m; j++) {
    if (s.counts[j] === 0) continue;
    const key = s.shingles[j];
    let slot = fmix32(key) & mask;
    while (heads[slot] !== -1 && keys[slot] !== key) slot = (slot + 1) & mask;
    keys[slot] = key;
    chain[j] = heads[slot];
    heads[slot] = j;
  }
  const runs: Run[] = [];
  // The open run of each diagonal: diagonal → index in runs.
  const open = new Map<number, number>();
  for (let i = 0; i < q.shingles.length; i++) {
    if (q.counts[i] === 0) continue;
    const key = q.shingles[i];
    let slot = fmix32(key) & mask;
    while (heads[slot] !== -1 && keys[slot] !== key) slot = (slot + 1) & mask;
    for (let j = heads[slot]; j !== -1; j = chain[j]) {
      const diagonal = j - i;
      const at = open.get(diagonal);
      const run = at === undefined ? undefined : runs[at];
      if (run && run.qEnd >= i + size - 1) {
        run.qEnd = i + size;
        run.sEnd = j + size;
      } else {
        open.set(diagonal, runs.length);
        runs.push({ qStart: i, qEnd: i + size, sStart: j, sEnd: j + size });
      }
    }
  }
  return runs;
}

/** Masked tokens before each position: `prefix[k]` counts masked tokens in [0, k). */
function maskPrefix(mask: Uint8Array): Int32Array {
  const prefix = new Int32Array(mask.length + 1);
  for (let k = 0; k < mask.length; k++) prefix[k + 1] = prefix[k] + mask[k];
  return prefix;
}

/** A chain of runs that belong to one copied stretch, in query order. */
interface Chain {
  runs: Run[];
  qEnd: number;
  sStart: number;
  sEnd: number;
}

/**
 * Chain runs into copied stretches: in order in both texts, with gaps of at
 * most maxGap tokens that count (boilerplate between two runs, such as a
 * section heading, is not a gap).
 */
function chain(runs: Run[], maxGap: number, qMasked: Int32Array, sMasked: Int32Array): Chain[] {
  runs.sort((a, b) => a.qStart - b.qStart || b.qEnd - b.qStart - (a.qEnd - a.qStart));
  const chains: Chain[] = [];
  // Chains that may still grow: runs arrive in query order, so a chain that ends too far back is done.
  let active: Chain[] = [];
  for (const run of runs) {
    active = active.filter(
      (c) =>
        run.qStart - c.qEnd <= maxGap + qMasked[run.qStart] - qMasked[Math.min(c.qEnd, run.qStart)],
    );
    let best: Chain | undefined;
    let bestCost = Infinity;
    for (const c of active) {
      const qGap =
        run.qStart -
        c.qEnd -
        Math.max(0, qMasked[run.qStart] - qMasked[Math.min(c.qEnd, run.qStart)]);
      const sGap =
        run.sStart >= c.sEnd
          ? run.sStart - c.sEnd - (sMasked[run.sStart] - sMasked[c.sEnd])
          : run.sStart - c.sEnd;
      const length = c.qEnd - c.runs[0].qStart;
      if (
        qGap > maxGap ||
        qGap < -length ||
        sGap > maxGap ||
        sGap < -maxGap ||
        run.sEnd <= c.sStart
      )
        continue;
      // Prefer the chain that keeps the two texts most in step, then the nearest.
      const cost = Math.abs(sGap - qGap) * 4 + Math.abs(qGap);
      if (cost < bestCost) {
        best = c;
        bestCost = cost;
      }
    }
    if (best) {
      best.runs.push(run);
      best.qEnd = Math.max(best.qEnd, run.qEnd);
      best.sEnd = Math.max(best.sEnd, run.sEnd);
      best.sStart = Math.min(best.sStart, run.sStart);
    } else {
      const c = { runs: [run], qEnd: run.qEnd, sStart: run.sStart, sEnd: run.sEnd };
      chains.push(c);
      active.push(c);
    }
  }
  return chains;
}

/** The runs of a chain grouped into passages: split where boilerplate lies between them in the query. */
function splitAtBoilerplate(
  c: Chain,
  qMasked: Int32Array,
  separates: AlignOptions['separates'],
): Run[][] {
  const groups: Run[][] = [];
  let qEnd = -1;
  for (const run of c.runs) {
    const group = groups[groups.length - 1];
    const split =
      group === undefined ||
      (run.qStart > qEnd &&
        qMasked[run.qStart] > qMasked[qEnd] &&
        (separates === undefined || separates(qEnd, run.qStart)));
    if (split) groups.push([{ ...run }]);
    else group.push({ ...run });
    qEnd = split ? run.qEnd : Math.max(qEnd, run.qEnd);
  }
  return groups;
}

/** A passage from a group of runs: from the first run's start to the furthest end, in both texts. */
function mergedPassage(runs: Run[]): Run {
  const out: Run = { ...runs[0] };
  for (let k = 1; k < runs.length; k++) {
    out.qEnd = Math.max(out.qEnd, runs[k].qEnd);
    out.sStart = Math.min(out.sStart, runs[k].sStart);
    out.sEnd = Math.max(out.sEnd, runs[k].sEnd);
  }
  return out;
}

/**
 * Passages shared by two texts, in token positions, ordered by start in the
 * query and not overlapping there (longer passages win). A copied stretch
 * counts when its passages together reach `minTokens`; passages never
 * include boilerplate tokens.
 */
export function alignTokens(q: AlignSide, s: AlignSide, options: AlignOptions): TokenPassage[] {
  const qMasked = maskPrefix(q.mask);
  const sMasked = maskPrefix(s.mask);
  const substance = maskPrefix(q.substance ?? q.counts);
  const size = options.size;
  const passages: Run[] = [];
  for (const c of chain(diagonalRuns(q, s, size), options.maxGap, qMasked, sMasked)) {
    const parts = splitAtBoilerplate(c, qMasked, options.separates).map(mergedPassage);
    // Tokens of the plan's own content in the stretch: its substantive shingles, plus the tail of the last.
    let length = 0;
    for (const part of parts) {
      const last = Math.min(substance.length - 1, Math.max(part.qStart, part.qEnd - size + 1));
      const shingles = substance[last] - substance[Math.min(part.qStart, last)];
      if (shingles > 0) length += shingles + size - 1;
    }
    if (length >= options.minTokens) passages.push(...parts);
  }
  passages.sort((a, b) => b.qEnd - b.qStart - (a.qEnd - a.qStart) || a.qStart - b.qStart);
  // Keep the query side disjoint: longer passages first, others trimmed or dropped.
  const taken: Run[] = [];
  for (const p of passages) {
    let { qStart, qEnd } = p;
    for (const t of taken) {
      if (t.qEnd <= qStart || t.qStart >= qEnd) continue;
      if (t.qStart <= qStart) qStart = Math.max(qStart, t.qEnd);
      else qEnd = Math.min(qEnd, t.qStart);
    }
    if (qEnd - qStart < options.size) continue;
    // Trim the source side by as much as the query side lost.
    const sStart = p.sStart + Math.max(0, qStart - p.qStart);
    const sEnd = Math.max(sStart + 1, p.sEnd - Math.max(0, p.qEnd - qEnd));
    taken.push({ qStart, qEnd, sStart, sEnd });
  }
  taken.sort((a, b) => a.qStart - b.qStart);
  // Maximal runs: passages that continue each other in both texts are one.
  const merged: Run[] = [];
  for (const t of taken) {
    const last = merged[merged.length - 1];
    if (last && last.qEnd === t.qStart && last.sEnd === t.sStart) {
      last.qEnd = t.qEnd;
      last.sEnd = t.sEnd;
    } else merged.push(t);
  }
  return merged.map((t) => ({
    start: t.qStart,
    end: t.qEnd,
    sourceStart: t.sStart,
    sourceEnd: t.sEnd,
  }));
}

/** Positional shingle hashes of a token stream and which of them count (none touching a masked token). */
export function shingleCounts(mask: Uint8Array, count: number, size: number): Uint8Array {
  const width = Math.min(size, count);
  const n = count === 0 ? 0 : count - width + 1;
  const counts = new Uint8Array(n);
  let masked = 0;
  for (let k = 0; k < width; k++) masked += mask[k];
  for (let i = 0; i < n; i++) {
    counts[i] = masked === 0 ? 1 : 0;
    if (i + width < count) masked += mask[i + width] - mask[i];
  }
  return counts;
}
