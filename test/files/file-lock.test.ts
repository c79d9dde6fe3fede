/**
 * Writers never lose each other's work: saochep index --add run by several
 * processes at once on one file keeps every document; a lock whose owner died
 * is broken at once; the temporary files of crashed saves are removed by the
 * next save. The processes are the built dist/cli.js, as people run it.
 */
import { spawn, spawnSync } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { withFileLock } from '../../src/files/file-lock.js';
import { PlanIndex } from '../../src/plan-index/plan-index.js';
import { ROOT, CLI } from '../helpers/paths.js';

const PLANS = join(ROOT, 'corpus/sample/plans');
const tmp = mkdtempSync(join(tmpdir(), 'saochep-lock-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** A pid no process has now: a child that has exited. */
function deadPid(): number {
  const child = spawnSync(process.execPath, ['-e', '0']);
  return child.pid!;
}

function run(args: string[]): Promise<{ code: number; stderr: string }> {
  return new Promise((done) => {
    const child = spawn(process.execPath, [CLI, ...args], { cwd: tmp });
    let stderr = '';
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    child.on('close', (code) => done({ code: code ?? -1, stderr }));
  });
}

describe('saving one index from several processes', () => {
  it.skipIf(!existsSync(CLI))(
    'keeps every document of concurrent index --add runs',
    async () => {
      const plans = readdirSync(PLANS).sort().slice(0, 40);
      const writers = 4;
      const perWriter = 8;
      const folders: string[] = [];
      for (let w = 0; w <= writers; w++) {
        const folder = join(tmp, `part${w}`);
        mkdirSync(folder);
        for (const name of plans.slice(w * perWriter, (w + 1) * perWriter))
          writeFileSync(join(folder, name), readFileSync(join(PLANS, name)));
        folders.push(folder);
      }
      const out = join(tmp, 'shared.idx');
      expect((await run(['index', folders[0], '--out', out, '--quiet', '--jobs', '1'])).code).toBe(
        0,
      );
      const results = await Promise.all(
        folders
          .slice(1)
          .map((f) => run(['index', f, '--out', out, '--add', '--quiet', '--jobs', '1'])),
      );
      for (const r of results) expect(r.code, r.stderr).toBe(0);
      const index = await PlanIndex.load(out);
      expect(index.size).toBe((writers + 1) * perWriter);
      for (const name of plans.slice(0, (writers + 1) * perWriter))
        expect(index.has(name)).toBe(true);
      expect(existsSync(`${out}.lock`)).toBe(false);
    },
    180_000,
  );
});

describe('withFileLock', () => {
  it('breaks the lock of a dead process and removes the temporary files crashed saves left', async () => {
    const out = join(tmp, 'crashed.idx');
    const pid = deadPid();
    writeFileSync(`${out}.lock`, JSON.stringify({ pid, host: hostname(), started: 'then' }));
    const leftover = `${out}.${pid}.0123456789ab.tmp`;
    const other = join(tmp, `other.idx.${pid}.0123456789ab.tmp`);
    writeFileSync(leftover, 'half an index');
    writeFileSync(other, 'another file');
    const index = new PlanIndex();
    index.add({
      id: 'a',
      text: 'Kế hoạch triển khai thực hiện nghị quyết của ban thường vụ tỉnh ủy về công tác tuyên truyền',
    });
    await index.save(out);
    expect(existsSync(leftover)).toBe(false);
    expect(existsSync(other)).toBe(true); // The temporary file of another target is not its save's.
    expect(existsSync(`${out}.lock`)).toBe(false);
    expect((await PlanIndex.load(out)).size).toBe(1);
    rmSync(other);
  });

  it('waits for a live owner, then says who holds it (ERR_SAOCHEP_LOCKED)', async () => {
    const out = join(tmp, 'held.idx');
    // The parent of this test process is alive and is not this process.
    writeFileSync(
      `${out}.lock`,
      JSON.stringify({ pid: process.ppid, host: hostname(), started: 'now' }),
    );
    let waited = 0;
    await expect(
      withFileLock(out, async () => 1, { waitMs: 200, onWait: () => waited++ }),
    ).rejects.toMatchObject({
      code: 'ERR_SAOCHEP_LOCKED',
      message: expect.stringContaining(`pid ${process.ppid}`),
    });
    expect(waited).toBe(1);
    rmSync(`${out}.lock`);
    expect(await withFileLock(out, async () => 2)).toBe(2);
    expect(existsSync(`${out}.lock`)).toBe(false);
  });

  it('lets a save inside a locked update take the same lock without waiting for itself', async () => {
    const out = join(tmp, 'order.txt');
    // In-process: a lock taken inside a locked section does not wait for itself.
    const order: string[] = [];
    await withFileLock(out, async () => {
      order.push('outer');
      await withFileLock(out, async () => order.push('inner'), { waitMs: 100 });
    });
    expect(order).toEqual(['outer', 'inner']);
  });
});
