/**
 * The store-independent suite against a 3-master Redis Cluster started here
 * from Debian's redis-server: an archive's own keys share one hash slot (its
 * {name} tag) and its posting lists spread over shards of their own (see
 * shards.test.ts), so each Lua script runs on one node.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SharedPlanIndex } from '../../src/index.js';
import { storeSuite } from '../helpers/store-suite.js';
import { NO_REDIS, REDIS_SERVER, TestCluster } from '../helpers/redis-server.js';

if (!REDIS_SERVER) {
  describe('SharedPlanIndex on Redis Cluster', () => {
    it.skip(NO_REDIS, () => {});
  });
} else {
  let cluster: TestCluster;
  let archives = 0;
  beforeAll(async () => {
    cluster = await TestCluster.start(3);
  }, 60_000);
  afterAll(async () => {
    await cluster?.stop();
  });
  storeSuite('SharedPlanIndex on Redis Cluster', async () => {
    const index = await SharedPlanIndex.connect(
      { cluster: cluster.nodes },
      { name: `cluster-${archives++}` },
    );
    return {
      add: (doc) => index.add(doc),
      addReference: (doc) => index.addReference(doc),
      remove: (id) => index.remove(id),
      has: (id) => index.has(id),
      size: () => index.size(),
      check: (input, options) => index.check(input, options),
      close: () => index.drop(),
    };
  });
  describe('SharedPlanIndex on Redis Cluster: archives', () => {
    it('keeps archives apart, and drop removes every key of one', async () => {
      const a = await SharedPlanIndex.connect({ cluster: cluster.nodes }, { name: 'a' });
      const b = await SharedPlanIndex.connect({ cluster: cluster.nodes }, { name: 'b' });
      await a.add({ id: 'x', text: 'Kế hoạch triển khai thực hiện nhiệm vụ năm 2024 của xã' });
      expect(await a.size()).toBe(1);
      expect(await b.size()).toBe(0);
      await a.drop();
      await b.close();
      const again = await SharedPlanIndex.connect({ cluster: cluster.nodes }, { name: 'a' });
      expect(await again.size()).toBe(0);
      expect(await again.has('x')).toBe(false);
      await again.drop();
    });
  });
}
