/**
 * Typed arrays reused from one alignment to the next. A check aligns the plan
 * with tens of sources, each alignment with some fifteen arrays of about its
 * length: allocated anew, their backing stores were a large part of the
 * check's garbage collection. Alignment is synchronous and never re-entered,
 * and each module instance (each worker thread) has its own scratch, so one
 * buffer per use is enough.
 */
type NumberArray = Int32Array | Uint32Array | Uint8Array | Float64Array;

/** One grow-only buffer; a view of it is valid until its next `take` or `keep`. */
export class Scratch<T extends NumberArray> {
  private buffer: T;

  constructor(private readonly make: (length: number) => T) {
    this.buffer = make(0);
  }

  /** `length` elements, each set to `fill`. */
  take(length: number, fill: number): T {
    const view = this.room(length, false);
    view.fill(fill);
    return view;
  }

  /** `length` elements, the first ones as the last view left them (to grow an array being filled). */
  keep(length: number): T {
    return this.room(length, true);
  }

  private room(length: number, copy: boolean): T {
    if (this.buffer.length < length) {
      const bigger = this.make(Math.max(length, 2 * this.buffer.length));
      if (copy) bigger.set(this.buffer as never);
      this.buffer = bigger;
    }
    return this.buffer.subarray(0, length) as T;
  }
}

/** A scratch Int32Array. */
export const int32Scratch = (): Scratch<Int32Array> => new Scratch((n) => new Int32Array(n));
/** A scratch Uint32Array. */
export const uint32Scratch = (): Scratch<Uint32Array> => new Scratch((n) => new Uint32Array(n));
/** A scratch Uint8Array. */
export const uint8Scratch = (): Scratch<Uint8Array> => new Scratch((n) => new Uint8Array(n));
/** A scratch Float64Array. */
export const float64Scratch = (): Scratch<Float64Array> => new Scratch((n) => new Float64Array(n));
