/**
 * A saved index served with durable writes: the snapshot file (`saved.idx`,
 * as `saochep index` writes it) and the append-only log beside it
 * (`saved.idx.log`). A write is answered once its log line is on disk; the log
 * is folded into a new snapshot when it grows past a size, at an interval, and
 * when the server stops.
 */
import { readFile } from 'node:fs/promises';
import { SaochepError } from '../errors.js';
import { decodeIndex } from '../plan-index/format.js';
import {
  type CheckOptions,
  type CheckResult,
  type PlanDoc,
  PlanIndex,
} from '../plan-index/plan-index.js';
import { CheckReplicas } from './check-replicas.js';
import { ServiceError } from './errors.js';
import { PlanIndexAdapter, infoOfStored } from './plan-index-adapter.js';
import type { PlanInfo, ServedIndex, ServedIndexStats } from './served-index.js';
import { type LogEntry, WriteAheadLog } from './write-ahead-log.js';

/** Options of {@link FileServedIndex.open}. */
export interface FileIndexOptions {
  /** The saved index; a missing file starts an empty index, saved there at the first snapshot. */
  path: string;
  /** Milliseconds between snapshots while writes are waiting in the log. Default 300,000 (5 minutes). */
  snapshotInterval?: number;
  /** A snapshot is taken once the log holds this many bytes. Default 64 MiB. */
  maxLogBytes?: number;
  /** Told what happens (loaded, replayed, snapshot written, a snapshot failed). */
  onEvent?: (message: string) => void;
  /**
   * Worker threads that check, each holding a replica of the index (its
   * memory once more per thread), while the server's thread answers HTTP and
   * writes. Default 0: checks run on the server's thread.
   */
  checkThreads?: number;
}

const DEFAULT_SNAPSHOT_INTERVAL = 300_000;
const DEFAULT_MAX_LOG_BYTES = 64 * 1024 * 1024;

/** The path of the log beside a saved index. */
export function logPathOf(indexPath: string): string {
  return `${indexPath}.log`;
}

/** A saved index and its write-ahead log, served. */
export class FileServedIndex implements ServedIndex {
  private adapter: PlanIndexAdapter | undefined;
  private log: WriteAheadLog | undefined;
  private replicas: CheckReplicas | undefined;
  private readonly loading: Promise<void>;
  private failure: unknown;
  private lastSnapshot: string | null = null;
  private snapshotting: Promise<void> | undefined;
  private timer: NodeJS.Timeout | undefined;
  private closed = false;
  /** The last write of each id: writes of one id run one after the other. */
  private readonly writes = new Map<string, Promise<unknown>>();
  private readonly onEvent: (message: string) => void;
  private readonly maxLogBytes: number;

  private constructor(private readonly options: FileIndexOptions) {
    this.onEvent = options.onEvent ?? (() => undefined);
    this.maxLogBytes = options.maxLogBytes ?? DEFAULT_MAX_LOG_BYTES;
    this.loading = this.load().catch((error: unknown) => {
      this.failure = error;
      throw error;
    });
    // ready() reports a failed load; nobody may be waiting for it yet.
    this.loading.catch(() => undefined);
  }

  /** Start loading the index at `options.path` and replaying its log; see {@link ready}. */
  static open(options: FileIndexOptions): FileServedIndex {
    return new FileServedIndex(options);
  }

