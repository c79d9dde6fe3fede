/**
 * Copied passages between a checked plan and one of its matches, as
 * character offsets into both texts as they were given, with the word-level
 * edits inside them.
 */
import {
  type AlignedPassage,
  type EditType,
  alignAcrossEdits,
  prepareQuery,
} from '../evidence/edit-align.js';
import type { PassageKind } from '../evidence/passage-kind.js';
import type { ReadDocument } from './read-document.js';

/** One change inside an edited passage: which words of the plan replace which words of the source. */
export interface PassageEdit {
  /** Offsets in the checked text (UTF-16 code units); start === end where the plan dropped words. */
  start: number;
  end: number;
  /** Offsets in the source's text; sourceStart === sourceEnd where the plan added words. */
  sourceStart: number;
  sourceEnd: number;
  /** 'name': a unit, place or person; 'number': a number or a date; 'words': other words. */
  type: EditType;
}

/** A copied passage: where it is in the checked text and in the source, and how it was copied. */
export interface Passage {
  /** Offset in the checked text (UTF-16 code units). */
  start: number;
  end: number;
  /** Offset in the source's text as it was given to add. */
  sourceStart: number;
  sourceEnd: number;
  /** 'verbatim': the same words (after normalisation) and numbers; 'edited': words changed, added or dropped. */
  kind: PassageKind;
  /** The changes inside an edited passage, ordered by start; empty for a verbatim one. */
  edits: PassageEdit[];
}

/** A checked plan ready to be aligned with each of its sources. */
export interface PlanAligner {
  align(source: ReadDocument): AlignedPassage[];
}

/** Align `query` (with its own-content tokens) against its sources: its side is prepared once. */
export function planAligner(query: ReadDocument, own: Uint8Array, minPassage: number): PlanAligner {
  const prepared = prepareQuery({ ...query, own });
  const options = { minTokens: minPassage };
  return { align: (source) => alignAcrossEdits(prepared, source, options) };
}

/** Character offset of token position `t` seen as the start of a range (the text's end past the last token). */
function startOffset(doc: ReadDocument, t: number): number {
  return t < doc.tokens.count ? doc.tokens.starts[t] : doc.text.length;
}

/** Character range of the token range [from, to); an empty range sits at the next token. */
function range(doc: ReadDocument, from: number, to: number): [number, number] {
  if (to > from) return [doc.tokens.starts[from], doc.tokens.ends[to - 1]];
  const at = startOffset(doc, from);
  return [at, at];
}

/** Whether two token ranges hold the same tokens, boilerplate included. */
function sameTokens(
  a: ReadDocument,
  aFrom: number,
  aTo: number,
  b: ReadDocument,
  bFrom: number,
  bTo: number,
): boolean {
  if (aTo - aFrom !== bTo - bFrom) return false;
  for (let k = 0; k < aTo - aFrom; k++)
    if (a.tokens.hashes[aFrom + k] !== b.tokens.hashes[bFrom + k]) return false;
  return true;
}

/** Token passages as character passages of both texts as given. */
export function toPassages(
  query: ReadDocument,
  source: ReadDocument,
  found: readonly AlignedPassage[],
): Passage[] {
  return found.map((p) => {
    const [start, end] = range(query, p.start, p.end);
    const [sourceStart, sourceEnd] = range(source, p.sourceStart, p.sourceEnd);
    const edits = p.edits.map((e) => {
      const [es, ee] = range(query, e.start, e.end);
      const [ss, se] = range(source, e.sourceStart, e.sourceEnd);
      return { start: es, end: ee, sourceStart: ss, sourceEnd: se, type: e.type };
    });
    const kind: PassageKind =
      edits.length === 0 && sameTokens(query, p.start, p.end, source, p.sourceStart, p.sourceEnd)
        ? 'verbatim'
        : 'edited';
    return { start, end, sourceStart, sourceEnd, kind, edits };
  });
}
