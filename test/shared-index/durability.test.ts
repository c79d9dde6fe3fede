/**
 * What survives and what a caller sees when Redis goes away: acknowledged
 * adds survive kill -9 (AOF, appendfsync always); a lost or refused
 * connection is ERR_SAOCHEP_STORE_UNAVAILABLE, never a result; the same
 * index works again once Redis is back. And the options an archive was
 * created with are kept: other ones are refused, none means the stored ones.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateArchive } from '../../corpus/generator/archive.js';
import { type PlanDoc, PlanIndex, SharedPlanIndex } from '../../src/index.js';
import { NO_REDIS, REDIS_SERVER, TestRedis, freePort, keysOf } from '../helpers/redis-server.js';

const plans = [...generateArchive({ plans: 60, seed: 5 }).files.values()]
  .filter((f) => f.path.startsWith('plans/'))
  .map((f): PlanDoc => ({ id: f.id, text: f.text }));

describe.skipIf(!REDIS_SERVER)('SharedPlanIndex: durability and a lost connection', () => {
  let server: TestRedis;
  beforeAll(async () => {
    server = await TestRedis.start();
  });
  afterAll(async () => {
    await server?.stop();
  });

  it('keeps every acknowledged add through kill -9 of redis-server', async () => {
    const index = await SharedPlanIndex.connect(server.url, { name: 'durable' });
    const truth = new PlanIndex();
    for (const doc of plans.slice(0, 30)) {
      await index.add(doc);
      truth.add(doc);
    }
    await index.addAll(plans.slice(30));
    truth.addAll(plans.slice(30));
    await index.close();
    await server.kill();
    await server.restart();
    const again = await SharedPlanIndex.connect(server.url, { name: 'durable' });
    try {
      expect(await again.size()).toBe(plans.length);
      for (const doc of plans) expect(await again.has(doc.id), doc.id).toBe(true);
      expect(await again.text(plans[7].id)).toBe(plans[7].text);
      const options = { exclude: [plans[3].id] };
      expect(JSON.stringify(await again.check(plans[3].text, options))).toBe(
        JSON.stringify(truth.check(plans[3].text, options)),
      );
    } finally {
      await again.drop();
    }
  }, 120_000);

  it('finishes writes a lost connection cut short once Redis is back, without a new connect', async () => {
    const index = await SharedPlanIndex.connect(server.url, { name: 'cut', connectTimeout: 500 });
    const { Redis } = await import('ioredis');
    try {
      await index.addAll(plans);
      // An add whose posting lists were not sent when the connection went: listed as pending.
      const redis = new Redis(server.url);
      const lists = await keysOf(redis, 'saochep:{cut#*}:*');
      const members = await Promise.all(lists.map((key) => redis.smembers(key)));
      for (const key of lists) await redis.del(key);
      await redis.sadd('saochep:{cut}:pending', ...(await redis.hvals('saochep:{cut}:ids')));
      redis.disconnect();
      await server.kill();
      await server.restart();
      // The index reconnects by itself, then finishes the pending documents.
      const check = new Redis(server.url);
      try {
        for (let wait = 0; (await check.scard('saochep:{cut}:pending')) > 0 && wait < 100; wait++)
          await new Promise((resolve) => setTimeout(resolve, 100));
        expect(await check.scard('saochep:{cut}:pending')).toBe(0);
        for (const [k, key] of lists.entries())
          expect((await check.smembers(key)).sort(), key).toEqual(members[k].sort());
      } finally {
        check.disconnect();
      }
    } finally {
      await index.drop();
    }
  }, 120_000);

  it('gives ERR_SAOCHEP_STORE_UNAVAILABLE while Redis is away, and works again when it is back', async () => {
    const index = await SharedPlanIndex.connect(server.url, { name: 'lost', connectTimeout: 500 });
    try {
      await index.add(plans[0]);
      await server.kill();
      const away = { code: 'ERR_SAOCHEP_STORE_UNAVAILABLE' };
      await expect(index.size()).rejects.toMatchObject(away);
      await expect(index.check(plans[0].text)).rejects.toMatchObject(away);
      await expect(index.add(plans[1])).rejects.toMatchObject(away);
      await server.restart();
      let size: number | undefined;
      for (let i = 0; i < 50 && size === undefined; i++) {
        size = await index.size().catch(() => undefined);
        if (size === undefined) await new Promise((r) => setTimeout(r, 100));
      }
      expect(size).toBe(1);
      expect((await index.check(plans[0].text)).matches[0]?.id).toBe(plans[0].id);
    } finally {
      await index.drop();
    }
  }, 120_000);

  it('refuses to connect where nothing listens, with ERR_SAOCHEP_STORE_UNAVAILABLE', async () => {
    const port = await freePort();
    await expect(
      SharedPlanIndex.connect(`redis://127.0.0.1:${port}`, { connectTimeout: 500 }),
    ).rejects.toMatchObject({ code: 'ERR_SAOCHEP_STORE_UNAVAILABLE' });
  });

  it('keeps the options an archive was created with', async () => {
    const first = await SharedPlanIndex.connect(`${server.url}?name=opts`, { shingleSize: 5 });
    expect(first.name).toBe('opts');
    const refused = SharedPlanIndex.connect(server.url, { name: 'opts', shingleSize: 6 });
    await expect(refused).rejects.toMatchObject({ code: 'ERR_SAOCHEP_INDEX_INCOMPATIBLE' });
    await expect(refused).rejects.toThrow(/shingleSize: stored 5, given 6/);
    const same = await SharedPlanIndex.connect(server.url, { name: 'opts' });
    expect(same.options.shingleSize).toBe(5);
    await same.close();
    await first.drop();
  });

  it('refuses to add to an archive another process dropped, rather than bring half of it back', async () => {
    const first = await SharedPlanIndex.connect(server.url, { name: 'dropped' });
    const second = await SharedPlanIndex.connect(server.url, { name: 'dropped' });
    await first.add(plans[0]);
    await first.drop();
    await expect(second.add(plans[1])).rejects.toMatchObject({
      code: 'ERR_SAOCHEP_STORE_UNAVAILABLE',
      message: expect.stringMatching(/dropped/),
    });
    expect(await second.size()).toBe(0);
    await second.close();
    const anew = await SharedPlanIndex.connect(server.url, { name: 'dropped' });
    await anew.add(plans[1]);
    expect(await anew.size()).toBe(1);
    await anew.drop();
  });

  it('refuses what is not a Redis URL or a cluster, before connecting', async () => {
    await expect(SharedPlanIndex.connect('http://127.0.0.1:6379')).rejects.toMatchObject({
      code: 'ERR_SAOCHEP_INVALID_ARGUMENT',
    });
    await expect(SharedPlanIndex.connect({ cluster: ['no port'] })).rejects.toMatchObject({
      code: 'ERR_SAOCHEP_INVALID_ARGUMENT',
    });
  });
});

describe.skipIf(REDIS_SERVER)('SharedPlanIndex: durability and a lost connection', () => {
  it.skip(NO_REDIS, () => {});
});
