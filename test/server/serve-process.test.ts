/**
 * `saochep serve` as a process (the built dist/cli.js): acknowledged writes
 * survive `kill -9`; SIGTERM finishes, folds the log into the saved index and
 * exits 0; bad usage exits 1.
 */
import { type ChildProcess, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { PlanIndex } from '../../src/plan-index/plan-index.js';
import { logPathOf } from '../../src/server/file-index.js';
import { generatedPlan } from './plans.js';
import { type ServeProcess, startServe } from '../helpers/serve-process.js';
import { CLI } from '../helpers/paths.js';

const tmp = mkdtempSync(join(tmpdir(), 'saochep-serve-process-'));
const TOKEN = 'process-token-0123456789abcdef';
const children: ChildProcess[] = [];
afterAll(() => {
  for (const child of children)
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  rmSync(tmp, { recursive: true, force: true });
});

/** Start `saochep serve` on a free port; resolves with its URL once it listens and the index is loaded. */
function serve(index: string): Promise<ServeProcess> {
  return startServe(index, tmp, children);
}

const auth = { authorization: `Bearer ${TOKEN}` };

function exited(child: ChildProcess): Promise<number | null> {
  return new Promise((resolvePromise) => {
    if (child.exitCode !== null || child.signalCode !== null) resolvePromise(child.exitCode);
    else child.on('exit', (code) => resolvePromise(code));
  });
}

describe('saochep serve (the process)', () => {
  writeFileSync(join(tmp, 'token'), `${TOKEN}\n`);

  it('keeps every acknowledged write through kill -9, and saves them on SIGTERM', async () => {
    const index = join(tmp, 'archive.idx');
    const first = await serve(index);
    const ids = Array.from({ length: 20 }, (_, k) => `ke-hoach/${k}.txt`);
    const answers = await Promise.all(
      ids.map((id, k) =>
        fetch(`${first.url}/v1/plans/${encodeURIComponent(id)}`, {
          method: 'PUT',
          headers: { ...auth, 'content-type': 'application/json' },
          body: JSON.stringify({ text: generatedPlan(k + 1, 8), meta: { k } }),
        }),
      ),
    );
    expect(answers.map((a) => a.status)).toEqual(ids.map(() => 201));
    const removed = await fetch(`${first.url}/v1/plans/${encodeURIComponent(ids[0])}`, {
      method: 'DELETE',
      headers: auth,
    });
    expect(removed.status).toBe(204);
    first.child.kill('SIGKILL');
    await exited(first.child);

    const second = await serve(index);
    expect(second.stderr()).toMatch(/replayed 21 logged writes/);
    for (const [k, id] of ids.entries()) {
      const r = await fetch(`${second.url}/v1/plans/${encodeURIComponent(id)}`, { headers: auth });
      expect(r.status, id).toBe(k === 0 ? 404 : 200);
      if (k > 0) expect(((await r.json()) as { meta: { k: number } }).meta.k).toBe(k);
    }
    second.child.kill('SIGTERM');
    expect(await exited(second.child)).toBe(0);
    expect(second.stderr()).toMatch(/snapshot of 19 documents/);
    expect(statSync(logPathOf(index)).size).toBe(0);
    const saved = await PlanIndex.load(index);
    expect(saved.size).toBe(19);
    expect(saved.has(ids[0])).toBe(false);
    expect(saved.has(ids[19])).toBe(true);
  });

  it('exits 1 on bad usage, 2 on a damaged index, with the reason', () => {
    for (const args of [
      ['serve'],
      ['serve', '--index', 'a.idx', '--port', '70000'],
      ['serve', '--index', 'a.idx', '--host', 'example.org'],
      ['serve', '--index', 'a.idx', '--token-file', 'token', '--allow-unauthenticated-writes'],
    ]) {
      const r = spawnSync(process.execPath, [CLI, ...args], {
        cwd: tmp,
        encoding: 'utf8',
        timeout: 30_000,
      });
      expect(r.status, args.join(' ')).toBe(1);
      expect(r.stderr).toMatch(/^saochep: /);
    }
    writeFileSync(
      join(tmp, 'damaged.idx'),
      'SAOCHEPX but not an index at all, long enough to read',
    );
    const damaged = spawnSync(
      process.execPath,
      [CLI, 'serve', '--index', 'damaged.idx', '--port', '0'],
      {
        cwd: tmp,
        encoding: 'utf8',
        timeout: 30_000,
      },
    );
    expect(damaged.status).toBe(2);
    expect(damaged.stderr).toMatch(/ERR_SAOCHEP_INDEX_CORRUPT|cannot be served/);
    const help = spawnSync(process.execPath, [CLI, 'serve', '--help'], {
      cwd: tmp,
      encoding: 'utf8',
    });
    expect(help.status).toBe(0);
    expect(help.stdout).toMatch(/Usage: saochep serve/);
  });
});
