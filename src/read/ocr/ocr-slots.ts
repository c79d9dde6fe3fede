/**
 * A count of OCR processes that may run at once, shared by the threads of a
 * scan: the pages of every document go through the same slots, so that a
 * pool of n workers runs at most n OCR processes whatever the documents.
 */

// Atomics.waitAsync is in Node 20 but not in the ES2023 library the project compiles against.
type WaitAsync = (
  array: Int32Array,
  index: number,
  value: number,
) => { async: false; value: string } | { async: true; value: Promise<string> };
const waitAsync = (Atomics as unknown as { waitAsync: WaitAsync }).waitAsync;

/** Slots for OCR processes, backed by shared memory so that worker threads share them. */
export class OcrSlots {
  /** The shared memory: pass it to a worker and make `new OcrSlots(buffer)` there. */
  readonly buffer: SharedArrayBuffer;
  private readonly cells: Int32Array;

  /** Slots for `capacity` processes, or the slots of another thread's `buffer`. */
  constructor(capacityOrBuffer: number | SharedArrayBuffer) {
    if (typeof capacityOrBuffer === 'number') {
      this.buffer = new SharedArrayBuffer(8);
      this.cells = new Int32Array(this.buffer);
      this.cells[1] = Math.max(1, Math.floor(capacityOrBuffer));
    } else {
      this.buffer = capacityOrBuffer;
      this.cells = new Int32Array(this.buffer);
    }
  }

  /** How many processes may run at once. */
  get capacity(): number {
    return Atomics.load(this.cells, 1);
  }

  /** Wait for a free slot and take it. */
  async acquire(): Promise<void> {
    for (;;) {
      const used = Atomics.load(this.cells, 0);
      if (used < this.capacity) {
        if (Atomics.compareExchange(this.cells, 0, used, used + 1) === used) return;
        continue;
      }
      const wait = waitAsync(this.cells, 0, used);
      if (wait.async) await wait.value;
    }
  }

  /** Give a slot back. */
  release(): void {
    Atomics.sub(this.cells, 0, 1);
    Atomics.notify(this.cells, 0, 1);
  }
}
