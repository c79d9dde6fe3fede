/**
 * OCR slots taken back from a stopped worker: the pool kills the processes a
 * holder noted and frees the slots it held, without touching other holders'.
 */
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { describe, expect, it } from 'vitest';
import { OcrSlots } from '../../src/read/index.js';

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