  private async load(): Promise<void> {
    const { path } = this.options;
    const adapter = await loadSnapshot(path, this.onEvent);
    const { log, replay } = await WriteAheadLog.open(logPathOf(path));
    let skipped = 0;
    for (const entry of replay.entries) {
      try {
        apply(adapter, entry);
      } catch (error) {
        skipped++;
        this.onEvent(`log entry for "${entry.id}" not replayed: ${(error as Error).message}`);
      }
    }
    if (replay.entries.length > 0 || replay.droppedBytes > 0)
      this.onEvent(
        `replayed ${replay.entries.length - skipped} logged writes from ${log.path}` +
          (replay.droppedBytes > 0
            ? `; cut off a torn tail of ${replay.droppedBytes} bytes (never acknowledged)`
            : ''),
      );
    this.adapter = adapter;
    this.log = log;
    const threads = this.options.checkThreads ?? 0;
    if (threads > 0) {
      this.replicas = new CheckReplicas(adapter.index, threads, this.onEvent);
      void this.replicas
        .whenLoaded()
        .then(() => this.onEvent(`${this.replicas?.readyThreads ?? 0} checking threads ready`));
    }
    const interval = this.options.snapshotInterval ?? DEFAULT_SNAPSHOT_INTERVAL;
    this.timer = setInterval(() => {
      if (log.entries > 0) void this.snapshot().catch(() => undefined);
    }, interval);
    this.timer.unref();
    this.onEvent(`${path}: ${adapter.index.size} documents ready`);
  }

  ready(): Promise<void> {
    return this.loading;
  }

  isReady(): boolean {
    return this.adapter !== undefined && !this.closed;
  }

  private state(): { adapter: PlanIndexAdapter; log: WriteAheadLog } {
    if (this.closed)
      throw new ServiceError(
        'ERR_SAOCHEP_UNAVAILABLE',
        'saochep serve is stopping: send the request again to a running server.',
      );
    if (!this.adapter || !this.log) {
      const why =
        this.failure === undefined
          ? 'the index is still loading; /v1/ready says when it is loaded'
          : `the index could not be loaded (${(this.failure as Error).message})`;
      throw new ServiceError('ERR_SAOCHEP_UNAVAILABLE', `saochep serve: ${why}.`);
    }
    return { adapter: this.adapter, log: this.log };
  }

  /** Run `write` after the writes of the same id before it. */
  private exclusive<T>(id: string, write: () => Promise<T>): Promise<T> {
    const previous = this.writes.get(id) ?? Promise.resolve();
    const next = previous.then(write, write);
    const settled = next.catch(() => undefined);
    this.writes.set(id, settled);
    void settled.then(() => {
      if (this.writes.get(id) === settled) this.writes.delete(id);
    });
    return next;
  }

  private put(doc: PlanDoc, reference: boolean): Promise<PlanInfo> {
    return this.exclusive(typeof doc?.id === 'string' ? doc.id : '', async () => {
      const { adapter, log } = this.state();
      const sketched = adapter.sketch(doc, reference);
      const { id, meta } = sketched.stored;
      if (adapter.index.has(id))
        throw new SaochepError(
          'ERR_SAOCHEP_DUPLICATE_ID',
          `a plan with id "${id}" is already indexed. DELETE /v1/plans/{id} first to replace it, or use another id.`,
        );
      let info: PlanInfo | undefined;
      const entry: LogEntry = {
        op: 'put',
        id,
        reference,
        text: doc.text,
        ...(meta ? { meta } : {}),
      };
      await log.append(entry, () => {
        info = adapter.insert(sketched);
        this.replicas?.add(sketched);
      });
      this.afterWrite(log);
      return info!;
    });
  }

  add(doc: PlanDoc): Promise<PlanInfo> {
    return this.put(doc, false);
  }

  addReference(doc: PlanDoc): Promise<PlanInfo> {
    return this.put(doc, true);
  }

  remove(id: string): Promise<boolean> {
    return this.exclusive(id, async () => {
      const { adapter, log } = this.state();
      if (!adapter.index.has(id)) return false;
      await log.append({ op: 'delete', id }, () => {
        adapter.delete(id);
        this.replicas?.remove(id);
      });
      this.afterWrite(log);
      return true;
    });
  }

  private afterWrite(log: WriteAheadLog): void {
    if (log.bytes >= this.maxLogBytes && !this.snapshotting)
      void this.snapshot().catch(() => undefined);
  }

