/**
 * Texts packed out of the heap (PackedStrings, used by a store built whole:
 * load, compact) come back exactly as given: any UTF-16 string, lone
 * surrogates and NUL included, and missing ones stay missing; through a
 * compaction and a save, PlanIndex.text and documents() give the texts that were added.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PlanIndex } from '../../src/index.js';
import { PackedStrings } from '../../src/plan-index/store/string-column.js';
import { SENTENCES } from '../helpers/vietnamese.js';

describe('PackedStrings', () => {
  it('gives back every string exactly (any code units), and undefined for none', () => {
    fc.assert(
      fc.property(
        fc.array(fc.option(fc.string({ unit: 'binary' }), { nil: undefined })),
        (values) => {
          const packed = PackedStrings.of(values);
          for (const [d, v] of values.entries()) {
            expect(packed.get(d)).toBe(v);
            expect(packed.bytesOf(d)).toBe(v === undefined ? 0 : 2 * v.length);
          }
          expect(packed.get(values.length)).toBeUndefined();
        },
      ),
    );
    const lone = ['\uD800', 'a\uDFFFb', '\u0000x', ''];
    const packed = PackedStrings.of(lone);
    expect(lone.map((_, d) => packed.get(d))).toEqual(lone);
  });

  it('keeps the texts of a compacted or loaded index as they were added, and those added after it', () => {
    const index = new PlanIndex();
    const texts = SENTENCES.slice(0, 6).map((s, k) => `${s} ${'\uD83D'.repeat(k % 2)}`);
    for (const [k, text] of texts.entries()) index.add({ id: `p${k}`, text });
    const bytes = index.memoryUsage().texts;
    // compact() packs them as they are; a saved index holds UTF-8, where a lone surrogate is U+FFFD.
    index.compact();
    const loaded = PlanIndex.deserialize(index.serialize());
    for (const [k, text] of texts.entries()) {
      expect(index.text(`p${k}`)).toBe(text);
      expect(loaded.text(`p${k}`)).toBe(text.replace('\uD83D', '\uFFFD'));
    }
    expect(index.memoryUsage().texts).toBe(bytes);
    index.add({ id: 'later', text: SENTENCES[7] });
    index.remove('p2');
    expect(index.text('p2')).toBeUndefined();
    expect(index.text('later')).toBe(SENTENCES[7]);
    expect([...index.documents()].map((d) => d.text)).toEqual([
      ...texts.filter((_, k) => k !== 2),
      SENTENCES[7],
    ]);
    expect(index.memoryUsage().texts).toBe(bytes - 2 * texts[2].length + 2 * SENTENCES[7].length);
  });
});
