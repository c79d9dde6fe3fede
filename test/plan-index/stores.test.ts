/**
 * The store-independent suite against the in-memory store, through the async
 * seam (checkAsync), and the read-only index over a shared snapshot.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateArchive } from '../../corpus/generator/archive.js';
import { PlanIndex } from '../../src/index.js';
import { storeSuite } from '../helpers/store-suite.js';

storeSuite('memory (checkAsync)', async () => {
  const index = new PlanIndex();
  return {
    add: async (doc) => index.add(doc),
    addReference: async (doc) => index.addReference(doc),
    remove: async (id) => index.remove(id),
    has: async (id) => index.has(id),
    size: async () => index.size,
    check: (input, options) => index.checkAsync(input, options),
    close: async () => {},
  };
});

const archive = generateArchive({ plans: 300, seed: 34 });
const PLANS = [...archive.files.values()].map((f) => ({ id: f.id, text: f.text }));

describe('checks in flight at once', () => {
  it('interleaved checkAsync calls give what one check at a time gives', async () => {
    const index = new PlanIndex();
    index.addAll(PLANS);
    const plans = PLANS.slice(0, 40);
    const sequential = plans.map((p) => JSON.stringify(index.check(p.text, { exclude: [p.id] })));
    const together = await Promise.all(
      plans.map((p) => index.checkAsync(p.text, { exclude: [p.id] })),
    );
    expect(together.map((r) => JSON.stringify(r))).toEqual(sequential);
  }, 120_000);
});

describe('a read-only index over a shared snapshot', () => {
  it('checks as the original does, and refuses changes', () => {
    const index = new PlanIndex();
    index.addAll(PLANS);
    index.remove(PLANS[5].id);
    const shared = PlanIndex.fromSnapshot(index.snapshot());
    for (const p of PLANS.slice(0, 40))
      expect(JSON.stringify(shared.check(p.text)), p.id).toBe(JSON.stringify(index.check(p.text)));
    expect(() => shared.add({ id: 'new', text: 'văn bản mới' })).toThrow(/read-only copy/);
    expect(() => shared.remove(PLANS[0].id)).toThrow(/read-only copy/);
  }, 120_000);
});

describe('an index saved by saochep 0.1.0 before the redesign', () => {
  const ROOT = join(import.meta.dirname, '..', '..');
  const SAMPLE = join(ROOT, 'corpus', 'sample');
  const frozen = new Uint8Array(
    readFileSync(join(ROOT, 'test', 'fixtures', 'index-format-v2-0.1.0.idx')),
  );

  /** The same documents, added now by the same steps as when the file was made (see test/fixtures/README.md). */
  function rebuilt(): PlanIndex {
    const index = new PlanIndex();
    for (const f of readdirSync(join(SAMPLE, 'directives')).sort().slice(0, 1))
      index.addReference({
        id: `directives/${f}`,
        text: readFileSync(join(SAMPLE, 'directives', f), 'utf8'),
      });
    for (const f of readdirSync(join(SAMPLE, 'plans')).sort().slice(0, 12))
      index.add({ id: f, text: readFileSync(join(SAMPLE, 'plans', f), 'utf8'), meta: { n: f } });
    index.remove('P0003.txt');
    return index;
  }

  it('loads, saves the same bytes as a fresh build, and checks the same', () => {
    const loaded = PlanIndex.deserialize(frozen);
    const fresh = rebuilt();
    expect(loaded.size).toBe(fresh.size);
    expect(Buffer.from(loaded.serialize()).equals(Buffer.from(frozen))).toBe(true);
    expect(Buffer.from(fresh.serialize()).equals(Buffer.from(frozen))).toBe(true);
    for (const f of readdirSync(join(SAMPLE, 'plans')).sort().slice(10, 30)) {
      const text = readFileSync(join(SAMPLE, 'plans', f), 'utf8');
      expect(JSON.stringify(loaded.check(text)), f).toBe(JSON.stringify(fresh.check(text)));
    }
  });
});
