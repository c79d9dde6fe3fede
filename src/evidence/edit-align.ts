/**
 * Copied passages across the copier's edits: a region of the plan aligned
 * with a region of a source although words were substituted, inserted or
 * dropped, names, numbers and dates changed and lines moved.
 *
 * Seeds are exact matches of three syllables, grown into maximal runs on
 * their diagonal; runs are chained in order in both texts (sparse dynamic
 * programming, as read mappers chain seeds) with a cost for each skipped
 * syllable and for each syllable by which the two sides drift apart. A chain
 * is a passage when it holds `minTokens` syllables of the plan's own content
 * and at least half of them are matched: a copy with a word changed every
 * five keeps its shape, two stock phrases a line apart do not.
 *
 * Boilerplate tokens (the frame) are left out on both sides, so a citation or
 * a heading between two copied stretches is no gap. Work is linear in the
 * texts' lengths: a seed that occurs more than {@link MAX_SEED_OCCURRENCES}
 * times in the source only extends runs that other seeds started.
 */
import { fmix32, murmurStep } from '../sketch/hash.js';
import { NUMBER_TOKEN_HASH } from '../text/token-hash.js';
import type {
  AlignedPassage,
  Compressed,
  EditAlignOptions,
  EditAlignQuery,
  EditAlignSide,
  EditType,
  Runs,
  TokenEdit,
} from './align-types.js';
import { editType, onlyNamesAndNumbers } from './edit-types.js';
import { cutStretch } from './passage-cuts.js';
import { float64Scratch, int32Scratch, uint32Scratch, uint8Scratch } from './scratch.js';
import { findTitles, lineBreakBetween, titlesDiffer } from './titles.js';

export type {
  AlignedPassage,
  EditAlignOptions,
  EditAlignQuery,
  EditAlignSide,
  EditType,
  TokenEdit,
} from './align-types.js';

/** Syllables of a seed. */
const SEED = 3;
/** A seed found more often than this in the source does not start runs (it still extends them). */
export const MAX_SEED_OCCURRENCES = 16;
/** Runs a plan position may hold open at once (bounds repetitive text). */
const MAX_OPEN_RUNS = 256;
/** How far a new run is grown backwards, in tokens. */
const MAX_BACK_EXTENSION = 64;
/** Largest gap bridged between two runs of one chain, in tokens of either side. */
const MAX_GAP = 12;
/** Earlier runs looked at for each run's predecessor. */
const LOOKBACK = 96;
/** Cost of each syllable skipped, and of each syllable by which the sides drift apart. */
const GAP_COST = 0.5;
const DRIFT_COST = 1;
/**
 * Least share of a stretch's own tokens that must be matched: 90% for a
 * stretch of minTokens (one sentence that two honest plans of one template
 * share with a word or two changed is not a copy), falling to 50% from
 * twice minTokens on (a copied section with a word changed every five is).
 */
function matchedShareNeeded(own: number, minTokens: number): number {
  const shortness = Math.min(1, Math.max(0, (2 * minTokens - own) / minTokens));
  return LONG_MATCHED_SHARE + (SHORT_MATCHED_SHARE - LONG_MATCHED_SHARE) * shortness;
}
const LONG_MATCHED_SHARE = 0.5;
/**
 * A stretch shorter than twice minTokens also needs a core of this share of
 * it that only names and numbers interrupt: a copied sentence with its unit
 * renamed has one, two template sentences strung together with their slots
 * filled with other words do not.
 */
const CORE_SHARE = 0.6;
/** A shorter piece of a source already shown to be copied: its share of minTokens, and of matched tokens. */
const SHORT_SHARE = 0.4;
const SHORT_MATCHED_SHARE = 0.9;
/** Own tokens, in minTokens, of a run of adjacent pieces that makes its short pieces count. */
const CLUSTER_TOKENS = 2;
/** Plan tokens between two pieces that still stand next to each other. */
const ADJACENT = 2;

