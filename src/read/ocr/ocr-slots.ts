/**
 * A count of OCR processes that may run at once, shared by the threads of a
 * scan: the pages of every document go through the same slots, so that a
 * pool of n workers runs at most n OCR processes whatever the documents.
 * Each thread may be a numbered holder whose slots and processes are counted
 * apart, so that a pool that stops a worker (a file over its time limit) can
 * kill that worker's OCR processes and take its slots back.
 */
import { SaochepTypeError, describeValue } from '../../errors.js';

// Atomics.waitAsync is in Node 20 but not in the ES2023 library the project compiles against.
type WaitAsync = (
  array: Int32Array,
  index: number,
  value: number,
) => { async: false; value: string } | { async: true; value: Promise<string> };
const waitAsync = (Atomics as unknown as { waitAsync: WaitAsync }).waitAsync;

/** Cells before the holders: slots in use, capacity, number of holders. */
const HEAD = 3;

/** Slots for OCR processes, backed by shared memory so that worker threads share them. */
export class OcrSlots {
  /** The shared memory: pass it to a worker and make `new OcrSlots(buffer, holder)` there. */
  readonly buffer: SharedArrayBuffer;
  private readonly cells: Int32Array;
  private readonly holder: number | undefined;

  /**
   * Slots for `capacity` processes with `holders` numbered holders, or the
   * slots of another thread's `buffer`, taken as holder `holder` (0 to
   * holders − 1) or as no holder in particular.
   */
  constructor(capacityOrBuffer: number | SharedArrayBuffer, holdersOrHolder?: number) {
    const isBuffer = capacityOrBuffer instanceof SharedArrayBuffer;
    if (
      !isBuffer &&
      !(Number.isInteger(capacityOrBuffer) && capacityOrBuffer >= 1 && capacityOrBuffer <= 4096)
    )
      throw new SaochepTypeError(
        'ERR_SAOCHEP_INVALID_ARGUMENT',
        `OcrSlots: give a capacity (an integer from 1 to 4096) or another OcrSlots' buffer, got ${describeValue(capacityOrBuffer)}.`,
      );
    if (
      holdersOrHolder !== undefined &&
      !(Number.isInteger(holdersOrHolder) && holdersOrHolder >= -1 && holdersOrHolder <= 65536)
    )
      throw new SaochepTypeError(
        'ERR_SAOCHEP_INVALID_ARGUMENT',
        `OcrSlots: the holders (with a capacity) or the holder (with a buffer) must be an integer from 0 (-1: none) to 65536, got ${describeValue(holdersOrHolder)}.`,
      );
    if (typeof capacityOrBuffer === 'number') {
      const capacity = Math.max(1, Math.floor(capacityOrBuffer));
      const holders = Math.max(0, Math.floor(holdersOrHolder ?? 0));
      this.buffer = new SharedArrayBuffer(4 * (HEAD + holders * (1 + capacity)));
      this.cells = new Int32Array(this.buffer);
      this.cells[1] = capacity;
      this.cells[2] = holders;
      this.holder = undefined;
    } else {
      this.buffer = capacityOrBuffer;
      this.cells = new Int32Array(this.buffer);
      this.holder =
        holdersOrHolder !== undefined && holdersOrHolder >= 0 && holdersOrHolder < this.cells[2]
          ? holdersOrHolder
          : undefined;
    }
  }

  /** How many processes may run at once. */
  get capacity(): number {
    return Atomics.load(this.cells, 1);
  }

  /** First cell of holder `h`: its slots held, then one cell per process it runs (a pid, or 0). */
  private base(h: number): number {
    return HEAD + h * (1 + this.capacity);
  }

  /** Wait for a free slot and take it. */
  async acquire(): Promise<void> {
    for (;;) {
      const used = Atomics.load(this.cells, 0);
      if (used < this.capacity) {
        if (Atomics.compareExchange(this.cells, 0, used, used + 1) === used) {
          if (this.holder !== undefined) Atomics.add(this.cells, this.base(this.holder), 1);
          return;
        }
        continue;
      }
      const wait = waitAsync(this.cells, 0, used);
      if (wait.async) await wait.value;
    }
  }

  /** Give a slot back. */
  release(): void {
    if (this.holder !== undefined) Atomics.sub(this.cells, this.base(this.holder), 1);
    Atomics.sub(this.cells, 0, 1);
    Atomics.notify(this.cells, 0, 1);
  }

  /** Note a process this thread started under one of its slots. */
  started(pid: number): void {
    if (this.holder === undefined) return;
    const base = this.base(this.holder);
    for (let k = 1; k <= this.capacity; k++)
      if (Atomics.compareExchange(this.cells, base + k, 0, pid) === 0) return;
  }

  /** Note that a process noted by {@link started} has ended. */
  ended(pid: number): void {
    if (this.holder === undefined) return;
    const base = this.base(this.holder);
    for (let k = 1; k <= this.capacity; k++)
      if (Atomics.compareExchange(this.cells, base + k, pid, 0) === pid) return;
  }

  /**
   * Kill the processes of holder `h` and give back the slots it held: for a
   * holder whose thread was stopped and cannot do it itself.
   */
  reclaim(h: number): void {
    if (!(h >= 0 && h < Atomics.load(this.cells, 2))) return;
    const base = this.base(h);
    for (let k = 1; k <= this.capacity; k++) {
      const pid = Atomics.exchange(this.cells, base + k, 0);
      if (pid > 0)
        try {
          process.kill(pid, 'SIGKILL');
        } catch {
          // Already ended.
        }
    }
    const held = Atomics.exchange(this.cells, base, 0);
    if (held > 0) {
      Atomics.sub(this.cells, 0, held);
      Atomics.notify(this.cells, 0, held);
    }
  }
}
