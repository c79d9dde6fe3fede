/**
 * Generated plans for the server's tests: deterministic Vietnamese-looking
 * text (real syllables, a seeded generator), long enough that a copy is found
 * and two different plans share nothing.
 */
import { SENTENCES, SYLLABLES } from '../helpers/vietnamese.js';

/** A seeded generator of numbers in [0, 1). */
function random(seed: number): () => number {
  let s = seed >>> 0 || 1;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 4294967296;
  };
}

/** A plan of `sentences` sentences of 12–20 syllables each, its date line first. */
export function generatedPlan(seed: number, sentences = 30, date = '05 tháng 3 năm 2024'): string {
  const next = random(seed * 7919 + 17);
  const lines = [`Hòa Bình, ngày ${date}`, 'KẾ HOẠCH', `Triển khai nhiệm vụ số ${seed}`];
  for (let s = 0; s < sentences; s++) {
    const words: string[] = [];
    const length = 12 + Math.floor(next() * 9);
    for (let w = 0; w < length; w++) words.push(SYLLABLES[Math.floor(next() * SYLLABLES.length)]);
    lines.push(`${words.join(' ')}.`);
  }
  lines.push(SENTENCES[9]);
  return lines.join('\n');
}
