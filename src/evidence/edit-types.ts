/**
 * What kind of words an edit changed: names (of units, places, people),
 * numbers and dates, or other words, read from capitals and number tokens.
 */
import type { EditAlignSide, EditType } from './align-types.js';
import { NUMBER_TOKEN_HASH } from '../text/token-hash.js';
import { LOWER } from './token-stream.js';

/** Whether token t begins a sentence or a line (so its capital says nothing). */
export function startsSentence(side: EditAlignSide, t: number): boolean {
  const { text, tokens } = side;
  for (let k = tokens.starts[t] - 1; k >= 0; k--) {
    const c = text.charCodeAt(k);
    if (c === 0x20 || c === 0x09 || c === 0xa0 || c === 0x22 || c === 0x28) continue;
    return c === 0x0a || c === 0x0d || c === 0x2e || c === 0x3a || c === 0x3b || c === 0x21;
  }
  return true;
}

/** Whether every changed token of [from, to) is a number or a capitalised name. */
export function onlyNamesAndNumbers(side: EditAlignSide, from: number, to: number): boolean {
  for (let t = from; t < to; t++) {
    if (side.mask[t] !== 0 || side.tokens.hashes[t] === NUMBER_TOKEN_HASH) continue;
    if (side.tokens.upper[t] === LOWER || (t === from && startsSentence(side, t))) return false;
  }
  return true;
}

/** Name, number or other words: from the changed tokens of both sides. */
export function editType(
  q: EditAlignSide,
  qFrom: number,
  qTo: number,
  s: EditAlignSide,
  sFrom: number,
  sTo: number,
): EditType {
  let tokens = 0;
  let capitals = 0;
  let numbers = 0;
  const look = (side: EditAlignSide, from: number, to: number) => {
    for (let t = from; t < to; t++) {
      if (side.mask[t] !== 0) continue;
      tokens++;
      if (side.tokens.hashes[t] === NUMBER_TOKEN_HASH) numbers++;
      else if (side.tokens.upper[t] !== LOWER && (t > from || !startsSentence(side, t))) capitals++;
    }
  };
  look(q, qFrom, qTo);
  look(s, sFrom, sTo);
  if (numbers > 0) return 'number';
  return tokens > 0 && capitals * 2 >= tokens ? 'name' : 'words';
}