/** A source's compressed arrays, reused: a source's compressed form lives for one alignment. */
const SOURCE = {
  positions: int32Scratch(),
  hashes: uint32Scratch(),
  headings: uint8Scratch(),
  headingsBefore: int32Scratch(),
  titles: int32Scratch(),
  seedKeys: uint32Scratch(),
};

/** The unmasked tokens of a side; `scratch` (for a source) puts them in reused arrays. */
function compress(side: EditAlignSide, scratch?: typeof SOURCE): Compressed {
  const { tokens, mask } = side;
  let n = 0;
  for (let t = 0; t < tokens.count; t++) if (mask[t] === 0) n++;
  const positions = scratch ? scratch.positions.take(n, 0) : new Int32Array(n);
  const hashes = scratch ? scratch.hashes.take(n, 0) : new Uint32Array(n);
  for (let t = 0, c = 0; t < tokens.count; t++) {
    if (mask[t] !== 0) continue;
    positions[c] = t;
    hashes[c++] = tokens.hashes[t];
  }
  const headings = scratch ? scratch.headings.take(n, 0) : new Uint8Array(n);
  const headingsBefore = scratch ? scratch.headingsBefore.take(n + 1, 0) : new Int32Array(n + 1);
  for (let c = 0; c < n; c++) {
    const from = c === 0 ? 0 : positions[c - 1] + 1;
    if (positions[c] > from && onLinesOfTheirOwn(side, from, positions[c])) headings[c] = 1;
    headingsBefore[c + 1] = headingsBefore[c] + headings[c];
  }
  const at = scratch ? scratch.titles.take(n, 0) : new Int32Array(n);
  return { positions, hashes, headings, headingsBefore, titles: findTitles(side, positions, at) };
}

/** Whether masked tokens [from, to) begin and end lines: a heading, not a citation inside a sentence. */
function onLinesOfTheirOwn(side: EditAlignSide, from: number, to: number): boolean {
  const { text, tokens } = side;
  const lineBreak = (a: number, b: number) => lineBreakBetween(text, a, b);
  const before = from === 0 || lineBreak(tokens.ends[from - 1], tokens.starts[from]);
  const after = to >= tokens.count || lineBreak(tokens.ends[to - 1], tokens.starts[to]);
  return before && after;
}

/**
 * Whether the two sides disagree on a heading between compressed tokens
 * [qFrom, qTo] of the plan and [sFrom, sTo] of the source: one has a
 * heading there, the other none, or each has a numbered sub-heading and
 * they are other titles. A copy keeps the source's sections; two
 * plans of one template that share sentences across a heading that only one
 * of them has do not copy each other there.
 */
function headingsDisagree(
  q: Compressed,
  qFrom: number,
  qTo: number,
  s: Compressed,
  sFrom: number,
  sTo: number,
): boolean {
  const inPlan = q.headingsBefore[qTo + 1] - q.headingsBefore[qFrom] > 0;
  const inSource = s.headingsBefore[sTo + 1] - s.headingsBefore[sFrom] > 0;
  if (inPlan !== inSource) return true;
  const planTitle = titleIn(q, qFrom, qTo);
  const sourceTitle = titleIn(s, sFrom, sTo);
  return planTitle !== 0 && sourceTitle !== 0 && differ(q, planTitle, s, sourceTitle);
}

/** 1 + the index of the last numbered sub-heading before compressed tokens [from, to], 0 if none. */
function titleIn(c: Compressed, from: number, to: number): number {
  const at = c.titles.at;
  for (let k = Math.min(to, at.length - 1); k >= from; k--) if (at[k] !== 0) return at[k];
  return 0;
}

/** Whether title a - 1 of the plan and title b - 1 of the source are other titles. */
function differ(q: Compressed, a: number, s: Compressed, b: number): boolean {
  return titlesDiffer(q.titles.words[a - 1], s.titles.words[b - 1]);
}

