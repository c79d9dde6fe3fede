/**
 * OCR slots taken back from a stopped worker: the pool kills the processes a
 * holder noted and frees the slots it held, without touching other holders'.
 */
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { scanArchive } from '../../src/index.js';
import { OcrSlots } from '../../src/read/index.js';
import { generatedPlan } from '../server/plans.js';
import { slowTesseract, stops } from '../helpers/slow-tesseract.js';

/** Whether a promise is settled after the pending callbacks have run. */
async function settled(promise: Promise<unknown>): Promise<boolean> {
  let done = false;
  void promise.then(() => (done = true));
  await new Promise((resolve) => setImmediate(resolve));
  return done;
}

describe('OcrSlots.reclaim', () => {
  it("frees a stopped holder's slots and no other holder's", async () => {
    const pool = new OcrSlots(2, 2);
    const stopped = new OcrSlots(pool.buffer, 0);
    const alive = new OcrSlots(pool.buffer, 1);
    await stopped.acquire();
    await alive.acquire();
    const waiting = alive.acquire();
    expect(await settled(waiting)).toBe(false);
    pool.reclaim(0);
    expect(await settled(waiting)).toBe(true);
    // Holder 1 now holds both slots: a third acquire waits until it gives one back.
    const third = pool.acquire();
    expect(await settled(third)).toBe(false);
    pool.reclaim(0);
    expect(await settled(third)).toBe(false);
    alive.release();
    expect(await settled(third)).toBe(true);
  });

  it("kills the processes the stopped holder noted, not another holder's", async () => {
    const pool = new OcrSlots(2, 2);
    const stopped = new OcrSlots(pool.buffer, 0);
    const alive = new OcrSlots(pool.buffer, 1);
    const victim = spawn('sleep', ['30']);
    const other = spawn('sleep', ['30']);
    try {
      stopped.started(victim.pid!);
      alive.started(other.pid!);
      const exit = once(victim, 'exit');
      pool.reclaim(0);
      const [, signal] = await exit;
      expect(signal).toBe('SIGKILL');
      expect(other.exitCode).toBeNull();
      expect(other.signalCode).toBeNull();
    } finally {
      victim.kill('SIGKILL');
      other.kill('SIGKILL');
    }
  });

  it('forgets an ended process, so that reclaiming kills nothing', async () => {
    const pool = new OcrSlots(1, 1);
    const holder = new OcrSlots(pool.buffer, 0);
    const child = spawn('sleep', ['30']);
    try {
      holder.started(child.pid!);
      holder.ended(child.pid!);
      pool.reclaim(0);
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect(child.signalCode).toBeNull();
    } finally {
      child.kill('SIGKILL');
    }
  });
});

describe("a scan's worker stopped at the time limit during OCR", () => {
  const tmp = mkdtempSync(join(tmpdir(), 'saochep-ocr-stop-'));
  afterAll(() => rmSync(tmp, { recursive: true, force: true }));

  it('fails that file with the time limit, and its OCR program is killed, not left running', async () => {
    const slow = slowTesseract(tmp);
    const archive = join(tmp, 'plans');
    mkdirSync(archive);
    writeFileSync(join(archive, 'plan.txt'), generatedPlan(1));
    writeFileSync(join(archive, 'scan.png'), new Uint8Array(64));
    const { report } = await scanArchive({
      archive,
      jobs: 1,
      limits: { timeMs: 2000 },
      ocr: { tesseract: slow.path, pageTimeout: 3600 },
    });
    expect(report.errors).toEqual([
      expect.objectContaining({ file: 'scan.png', code: 'ERR_SAOCHEP_LIMIT_EXCEEDED' }),
    ]);
    expect(report.plans.map((p) => p.id)).toEqual(['plan.txt']);
    const pid = slow.pid();
    expect(pid).toBeDefined();
    // The pool kills it once the stopped worker has ended: wait for that, at most 30 s.
    expect(await stops(pid!)).toBe(true);
  }, 120_000);
});
