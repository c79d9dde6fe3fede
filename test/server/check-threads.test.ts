/**
 * Checks on replicas in worker threads (saochep serve --jobs): every answer is
 * the one the index itself gives, before and after writes, and a check sent
 * after a write was acknowledged sees it. The archive is the generator's
 * (copies, stock phrases, directives), so that the answers are not trivial.
 */
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateArchive } from '../../corpus/generator/archive.js';
import { PlanIndex } from '../../src/plan-index/plan-index.js';
import type { CheckOptions } from '../../src/plan-index/types.js';
import { CheckReplicas } from '../../src/server/check-replicas.js';
import { type RunningServer, startServer } from '../../src/server/serve.js';

const archive = generateArchive({ plans: 160, seed: 11 });
const text = (id: string) => archive.files.get(id)!.text;
const plans = archive.truth.plans.map((p) => ({ id: p.id, text: text(p.id), date: p.date }));
const indexed = plans.slice(0, 120);
/** Not indexed at first: checked, then added. */
const later = plans.slice(120);
const OPTIONS: CheckOptions = { limit: 5 };

function buildIndex(): PlanIndex {
  const index = new PlanIndex();
  for (const d of archive.truth.directives)
    index.addReference({ id: d.id, text: text(d.id), meta: { date: d.date } });
  for (const p of indexed) index.add({ id: p.id, text: p.text, meta: { date: p.date } });
  return index;
}

const queries = [...later.slice(0, 20), ...indexed.filter((_, k) => k % 12 === 0)].map((p) => ({
  text: p.text,
  meta: { date: p.date },
}));

describe('CheckReplicas', () => {
  it('answer what the index answers, and see each write passed on before the next check', async () => {
    const index = buildIndex();
    const replicas = new CheckReplicas(index, 2);
    try {
      await replicas.whenLoaded();
      expect(replicas.readyThreads).toBe(2);
      const same = async () => {
        const answers = await Promise.all(queries.map((q) => replicas.check(q, OPTIONS)));
        const own = queries.map((q) => index.check(q, OPTIONS));
        expect(answers.map((a) => JSON.stringify(a))).toEqual(own.map((a) => JSON.stringify(a)));
        return answers;
      };
      const before = await same();
      expect(before.filter((a) => a.score > 0.5).length).toBeGreaterThan(3);

      // Writes, each passed on as the server passes them on, checks sent at once after each.
      const added = later.slice(0, 6);
      for (const p of added) {
        const sketched = index.sketch({ id: p.id, text: p.text, meta: { date: p.date } });
        index.addSketched(sketched);
        replicas.add(sketched);
        const seen = await replicas.check({ text: p.text }, { limit: 3 });
        expect(seen.matches[0]?.id).toBe(p.id);
        expect(seen.score).toBeGreaterThan(0.95);
      }
      for (const p of indexed.slice(0, 30).filter((_, k) => k % 3 === 0)) {
        expect(index.remove(p.id)).toBe(true);
        replicas.remove(p.id);
        const seen = await replicas.check({ text: p.text }, { limit: 50 });
        expect(seen.matches.map((m) => m.id)).not.toContain(p.id);
      }
      await same();
    } finally {
      await replicas.close();
    }
  });

  it('checks on the index itself once a thread has failed, and tells', async () => {
    const index = buildIndex();
    const events: string[] = [];
    const replicas = new CheckReplicas(index, 1, (message) => events.push(message));
    try {
      await replicas.whenLoaded();
      expect(replicas.readyThreads).toBe(1);
      // A write the replica cannot take (never sent by the server) stops its thread.
      replicas.add({ optionsKey: 'other', shingleSet: new Uint32Array(0) } as never);
      const answer = await replicas.check(queries[0], OPTIONS);
      expect(JSON.stringify(answer)).toBe(JSON.stringify(index.check(queries[0], OPTIONS)));
      for (let waited = 0; replicas.readyThreads > 0 && waited < 10_000; waited += 20)
        await new Promise((resolve) => setTimeout(resolve, 20));
      expect(replicas.readyThreads).toBe(0);
      expect(events.some((e) => e.startsWith('a checking thread stopped'))).toBe(true);
      const after = await replicas.check(queries[1], OPTIONS);
      expect(JSON.stringify(after)).toBe(JSON.stringify(index.check(queries[1], OPTIONS)));
    } finally {
      await replicas.close();
    }
  });

  it('answer what the index answers when the two compact at different times', async () => {
    // The index keeps what removed documents left until half of it is removed, then rebuilds
    // itself; a replica starts from the live documents only, so it rebuilds at other times.
    const index = buildIndex();
    for (const p of indexed.slice(0, 20)) index.remove(p.id);
    const replicas = new CheckReplicas(index, 1);
    try {
      await replicas.whenLoaded();
      for (const p of indexed.slice(20, 75)) {
        index.remove(p.id);
        replicas.remove(p.id);
      }
      for (const p of later.slice(0, 10)) {
        const sketched = index.sketch({ id: p.id, text: p.text, meta: { date: p.date } });
        index.addSketched(sketched);
        replicas.add(sketched);
      }
      const answers = await Promise.all(queries.map((q) => replicas.check(q, OPTIONS)));
      const own = queries.map((q) => index.check(q, OPTIONS));
      expect(answers.map((a) => JSON.stringify(a))).toEqual(own.map((a) => JSON.stringify(a)));
      expect(own.filter((a) => a.score > 0.5).length).toBeGreaterThan(3);
    } finally {
      await replicas.close();
    }
  });

  it('rejects with the error the index throws', async () => {
    const index = buildIndex();
    const replicas = new CheckReplicas(index, 1);
    try {
      await replicas.whenLoaded();
      const wrong = { limit: -1 } as CheckOptions;
      let own: unknown;
      try {
        index.check(queries[0], wrong);
      } catch (error) {
        own = error;
      }
      const theirs = await replicas.check(queries[0], wrong).catch((error: unknown) => error);
      expect(own).toBeInstanceOf(Error);
      expect(theirs).toBeInstanceOf((own as Error).constructor);
      expect((theirs as { code: string }).code).toBe((own as { code: string }).code);
      expect((theirs as Error).message).toBe((own as Error).message);
    } finally {
      await replicas.close();
    }
  });
});