function seedKeys(hashes: Uint32Array, into?: Uint32Array): Uint32Array {
  const n = Math.max(0, hashes.length - SEED + 1);
  const keys = into ? into.subarray(0, n) : new Uint32Array(n);
  for (let c = 0; c < n; c++) {
    let h = murmurStep(0x5a0c4e9, hashes[c]);
    h = murmurStep(h, hashes[c + 1]);
    keys[c] = fmix32(murmurStep(h, hashes[c + 2]));
  }
  return keys;
}

/** The seed table's arrays, reused (see scratch.ts). */
const TABLE = {
  keys: uint32Scratch(),
  heads: int32Scratch(),
  counts: uint8Scratch(),
  chain: int32Scratch(),
};

/**
 * Source seed positions by key: open addressing over a chain array, with each
 * key's count (saturating at 255: only counts up to {@link MAX_SEED_OCCURRENCES} matter).
 */
class SeedTable {
  readonly keys: Uint32Array;
  readonly heads: Int32Array;
  readonly counts: Uint8Array;
  readonly chain: Int32Array;
  private readonly mask: number;

  constructor(keys: Uint32Array) {
    const size = 1 << Math.ceil(Math.log2(Math.max(16, keys.length * 2)));
    this.mask = size - 1;
    this.keys = TABLE.keys.take(size, 0);
    this.heads = TABLE.heads.take(size, -1);
    this.counts = TABLE.counts.take(size, 0);
    this.chain = TABLE.chain.take(keys.length, -1);
    // Inserted backwards so that each chain lists positions in ascending order.
    for (let j = keys.length - 1; j >= 0; j--) {
      const slot = this.slotOf(keys[j]);
      this.keys[slot] = keys[j];
      this.chain[j] = this.heads[slot];
      this.heads[slot] = j;
      if (this.counts[slot] < 255) this.counts[slot]++;
    }
  }

  slotOf(key: number): number {
    let slot = fmix32(key) & this.mask;
    while (this.heads[slot] !== -1 && this.keys[slot] !== key) slot = (slot + 1) & this.mask;
    return slot;
  }
}

/** findRuns' arrays, reused: the runs live until the next alignment. */
const RUNS = {
  q: int32Scratch(),
  s: int32Scratch(),
  length: int32Scratch(),
  open: int32Scratch(),
  next: int32Scratch(),
  diagonals: int32Scratch(),
};

