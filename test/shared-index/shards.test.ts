/**
 * The archive's posting lists spread over shards: in a 3-master cluster every
 * master holds some of one archive's lists while its own keys stay in one
 * slot, and drop leaves no key on any node. A writer that dies between the
 * archive's script and its posting lists leaves them for the next
 * connection, which finishes them: checks then give the in-memory answers.
 */
import { Cluster, Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateArchive } from '../../corpus/generator/archive.js';
import { type PlanDoc, PlanIndex, SharedPlanIndex } from '../../src/index.js';
import { NO_REDIS, REDIS_SERVER, TestCluster, TestRedis, keysOf } from '../helpers/redis-server.js';

const archive = generateArchive({ plans: 300, seed: 5 });
const PLANS: PlanDoc[] = [...archive.files.values()]
  .filter((f) => f.path.startsWith('plans/'))
  .map((f) => ({ id: f.id, text: f.text }));

/** Each plan's CheckResult as JSON. */
async function results(
  check: (text: string, options: { exclude: string[] }) => unknown,
  plans: readonly PlanDoc[],
): Promise<string[]> {
  const out: string[] = [];
  for (const p of plans) out.push(JSON.stringify(await check(p.text, { exclude: [p.id] })));
  return out;
}

if (!REDIS_SERVER) {
  describe('SharedPlanIndex: posting lists in shards', () => {
    it.skip(NO_REDIS, () => {});
  });
} else {
  describe('SharedPlanIndex: posting lists in shards, on a 3-master cluster', () => {
    let cluster: TestCluster;
    beforeAll(async () => {
      cluster = await TestCluster.start(3);
    }, 60_000);
    afterAll(async () => {
      await cluster?.stop();
    });

    it("spreads one archive's posting lists over every master, its own keys in one slot", async () => {
      const index = await SharedPlanIndex.connect({ cluster: cluster.nodes }, { name: 'spread' });
      const client = new Cluster(
        cluster.nodes.map((n) => ({ host: '127.0.0.1', port: Number(n.split(':')[1]) })),
      );
      try {
        await index.addAll(PLANS.slice(0, 40));
        const masters = client.nodes('master');
        expect(masters).toHaveLength(3);
        const own = await Promise.all(masters.map((n) => keysOf(n, 'saochep:{spread}:*')));
        const shards = await Promise.all(masters.map((n) => keysOf(n, 'saochep:{spread#*}:*')));
        // The archive's own keys: all on one node, in one slot.
        expect(own.filter((keys) => keys.length > 0)).toHaveLength(1);
        const slots = new Set(
          await Promise.all(own.flat().map((k) => client.cluster('KEYSLOT', k) as Promise<number>)),
        );
        expect(slots.size).toBe(1);
        // Posting lists on every master, each shard's lists in one slot of their own.
        for (const keys of shards) expect(keys.length).toBeGreaterThan(0);
        const shardSlots = new Map<string, Set<number>>();
        for (const key of shards.flat()) {
          const tag = key.slice(0, key.indexOf('}') + 1);
          const slot = (await client.cluster('KEYSLOT', key)) as number;
          if (!shardSlots.has(tag)) shardSlots.set(tag, new Set());
          shardSlots.get(tag)?.add(slot);
        }
        expect(shardSlots.size).toBe(16);
        for (const set of shardSlots.values()) expect(set.size).toBe(1);
        // And a check reads them all: a plan finds itself.
        const self = await index.check(PLANS[3].text);
        expect(self.matches[0]?.id).toBe(PLANS[3].id);

        await index.drop();
        for (const node of masters) {
          expect(await keysOf(node, 'saochep:{spread}:*')).toEqual([]);
          expect(await keysOf(node, 'saochep:{spread#*}:*')).toEqual([]);
        }
      } finally {
        client.disconnect();
      }
    }, 120_000);
  });

  describe('SharedPlanIndex: a writer that died half way', () => {
    let server: TestRedis;
    let redis: Redis;
    beforeAll(async () => {
      server = await TestRedis.start();
      redis = new Redis(server.url);
    });
    afterAll(async () => {
      redis?.disconnect();
      await server?.stop();
    });

    it('has its posting lists written by the next connection, and checks as in memory', async () => {
      const docs = PLANS.slice(0, 280);
      const truth = new PlanIndex();
      truth.addAll(docs);
      const first = await SharedPlanIndex.connect(server.url, { name: 'died' });
      await first.addAll(docs);
      await first.close();
      // What a writer that died after the archive's script leaves: no posting lists, all pending.
      const lists = await keysOf(redis, 'saochep:{died#*}:*');
      expect(lists.length).toBeGreaterThan(100);
      for (const key of lists) await redis.del(key);
      const numbers = await redis.hvals('saochep:{died}:ids');
      await redis.sadd('saochep:{died}:pending', ...numbers);

      const broken = await SharedPlanIndex.connect(server.url, { name: 'died' });
      expect(await redis.scard('saochep:{died}:pending')).toBe(0);
      const sample = docs.filter((_, k) => k % 7 === 0);
      expect(await results((t, o) => broken.check(t, o), sample)).toEqual(
        await results((t, o) => truth.check(t, o), sample),
      );
      expect((await keysOf(redis, 'saochep:{died#*}:*')).sort()).toEqual(lists.sort());
      await broken.drop();
    }, 300_000);

    it('has a half-done removal finished by the next connection', async () => {
      const docs = PLANS.slice(0, 280);
      const gone = docs[10];
      const truth = new PlanIndex();
      truth.addAll(docs);
      truth.remove(gone.id);
      const first = await SharedPlanIndex.connect(server.url, { name: 'half' });
      await first.addAll(docs);
      const d = Number(await redis.hget('saochep:{half}:ids', gone.id));
      const record = await redis.hgetBuffer('saochep:{half}:records', String(d));
      // The lists that hold the document, and its member in them.
      const holding: Array<[string, string]> = [];
      for (const key of await keysOf(redis, 'saochep:{half#*}:*'))
        for (const m of await redis.smembers(key))
          if (Math.floor(Number(m) / 32) === d) holding.push([key, m]);
      expect(holding.length).toBeGreaterThan(10);
      expect(await first.remove(gone.id)).toBe(true);
      for (const [key, m] of holding) expect(await redis.sismember(key, m)).toBe(0);
      await first.close();
      // What a writer that died after the removal script leaves: the record in removing, listed still.
      for (const [key, m] of holding) await redis.sadd(key, m);
      if (record) await redis.hset('saochep:{half}:removing', String(d), record);

      const next = await SharedPlanIndex.connect(server.url, { name: 'half' });
      for (const [key, m] of holding) expect(await redis.sismember(key, m), key).toBe(0);
      expect(await redis.hlen('saochep:{half}:removing')).toBe(0);
      expect(await next.has(gone.id)).toBe(false);
      const sample = [gone, ...docs.filter((_, k) => k % 9 === 0)];
      expect(await results((t, o) => next.check(t, o), sample)).toEqual(
        await results((t, o) => truth.check(t, o), sample),
      );
      await next.drop();
    }, 300_000);
  });
}
