/**
 * How many syllables per shingle? Measures, for each size, on real text:
 * - chance overlap: the share of a document's shingles that also occur in
 *   unrelated documents of the same corpus (near-duplicate pairs excluded);
 * - retention under edits: the share of an edited copy's shingles still found
 *   in its source, with 1 token in 20 / 1 in 10 replaced, and with sentences
 *   reordered (copiers' usual edits; numbers are hashed alike, so changed
 *   numbers and dates cost nothing).
 * The default size is the one with the widest gap between retention and chance.
 *
 *   npm run bench:shingle-size
 */
import { existsSync, readFileSync } from 'node:fs';
import { tokenize } from 'saochep';
import { shingle } from 'saochep/sketch';
import { LEGAL_CORPUS, REAL_CORPUS, environment, readJsonl, writeResults } from './util.js';

const SIZES = [2, 3, 4, 5, 6, 7, 8];
const SAMPLE = 400;

/** Deterministic pseudo-random numbers (mulberry32). */
function random(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = seed;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function corpora(): Array<{ name: string; texts: string[]; ids: string[]; dupes: Set<string> }> {
  const out = [];
  for (const [name, path] of [
    ['corpus-real (news)', REAL_CORPUS],
    ['corpus-legal (legal and administrative)', LEGAL_CORPUS],
  ] as const) {
    if (!existsSync(path)) continue;
    const docs = readJsonl(path);
    const dupes = new Set<string>();
    const neardup = path.replace('corpus.jsonl', 'neardup-full.json');
    if (existsSync(neardup)) {
      const pairs = (
        JSON.parse(readFileSync(neardup, 'utf8')) as { pairs: Array<{ a: string; b: string }> }
      ).pairs;
      for (const p of pairs) {
        dupes.add(p.a);
        dupes.add(p.b);
      }
    }
    out.push({ name, texts: docs.map((d) => d.text), ids: docs.map((d) => d.id), dupes });
  }
  return out;
}

function edit(tokens: string[], every: number, vocabulary: string[], rnd: () => number): string[] {
  return tokens.map((t) =>
    rnd() < 1 / every ? vocabulary[Math.floor(rnd() * vocabulary.length)] : t,
  );
}

function reorderSentences(text: string, rnd: () => number): string[] {
  const sentences = text.split(/(?<=[.;:!?])\s+/);
  for (let i = sentences.length - 1; i > 0; i--) {
    const j = Math.floor(rnd() * (i + 1));
    [sentences[i], sentences[j]] = [sentences[j], sentences[i]];
  }
  return tokenize(sentences.join(' '));
}

function share(of: Uint32Array, inSet: Set<number>): number {
  if (of.length === 0) return 0;
  let found = 0;
  for (const h of of) if (inSet.has(h)) found++;
  return found / of.length;
}

const results = [];
for (const corpus of corpora()) {
  const tokens = corpus.texts.map((t) => tokenize(t));
  const vocabulary = [...new Set(tokens.flat().filter((t) => !/\d/.test(t)))];
  const rnd = random(12345);
  const sample: number[] = [];
  while (sample.length < Math.min(SAMPLE, corpus.texts.length)) {
    const k = Math.floor(rnd() * corpus.texts.length);
    if (!corpus.dupes.has(corpus.ids[k]) && !sample.includes(k)) sample.push(k);
  }
  console.log(`\n${corpus.name}: ${corpus.texts.length} documents, ${sample.length} sampled`);
  console.log('size  chance  keep(1/20)  keep(1/10)  keep(reordered)  gap(1/10)');
  for (const size of SIZES) {
    // How many documents hold each shingle; near-duplicates count as unrelated only once.
    const docCount = new Map<number, number>();
    tokens.forEach((t, k) => {
      if (corpus.dupes.has(corpus.ids[k]) && !sample.includes(k)) return;
      for (const h of new Set(shingle(t, { size }))) docCount.set(h, (docCount.get(h) ?? 0) + 1);
    });
    let chance = 0;
    let keep20 = 0;
    let keep10 = 0;
    let keepReordered = 0;
    for (const k of sample) {
      const own = shingle(tokens[k], { size });
      const ownSet = new Set(own);
      let elsewhere = 0;
      for (const h of own) if ((docCount.get(h) ?? 0) > 1) elsewhere++;
      chance += own.length ? elsewhere / own.length : 0;
      const r = random(k);
      keep20 += share(shingle(edit(tokens[k], 20, vocabulary, r), { size }), ownSet);
      keep10 += share(shingle(edit(tokens[k], 10, vocabulary, r), { size }), ownSet);
      keepReordered += share(shingle(reorderSentences(corpus.texts[k], r), { size }), ownSet);
    }
    const n = sample.length;
    const row = {
      corpus: corpus.name,
      size,
      chance: chance / n,
      keepEdit20: keep20 / n,
      keepEdit10: keep10 / n,
      keepReordered: keepReordered / n,
    };
    results.push(row);
    console.log(
      `${String(size).padStart(4)}  ${row.chance.toFixed(3)}   ${row.keepEdit20.toFixed(3)}       ${row.keepEdit10.toFixed(3)}       ${row.keepReordered.toFixed(3)}            ${(row.keepEdit10 - row.chance).toFixed(3)}`,
    );
  }
}
console.log(`written: ${writeResults('shingle-size', { results, environment: environment() })}`);
