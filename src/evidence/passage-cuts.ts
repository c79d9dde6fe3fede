/**
 * A counting stretch (one accepted chain of runs) cut into the passages a
 * reader sees: apart where a heading stands between its parts, and reaching
 * over a name the copier changed at the end or the start of a sentence.
 */
import type {
  AlignedPassage,
  Compressed,
  EditAlignQuery,
  EditAlignSide,
  Runs,
  TokenEdit,
} from './align-types.js';
import { editType } from './edit-types.js';

/** Tokens a changed name at a passage's edge may have on either side (a commune, a district and a province). */
const MAX_NAME_EDGE = 8;

/** One passage being cut: compressed ranges [q0, q1) of the plan and [s0, s1) of the source. */
interface Piece {
  q0: number;
  q1: number;
  s0: number;
  s1: number;
  /** The changed name reached over at either edge, in token positions. */
  edges: TokenEdit[];
}

/** What the cutting needs of the alignment. */
export interface StretchContext {
  runs: Runs;
  q: EditAlignQuery;
  qc: Compressed;
  s: EditAlignSide;
  sc: Compressed;
  /** Compressed plan tokens already in an accepted stretch; the edges reached over are marked. */
  taken: Uint8Array;
}

/**
 * The passages of the stretch made of `parts` (run indices in chain order),
 * with its `edits` and `matched` flags (from compressed plan index `qFrom`).
 */
export function cutStretch(
  context: StretchContext,
  parts: number[],
  edits: TokenEdit[],
  matched: Uint8Array,
  qFrom: number,
): Array<Omit<AlignedPassage, 'stretchOwn'>> {
  const { q, qc, sc, taken } = context;
  const pieces: Piece[] = [];
  for (const group of groupsApartAtHeadings(context, parts))
    pieces.push(pieceOf(context.runs, group));
  for (const [k, piece] of pieces.entries()) {
    reachOverNames(context, piece, k > 0 ? pieces[k - 1].q1 : 0, true);
    reachOverNames(
      context,
      piece,
      k + 1 < pieces.length ? pieces[k + 1].q0 : qc.hashes.length,
      false,
    );
  }
  return pieces.map((piece) => {
    const start = qc.positions[piece.q0];
    const end = qc.positions[piece.q1 - 1] + 1;
    let own = 0;
    let hits = 0;
    for (let c = piece.q0; c < piece.q1; c++) {
      if (q.own[qc.positions[c]] === 0) continue;
      own++;
      if (c >= qFrom && c - qFrom < matched.length) hits += matched[c - qFrom];
    }
    for (let c = piece.q0; c < piece.q1; c++) taken[c] = 1;
    const inside = edits.filter((e) => e.start >= start && e.end <= end && e.start < end);
    return {
      start,
      end,
      sourceStart: sc.positions[piece.s0],
      sourceEnd: sc.positions[piece.s1 - 1] + 1,
      own,
      matched: hits,
      edits: [...inside, ...piece.edges].sort((a, b) => a.start - b.start),
    };
  });
}

/** Runs of `parts` grouped where boilerplate on a line of its own (a heading) separates them in the plan. */
function groupsApartAtHeadings(context: StretchContext, parts: number[]): number[][] {
  const { runs, qc } = context;
  const groups: number[][] = [];
  let qEnd = -1;
  for (const r of parts) {
    const start = runs.q[r];
    const group = groups[groups.length - 1];
    const split =
      group === undefined ||
      (start >= qEnd && qc.headingsBefore[start + 1] - qc.headingsBefore[qEnd] > 0);
    if (split) groups.push([r]);
    else group.push(r);
    qEnd = split ? start + runs.length[r] : Math.max(qEnd, start + runs.length[r]);
  }
  return groups;
}

/** Whether a sentence ends between tokens `t` and `t + 1`: a full stop, a semicolon, a line break. */
function sentenceEndsAfter(side: EditAlignSide, t: number): boolean {
  const { text, tokens } = side;
  const to = t + 1 < tokens.count ? tokens.starts[t + 1] : text.length;
  for (let k = tokens.ends[t]; k < to; k++) {
    const c = text.charCodeAt(k);
    if (c === 0x0a || c === 0x0d || c === 0x2e || c === 0x3b || c === 0x21 || c === 0x3f)
      return true;
  }
  return t + 1 >= tokens.count;
}

