/**
 * A document as the index reads it: tokens with their place in the text, the
 * tokens that are boilerplate (the administrative frame, user patterns), and
 * its shingles, each counting or not.
 */
import { shingleCounts } from '../evidence/shingle-counts.js';
import { type TitleRange, markFrame } from '../evidence/frame.js';
import { type TokenStream, tokenStream } from '../evidence/token-stream.js';
import { shingleTokenHashes } from '../sketch/shingle.js';
import type { EncodingMemo } from '../text/prepare.js';
import { toShingleSet } from '../sketch/shingle-set.js';

/** What never counts in any document. */
export interface BoilerplateRules {
  /** Recognise the administrative frame. */
  frame: boolean;
  /** Shingles of texts the user asked to ignore. */
  ignoreShingles: ReadonlySet<number>;
  /** Patterns the user asked to ignore, matched on the text as given (global flag set). */
  ignorePatterns: readonly RegExp[];
}

export interface ReadDocument {
  text: string;
  tokens: TokenStream;
  /** 1 for boilerplate tokens. */
  mask: Uint8Array;
  /** Shingle hashes, one per position. */
  shingles: Uint32Array;
  /** 1 where the shingle counts: it touches no boilerplate token and is not an ignored shingle. */
  counts: Uint8Array;
  /** The title, for documents that have one. */
  title: TitleRange | null;
}

/** Read a text: tokens, boilerplate and shingles (`memo`: see tokenStream). */
export function readDocument(
  text: string,
  size: number,
  rules: BoilerplateRules,
  memo?: EncodingMemo,
): ReadDocument {
  const tokens = tokenStream(text, memo);
  const mask = new Uint8Array(tokens.count);
  const title = rules.frame ? markFrame(text, tokens, mask) : null;
  for (const pattern of rules.ignorePatterns) {
    pattern.lastIndex = 0;
    let k = 0;
    for (let m = pattern.exec(text); m !== null; m = pattern.exec(text)) {
      const start = m.index;
      const end = start + Math.max(1, m[0].length);
      while (k < tokens.count && tokens.ends[k] <= start) k++;
      for (let j = k; j < tokens.count && tokens.starts[j] < end; j++) mask[j] = 1;
      if (m[0].length === 0) pattern.lastIndex++;
    }
  }
  const shingles = shingleTokenHashes(tokens.hashes, tokens.count, size, 0);
  const counts = shingleCounts(mask, tokens.count, size);
  if (rules.ignoreShingles.size > 0) {
    for (let i = 0; i < shingles.length; i++)
      if (rules.ignoreShingles.has(shingles[i])) counts[i] = 0;
  }
  return { text, tokens, mask, shingles, counts, title };
}

/** The distinct counting shingles, ascending; `counts` says which count (default: the document's own). */
export function countedSet(doc: ReadDocument, counts: Uint8Array = doc.counts): Uint32Array {
  let n = 0;
  for (let i = 0; i < counts.length; i++) n += counts[i];
  const out = new Uint32Array(n);
  for (let i = 0, k = 0; i < counts.length; i++) if (counts[i] === 1) out[k++] = doc.shingles[i];
  return toShingleSet(out);
}

/** The distinct shingles that lie inside a token range (the title of a directive). */
export function shinglesWithin(doc: ReadDocument, range: TitleRange, size: number): number[] {
  const out: number[] = [];
  for (let i = range.start; i + size <= range.end && i < doc.shingles.length; i++)
    out.push(doc.shingles[i]);
  return [...new Set(out)];
}
