/**
 * Buffered appending to files, and scratch files of lines written in one order
 * and copied out in another: how the streaming writer puts lines made in date
 * order into files in id order.
 */
import { closeSync, openSync, readSync, rmSync, writeSync } from 'node:fs';

/** Bytes an Appender gathers before it writes them out. */
const APPEND_BUFFER = 1 << 22;

/** Appends to a file through one buffer, remembering where each record starts. */
export class Appender {
  private readonly fd: number;
  private readonly buffer: Buffer;
  private pending = 0;
  /** Bytes written to the file so far (not counting the buffer). */
  written = 0;

  /** Create (or empty) the file at `path`; `size` is the buffer's. */
  constructor(
    readonly path: string,
    size = APPEND_BUFFER,
  ) {
    this.fd = openSync(path, 'w');
    this.buffer = Buffer.allocUnsafe(size);
  }

  /** Append `text`; returns its offset and byte length. */
  add(text: string): [number, number] {
    const at = this.written + this.pending;
    // UTF-8 takes at most three bytes per UTF-16 code unit.
    if (this.pending + text.length * 3 > this.buffer.length) this.flush();
    if (text.length * 3 > this.buffer.length) {
      const bytes = Buffer.from(text, 'utf8');
      this.write(bytes);
      this.written += bytes.length;
      return [at, bytes.length];
    }
    const length = this.buffer.write(text, this.pending, 'utf8');
    this.pending += length;
    return [at, length];
  }

  /** Append `bytes`. */
  addBytes(bytes: Uint8Array): void {
    if (this.pending + bytes.length > this.buffer.length) this.flush();
    if (bytes.length > this.buffer.length) {
      this.write(bytes);
      this.written += bytes.length;
      return;
    }
    this.buffer.set(bytes, this.pending);
    this.pending += bytes.length;
  }

  /**
   * Append `length` bytes of file `fd` from `position`, read straight into the
   * buffer.
   */
  addFrom(fd: number, position: number, length: number): void {
    if (this.pending + length > this.buffer.length) this.flush();
    if (length > this.buffer.length) {
      const bytes = Buffer.allocUnsafe(length);
      readFully(fd, bytes, 0, length, position);
      this.addBytes(bytes);
      return;
    }
    readFully(fd, this.buffer, this.pending, length, position);
    this.pending += length;
  }

  /** Write out what the buffer holds. */
  flush(): void {
    if (this.pending === 0) return;
    this.write(this.buffer.subarray(0, this.pending));
    this.written += this.pending;
    this.pending = 0;
  }

  /** Flush and close the file; returns its length. */
  close(): number {
    this.flush();
    closeSync(this.fd);
    return this.written;
  }

  private write(bytes: Uint8Array): void {
    let done = 0;
    while (done < bytes.length) done += writeSync(this.fd, bytes, done);
  }
}

/** Read `length` bytes of `fd` at `position` into `into` at `offset`. */
function readFully(
  fd: number,
  into: Uint8Array,
  offset: number,
  length: number,
  position: number,
): void {
  let done = 0;
  while (done < length) {
    const n = readSync(fd, into, offset + done, length - done, position + done);
    if (n === 0) throw new Error(`unexpected end of scratch file at ${position + done}`);
    done += n;
  }
}

/** Lines kept in a scratch file in the order they were made, read back by index. */
export class Scratch {
  private readonly out: Appender;
  private readonly offsets: Float64Array;
  private readonly lengths: Int32Array;

  /** A scratch file at `path` for lines 0 to `count` - 1; `size` is its buffer's. */
  constructor(path: string, count: number, size = APPEND_BUFFER) {
    this.out = new Appender(path, size);
    this.offsets = new Float64Array(count);
    this.lengths = new Int32Array(count);
  }

  /** Keep `text` as line `index`. */
  set(index: number, text: string): void {
    const [at, length] = this.out.add(text);
    this.offsets[index] = at;
    this.lengths[index] = length;
  }

  /** Copy every line, in index order, to `to`, with `separator` between them; removes the scratch file. */
  copyTo(to: Appender, separator: string): void {
    this.out.close();
    const fd = openSync(this.out.path, 'r');
    const sep = Buffer.from(separator, 'utf8');
    for (let i = 0; i < this.lengths.length; i++) {
      if (i > 0) to.addBytes(sep);
      to.addFrom(fd, this.offsets[i], this.lengths[i]);
    }
    closeSync(fd);
    rmSync(this.out.path, { force: true });
  }
}