function findRuns(q: Compressed, qKeys: Uint32Array, s: Compressed): Runs {
  const qh = q.hashes;
  const sh = s.hashes;
  // A run never crosses a heading that only one side has, nor two sub-headings that are other titles.
  const qHeadings = q.headings;
  const sHeadings = s.headings;
  const qTitles = q.titles.at;
  const sTitles = s.titles.at;
  const same = (i: number, j: number) =>
    qHeadings[i] === sHeadings[j] &&
    (qTitles[i] === 0 || sTitles[j] === 0 || !differ(q, qTitles[i], s, sTitles[j]));
  const table = new SeedTable(seedKeys(sh, SOURCE.seedKeys.keep(sh.length)));
  let capacity = 64;
  let rq = RUNS.q.keep(capacity);
  let rs = RUNS.s.keep(capacity);
  let rl = RUNS.length.keep(capacity);
  let count = 0;
  let open = RUNS.open.take(MAX_OPEN_RUNS, 0);
  let next = RUNS.next.take(MAX_OPEN_RUNS, 0);
  let openCount = 0;
  // Diagonal (j - i + offset) → 1 + the plan position at which a run on it was last extended or started.
  const offset = qh.length;
  const diagonalSeen = RUNS.diagonals.take(qh.length + sh.length + 1, 0);
  let lastDiagonal = 0;
  let budget = 4 * (qh.length + sh.length);
  for (let i = 0; i < qKeys.length; i++) {
    let nextCount = 0;
    const last = i + SEED - 1;
    for (let o = 0; o < openCount; o++) {
      const r = open[o];
      const j = rs[r] + rl[r];
      if (rq[r] + rl[r] === last && j < sh.length && sh[j] === qh[last] && same(last, j)) {
        rl[r]++;
        next[nextCount++] = r;
        diagonalSeen[rs[r] - rq[r] + offset] = i + 1;
      }
    }
    const slot = table.slotOf(qKeys[i]);
    const occurrences = table.counts[slot];
    let first = -1;
    if (occurrences > 0 && occurrences <= MAX_SEED_OCCURRENCES) first = table.heads[slot];
    else if (occurrences > 0 && nextCount === 0 && budget > 0) {
      // A frequent seed where no run is open (repetitive text): start from the occurrences at or
      // after the last diagonal, within a budget of chain steps that keeps the work linear.
      first = table.heads[slot];
      const from = i + lastDiagonal - MAX_GAP;
      while (first !== -1 && first < from && budget > 0) {
        first = table.chain[first];
        budget--;
      }
    }
    if (first !== -1) {
      let taken = 0;
      for (
        let j = first;
        j !== -1 && nextCount < MAX_OPEN_RUNS && taken < MAX_SEED_OCCURRENCES;
        j = table.chain[j]
      ) {
        taken++;
        const diagonal = j - i + offset;
        if (diagonalSeen[diagonal] === i + 1) continue;
        if (qh[i] !== sh[j] || qh[i + 1] !== sh[j + 1] || qh[i + 2] !== sh[j + 2]) continue;
        if (!same(i + 1, j + 1) || !same(i + 2, j + 2)) continue;
        // A run whose start was a frequent seed: grow it back to where the two texts differ.
        let back = 0;
        while (
          back < MAX_BACK_EXTENSION &&
          i - back > 0 &&
          j - back > 0 &&
          qh[i - back - 1] === sh[j - back - 1] &&
          same(i - back, j - back) &&
          diagonalSeen[diagonal] !== i - back
        )
          back++;
        if (count === capacity) {
          capacity *= 2;
          rq = RUNS.q.keep(capacity);
          rs = RUNS.s.keep(capacity);
          rl = RUNS.length.keep(capacity);
        }
        lastDiagonal = j - i;
        rq[count] = i - back;
        rs[count] = j - back;
        rl[count] = SEED + back;
        diagonalSeen[diagonal] = i + 1;
        next[nextCount++] = count++;
      }
    }
    [open, next] = [next, open];
    openCount = nextCount;
  }
  return { q: rq, s: rs, length: rl, count };
}

/** Cost of going from a run ending at (qEnd, sEnd) to one starting at (qStart, sStart). */
function gapCost(dq: number, ds: number): number {
  const gq = Math.max(0, dq);
  const gs = Math.max(0, ds);
  return GAP_COST * Math.max(gq, gs) + DRIFT_COST * Math.abs(gq - gs);
}

/**
 * Indices of `score`, highest score first, ties in index order. Scores are
 * sums of whole lengths and half-syllable gap costs: twice each is a whole
 * number, and (top - 2 × score) × n + index sorts them as numbers, without
 * a comparator call per comparison. Any other score falls back to one.
 */
function bestFirst(score: Float64Array): Int32Array {
  const n = score.length;
  const out = CHAINS.byScore.take(n, 0);
  let top = 0;
  let whole = true;
  for (let t = 0; t < n; t++) {
    const doubled = 2 * score[t];
    if (!Number.isInteger(doubled)) whole = false;
    if (doubled > top) top = doubled;
  }
  if (whole && (top + 1) * n < Number.MAX_SAFE_INTEGER) {
    const keys = CHAINS.sortKeys.take(n, 0);
    for (let t = 0; t < n; t++) keys[t] = (top - 2 * score[t]) * n + t;
    keys.sort();
    for (let k = 0; k < n; k++) out[k] = keys[k] % n;
    return out;
  }
  for (let t = 0; t < n; t++) out[t] = t;
  out.sort((a, b) => score[b] - score[a] || a - b);
  return out;
}

