/**
 * Copies of real documents as a copier makes them: words substituted,
 * inserted or dropped, names and digits changed, lines shuffled. Word-level,
 * on the text as written, with a seeded generator so that every run makes
 * the same copies. Also reports the truth: the share of the copy's words
 * that came from the source unchanged.
 */
import { Random } from '../corpus/generator/random.js';

/** A deterministic generator: the corpus generator's, as a function. */
export function rng(seed: number): () => number {
  const random = new Random(seed);
  return () => random.next();
}

/** The kinds of copy. */
export type CopyKind =
  'verbatim' | 'names-digits' | 'replace' | 'insert' | 'delete' | 'shuffle-lines';

/** A copy and its truth. */
export interface EditedCopy {
  text: string;
  /** Share of the copy's words that are the source's words, unchanged. */
  unchangedShare: number;
}

const WORD = /^[\p{L}\p{N}]/u;
const NAME = /^\p{Lu}/u;

/** Words of the vocabulary to draw replacements and insertions from. */
export function vocabulary(texts: readonly string[]): { words: string[]; names: string[] } {
  const words = new Set<string>();
  const names = new Set<string>();
  for (const text of texts) {
    for (const w of text.split(/\s+/)) {
      const bare = w.replace(/[^\p{L}\p{N}]/gu, '');
      if (bare === '' || /\d/.test(bare)) continue;
      if (NAME.test(bare)) names.add(bare);
      else words.add(bare);
    }
  }
  return { words: [...words].sort(), names: [...names].sort() };
}

function pick<T>(list: readonly T[], random: () => number): T {
  return list[Math.floor(random() * list.length)];
}

/**
 * A copy of `text` edited at `rate` (share of its words) in the given way.
 * Words are split on white space; punctuation stays with its word.
 */
export function editedCopy(
  text: string,
  kind: CopyKind,
  rate: number,
  vocab: { words: string[]; names: string[] },
  random: () => number,
): EditedCopy {
  if (kind === 'verbatim') return { text, unchangedShare: 1 };
  if (kind === 'shuffle-lines') {
    const lines = text.split('\n');
    for (let k = lines.length - 1; k > 0; k--) {
      const j = Math.floor(random() * (k + 1));
      [lines[k], lines[j]] = [lines[j], lines[k]];
    }
    return { text: lines.join('\n'), unchangedShare: 1 };
  }
  const lines = text.split('\n').map((line) => line.split(' '));
  let kept = 0;
  let total = 0;
  const out = lines.map((words, lineNo) => {
    const result: string[] = [];
    for (const [k, w] of words.entries()) {
      const isWord = WORD.test(w);
      if (!isWord) {
        result.push(w);
        continue;
      }
      const sentenceStart = k === 0 || /[.!?:]$/.test(words[k - 1] ?? '');
      if (kind === 'names-digits') {
        if (/\d/.test(w)) {
          result.push(
            w.replace(/\d/g, (d) => String((Number(d) + 1 + Math.floor(random() * 8)) % 10)),
          );
          total++;
          continue;
        }
        if (NAME.test(w) && !sentenceStart) {
          result.push(pick(vocab.names, random) + w.replace(/^[\p{L}\p{N}]+/u, ''));
          total++;
          continue;
        }
        result.push(w);
        kept++;
        total++;
        continue;
      }
      if (kind === 'replace' && random() < rate) {
        result.push(pick(vocab.words, random));
        total++;
        continue;
      }
      if (kind === 'delete' && random() < rate) continue;
      result.push(w);
      kept++;
      total++;
      if (kind === 'insert' && random() < rate) {
        result.push(pick(vocab.words, random));
        total++;
      }
    }
    void lineNo;
    return result.join(' ');
  });
  return { text: out.join('\n'), unchangedShare: total === 0 ? 1 : kept / total };
}