  /**
   * Write a snapshot of everything acknowledged and empty the log. One at a
   * time; a failure is told to onEvent and rethrown, and the log is kept.
   */
  snapshot(): Promise<void> {
    if (this.snapshotting) return this.snapshotting;
    const { adapter, log } = this.state();
    const { path } = this.options;
    this.snapshotting = log
      .fold(async () => {
        const started = Date.now();
        const entries = log.entries;
        await adapter.index.save(path);
        this.lastSnapshot = new Date().toISOString();
        this.onEvent(
          `snapshot of ${adapter.index.size} documents (${entries} logged writes folded) written to ${path} in ${Date.now() - started} ms`,
        );
      })
      .catch((error: unknown) => {
        this.onEvent(
          `snapshot to ${path} failed, the log keeps the writes: ${(error as Error).message}`,
        );
        throw error;
      })
      .finally(() => {
        this.snapshotting = undefined;
      });
    return this.snapshotting;
  }

  async has(id: string): Promise<boolean> {
    return this.state().adapter.index.has(id);
  }

  async get(id: string): Promise<PlanInfo | undefined> {
    return this.state().adapter.get(id);
  }

  async size(): Promise<number> {
    return this.state().adapter.index.size;
  }

  async check(
    input: { text: string; meta?: Record<string, unknown> },
    options?: CheckOptions,
  ): Promise<CheckResult> {
    const { adapter } = this.state();
    return this.replicas
      ? this.replicas.check(input, options)
      : adapter.index.check(input, options);
  }

  async stats(): Promise<ServedIndexStats> {
    const { adapter, log } = this.state();
    return {
      ...adapter.statsOf('file', log.entries, this.lastSnapshot),
      checkThreads: this.replicas?.readyThreads ?? 0,
    };
  }

  /**
   * Close the log without a snapshot: what a crash leaves behind (the next
   * open replays the log). For tests of recovery, and a process that must stop at once.
   */
  async closeWithoutSnapshot(): Promise<void> {
    clearInterval(this.timer);
    this.closed = true;
    await this.loading.catch(() => undefined);
    await Promise.all(this.writes.values());
    await this.replicas?.close();
    await this.log?.close();
  }

  /** Fold the log into a last snapshot (when it holds writes) and close it. */
  async close(): Promise<void> {
    if (this.closed) return;
    clearInterval(this.timer);
    await this.loading.catch(() => undefined);
    await Promise.all(this.writes.values());
    await this.replicas?.close();
    const log = this.log;
    if (log) {
      if (this.snapshotting) await this.snapshotting.catch(() => undefined);
      if (log.entries > 0) await this.snapshot();
      await log.close();
    }
    this.closed = true;
  }
}

/** The saved index at `path` with what the service tells of its documents; empty when there is no file. */
async function loadSnapshot(
  path: string,
  onEvent: (message: string) => void,
): Promise<PlanIndexAdapter> {
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(await readFile(path));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT')
      throw new SaochepError(
        'ERR_SAOCHEP_IO',
        `saochep serve: cannot read ${path}: ${(error as Error).message}`,
        {
          cause: error,
        },
      );
    onEvent(`${path} does not exist: starting an empty index, saved there at the first snapshot`);
    return new PlanIndexAdapter(new PlanIndex());
  }
  const infos = new Map<string, PlanInfo>();
  for (const doc of decodeIndex(bytes).docs) infos.set(doc.id, infoOfStored(doc));
  return new PlanIndexAdapter(PlanIndex.deserialize(bytes), infos);
}

/** Apply a logged write as it is replayed: a put replaces, a delete makes absent. */
function apply(adapter: PlanIndexAdapter, entry: LogEntry): void {
  if (entry.op === 'delete') adapter.delete(entry.id);
  else {
    const doc: PlanDoc = {
      id: entry.id,
      text: entry.text,
      ...(entry.meta ? { meta: entry.meta } : {}),
    };
    adapter.insert(adapter.sketch(doc, entry.reference), true);
  }
}
