import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { END, PostingTable } from '../../src/plan-index/posting-table.js';

function list(table: PostingTable, key: number): number[] {
  const out: number[] = [];
  for (let e = table.first(key); e !== END; e = table.nextEntry(e)) out.push(table.docOf(e));
  return out.sort((a, b) => a - b);
}

describe('PostingTable', () => {
  it('behaves as a multimap, through adds, removes and growth (against a Map of arrays)', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.tuple(fc.boolean(), fc.integer({ min: 0, max: 60 }), fc.integer({ min: 0, max: 30 })),
          { maxLength: 600 },
        ),
        (ops) => {
          const table = new PostingTable(4);
          const model = new Map<number, number[]>();
          for (const [isAdd, rawKey, doc] of ops) {
            // Spread keys over the whole 32-bit range, with collisions in the probe sequence.
            const key = Math.imul(rawKey, 0x10001) >>> 0;
            const docs = model.get(key) ?? [];
            if (isAdd) {
              table.add(key, doc);
              docs.push(doc);
              model.set(key, docs);
            } else {
              const at = docs.indexOf(doc);
              expect(table.remove(key, doc)).toBe(at >= 0);
              if (at >= 0) docs.splice(at, 1);
              if (docs.length === 0) model.delete(key);
            }
          }
          for (let rawKey = 0; rawKey <= 60; rawKey++) {
            const key = Math.imul(rawKey, 0x10001) >>> 0;
            const expected = [...(model.get(key) ?? [])].sort((a, b) => a - b);
            expect(list(table, key)).toEqual(expected);
            expect(table.count(key)).toBe(expected.length);
          }
          expect(table.size).toBe(model.size);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('keeps every list and its walk order when relaid, and adds and removes as before afterwards', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: 0, max: 40 }), fc.integer({ min: 0, max: 50 })), {
          maxLength: 500,
        }),
        fc.array(
          fc.tuple(fc.boolean(), fc.integer({ min: 0, max: 40 }), fc.integer({ min: 0, max: 50 })),
          { maxLength: 100 },
        ),
        (adds, later) => {
          const relaid = new PostingTable(4);
          const kept = new PostingTable(4);
          for (const [k, doc] of adds) {
            relaid.add(Math.imul(k, 0x10001) >>> 0, doc);
            kept.add(Math.imul(k, 0x10001) >>> 0, doc);
          }
          // Some removals first, so that the free list has entries to drop.
          for (const [k, doc] of adds.slice(0, 20)) {
            relaid.remove(Math.imul(k, 0x10001) >>> 0, doc);
            kept.remove(Math.imul(k, 0x10001) >>> 0, doc);
          }
          relaid.relay();
          const walk = (table: PostingTable, key: number) => {
            const out: number[] = [];
            for (let e = table.first(key); e !== END; e = table.nextEntry(e))
              out.push(table.docOf(e));
            return out;
          };
          const check = () => {
            for (let k = 0; k <= 40; k++) {
              const key = Math.imul(k, 0x10001) >>> 0;
              expect(walk(relaid, key)).toEqual(walk(kept, key));
            }
            expect(relaid.size).toBe(kept.size);
          };
          check();
          for (const [isAdd, k, doc] of later) {
            const key = Math.imul(k, 0x10001) >>> 0;
            if (isAdd) {
              relaid.add(key, doc);
              kept.add(key, doc);
            } else expect(relaid.remove(key, doc)).toBe(kept.remove(key, doc));
          }
          check();
        },
      ),
      { numRuns: 200 },
    );
  });
});
