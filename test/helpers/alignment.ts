/**
 * Brute-force word alignment, the independent truth for copied passages
 * across edits: the longest common subsequence of the two token sequences
 * (dynamic programming over every pair), of which only pairs in runs of at
 * least three consecutive matches count (two texts of one language share
 * single words everywhere), grouped into regions wherever two consecutive
 * pairs are at most `maxGap` tokens apart on both sides. A region is copied
 * when it holds at least `minTokens` tokens and enough of them are matched:
 * 90% for a region of minTokens, falling to 50% from twice minTokens (the
 * rule the README states for the score).
 */

/** Matched pairs (i, j) of a longest common subsequence of `q` and `s`, ascending. */
export function lcsPairs(q: readonly string[], s: readonly string[]): Array<[number, number]> {
  const n = q.length;
  const m = s.length;
  const width = m + 1;
  const table = new Uint16Array((n + 1) * width);
  for (let i = n - 1; i >= 0; i--)
    for (let j = m - 1; j >= 0; j--)
      table[i * width + j] =
        q[i] === s[j]
          ? table[(i + 1) * width + j + 1] + 1
          : Math.max(table[(i + 1) * width + j], table[i * width + j + 1]);
  const pairs: Array<[number, number]> = [];
  let i = 0;
  let j = 0;
  while (i < n && j < m) {
    if (q[i] === s[j]) {
      pairs.push([i++, j++]);
    } else if (table[(i + 1) * width + j] >= table[i * width + j + 1]) i++;
    else j++;
  }
  return pairs;
}

/** Which tokens of `q` lie in regions copied from `s`, by the rule above. */
export function copiedByAlignment(
  q: readonly string[],
  s: readonly string[],
  minTokens: number,
  maxGap = 12,
): boolean[] {
  const covered = new Array<boolean>(q.length).fill(false);
  const all = lcsPairs(q, s);
  const inRun = (k: number) => {
    let from = k;
    let to = k;
    const next = (a: number) =>
      a + 1 < all.length && all[a + 1][0] === all[a][0] + 1 && all[a + 1][1] === all[a][1] + 1;
    while (from > 0 && next(from - 1)) from--;
    while (next(to)) to++;
    return to - from + 1 >= 3;
  };
  const pairs = all.filter((_, k) => inRun(k));
  let k = 0;
  while (k < pairs.length) {
    let e = k;
    while (
      e + 1 < pairs.length &&
      pairs[e + 1][0] - pairs[e][0] - 1 <= maxGap &&
      pairs[e + 1][1] - pairs[e][1] - 1 <= maxGap
    )
      e++;
    const from = pairs[k][0];
    const to = pairs[e][0] + 1;
    const matched = e - k + 1;
    const length = to - from;
    const shortness = Math.min(1, Math.max(0, (2 * minTokens - length) / minTokens));
    if (length >= minTokens && matched >= (0.5 + 0.4 * shortness) * length)
      covered.fill(true, from, to);
    k = e + 1;
  }
  return covered;
}

/** Share of `q` copied from `s` by the rule above. */
export function copiedShare(q: readonly string[], s: readonly string[], minTokens: number): number {
  if (q.length === 0) return 0;
  return copiedByAlignment(q, s, minTokens).filter(Boolean).length / q.length;
}
