/**
 * The progress bar's rate and time left, on a clock the test moves: nothing
 * is estimated from the first items, the estimate follows a change of pace
 * smoothly, and the clock starts at the bar's first update.
 */
import { describe, expect, it } from 'vitest';
import { ProgressBar, formatSeconds } from '../../src/cli/progress.js';

function bar() {
  let now = 1_000_000;
  const written: string[] = [];
  const stream = { write: (s: string) => written.push(s) } as unknown as NodeJS.WritableStream;
  const progress = new ProgressBar(stream, 'checking', true, { now: () => now });
  return {
    progress,
    last: () => written[written.length - 1] ?? '',
    advance: (ms: number) => {
      now += ms;
    },
  };
}

describe('ProgressBar', () => {
  it('shows no time left until a few items and seconds have passed', () => {
    const b = bar();
    b.progress.update(0, 1000);
    expect(b.last()).toMatch(/estimating/);
    // One fast item at the start would promise 0:01 for the whole run.
    b.advance(10);
    b.advance(200);
    b.progress.update(1, 1000);
    expect(b.last()).toMatch(/estimating/);
    expect(b.progress.itemsPerSecond).toBeUndefined();
    b.advance(2000);
    b.progress.update(10, 1000);
    // 10 items in 2.21 s: 4.52/s; 990 left / 4.52 = 218.8 s: 3:39.
    expect(b.progress.itemsPerSecond).toBeCloseTo(10 / 2.21, 5);
    expect(b.last()).toMatch(/10\/1000 {2}4\.5\/s {2}3:39 left/);
  });

  it('starts its clock at the first update, not when it is made', () => {
    const b = bar();
    b.advance(60_000); // the stage before it took a minute
    b.progress.update(0, 100);
    b.advance(2000);
    b.progress.update(20, 100);
    expect(b.progress.itemsPerSecond).toBeCloseTo(10, 5);
  });

  it('follows a change of pace smoothly, towards the new rate', () => {
    const b = bar();
    b.progress.update(0, 100_000);
    let done = 0;
    for (let k = 0; k < 10; k++) {
      b.advance(1000);
      done += 100;
      b.progress.update(done, 100_000);
    }
    expect(b.progress.itemsPerSecond).toBeCloseTo(100, 5);
    // The pace halves: one second later the estimate has moved a little, not all the way.
    b.advance(1000);
    done += 50;
    b.progress.update(done, 100_000);
    const after1 = b.progress.itemsPerSecond!;
    expect(after1).toBeLessThan(100);
    expect(after1).toBeGreaterThan(75);
    // After 30 s at the new pace it is there, within 1%.
    for (let k = 0; k < 30; k++) {
      b.advance(1000);
      done += 50;
      b.progress.update(done, 100_000);
    }
    expect(Math.abs(b.progress.itemsPerSecond! - 50)).toBeLessThan(0.5);
  });

  it('writes nothing when disabled', () => {
    const written: string[] = [];
    const stream = { write: (s: string) => written.push(s) } as unknown as NodeJS.WritableStream;
    const p = new ProgressBar(stream, 'reading', false);
    p.update(1, 2);
    p.finish();
    expect(written).toEqual([]);
  });

  it('formats seconds as m:ss or h:mm:ss', () => {
    expect(formatSeconds(75)).toBe('1:15');
    expect(formatSeconds(3700)).toBe('1:01:40');
  });
});
