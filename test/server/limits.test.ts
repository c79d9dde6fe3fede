/**
 * The time limit and readiness, on the real HTTP app in front of a stand-in
 * index whose calls do not finish, or that is not loaded yet.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../src/server/app.js';
import { BearerToken } from '../../src/server/auth.js';
import type { ServedIndex } from '../../src/server/served-index.js';
import { ServiceError } from '../../src/server/errors.js';
import { SaochepError } from '../../src/errors.js';
import { openApiDocument } from '../../src/server/openapi.js';
import { OpenApiResponses } from './openapi-check.js';

const responses = new OpenApiResponses(openApiDocument());
let app: FastifyInstance | undefined;
afterEach(async () => {
  await app?.close();
  app = undefined;
});

/** A stand-in index: `check` waits for `release`; not ready until `load` resolves. */
function standIn(): { index: ServedIndex; load: () => void; release: () => void } {
  let load!: () => void;
  const loaded = new Promise<void>((resolve) => (load = resolve));
  let ready = false;
  void loaded.then(() => (ready = true));
  let release!: () => void;
  const released = new Promise<void>((resolve) => (release = resolve));
  const unavailable = () => {
    if (!ready) throw new ServiceError('ERR_SAOCHEP_UNAVAILABLE', 'still loading');
  };
  const index: ServedIndex = {
    ready: () => loaded,
    isReady: () => ready,
    add: async () => {
      throw new Error('not used');
    },
    addReference: async () => {
      throw new Error('not used');
    },
    remove: async () => false,
    has: async () => false,
    get: async () => (unavailable(), undefined),
    size: async () => 0,
    check: async () => {
      unavailable();
      await released;
      return {
        score: 0,
        matches: [],
        ignored: 0,
        breakdown: { fromReferences: 0, fromPeers: 0, original: 1 },
        finding: { vi: '', en: '' },
      };
    },
    stats: async () => {
      throw new Error('not used');
    },
    close: async () => undefined,
  };
  return { index, load, release };
}

async function listen(a: FastifyInstance): Promise<string> {
  await a.listen({ host: '127.0.0.1', port: 0 });
  const address = a.server.address();
  return `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
}

async function post(
  url: string,
  path: string,
  body: unknown,
): Promise<{ status: number; body: unknown }> {
  const r = await fetch(`${url}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: 'Bearer 0123456789abcdef0123' },
    body: JSON.stringify(body),
  });
  const parsed: unknown = await r.json();
  responses.check('POST', path, r.status, r.headers.get('content-type'), parsed);
  return { status: r.status, body: parsed };
}

describe('saochep serve: time limit and readiness', () => {
  it('answers 503 ERR_SAOCHEP_TIMEOUT when a request takes longer than the limit', async () => {
    const { index, load, release } = standIn();
    load();
    await index.ready();
    app = await buildApp({ index, timeLimit: 200, token: new BearerToken('0123456789abcdef0123') });
    const url = await listen(app);
    const r = await post(url, '/v1/check', { text: 'kế hoạch' });
    expect(r.status).toBe(503);
    expect((r.body as { error: { code: string } }).error.code).toBe('ERR_SAOCHEP_TIMEOUT');
    release();
    // Once the index answers again, so does the server.
    expect((await post(url, '/v1/check', { text: 'kế hoạch' })).status).toBe(200);
  });

  it("gives each check the request's deadline, and says a check stopped by it as the server's timeout", async () => {
    const { index, load, release } = standIn();
    load();
    release();
    await index.ready();
    const deadlines: Array<number | undefined> = [];
    let stopItself = false;
    const inner = index.check.bind(index);
    index.check = async (input, options) => {
      deadlines.push(options?.deadline);
      if (stopItself) throw new SaochepError('ERR_SAOCHEP_TIMEOUT', 'PlanIndex.check: ran past');
      return inner(input, options);
    };
    app = await buildApp({
      index,
      timeLimit: 5000,
      token: new BearerToken('0123456789abcdef0123'),
    });
    const url = await listen(app);
    const before = Date.now();
    expect((await post(url, '/v1/check', { text: 'kế hoạch' })).status).toBe(200);
    const after = Date.now();
    expect(deadlines[0]).toBeGreaterThanOrEqual(before + 5000);
    expect(deadlines[0]).toBeLessThanOrEqual(after + 5000);
    stopItself = true;
    const stopped = await post(url, '/v1/check', { text: 'kế hoạch' });
    expect(stopped.status).toBe(503);
    expect((stopped.body as { error: { code: string; message: string } }).error).toMatchObject({
      code: 'ERR_SAOCHEP_TIMEOUT',
      message: expect.stringMatching(/server's limit of 5 s/),
    });
  });

  it('is live while the index loads, and ready (200) only once it is loaded', async () => {
    const { index, load, release } = standIn();
    release();
    app = await buildApp({ index, token: new BearerToken('0123456789abcdef0123') });
    const url = await listen(app);
    const auth = { authorization: 'Bearer 0123456789abcdef0123' };
    const health = await fetch(`${url}/v1/health`);
    expect(health.status).toBe(200);
    const loading = await fetch(`${url}/v1/ready`, { headers: auth });
    const loadingBody: unknown = await loading.json();
    responses.check(
      'GET',
      '/v1/ready',
      loading.status,
      loading.headers.get('content-type'),
      loadingBody,
    );
    expect(loading.status).toBe(503);
    expect(loadingBody).toMatchObject({ status: 'loading' });
    const check = await post(url, '/v1/check', { text: 'kế hoạch' });
    expect(check.status).toBe(503);
    expect((check.body as { error: { code: string } }).error.code).toBe('ERR_SAOCHEP_UNAVAILABLE');
    load();
    await index.ready();
    const ready = await fetch(`${url}/v1/ready`, { headers: auth });
    expect(ready.status).toBe(200);
    expect((await post(url, '/v1/check', { text: 'kế hoạch' })).status).toBe(200);
  });

  it('finishes the requests in flight when it is closed, and refuses new ones', async () => {
    const { index, load, release } = standIn();
    load();
    await index.ready();
    const closing = await buildApp({ index, token: new BearerToken('0123456789abcdef0123') });
    const url = await listen(closing);
    const inFlight = post(url, '/v1/check', { text: 'kế hoạch' });
    // The check is running (it waits for release) when the close starts.
    await new Promise((resolve) => setTimeout(resolve, 100));
    const closed = closing.close();
    await new Promise((resolve) => setTimeout(resolve, 100));
    await expect(post(url, '/v1/check', { text: 'kế hoạch' })).rejects.toThrow();
    release();
    expect((await inFlight).status).toBe(200);
    await closed;
  });
});
