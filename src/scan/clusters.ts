/**
 * Clusters of near-identical plans: plans joined, directly or through
 * others, by pairs whose similarity reaches a threshold (union-find).
 */
import type { ReportCluster } from './report-model.js';

/** Clusters from similar pairs, largest first, each listing its plans in order. */
export function clustersOf(
  pairs: ReadonlyArray<{ a: string; b: string; similarity: number }>,
): ReportCluster[] {
  const parent = new Map<string, string>();
  const find = (x: string): string => {
    let root = x;
    while (parent.get(root) !== root) root = parent.get(root)!;
    for (let y = x; y !== root;) {
      const up = parent.get(y)!;
      parent.set(y, root);
      y = up;
    }
    return root;
  };
  const lowest = new Map<string, number>();
  for (const { a, b } of pairs) {
    if (!parent.has(a)) parent.set(a, a);
    if (!parent.has(b)) parent.set(b, b);
    const [ra, rb] = [find(a), find(b)];
    if (ra !== rb) parent.set(ra < rb ? rb : ra, ra < rb ? ra : rb);
  }
  for (const { a, similarity } of pairs) {
    const root = find(a);
    lowest.set(root, Math.min(lowest.get(root) ?? 1, similarity));
  }
  const members = new Map<string, string[]>();
  for (const id of parent.keys()) {
    const root = find(id);
    members.set(root, [...(members.get(root) ?? []), id]);
  }
  return [...members.entries()]
    .map(([root, plans]) => ({ plans: plans.sort(), minSimilarity: lowest.get(root) ?? 1 }))
    .sort((x, y) => y.plans.length - x.plans.length || (x.plans[0] < y.plans[0] ? -1 : 1));
}
