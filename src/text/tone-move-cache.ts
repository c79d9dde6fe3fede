/**
 * Remembers, per syllable, whether its tone mark must move. Text repeats the
 * same few thousand syllables, so most lookups hit and skip the placement
 * rules. A hit is verified letter by letter, so the answer never depends on
 * which syllables were seen before.
 */
import {
  FLAG_VOWEL as FLAG_VOWEL_,
  OUTPUT_SHIFT as OUTPUT_SHIFT_,
  TONE_BITS as TONE_BITS_,
} from './char-table.js';
import { canonicalTonePosition as canonicalTonePosition_ } from './tone-placement.js';

// Module-level copies of imported bindings used on hot paths: some loaders
// (vite-node, which runs the tests) turn each read of an import into a getter call.
const FLAG_VOWEL = FLAG_VOWEL_;
const OUTPUT_SHIFT = OUTPUT_SHIFT_;
const TONE_BITS = TONE_BITS_;
const canonicalTonePosition = canonicalTonePosition_;

/** Lookup result when the mark is already in place (or the letters are not a syllable). */
export const NO_MOVE = -1;

const SLOTS = 4096; // power of two
const MAX_LETTERS = 8; // longer tokens are never cached
const EMPTY = 0xffff;

export class ToneMoveCache {
  private readonly keys = new Int32Array(SLOTS);
  private readonly codes = new Uint16Array(SLOTS * MAX_LETTERS).fill(EMPTY);
  private readonly lengths = new Uint8Array(SLOTS);
  private readonly moves = new Int32Array(SLOTS);

  /**
   * `NO_MOVE`, or `from << 8 | to`: the positions the tone mark moves between,
   * for the letter-only token `entries[0..len)` whose FNV-1a hash is `hash`.
   */
  lookup(entries: Int32Array, len: number, hash: number): number {
    if (len > MAX_LETTERS) return computeMove(entries, len);
    const slot = hash & (SLOTS - 1);
    const base = slot * MAX_LETTERS;
    if (this.keys[slot] === hash && this.lengths[slot] === len) {
      let same = true;
      for (let j = 0; j < len; j++) {
        if (this.codes[base + j] !== entries[j] >>> OUTPUT_SHIFT) {
          same = false;
          break;
        }
      }
      if (same) return this.moves[slot];
    }
    const move = computeMove(entries, len);
    this.keys[slot] = hash;
    this.lengths[slot] = len;
    for (let j = 0; j < len; j++) this.codes[base + j] = entries[j] >>> OUTPUT_SHIFT;
    this.moves[slot] = move;
    return move;
  }
}

/** The move for a token with at least one tone mark: only one mark among two or more vowels can move. */
function computeMove(entries: Int32Array, len: number): number {
  let tonePos = -1;
  let tones = 0;
  let vowels = 0;
  for (let j = 0; j < len; j++) {
    if ((entries[j] & FLAG_VOWEL) !== 0) vowels++;
    if ((entries[j] & TONE_BITS) !== 0) {
      tones++;
      tonePos = j;
    }
  }
  if (tones !== 1 || vowels < 2) return NO_MOVE;
  const pos = canonicalTonePosition(entries, len);
  return pos < 0 || pos === tonePos ? NO_MOVE : (tonePos << 8) | pos;
}
