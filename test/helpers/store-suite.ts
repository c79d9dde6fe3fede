/**
 * The store-independent suite: what any index must do whatever holds its data
 * (memory now, Redis next), checked against the in-memory PlanIndex built
 * from the same documents by the same steps — its results are the truth a
 * store must reproduce byte for byte (as JSON), passages included.
 */
import { describe, expect, it } from 'vitest';
import { generateArchive } from '../../corpus/generator/archive.js';
import {
  type CheckInput,
  type CheckOptions,
  type CheckResult,
  type PlanDoc,
  PlanIndex,
} from '../../src/index.js';

/** An index seen through Promises: PlanIndex's methods, as a shared index has them. */
export interface AsyncPlanIndex {
  add(doc: PlanDoc): Promise<unknown>;
  addReference(doc: PlanDoc): Promise<unknown>;
  remove(id: string): Promise<boolean>;
  has(id: string): Promise<boolean>;
  size(): Promise<number>;
  check(input: CheckInput, options?: CheckOptions): Promise<CheckResult>;
  /** Let go of the index (and drop what it stored, for a shared one). */
  close(): Promise<void>;
}

/** Large enough that a check searches candidates (more than 256 documents) instead of verifying all. */
const archive = generateArchive({ plans: 300, seed: 33 });
const DIRECTIVES = archive.directives.map((d) => ({ id: d.id, text: d.doc.text }));
const PLANS = [...archive.files.values()]
  .filter((f) => f.path.startsWith('plans/'))
  .map((f) => ({ id: f.id, text: f.text }));

/** Run the suite against indexes made by `open` (a fresh, empty index each time). */
export function storeSuite(name: string, open: () => Promise<AsyncPlanIndex>): void {
  describe(`${name}: the store-independent suite`, () => {
    it('gives the CheckResult of the in-memory PlanIndex, passages included, for every plan', async () => {
      const truth = new PlanIndex();
      const index = await open();
      try {
        for (const d of DIRECTIVES) {
          truth.addReference(d);
          await index.addReference(d);
        }
        for (const p of PLANS) {
          truth.add(p);
          await index.add(p);
        }
        expect(await index.size()).toBe(truth.size);
        let copied = 0;
        for (const p of PLANS.slice(0, 60)) {
          const options = { exclude: [p.id], onlyEarlier: true };
          const expected = truth.check(p.text, options);
          if (expected.score >= 0.5) copied++;
          expect(JSON.stringify(await index.check(p.text, options)), p.id).toBe(
            JSON.stringify(expected),
          );
        }
        // The comparison means something only if copies were found.
        expect(copied).toBeGreaterThan(10);
      } finally {
        await index.close();
      }
    }, 300_000);

    it('refuses a duplicate id with ERR_SAOCHEP_DUPLICATE_ID and keeps the first', async () => {
      const index = await open();
      try {
        await index.add(PLANS[0]);
        await expect(index.add({ id: PLANS[0].id, text: PLANS[1].text })).rejects.toMatchObject({
          code: 'ERR_SAOCHEP_DUPLICATE_ID',
        });
        expect(await index.size()).toBe(1);
        const result = await index.check(PLANS[0].text);
        expect(result.matches[0]?.id).toBe(PLANS[0].id);
        expect(result.score).toBeGreaterThan(0.9);
      } finally {
        await index.close();
      }
    });

    it('removes: the document is gone, and results are those of an index that had the same adds and removes', async () => {
      const truth = new PlanIndex();
      const index = await open();
      try {
        const docs = PLANS.slice(0, 80);
        for (const p of docs) {
          truth.add(p);
          await index.add(p);
        }
        for (const p of docs.slice(0, 80).filter((_, k) => k % 3 === 0)) {
          expect(truth.remove(p.id)).toBe(true);
          expect(await index.remove(p.id)).toBe(true);
          expect(await index.has(p.id)).toBe(false);
        }
        expect(await index.remove('no such id')).toBe(false);
        expect(await index.size()).toBe(truth.size);
        for (const p of docs.slice(0, 30)) {
          const result = await index.check(p.text);
          expect(JSON.stringify(result), p.id).toBe(JSON.stringify(truth.check(p.text)));
          if (!truth.has(p.id)) expect(result.matches.map((m) => m.id)).not.toContain(p.id);
        }
      } finally {
        await index.close();
      }
    }, 300_000);
  });
}
