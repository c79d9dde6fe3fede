/**
 * Per-document strings of a store (ids, texts, meta as JSON): in a JS array
 * for a store that grows, or UTF-8 in shared memory for the read-only copy
 * that checking workers share.
 */

/** A column of optional strings by document number. */
export interface StringColumn {
  get(d: number): string | undefined;
  /** Bytes held (two per UTF-16 code unit for JS strings, one per UTF-8 byte when shared). */
  readonly byteLength: number;
}

/** The shared form of a column: UTF-8 chunks and, per document, chunk, start and end (−1 for none). */
export interface SharedStringsData {
  chunks: Uint8Array[];
  /** Three numbers per document: chunk, start, end. */
  where: Float64Array;
}

/** Chunks stay below this, far under any typed-array limit. */
const CHUNK_BYTES = 256 * 1024 * 1024;

/** A column of strings in shared memory, made by {@link shareStrings}. */
export class SharedStrings implements StringColumn {
  private readonly buffers: Buffer[];

  constructor(private readonly data: SharedStringsData) {
    this.buffers = data.chunks.map((c) => Buffer.from(c.buffer, c.byteOffset, c.byteLength));
  }

  get(d: number): string | undefined {
    const chunk = this.data.where[3 * d];
    if (chunk === undefined || chunk < 0) return undefined;
    return this.buffers[chunk].toString(
      'utf8',
      this.data.where[3 * d + 1],
      this.data.where[3 * d + 2],
    );
  }

  get byteLength(): number {
    return this.data.chunks.reduce((s, c) => s + c.byteLength, 0) + this.data.where.byteLength;
  }
}

/**
 * Where each string goes in chunks of at most CHUNK_BYTES: per string its
 * chunk (−1 for none), start and end, and each chunk's size.
 */
function layOut(
  values: ReadonlyArray<string | undefined>,
  bytesOf: (s: string) => number,
  where: Float64Array,
): number[] {
  const sizes: number[] = [];
  let chunk = 0;
  let used = 0;
  for (let d = 0; d < values.length; d++) {
    const s = values[d];
    if (s === undefined) {
      where[3 * d] = -1;
      continue;
    }
    const bytes = bytesOf(s);
    if (used + bytes > CHUNK_BYTES && used > 0) {
      sizes.push(used);
      chunk++;
      used = 0;
    }
    where[3 * d] = chunk;
    where[3 * d + 1] = used;
    where[3 * d + 2] = used + bytes;
    used += bytes;
  }
  sizes.push(used);
  return sizes;
}

/** Write each string where {@link layOut} put it. */
function fill(
  values: ReadonlyArray<string | undefined>,
  where: Float64Array,
  buffers: Buffer[],
  encoding: 'utf8' | 'utf16le',
): void {
  for (let d = 0; d < values.length; d++) {
    const c = where[3 * d];
    if (c >= 0) buffers[c].write(values[d]!, where[3 * d + 1], encoding);
  }
}

/** Strings as UTF-8 in shared memory. */
export function shareStrings(values: ReadonlyArray<string | undefined>): SharedStringsData {
  const where = new Float64Array(new SharedArrayBuffer(Math.max(1, 3 * values.length) * 8));
  const sizes = layOut(values, (s) => Buffer.byteLength(s, 'utf8'), where);
  const chunks = sizes.map((n) => new Uint8Array(new SharedArrayBuffer(Math.max(1, n))));
  const buffers = chunks.map((c) => Buffer.from(c.buffer, c.byteOffset, c.byteLength));
  fill(values, where, buffers, 'utf8');
  return { chunks, where };
}

/**
 * A column of strings packed out of the JavaScript heap, UTF-16 code units as
 * they are (so that any string, a lone surrogate included, comes back the
 * same): the kept texts of a store built whole. A heap of a hundred thousand
 * texts makes each major garbage collection mark and move them, which is
 * what slowed the slowest checks; packed, the collector sees a few buffers.
 */
export class PackedStrings implements StringColumn {
  private constructor(
    private readonly buffers: Buffer[],
    /** Three numbers per string: chunk (−1 for none), start and end in bytes. */
    private readonly where: Float64Array,
  ) {}

  /** Pack `values` (undefined stays undefined). */
  static of(values: ReadonlyArray<string | undefined>): PackedStrings {
    const where = new Float64Array(Math.max(1, 3 * values.length));
    const buffers = layOut(values, (s) => 2 * s.length, where).map((n) => Buffer.allocUnsafe(n));
    fill(values, where, buffers, 'utf16le');
    return new PackedStrings(buffers, where);
  }

  /** Strings packed (documents numbered below it). */
  get length(): number {
    return Math.floor(this.where.length / 3);
  }

  get(d: number): string | undefined {
    if (d >= this.length) return undefined;
    const chunk = this.where[3 * d];
    if (chunk < 0) return undefined;
    return this.buffers[chunk].toString('utf16le', this.where[3 * d + 1], this.where[3 * d + 2]);
  }

  /** Bytes of string d (two per code unit), 0 for none. */
  bytesOf(d: number): number {
    if (d >= this.length || this.where[3 * d] < 0) return 0;
    return this.where[3 * d + 2] - this.where[3 * d + 1];
  }

  get byteLength(): number {
    return this.buffers.reduce((s, b) => s + b.byteLength, 0) + this.where.byteLength;
  }
}