/** Run indices in plan order, then source order, then index. */
function planOrder(runs: Runs): Int32Array {
  const n = runs.count;
  const order = CHAINS.order.take(n, 0);
  let qEnd = 0;
  let sEnd = 0;
  for (let k = 0; k < n; k++) {
    qEnd = Math.max(qEnd, runs.q[k] + 1);
    sEnd = Math.max(sEnd, runs.s[k] + 1);
  }
  // (q × sEnd + s) × n + k sorts as a number, without a comparator call per comparison.
  if (qEnd * sEnd * n < Number.MAX_SAFE_INTEGER) {
    const keys = CHAINS.sortKeys.take(n, 0);
    for (let k = 0; k < n; k++) keys[k] = (runs.q[k] * sEnd + runs.s[k]) * n + k;
    keys.sort();
    for (let t = 0; t < n; t++) order[t] = keys[t] % n;
    return order;
  }
  for (let k = 0; k < n; k++) order[k] = k;
  order.sort((a, b) => runs.q[a] - runs.q[b] || runs.s[a] - runs.s[b] || a - b);
  return order;
}

/** chainRuns' arrays, reused; sortKeys serves planOrder, then bestFirst. */
const CHAINS = {
  order: int32Scratch(),
  sortKeys: float64Scratch(),
  score: float64Scratch(),
  pred: int32Scratch(),
  reach: int32Scratch(),
  byScore: int32Scratch(),
  used: uint8Scratch(),
};

/**
 * Chains of runs, each in order in both texts, best first, as arrays of run
 * indices. Each run is in one chain at most.
 */
function chainRuns(runs: Runs, q: Compressed, s: Compressed): number[][] {
  const n = runs.count;
  const order = planOrder(runs);
  const score = CHAINS.score.take(n, 0);
  const pred = CHAINS.pred.take(n, -1);
  // reach[t]: the furthest plan end of the runs at order positions 0…t.
  const reach = CHAINS.reach.take(n, 0);
  for (let t = 0; t < n; t++) {
    const r = order[t];
    const end = runs.q[r] + runs.length[r];
    reach[t] = t > 0 && reach[t - 1] > end ? reach[t - 1] : end;
  }
  for (let t = 0; t < n; t++) {
    const a = order[t];
    const qa = runs.q[a];
    const sa = runs.s[a];
    const la = runs.length[a];
    let best = la;
    for (let u = t - 1; u >= 0 && u >= t - LOOKBACK; u--) {
      // Once every run from here back ends more than a gap before this one, none can precede it.
      if (qa - reach[u] > MAX_GAP) break;
      const b = order[u];
      const qb = runs.q[b];
      const sb = runs.s[b];
      if (qb >= qa || sb >= sa) continue;
      const dq = qa - (qb + runs.length[b]);
      const ds = sa - (sb + runs.length[b]);
      if (dq > MAX_GAP || ds > MAX_GAP) continue;
      const overlap = Math.max(0, -dq, -ds);
      const gain = la - overlap;
      if (gain <= 0) continue;
      const from = runs.length[b];
      if (headingsDisagree(q, qb + from, qa + overlap, s, sb + from, sa + overlap)) continue;
      const value = score[u] + gain - gapCost(dq, ds);
      if (value > best) {
        best = value;
        pred[t] = u;
      }
    }
    score[t] = best;
  }
  const byScore = bestFirst(score);
  const used = CHAINS.used.take(n, 0);
  const chains: number[][] = [];
  for (let k = 0; k < n; k++) {
    const t = byScore[k];
    if (used[t] === 1) continue;
    const path: number[] = [];
    let u = t;
    while (u !== -1 && used[u] === 0) {
      used[u] = 1;
      path.push(order[u]);
      u = pred[u];
    }
    path.reverse();
    chains.push(path);
  }
  return chains;
}

/**
 * Drop weak runs at the ends of a chain: a short run beyond a gap longer than
 * itself (or, where the sides drift apart, beyond a costly gap) is more
 * likely a common phrase next to the copy than part of it.
 */
