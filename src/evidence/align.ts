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
  /** 1 where shingle i counts (not boilerplate). */
  counts: Uint8Array;
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
  /** Shortest passage reported, in tokens. */
  minTokens: number;
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

/** Chain runs into passages: in order in both texts, with gaps of at most maxGap tokens. */
function chain(runs: Run[], maxGap: number): Run[] {
  runs.sort((a, b) => a.qStart - b.qStart || b.qEnd - b.qStart - (a.qEnd - a.qStart));
  const passages: Run[] = [];
  for (const run of runs) {
    let merged = false;
    // Try the most recent passages first: runs arrive in query order.
    for (let p = passages.length - 1; p >= 0 && p >= passages.length - 8; p--) {
      const last = passages[p];
      const qGap = run.qStart - last.qEnd;
      const sGap = run.sStart - last.sEnd;
      if (
        qGap <= maxGap &&
        sGap <= maxGap &&
        sGap >= -maxGap &&
        run.sEnd > last.sStart &&
        qGap >= -(last.qEnd - last.qStart)
      ) {
        last.qEnd = Math.max(last.qEnd, run.qEnd);
        last.sEnd = Math.max(last.sEnd, run.sEnd);
        last.sStart = Math.min(last.sStart, run.sStart);
        merged = true;
        break;
      }
    }
    if (!merged) passages.push({ ...run });
  }
  return passages;
}

/**
 * Passages shared by two texts, in token positions, ordered by start in the
 * query and not overlapping there (longer passages win).
 */
export function alignTokens(q: AlignSide, s: AlignSide, options: AlignOptions): TokenPassage[] {
  const passages = chain(diagonalRuns(q, s, options.size), options.maxGap)
    .filter((p) => p.qEnd - p.qStart >= options.minTokens)
    .sort((a, b) => b.qEnd - b.qStart - (a.qEnd - a.qStart) || a.qStart - b.qStart);
  // Keep the query side disjoint: longer passages first, others trimmed or dropped.
  const taken: Run[] = [];
  for (const p of passages) {
    let { qStart, qEnd } = p;
    for (const t of taken) {
      if (t.qEnd <= qStart || t.qStart >= qEnd) continue;
      if (t.qStart <= qStart) qStart = Math.max(qStart, t.qEnd);
      else qEnd = Math.min(qEnd, t.qStart);
    }
    if (qEnd - qStart < options.minTokens) continue;
    // Trim the source side by as much as the query side lost.
    const sStart = p.sStart + Math.max(0, qStart - p.qStart);
    const sEnd = Math.max(sStart + 1, p.sEnd - Math.max(0, p.qEnd - qEnd));
    taken.push({ qStart, qEnd, sStart, sEnd });
  }
  taken.sort((a, b) => a.qStart - b.qStart);
  return taken.map((t) => ({
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
