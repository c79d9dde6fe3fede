/**
 * Checks on every core for a served file index: worker threads, each with a
 * replica of the index, check while the server's own thread answers HTTP and
 * writes. A replica starts from the index's bytes as they were when it was
 * made, then takes every write in the order the index took them (messages to
 * a thread arrive in the order they were sent), so a check sent after a write
 * was acknowledged sees it, and every replica answers what the index itself
 * would. Until a replica is ready, and after one fails, the server's thread
 * checks.
 */
import { Worker } from 'node:worker_threads';
import type { PlanIndex } from '../plan-index/plan-index.js';
import type { CheckOptions, CheckResult, SketchedDocument } from '../plan-index/types.js';
import { workerScript } from '../scan/worker-script.js';
import { type WorkerError, fromWorkerError } from './worker-errors.js';

/** What the server's thread sends a replica: first the index's bytes (shared, read once), then writes and checks. @internal */
export type ReplicaMessage =
  | { op: 'load'; bytes: Uint8Array }
  | { op: 'add'; sketched: SketchedDocument }
  | { op: 'remove'; id: string }
  | {
      op: 'check';
      id: number;
      input: { text: string; meta?: Record<string, unknown> };
      options: CheckOptions | undefined;
    };

/** What a replica answers. @internal */
export type ReplicaReply =
  | { ready: true }
  | { id: number; ok: true; result: CheckResult }
  | { id: number; ok: false; error: WorkerError };

interface PendingCheck {
  input: { text: string; meta?: Record<string, unknown> };
  options: CheckOptions | undefined;
  resolve: (result: CheckResult) => void;
  reject: (error: Error) => void;
}

interface Replica {
  worker: Worker;
  ready: boolean;
  alive: boolean;
  pending: Map<number, PendingCheck>;
}

/** Replicas of a PlanIndex in worker threads, checking for it. */
export class CheckReplicas {
  private readonly replicas: Replica[];
  private nextId = 0;
  private closed = false;

  /**
   * Start `threads` replicas of `index` as it is now. Every later write to
   * the index must be passed on, in order, with {@link add} and {@link remove}.
   */
  constructor(
    private readonly index: PlanIndex,
    threads: number,
    private readonly onEvent: (message: string) => void = () => undefined,
  ) {
    const script = workerScript('check-replica-worker');
    const serialized = index.serialize();
    const bytes = new Uint8Array(new SharedArrayBuffer(serialized.length));
    bytes.set(serialized);
    // Sent as a message, not as workerData, which a thread keeps for its life: once every replica
    // has loaded, nothing holds the bytes.
    const load: ReplicaMessage = { op: 'load', bytes };
    this.replicas = Array.from({ length: threads }, () => {
      const replica = this.start(new Worker(script));
      replica.worker.postMessage(load);
      return replica;
    });
  }

  /** Threads that have loaded their replica and check. */
  get readyThreads(): number {
    return this.replicas.filter((r) => r.alive && r.ready).length;
  }

  /** Resolves once every replica has loaded (or failed). */
  whenLoaded(): Promise<void> {
    return Promise.all(
      this.replicas.map(
        (replica) =>
          new Promise<void>((resolve) => {
            if (replica.ready || !replica.alive) return resolve();
            const done = () => resolve();
            replica.worker.once('message', done);
            replica.worker.once('exit', done);
          }),
      ),
    ).then(() => undefined);
  }

  private start(worker: Worker): Replica {
    const replica: Replica = { worker, ready: false, alive: true, pending: new Map() };
    worker.on('message', (reply: ReplicaReply) => {
      if ('ready' in reply) {
        replica.ready = true;
        return;
      }
      const pending = replica.pending.get(reply.id);
      if (!pending) return;
      replica.pending.delete(reply.id);
      if (reply.ok) pending.resolve(reply.result);
      else pending.reject(fromWorkerError(reply.error, 'ERR_SAOCHEP_IO'));
    });
    const fail = (why: string) => {
      if (!replica.alive) return;
      replica.alive = false;
      if (!this.closed) this.onEvent(`a checking thread stopped (${why}); its checks run here`);
      // Its checks are answered by the index itself, which has every write the replica had.
      for (const pending of replica.pending.values()) this.checkHere(pending);
      replica.pending.clear();
    };
    worker.on('error', (error) => fail(error.message));
    worker.on('exit', (code) => fail(`exit code ${code}`));
    return replica;
  }

  private checkHere(pending: PendingCheck): void {
    try {
      pending.resolve(this.index.check(pending.input, pending.options));
    } catch (error) {
      pending.reject(error as Error);
    }
  }

  /** Pass on a document the index has just taken. */
  add(sketched: SketchedDocument): void {
    this.broadcast({ op: 'add', sketched });
  }

  /** Pass on a removal the index has just made. */
  remove(id: string): void {
    this.broadcast({ op: 'remove', id });
  }

  private broadcast(message: ReplicaMessage): void {
    for (const replica of this.replicas) if (replica.alive) replica.worker.postMessage(message);
  }

  /** Check on the least busy ready replica, or on this thread when none is ready. */
  check(
    input: { text: string; meta?: Record<string, unknown> },
    options: CheckOptions | undefined,
  ): Promise<CheckResult> {
    let best: Replica | undefined;
    for (const replica of this.replicas)
      if (replica.alive && replica.ready && (!best || replica.pending.size < best.pending.size))
        best = replica;
    if (!best || this.closed) return Promise.resolve().then(() => this.index.check(input, options));
    const replica = best;
    const id = this.nextId++;
    return new Promise<CheckResult>((resolve, reject) => {
      replica.pending.set(id, { input, options, resolve, reject });
      const message: ReplicaMessage = { op: 'check', id, input, options };
      replica.worker.postMessage(message);
    });
  }

  /** Stop the threads once the checks they hold are answered. */
  async close(): Promise<void> {
    this.closed = true;
    await Promise.all(
      this.replicas.map(async (replica) => {
        while (replica.alive && replica.pending.size > 0)
          await new Promise((resolve) => setTimeout(resolve, 5));
        replica.alive = false;
        await replica.worker.terminate();
      }),
    );
  }
}