function trimChain(chain: number[], runs: Runs): number[] {
  let first = 0;
  let last = chain.length - 1;
  const weak = (end: number, neighbour: number, before: boolean) => {
    const [b, a] = before ? [end, neighbour] : [neighbour, end];
    const dq = runs.q[a] - (runs.q[b] + runs.length[b]);
    const ds = runs.s[a] - (runs.s[b] + runs.length[b]);
    const length = runs.length[end];
    if (length > 2 * SEED) return false;
    // Words substituted one for one keep both sides in step: a run beyond them is the copy's own.
    return dq === ds ? length < dq : length < 2 * gapCost(dq, ds) + 2;
  };
  while (last > first && weak(chain[first], chain[first + 1], true)) first++;
  while (last > first && weak(chain[last], chain[last - 1], false)) last--;
  return chain.slice(first, last + 1);
}

/** Whether two tokens that hash alike differ as written (numbers all hash alike). */
function numberChanged(q: EditAlignSide, t: number, s: EditAlignSide, u: number): boolean {
  if (q.tokens.hashes[t] !== NUMBER_TOKEN_HASH) return false;
  return (
    q.text.slice(q.tokens.starts[t], q.tokens.ends[t]) !==
    s.text.slice(s.tokens.starts[u], s.tokens.ends[u])
  );
}

/** Plan-side view of a compressed range, in token positions. */
function span(c: Compressed, from: number, to: number, count: number): [number, number] {
  if (from < to) return [c.positions[from], c.positions[to - 1] + 1];
  const at = from < c.positions.length ? c.positions[from] : count;
  return [at, at];
}

/** The compressed plan range that runs (in chain order) span, and which of its tokens they match. */
interface Matched {
  qFrom: number;
  qTo: number;
  /** matched[c - qFrom] = 1 where plan token c is matched: in a run, or equal in a gap of equal sides. */
  matched: Uint8Array;
}

/** An alignment's plan-side flags, reused: `matched` lives while one chain is weighed. */
const ALIGNMENT = { matched: uint8Scratch(), taken: uint8Scratch() };

/** The plan tokens that the given runs (in chain order) match, gaps of substituted words included. */
function matchedOf(parts: number[], runs: Runs, qc: Compressed, sc: Compressed): Matched {
  const qFrom = runs.q[parts[0]];
  let qTo = qFrom;
  for (const r of parts) qTo = Math.max(qTo, runs.q[r] + runs.length[r]);
  const matched = ALIGNMENT.matched.take(qTo - qFrom, 0);
  let qEnd = -1;
  let sEnd = -1;
  for (const r of parts) {
    const rq = runs.q[r];
    const rs = runs.s[r];
    const rl = runs.length[r];
    const skip = qEnd < 0 ? 0 : Math.max(0, qEnd - rq, sEnd - rs);
    if (qEnd >= 0 && rq - rs === qEnd - sEnd)
      for (let k = 0; k < rq + skip - qEnd; k++)
        if (qc.hashes[qEnd + k] === sc.hashes[sEnd + k]) matched[qEnd + k - qFrom] = 1;
    matched.fill(1, rq + skip - qFrom, rq + rl - qFrom);
    qEnd = Math.max(qEnd, rq + rl);
    sEnd = Math.max(sEnd, rs + rl);
  }
  return { qFrom, qTo, matched };
}

