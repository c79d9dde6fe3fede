/**
 * Two real `saochep serve` processes (the built dist/cli.js) on one Redis
 * archive: a plan written through one is read, checked and removed through
 * the other; checks answer what an in-memory PlanIndex with the same
 * documents answers; Redis down → /v1/ready and checks 503, back → ready.
 * Every response is checked against the OpenAPI document.
 */
import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PlanIndex } from '../../src/plan-index/plan-index.js';
import { openApiDocument } from '../../src/server/openapi.js';
import { NO_REDIS, REDIS_SERVER, TestRedis } from '../helpers/redis-server.js';
import { OpenApiResponses } from './openapi-check.js';
import { generatedPlan } from './plans.js';
import { type ServeProcess, startServe } from '../helpers/serve-process.js';

const TOKEN = 'redis-serve-token-0123456789abcdef';
const responses = new OpenApiResponses(openApiDocument());
const children: ChildProcess[] = [];
let tmp: string;
let redis: TestRedis;

function serve(index: string): Promise<ServeProcess> {
  return startServe(index, tmp, children);
}

async function call(
  base: string,
  method: string,
  path: string,
  json?: unknown,
): Promise<{ status: number; body: unknown }> {
  const headers: Record<string, string> = { authorization: `Bearer ${TOKEN}` };
  if (json !== undefined) headers['content-type'] = 'application/json';
  const response = await fetch(`${base}${path}`, {
    method,
    headers,
    body: json === undefined ? undefined : JSON.stringify(json),
  });
  const text = await response.text();
  const parsed: unknown = text === '' ? undefined : JSON.parse(text);
  responses.check(method, path, response.status, response.headers.get('content-type'), parsed);
  return { status: response.status, body: parsed };
}

/** Poll /v1/ready until it answers `status` (the reconnection is Redis's client's, not timed here). */
async function readyBecomes(base: string, status: number): Promise<void> {
  for (;;) {
    if ((await call(base, 'GET', '/v1/ready')).status === status) return;
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe.skipIf(!REDIS_SERVER)(
  `saochep serve on one Redis, two processes${REDIS_SERVER ? '' : ` (${NO_REDIS})`}`,
  () => {
    beforeAll(async () => {
      tmp = mkdtempSync(join(tmpdir(), 'saochep-serve-redis-'));
      writeFileSync(join(tmp, 'token'), `${TOKEN}\n`);
      redis = await TestRedis.start();
    });
    afterAll(async () => {
      for (const child of children)
        if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      await redis?.stop();
      rmSync(tmp, { recursive: true, force: true });
    });

    it('shares writes, checks and removals between the processes, and follows Redis down and up', async () => {
      const index = `${redis.url}/0?name=serve-test`;
      const [a, b] = await Promise.all([serve(index), serve(index)]);
      expect(a.stderr()).toMatch(/archive "serve-test"\): 0 documents ready/);

      const truth = new PlanIndex();
      const plans = Array.from({ length: 6 }, (_, k) => ({
        id: `ke-hoach/${k}.txt`,
        text: generatedPlan(k + 1, 10),
        meta: { k },
      }));
      for (const [k, plan] of plans.entries()) {
        const through = k % 2 === 0 ? a : b;
        const put = await call(through.url, 'PUT', `/v1/plans/${encodeURIComponent(plan.id)}`, {
          text: plan.text,
          meta: plan.meta,
        });
        expect(put.status, plan.id).toBe(201);
        truth.add(plan);
      }
      const got = await call(b.url, 'GET', `/v1/plans/${encodeURIComponent(plans[0].id)}`);
      expect(got.status).toBe(200);
      expect(got.body).toMatchObject({ id: plans[0].id, reference: false, meta: { k: 0 } });
      expect((got.body as { date: string | null }).date).toBe('2024-03-05');

      const duplicate = await call(b.url, 'PUT', `/v1/plans/${encodeURIComponent(plans[0].id)}`, {
        text: plans[0].text,
      });
      expect(duplicate.status).toBe(409);
      expect(duplicate.body).toMatchObject({ error: { code: 'ERR_SAOCHEP_DUPLICATE_ID' } });

      // A new plan made of two indexed ones: the Redis archive answers what the in-memory index answers.
      const probe = `${plans[1].text}\n${plans[4].text}`;
      const checked = await call(b.url, 'POST', '/v1/check', { text: probe });
      expect(checked.status).toBe(200);
      const expected = truth.check({ text: probe });
      expect(expected.matches.map((m) => m.id).sort()).toEqual([plans[1].id, plans[4].id]);
      expect(checked.body).toMatchObject(JSON.parse(JSON.stringify(truth.check({ text: probe }))));

      // A reference put through one process is counted by the other's stats.
      const directive = { id: 'CT-01', text: generatedPlan(40, 10) };
      const ref = await call(b.url, 'PUT', '/v1/plans/CT-01?reference=true', {
        text: directive.text,
      });
      expect(ref.status).toBe(201);
      truth.addReference(directive);
      const stats = await call(a.url, 'GET', '/v1/stats');
      expect(stats.body).toMatchObject({
        store: 'redis',
        archive: 'serve-test',
        documents: 7,
        references: 1,
      });

      const removed = await call(a.url, 'DELETE', `/v1/plans/${encodeURIComponent(plans[1].id)}`);
      expect(removed.status).toBe(204);
      expect(
        (await call(b.url, 'GET', `/v1/plans/${encodeURIComponent(plans[1].id)}`)).status,
      ).toBe(404);
      truth.remove(plans[1].id);
      const after = await call(b.url, 'POST', '/v1/check', { text: probe });
      expect(after.body).toMatchObject(JSON.parse(JSON.stringify(truth.check({ text: probe }))));

      await redis.kill();
      await readyBecomes(a.url, 503);
      expect((await call(a.url, 'GET', '/v1/ready')).body).toMatchObject({ status: 'unavailable' });
      const down = await call(a.url, 'POST', '/v1/check', { text: probe });
      expect(down.status).toBe(503);
      expect(down.body).toMatchObject({ error: { code: 'ERR_SAOCHEP_STORE_UNAVAILABLE' } });
      const write = await call(b.url, 'PUT', '/v1/plans/new.txt', { text: plans[2].text });
      expect(write.status).toBe(503);

      await redis.restart();
      await readyBecomes(a.url, 200);
      await readyBecomes(b.url, 200);
      expect(
        (await call(a.url, 'GET', `/v1/plans/${encodeURIComponent(plans[5].id)}`)).status,
      ).toBe(200);
    });
  },
);
