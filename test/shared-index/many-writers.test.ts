/**
 * Several processes add and remove at once in one archive: nothing is lost,
 * no id is indexed twice, and the document-frequency counters are exactly
 * those of the documents that remain (no lost update), as a count-min
 * sketch built here from those documents says.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateArchive } from '../../corpus/generator/archive.js';
import { type PlanDoc, SharedPlanIndex } from '../../src/index.js';
import { DocFrequency } from '../../src/plan-index/doc-frequency.js';
import { countedSet } from '../../src/plan-index/read-document.js';
import { Sketcher } from '../../src/plan-index/sketcher.js';
import { NO_REDIS, REDIS_SERVER, TestRedis } from '../helpers/redis-server.js';
import { ROOT } from '../helpers/paths.js';

const WRITERS = 4;
const OWN = 24;

const plans = [...generateArchive({ plans: WRITERS * OWN + 20, seed: 71 }).files.values()]
  .filter((f) => f.path.startsWith('plans/'))
  .map((f): PlanDoc => ({ id: f.id, text: f.text }));

describe.skipIf(!REDIS_SERVER)('SharedPlanIndex: many writers at once', () => {
  let server: TestRedis;
  let dir: string;
  beforeAll(async () => {
    server = await TestRedis.start();
    dir = mkdtempSync(join(tmpdir(), 'saochep-writers-'));
  });
  afterAll(async () => {
    await server?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('loses nothing, indexes no id twice, and counts exactly', async () => {
    const own = Array.from({ length: WRITERS }, (_, w) => plans.slice(w * OWN, (w + 1) * OWN));
    const contested = plans.slice(WRITERS * OWN);
    const file = join(dir, 'docs.json');
    writeFileSync(file, JSON.stringify({ own, contested }));
    const run = promisify(execFile);
    const outputs = await Promise.all(
      own.map((_, w) =>
        run(
          process.execPath,
          [
            '--import',
            'tsx',
            'test/helpers/redis-writer.ts',
            server.url,
            'writers',
            String(w),
            file,
          ],
          // tsx keeps its cache in TMPDIR: this test's folder, removed at the end.
          { cwd: ROOT, env: { ...process.env, TMPDIR: dir } },
        ),
      ),
    );
    const duplicates = outputs
      .map((o) => (JSON.parse(o.stdout) as { duplicates: number }).duplicates)
      .reduce((a, b) => a + b, 0);
    // Each contested document went in once; every other writer was refused it.
    expect(duplicates).toBe(contested.length * (WRITERS - 1));

    const remaining = [...own.flatMap((docs) => docs.filter((_, k) => k % 3 !== 0)), ...contested];
    const index = await SharedPlanIndex.connect(server.url, { name: 'writers' });
    try {
      expect(await index.size()).toBe(remaining.length);
      // The writers' references (see redis-writer.ts) that were not removed.
      const half = Math.floor(OWN / 2);
      const references = Array.from({ length: half }, (_, k) => k).filter(
        (k) => k % 4 === 1 && k % 3 !== 0,
      );
      expect(await index.references()).toBe(WRITERS * references.length);
      for (const doc of remaining) expect(await index.has(doc.id), doc.id).toBe(true);
      for (const docs of own)
        for (const [k, doc] of docs.entries())
          if (k % 3 === 0) expect(await index.has(doc.id), doc.id).toBe(false);
      const self = await index.check(remaining[0].text);
      expect(self.matches[0]?.id).toBe(remaining[0].id);
    } finally {
      await index.close();
    }

    // The counters in Redis against a sketch of the remaining documents.
    const sketcher = new Sketcher();
    const truth = new DocFrequency();
    for (const doc of remaining) truth.add(countedSet(sketcher.read(doc.text)), 1);
    const redis = new Redis(server.url);
    try {
      const bytes = (await redis.getBuffer('saochep:{writers}:df')) ?? Buffer.alloc(0);
      const pairs: number[] = [];
      // BITFIELD's u32 counters are big-endian.
      for (let i = 0; i + 4 <= bytes.length; i += 4) {
        const v = bytes.readUInt32BE(i);
        if (v !== 0) pairs.push(i / 4, v);
      }
      expect(pairs).toEqual(Array.from(truth.toPairs()));
      expect(pairs.length).toBeGreaterThan(1000);
    } finally {
      redis.disconnect();
    }
  }, 300_000);
});

describe.skipIf(REDIS_SERVER)('SharedPlanIndex: many writers at once', () => {
  it.skip(NO_REDIS, () => {});
});
