/**
 * Growable typed arrays: the index keeps its data in a few large typed arrays
 * (no object per document, per bucket or per shingle) and doubles them as it grows.
 */

export type TypedArray = Int32Array | Uint32Array | Uint16Array | Uint8Array;
type TypedArrayConstructor<T extends TypedArray> = {
  new (length: number): T;
  new (buffer: SharedArrayBuffer): T;
  readonly BYTES_PER_ELEMENT: number;
};

export class Growable<T extends TypedArray> {
  data: T;
  length = 0;

  constructor(
    private readonly Type: TypedArrayConstructor<T>,
    capacity = 16,
  ) {
    this.data = new Type(capacity);
  }

  /** A growable array whose used part is the whole of `data` (a view over shared memory, say). */
  static over<T extends TypedArray>(Type: TypedArrayConstructor<T>, data: T): Growable<T> {
    const g = new Growable(Type, 0);
    g.data = data;
    g.length = data.length;
    return g;
  }

  /** A copy of the used part in shared memory, which worker threads can read without copying. */
  shared(): T {
    const out = new this.Type(
      new SharedArrayBuffer(Math.max(1, this.length) * this.Type.BYTES_PER_ELEMENT),
    );
    out.set(this.data.subarray(0, this.length) as never);
    return this.length === 0 ? (out.subarray(0, 0) as T) : out;
  }

  /** Make room for `extra` more elements. */
  reserve(extra: number): void {
    const needed = this.length + extra;
    if (needed <= this.data.length) return;
    let size = this.data.length * 2;
    while (size < needed) size *= 2;
    const bigger = new this.Type(size);
    bigger.set(this.data.subarray(0, this.length) as never);
    this.data = bigger;
  }

  push(value: number): number {
    if (this.length === this.data.length) this.reserve(1);
    this.data[this.length] = value;
    return this.length++;
  }

  /** Append all of `values`; returns the index of the first. */
  append(values: ArrayLike<number>): number {
    this.reserve(values.length);
    const at = this.length;
    (this.data as unknown as { set(a: ArrayLike<number>, offset: number): void }).set(values, at);
    this.length += values.length;
    return at;
  }

  /** Give back the capacity beyond the used part. */
  trim(): void {
    if (this.data.length === this.length) return;
    const exact = new this.Type(Math.max(1, this.length));
    exact.set(this.data.subarray(0, this.length) as never);
    this.data = exact;
  }

  /** The used part. */
  view(): T {
    return this.data.subarray(0, this.length) as T;
  }

  /** Bytes allocated. */
  get byteLength(): number {
    return this.data.byteLength;
  }
}
