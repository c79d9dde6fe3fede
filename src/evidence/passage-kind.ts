/**
 * Is a copied passage an exact copy (after normalisation) or an edited one?
 * Edit distance between the two sides' token sequences, with fast-levenshtein.
 */
import levenshtein from 'fast-levenshtein';
import { tokenize } from '../text/tokenize.js';

/** How a passage was copied. */
export type PassageKind = 'verbatim' | 'edited';

/**
 * Token-level edit distance of two texts: each distinct token becomes one
 * character, so the distance counts words changed, not letters.
 */
export function tokenEditDistance(a: string, b: string): number {
  const codes = new Map<string, string>();
  const encode = (tokens: string[]) =>
    tokens
      .map((t) => {
        let c = codes.get(t);
        if (c === undefined) {
          // Private-use code points: one per distinct token.
          c = String.fromCharCode(0xe000 + (codes.size % 0x1900));
          codes.set(t, c);
        }
        return c;
      })
      .join('');
  return levenshtein.get(encode(tokenize(a)), encode(tokenize(b)));
}

/** Verbatim when the two sides have the same tokens (after normalisation), edited otherwise. */
export function passageKind(copied: string, source: string): PassageKind {
  return tokenEditDistance(copied, source) === 0 ? 'verbatim' : 'edited';
}