/** Edits inside a passage made of the given runs (in chain order), in token positions. */
function editsOf(
  parts: number[],
  runs: Runs,
  q: EditAlignQuery,
  qc: Compressed,
  s: EditAlignSide,
  sc: Compressed,
  { qFrom, qTo }: Matched,
): { edits: TokenEdit[]; core: number } {
  const edits: TokenEdit[] = [];
  const push = (qa: number, qb: number, sa: number, sb: number, type?: EditType) => {
    const [start, end] = span(qc, qa, qb, q.tokens.count);
    const [sourceStart, sourceEnd] = span(sc, sa, sb, s.tokens.count);
    const kind = type ?? editType(q, start, end, s, sourceStart, sourceEnd);
    edits.push({ start, end, sourceStart, sourceEnd, type: kind });
    // Other words break the copied core; a renamed unit or a changed figure alone does not.
    if (!onlyNamesAndNumbers(q, start, end) || !onlyNamesAndNumbers(s, sourceStart, sourceEnd)) {
      core = Math.max(core, qa - coreFrom);
      coreFrom = qb;
    }
  };
  let core = 0;
  let coreFrom = qFrom;
  let qEnd = -1;
  let sEnd = -1;
  for (const r of parts) {
    const rq = runs.q[r];
    const rs = runs.s[r];
    const rl = runs.length[r];
    // The part of this run not already covered by the previous one (runs of a chain may overlap).
    const skip = qEnd < 0 ? 0 : Math.max(0, qEnd - rq, sEnd - rs);
    if (qEnd >= 0) {
      const dq = rq + skip - qEnd;
      const ds = rs + skip - sEnd;
      if (dq === ds) {
        // Substitutions: the same number of tokens on both sides, compared one by one.
        let k = 0;
        while (k < dq) {
          if (qc.hashes[qEnd + k] === sc.hashes[sEnd + k]) {
            k++;
            continue;
          }
          // One edit per run of changed words of one kind ("Nam Đàn tăng cường": a name, then words).
          const kind = (at: number) => {
            const t = qc.positions[qEnd + at];
            const u = sc.positions[sEnd + at];
            return editType(q, t, t + 1, s, u, u + 1);
          };
          const type = kind(k);
          let e = k + 1;
          while (e < dq && qc.hashes[qEnd + e] !== sc.hashes[sEnd + e] && kind(e) === type) e++;
          push(qEnd + k, qEnd + e, sEnd + k, sEnd + e, type);
          k = e;
        }
      } else push(qEnd, qEnd + dq, sEnd, sEnd + ds);
    }
    for (let k = skip; k < rl; k++) {
      const t = qc.positions[rq + k];
      const u = sc.positions[rs + k];
      if (numberChanged(q, t, s, u)) {
        const last = edits[edits.length - 1];
        if (last && last.type === 'number' && last.end === t && last.sourceEnd === u) {
          last.end = t + 1;
          last.sourceEnd = u + 1;
        } else
          edits.push({ start: t, end: t + 1, sourceStart: u, sourceEnd: u + 1, type: 'number' });
      }
    }
    qEnd = Math.max(qEnd, rq + rl);
    sEnd = Math.max(sEnd, rs + rl);
  }
  core = Math.max(core, qTo - coreFrom);
  return { edits, core };
}

/** The plan's side of its alignments, made once per check: its unmasked tokens and their seeds. */
export interface PreparedQuery {
  side: EditAlignQuery;
  compressed: Compressed;
  keys: Uint32Array;
}

/** Prepare the checked plan for {@link alignAcrossEdits} against each of its sources. */
export function prepareQuery(q: EditAlignQuery): PreparedQuery {
  const compressed = compress(q);
  return { side: q, compressed, keys: seedKeys(compressed.hashes) };
}

/**
 * Passages that the plan shares with `s` across edits, in token positions,
 * ordered by start and disjoint in the plan. Only stretches holding
 * `minTokens` own tokens of the plan, enough of them matched, are returned.
 */
