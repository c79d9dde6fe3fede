/**
 * Copied passages between a checked plan and one of its matches, as
 * character offsets into both texts as they were given.
 */
import { alignTokens } from '../evidence/align.js';
import { type PassageKind, passageKind } from '../evidence/passage-kind.js';
import type { ReadDocument } from './read-document.js';

/** A copied passage: where it is in the checked text and in the source, and how it was copied. */
export interface Passage {
  /** Offset in the checked text (UTF-16 code units). */
  start: number;
  end: number;
  /** Offset in the source's text as it was given to add. */
  sourceStart: number;
  sourceEnd: number;
  /** 'verbatim': the same words (after normalisation); 'edited': words changed, added or dropped. */
  kind: PassageKind;
}

/** Passages `query` shares with `source`, merged into maximal runs, ordered by start. */
export function findPassages(
  query: ReadDocument & { substance?: Uint8Array },
  source: ReadDocument,
  size: number,
  minPassage: number,
): Passage[] {
  const { text, tokens } = query;
  const found = alignTokens(query, source, {
    size,
    maxGap: 2 * size,
    minTokens: Math.max(size, minPassage),
    // Boilerplate on lines of its own (headings) separates passages; inside a sentence (a citation) it does not.
    separates: (end, start) =>
      text.slice(tokens.ends[end - 1], tokens.starts[start]).includes('\n'),
  });
  return found.map((p) => {
    const start = query.tokens.starts[p.start];
    const end = query.tokens.ends[p.end - 1];
    const sourceStart = source.tokens.starts[p.sourceStart];
    const sourceEnd = source.tokens.ends[p.sourceEnd - 1];
    return {
      start,
      end,
      sourceStart,
      sourceEnd,
      kind: passageKind(query.text.slice(start, end), source.text.slice(sourceStart, sourceEnd)),
    };
  });
}
