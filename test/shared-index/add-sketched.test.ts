/**
 * SharedPlanIndex.addSketched, the way scans and migrations fill an archive:
 * sketches made elsewhere (a PlanIndex with the archive's options) give the
 * archive that add gives; ids already there are kept and returned; a sketch
 * of other options is refused before anything is sent.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateArchive } from '../../corpus/generator/archive.js';
import { type PlanDoc, PlanIndex, SharedPlanIndex } from '../../src/index.js';
import { NO_REDIS, REDIS_SERVER, TestRedis } from '../helpers/redis-server.js';

const docs = [...generateArchive({ plans: 40, seed: 11 }).files.values()].map(
  (f): PlanDoc & { reference: boolean } => ({
    id: f.id,
    text: f.text,
    reference: !f.path.startsWith('plans/'),
  }),
);

if (!REDIS_SERVER) console.warn(NO_REDIS);

describe.skipIf(!REDIS_SERVER)('SharedPlanIndex.addSketched', () => {
  let server: TestRedis;
  beforeAll(async () => {
    server = await TestRedis.start();
  });
  afterAll(async () => {
    await server?.stop();
  });

  it('adds sketches made elsewhere as add would, and returns the ids already there', async () => {
    const sketched = await SharedPlanIndex.connect(server.url, { name: 'sketched' });
    const added = await SharedPlanIndex.connect(server.url, { name: 'added' });
    const sketcher = new PlanIndex(sketched.options);
    try {
      const first = docs.slice(0, 30);
      expect(
        await sketched.addSketched(
          first.map(({ reference, ...doc }) => sketcher.sketch(doc, { reference })),
        ),
      ).toEqual([]);
      // Overlapping the first batch: the 10 of it come back, the 10 new ones go in.
      expect(
        await sketched.addSketched(
          docs.slice(20).map(({ reference, ...doc }) => sketcher.sketch(doc, { reference })),
        ),
      ).toEqual(docs.slice(20, 30).map((d) => d.id));
      for (const { reference, ...doc } of docs) {
        const stored = await (reference ? added.addReference(doc) : added.add(doc));
        // add answers what info reads back, without asking Redis again.
        expect(stored).toEqual(await added.info(doc.id));
      }
      expect(await sketched.size()).toBe(docs.length);
      for (const { id, text } of docs.filter((d) => !d.reference).slice(0, 8)) {
        const options = { exclude: [id] };
        expect(JSON.stringify(await sketched.check(text, options)), id).toBe(
          JSON.stringify(await added.check(text, options)),
        );
      }
      expect(await sketched.info(docs[0].id)).toEqual(await added.info(docs[0].id));
    } finally {
      await sketched.drop();
      await added.drop();
    }
  }, 120_000);

  it('refuses a sketch of other options, and what is not an array, sending nothing', async () => {
    const index = await SharedPlanIndex.connect(server.url, { name: 'refused' });
    try {
      const other = new PlanIndex({ shingleSize: 5 });
      const good = new PlanIndex(index.options).sketch(docs[0]);
      await expect(index.addSketched([good, other.sketch(docs[1])])).rejects.toMatchObject({
        code: 'ERR_SAOCHEP_INDEX_INCOMPATIBLE',
      });
      await expect(index.addSketched(good as never)).rejects.toMatchObject({
        code: 'ERR_SAOCHEP_INVALID_ARGUMENT',
      });
      expect(await index.size()).toBe(0);
    } finally {
      await index.drop();
    }
  });
});