describe('saochep serve with checking threads', () => {
  const tmp = mkdtempSync(join(tmpdir(), 'saochep-threads-'));
  let one: RunningServer;
  let threads: RunningServer;

  beforeAll(async () => {
    await buildIndex().save(join(tmp, 'one.idx'));
    cpSync(join(tmp, 'one.idx'), join(tmp, 'threads.idx'));
    const common = { port: 0, allowUnauthenticatedWrites: true } as const;
    one = await startServer({ ...common, index: join(tmp, 'one.idx') });
    threads = await startServer({ ...common, index: join(tmp, 'threads.idx'), checkThreads: 2 });
    await Promise.all([one.index.ready(), threads.index.ready()]);
    // The replicas load in the background; until then the server's thread checks.
    for (let waited = 0; (await stats(threads)).checkThreads !== 2; waited += 50) {
      if (waited > 60_000) throw new Error('the checking threads did not load');
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }, 90_000);

  afterAll(async () => {
    await Promise.all([one?.close(), threads?.close()]);
    rmSync(tmp, { recursive: true, force: true });
  });

  async function stats(server: RunningServer): Promise<{ checkThreads: number }> {
    return (await fetch(`${server.url}/v1/stats`)).json() as Promise<{ checkThreads: number }>;
  }

  async function check(server: RunningServer, q: { text: string; meta?: object }): Promise<string> {
    const response = await fetch(`${server.url}/v1/check?limit=5`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(q),
    });
    expect(response.status).toBe(200);
    return response.text();
  }

  async function write(server: RunningServer, method: string, id: string, body?: object) {
    const response = await fetch(`${server.url}/v1/plans/${encodeURIComponent(id)}`, {
      method,
      headers: body ? { 'content-type': 'application/json' } : {},
      ...(body ? { body: JSON.stringify(body) } : {}),
    });
    expect(response.status).toBeLessThan(300);
  }

  it('answers checks as a server without them does, across PUT and DELETE', async () => {
    expect((await stats(one)).checkThreads).toBe(0);
    const both = async (q: { text: string; meta?: object }) => {
      const [a, b] = await Promise.all([check(one, q), check(threads, q)]);
      expect(b).toBe(a);
      return JSON.parse(b) as { score: number; matches: Array<{ id: string }> };
    };
    for (const q of queries.slice(0, 12)) await both(q);
    const p = later[10];
    for (const server of [one, threads])
      await write(server, 'PUT', p.id, { text: p.text, meta: { date: p.date } });
    expect((await both({ text: p.text })).matches[0].id).toBe(p.id);
    for (const server of [one, threads]) await write(server, 'DELETE', p.id);
    const gone = await both({ text: p.text });
    expect(gone.matches.map((m) => m.id)).not.toContain(p.id);
  }, 60_000);
});
