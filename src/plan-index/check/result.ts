/**
 * A check's result from its scored matches: matches ranked, the finding,
 * passages for the matches returned.
 */
import type { AlignedPassage, EditType } from '../../evidence/edit-align.js';
import { findingOf } from '../finding.js';
import { toPassages } from '../passages.js';
import type { ReadDocument } from '../read-document.js';
import type { CheckResult } from '../types.js';
import { type DeadlineGuard, NO_DEADLINE } from './deadline.js';
import type { Scored } from './score.js';

const NO_EDITS: Record<EditType, number> = { name: 0, number: 0, words: 0 };

/** Edits of a match's passages, by type. */
function editCounts(aligned: readonly AlignedPassage[] | undefined): Record<EditType, number> {
  const out = { ...NO_EDITS };
  for (const p of aligned ?? []) for (const e of p.edits) out[e.type]++;
  return out;
}

/** The result of a plan nothing was found for. */
export function nothingFound(ignored: number): CheckResult {
  return {
    score: 0,
    matches: [],
    ignored,
    breakdown: { fromReferences: 0, fromPeers: 0, original: 1 },
    finding: findingOf({ score: 0, sources: 0, edits: NO_EDITS }),
  };
}

/** Rank the matches (highest containment, then similarity, then id), say the finding, and give passages to those returned. */
export function checkResult(
  query: ReadDocument,
  scored: Scored,
  ignored: number,
  options: { limit: number; passages: boolean },
  overdue: DeadlineGuard = NO_DEADLINE,
): CheckResult {
  const { matches, score, fromReferences } = scored;
  if (matches.length === 0) return nothingFound(ignored);
  matches.sort(
    (a, b) =>
      b.containment - a.containment ||
      b.similarity - a.similarity ||
      (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
  );
  const top = matches[0];
  const finding = findingOf({
    score,
    top,
    sources: matches.filter((m) => m.containment > 0).length,
    edits: editCounts(top.aligned),
  });
  const returned = matches.slice(0, options.limit);
  if (options.passages)
    for (const m of returned)
      if (m.aligned && m.source) {
        overdue('marking passages');
        m.passages = toPassages(query, m.source, m.aligned);
      }
  return {
    score,
    matches: returned.map(({ d: _d, aligned: _a, source: _s, ...match }) => match),
    ignored,
    breakdown: { fromReferences, fromPeers: score - fromReferences, original: 1 - score },
    finding,
  };
}
