/**
 * The store-independent suite against Redis: a SharedPlanIndex over a
 * redis-server of the test's own gives the in-memory PlanIndex's results.
 */
import { afterAll, beforeAll, describe, it } from 'vitest';
import { SharedPlanIndex } from '../../src/index.js';
import { storeSuite } from '../helpers/store-suite.js';
import { NO_REDIS, REDIS_SERVER, TestRedis } from '../helpers/redis-server.js';

if (!REDIS_SERVER) {
  describe('SharedPlanIndex on Redis', () => {
    it.skip(NO_REDIS, () => {});
  });
} else {
  let server: TestRedis;
  let archives = 0;
  beforeAll(async () => {
    server = await TestRedis.start();
  });
  afterAll(async () => {
    await server?.stop();
  });
  storeSuite('SharedPlanIndex on Redis', async () => {
    const index = await SharedPlanIndex.connect(server.url, { name: `suite-${archives++}` });
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
}
