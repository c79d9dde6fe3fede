/**
 * An append-only log of acknowledged writes beside a saved index
 * (`saved.idx.log`): a write is answered only after its line is on disk
 * (fsync), so it survives `kill -9`; on start the log is replayed over the
 * snapshot, and folding writes a new snapshot and empties the log.
 *
 * One line per write, `<crc32 hex> <json>\n`. Entries set state rather than
 * change it (a put replaces, a delete makes absent), so replaying a log over a
 * snapshot that already holds some of its entries gives the same index:
 * a crash between a snapshot's rename and the log's truncation loses nothing.
 * A torn last line (a crash in the middle of a write, never acknowledged) is
 * dropped and cut off.
 */
import { open, readFile, type FileHandle } from 'node:fs/promises';
import { crc32 } from '../plan-index/crc32.js';
import { ServiceError } from './errors.js';

/** One logged write. */
export type LogEntry =
  | {
      op: 'put';
      id: string;
      reference: boolean;
      text: string;
      meta?: Record<string, unknown>;
    }
  | { op: 'delete'; id: string };

/** What replaying a log found. */
export interface LogReplay {
  entries: LogEntry[];
  /** Bytes of a torn or damaged tail cut off (0 when the log was whole). */
  droppedBytes: number;
}

const encoder = new TextEncoder();
const NEWLINE = 0x0a;

/** The bytes of one log line. */
export function encodeEntry(entry: LogEntry): Uint8Array {
  const json = encoder.encode(JSON.stringify(entry));
  const head = encoder.encode(`${crc32(json).toString(16).padStart(8, '0')} `);
  const line = new Uint8Array(head.length + json.length + 1);
  line.set(head);
  line.set(json, head.length);
  line[line.length - 1] = NEWLINE;
  return line;
}

/** The entries of a log's bytes, up to the first line that is not whole and intact. */
export function decodeLog(bytes: Uint8Array): { entries: LogEntry[]; validBytes: number } {
  const entries: LogEntry[] = [];
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let start = 0;
  while (start < bytes.length) {
    const end = bytes.indexOf(NEWLINE, start);
    if (end < 0 || end - start < 10 || bytes[start + 8] !== 0x20) break;
    const json = bytes.subarray(start + 9, end);
    const crc = Number.parseInt(decoder.decode(bytes.subarray(start, start + 8)), 16);
    if (!Number.isFinite(crc) || crc !== crc32(json)) break;
    let entry: LogEntry;
    try {
      entry = JSON.parse(decoder.decode(json)) as LogEntry;
    } catch {
      break;
    }
    entries.push(entry);
    start = end + 1;
  }
  return { entries, validBytes: start };
}

interface Pending {
  bytes: Uint8Array;
  /** Runs once the line is on disk, before the write is acknowledged. */
  apply: () => void;
  resolve: () => void;
  reject: (error: unknown) => void;
}

/**
 * The log of one saved index. Appends are grouped: the lines waiting while a
 * write and fsync run go to disk together in the next one (group commit).
 */
export class WriteAheadLog {
  /** Bytes in the log now. */
  bytes = 0;
  /** Entries in the log now. */
  entries = 0;

  private handle: FileHandle | undefined;
  private queue: Pending[] = [];
  private flushing: Promise<void> | undefined;
  private paused: Promise<void> | undefined;

  private constructor(readonly path: string) {}

  /**
   * Open (or create) the log at `path` and read what it holds; a torn tail is
   * cut off so that new lines follow whole ones.
   */
  static async open(path: string): Promise<{ log: WriteAheadLog; replay: LogReplay }> {
    const log = new WriteAheadLog(path);
    let bytes: Uint8Array = new Uint8Array(0);
    try {
      bytes = new Uint8Array(await readFile(path));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw ioError(path, error, true);
    }
    const { entries, validBytes } = decodeLog(bytes);
    try {
      log.handle = await open(path, 'a+');
      if (validBytes < bytes.length) {
        await log.handle.truncate(validBytes);
        await log.handle.sync();
      }
    } catch (error) {
      throw ioError(path, error, true);
    }
    log.bytes = validBytes;
    log.entries = entries.length;
    return { log, replay: { entries, droppedBytes: bytes.length - validBytes } };
  }

  /**
   * Append an entry; resolves once it is on disk and `apply` has run (apply
   * runs right after the fsync, in log order, before any snapshot can start).
   * Rejects with ERR_SAOCHEP_IO when the disk refuses it: then apply never ran.
   */
  append(entry: LogEntry, apply: () => void): Promise<void> {
    if (!this.handle) return Promise.reject(closedError(this.path));
    return new Promise<void>((resolve, reject) => {
      this.queue.push({ bytes: encodeEntry(entry), apply, resolve, reject });
      this.scheduleFlush();
    });
  }

  private scheduleFlush(): void {
    if (this.flushing || this.paused || this.queue.length === 0) return;
    this.flushing = this.flush().finally(() => {
      this.flushing = undefined;
      this.scheduleFlush();
    });
  }

  private async flush(): Promise<void> {
    const batch = this.queue;
    this.queue = [];
    const total = batch.reduce((n, p) => n + p.bytes.length, 0);
    const joined = new Uint8Array(total);
    let offset = 0;
    for (const p of batch) {
      joined.set(p.bytes, offset);
      offset += p.bytes.length;
    }
    try {
      const handle = this.handle;
      if (!handle) throw closedError(this.path);
      await handle.write(joined, 0, joined.length);
      await handle.sync();
    } catch (error) {
      const failure = error instanceof ServiceError ? error : ioError(this.path, error);
      for (const p of batch) p.reject(failure);
      return;
    }
    this.bytes += total;
    this.entries += batch.length;
    for (const p of batch) {
      try {
        p.apply();
        p.resolve();
      } catch (error) {
        p.reject(error);
      }
    }
  }

  /**
   * Fold the log into a snapshot: wait for the lines being written, hold new
   * ones back, run `snapshot` (which saves everything applied so far), then
   * empty the log. A failed snapshot leaves the log as it was.
   */
  async fold(snapshot: () => Promise<void>): Promise<void> {
    while (this.paused) await this.paused;
    let release!: () => void;
    this.paused = new Promise<void>((resolve) => (release = resolve));
    try {
      while (this.flushing) await this.flushing;
      await snapshot();
      if (this.handle) {
        await this.handle.truncate(0);
        await this.handle.sync();
      }
      this.bytes = 0;
      this.entries = 0;
    } finally {
      this.paused = undefined;
      release();
      this.scheduleFlush();
    }
  }

  /** Wait for the lines being written, then close the file; later appends are refused. */
  async close(): Promise<void> {
    while (this.paused) await this.paused;
    while (this.flushing || this.queue.length > 0) {
      this.scheduleFlush();
      if (this.flushing) await this.flushing;
    }
    const handle = this.handle;
    this.handle = undefined;
    await handle?.close();
  }
}

function ioError(path: string, cause: unknown, opening = false): ServiceError {
  return new ServiceError(
    'ERR_SAOCHEP_IO',
    `saochep serve: the write-ahead log ${path} cannot be ${opening ? 'opened' : 'written'} (${(cause as Error).message})${opening ? '' : '; the write was not made'}. Check that the folder exists, the disk, and the permissions.`,
    { cause },
  );
}

function closedError(path: string): ServiceError {
  return new ServiceError(
    'ERR_SAOCHEP_UNAVAILABLE',
    `saochep serve: the write-ahead log ${path} is closed: the server is stopping. Send the write again to a running server.`,
  );
}