/** The plan and source ranges a group of runs spans. */
function pieceOf(runs: Runs, group: number[]): Piece {
  let q0 = Infinity;
  let q1 = -1;
  let s0 = Infinity;
  let s1 = -1;
  for (const r of group) {
    q0 = Math.min(q0, runs.q[r]);
    q1 = Math.max(q1, runs.q[r] + runs.length[r]);
    s0 = Math.min(s0, runs.s[r]);
    s1 = Math.max(s1, runs.s[r] + runs.length[r]);
  }
  return { q0, q1, s0, s1, edges: [] };
}

/**
 * Reach over a changed name between a piece's edge and its sentence's edge
 * on both sides ("… tại xã Thanh Lâm." for "… tại xã Hồng Phong."): the
 * renamed unit belongs to the copied sentence. Plan tokens up to `limit`
 * (compressed, exclusive) may be reached, when no other stretch holds them.
 */
function reachOverNames(
  context: StretchContext,
  piece: Piece,
  limit: number,
  before: boolean,
): void {
  const { q, qc, s, sc, taken } = context;
  const planEdge = edgeTokens(q, qc, before ? piece.q0 : piece.q1, before, limit, taken);
  if (planEdge === undefined || planEdge === 0) return;
  const sourceEdge = edgeTokens(
    s,
    sc,
    before ? piece.s0 : piece.s1,
    before,
    before ? 0 : sc.hashes.length,
  );
  if (sourceEdge === undefined) return;
  const [qa, qb] = before ? [piece.q0 - planEdge, piece.q0] : [piece.q1, piece.q1 + planEdge];
  const [sa, sb] = before ? [piece.s0 - sourceEdge, piece.s0] : [piece.s1, piece.s1 + sourceEdge];
  const start = qc.positions[qa];
  const end = qc.positions[qb - 1] + 1;
  // An empty source side (names the plan added) sits at the piece's edge.
  let sourceStart = before ? sc.positions[piece.s0] : sc.positions[piece.s1 - 1] + 1;
  let sourceEnd = sourceStart;
  if (sb > sa) {
    sourceStart = sc.positions[sa];
    sourceEnd = sc.positions[sb - 1] + 1;
  }
  const type = editType(q, start, end, s, sourceStart, sourceEnd);
  if (type === 'words') return;
  piece.edges.push({ start, end, sourceStart, sourceEnd, type });
  if (before) {
    piece.q0 = qa;
    piece.s0 = Math.min(piece.s0, sa);
  } else {
    piece.q1 = qb;
    piece.s1 = Math.max(piece.s1, sb);
  }
}

/**
 * How many compressed tokens lie between `at` and the edge of its sentence
 * (before `at` when `before`, else from `at` on): at most {@link MAX_NAME_EDGE},
 * none masked between them, none at or past `limit` nor `taken`; undefined
 * when the sentence's edge is further away.
 */
function edgeTokens(
  side: EditAlignSide,
  c: Compressed,
  at: number,
  before: boolean,
  limit: number,
  taken?: Uint8Array,
): number | undefined {
  const { positions } = c;
  if (before) {
    if (positions[at] === 0 || sentenceEndsAfter(side, positions[at] - 1)) return 0;
    for (let k = 1; k <= MAX_NAME_EDGE; k++) {
      const x = at - k;
      if (x < limit || x < 0 || positions[x] !== positions[at] - k) return undefined;
      if (taken !== undefined && taken[x] === 1) return undefined;
      if (positions[x] === 0 || sentenceEndsAfter(side, positions[x] - 1)) return k;
    }
    return undefined;
  }
  if (sentenceEndsAfter(side, positions[at - 1])) return 0;
  for (let k = 0; k < MAX_NAME_EDGE; k++) {
    const x = at + k;
    if (x >= limit || x >= positions.length || positions[x] !== positions[at - 1] + k + 1)
      return undefined;
    if (taken !== undefined && taken[x] === 1) return undefined;
    if (sentenceEndsAfter(side, positions[x])) return k + 1;
  }
  return undefined;
}