export function alignAcrossEdits(
  query: PreparedQuery,
  s: EditAlignSide,
  options: EditAlignOptions,
): AlignedPassage[] {
  const q = query.side;
  const qc = query.compressed;
  const sc = compress(s, SOURCE);
  const runs = findRuns(qc, query.keys, sc);
  const taken = ALIGNMENT.taken.take(qc.hashes.length, 0);
  const context = { runs, q, qc, s, sc, taken };
  const out: AlignedPassage[] = [];
  const minShort = options.minShortTokens ?? Math.ceil(options.minTokens * SHORT_SHARE);
  /** Plan ranges (compressed) of accepted stretches, and short dense pieces waiting for a neighbour. */
  const accepted: Array<[number, number, number]> = [];
  const pending: Array<{ parts: number[]; from: number; to: number; own: number }> = [];
  /** Accept a chain if it passes `rule`; the plan tokens it holds are taken. */
  const accept = (chain: number[], rule: 'long' | 'short'): void => {
    // Plan tokens already given to a better chain are not counted twice: runs lose their taken
    // ends (each run is in one chain only, so it is trimmed in place) or go.
    const isTaken = (r: number, k: number) => taken[runs.q[r] + k] === 1;
    const parts = chain.filter((r) => {
      while (runs.length[r] > 0 && isTaken(r, 0)) {
        runs.q[r]++;
        runs.s[r]++;
        runs.length[r]--;
      }
      while (runs.length[r] > 0 && isTaken(r, runs.length[r] - 1)) runs.length[r]--;
      if (runs.length[r] < SEED) return false;
      for (let k = 0; k < runs.length[r]; k++) if (isTaken(r, k)) return false;
      return true;
    });
    if (parts.length === 0) return;
    // A chain spanning fewer plan tokens than either rule needs of its own ones passes neither.
    let spanEnd = 0;
    for (const r of parts) spanEnd = Math.max(spanEnd, runs.q[r] + runs.length[r]);
    if (spanEnd - runs.q[parts[0]] < Math.min(minShort, options.minTokens)) return;
    const span = matchedOf(parts, runs, qc, sc);
    const { matched, qFrom, qTo } = span;
    let own = 0;
    let hits = 0;
    for (let c = qFrom; c < qTo; c++) {
      if (q.own[qc.positions[c]] === 0) continue;
      own++;
      hits += matched[c - qFrom];
    }
    const dense = own >= minShort && hits >= SHORT_MATCHED_SHARE * own;
    // Most chains of an honest peer fail on their matched share: they are dropped before their edits are read.
    const longEnough =
      own >= options.minTokens && hits >= matchedShareNeeded(own, options.minTokens) * own;
    if (rule === 'short' ? !dense : !longEnough) {
      if (rule === 'long' && dense) pending.push({ parts, from: qFrom, to: qTo, own });
      return;
    }
    const { edits, core } = editsOf(parts, runs, q, qc, s, sc, span);
    if (rule === 'long' && own < 2 * options.minTokens && core < CORE_SHARE * (qTo - qFrom)) {
      if (dense) pending.push({ parts, from: qFrom, to: qTo, own });
      return;
    }
    // Cut before taking the stretch's tokens: a changed name in a gap of the stretch may be reached.
    for (const p of cutStretch(context, parts, edits, matched, qFrom))
      out.push({ ...p, stretchOwn: own });
    for (let c = qFrom; c < qTo; c++) taken[c] = 1;
    accepted.push([qFrom, qTo, own]);
  };
  for (const found of chainRuns(runs, qc, sc)) {
    const chain = trimChain(found, runs);
    if (chain.length > 0) accept(chain, 'long');
  }
  // Shorter dense pieces count where they stand next to other copied text of this source in the
  // plan: moved lines, short items. A stock phrase alone amid the plan's own text does not.
  if (pending.length > 0) {
    const pieces = [
      ...accepted.map(([from, to, own]) => ({ parts: undefined, from, to, own })),
      ...pending,
    ].sort((a, b) => a.from - b.from);
    let cluster: typeof pieces = [];
    const flush = () => {
      const own = cluster.reduce((sum, p) => sum + p.own, 0);
      const anchored = cluster.some((p) => p.parts === undefined);
      if (anchored && own >= CLUSTER_TOKENS * options.minTokens)
        for (const p of cluster) if (p.parts !== undefined) accept(p.parts, 'short');
      cluster = [];
    };
    for (const p of pieces) {
      const last = cluster[cluster.length - 1];
      if (last !== undefined && p.from - last.to > ADJACENT) flush();
      cluster.push(p);
    }
    flush();
  }
  out.sort((a, b) => a.start - b.start);
  return out;
}
