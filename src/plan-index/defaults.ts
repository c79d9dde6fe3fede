/**
 * Every default in one place: of the index's options, of a check, and of a
 * scan. The README's tables quote these.
 */
import { SIGNATURE_DEFAULTS } from '../sketch/signature.js';

/** The index's defaults, frozen; see {@link PlanIndexOptions}. */
export const INDEX_DEFAULTS = Object.freeze({
  ...SIGNATURE_DEFAULTS,
  threshold: 0.5,
  minContainment: 0.2,
  anchorRate: 1 / 16,
  frame: true,
  learnedBoilerplate: 0.05,
  learnFrom: 50,
  keepTexts: true,
  minPassage: 25,
});

/** A check's defaults; see {@link CheckOptions}. */
export const CHECK_DEFAULTS = Object.freeze({
  limit: 10,
  onlyEarlier: false,
  includeSameDay: false,
  passages: true,
});

/** A scan's defaults; see {@link ScanOptions}. */
export const SCAN_DEFAULTS = Object.freeze({
  threshold: 0.5,
  clusterSimilarity: 0.6,
  limit: 10,
});
