/**
 * LSH bands × rows for a Jaccard threshold: the pair that minimises the
 * weighted areas of false positives (below the threshold) and false negatives
 * (above it) under the S-curve 1 − (1 − s^r)^b, as datasketch's _optimal_param.
 */
import { assertObject, checkNumberOption } from '../errors.js';

/** Banding of a signature: `bands` bands of `rows` values. */
export interface LshParams {
  bands: number;
  rows: number;
}

/** Weights of false positives and false negatives when choosing bands × rows. */
export interface LshWeights {
  falsePositive: number;
  falseNegative: number;
}

/** Simpson's rule with a fixed even number of steps: the same result everywhere. */
function integrate(f: (x: number) => number, a: number, b: number, steps = 200): number {
  if (b <= a) return 0;
  const h = (b - a) / steps;
  let sum = f(a) + f(b);
  for (let i = 1; i < steps; i++) sum += f(a + i * h) * (i % 2 === 1 ? 4 : 2);
  return (sum * h) / 3;
}

/** The largest signature length saochep supports (PlanIndex's numPerm: 16 to 1024). */
const MAX_NUM_PERM = 1024;

/** Probability that a pair with Jaccard similarity `s` shares at least one band. */
export function candidateProbability(s: number, params: LshParams): number {
  checkNumberOption('candidateProbability', 's', s, 0, 1, false);
  assertObject('candidateProbability', params, 'params', '{ bands, rows } (from optimalLshParams)');
  checkNumberOption('candidateProbability', 'params.bands', params.bands, 1, 1 << 20, true);
  checkNumberOption('candidateProbability', 'params.rows', params.rows, 1, 1 << 20, true);
  return 1 - Math.pow(1 - Math.pow(s, params.rows), params.bands);
}

/** The bands × rows (bands · rows ≤ numPerm) that minimise weighted false positives and negatives. */
export function optimalLshParams(
  threshold: number,
  numPerm: number,
  weights: LshWeights = { falsePositive: 0.5, falseNegative: 0.5 },
): LshParams {
  // The search is quadratic in numPerm: past the signatures saochep makes it would not return.
  checkNumberOption('optimalLshParams', 'threshold', threshold, 0, 1, false);
  checkNumberOption('optimalLshParams', 'numPerm', numPerm, 1, MAX_NUM_PERM, true);
  let best: LshParams = { bands: 1, rows: numPerm };
  let bestError = Infinity;
  for (let bands = 1; bands <= numPerm; bands++) {
    const maxRows = Math.floor(numPerm / bands);
    for (let rows = 1; rows <= maxRows; rows++) {
      const params = { bands, rows };
      const fp = integrate((s) => candidateProbability(s, params), 0, threshold);
      const fn = integrate((s) => 1 - candidateProbability(s, params), threshold, 1);
      const error = weights.falsePositive * fp + weights.falseNegative * fn;
      if (error < bestError - 1e-12) {
        bestError = error;
        best = params;
      }
    }
  }
  return best;
}
