/**
 * Reading and sketching in worker threads: sources go out to `jobs` workers,
 * and come back in their original order, so that the index and the report
 * are the same whatever the number of workers. A worker that passes the time
 * limit on a file is terminated, and one that dies (out of memory, a stack
 * overflow in a library) is replaced: that file becomes an error row and the
 * others go on. A missing worker script is an error (from the sources, the
 * build of the same checkout is used).
 */
import { Worker } from 'node:worker_threads';
import { PlanIndex } from '../plan-index/plan-index.js';
import type { OcrMode, OcrPageDelta, SerializableOcrOptions } from '../read/ocr/ocr-options.js';
import { OcrSlots } from '../read/ocr/ocr-slots.js';
import type { PlanIndexOptions, ResolvedIndexOptions } from '../plan-index/options.js';
import { type ReadLimits, limitExceeded } from '../read/read-limits.js';
import { type PlanSource, type PreparedPlan, preparePlan, sourceFile } from './prepare-plan.js';
import type { PoolWorkerData, WorkerTask } from './scan-worker.js';
import { workerScript } from './worker-script.js';

/** Options of {@link prepareAll}. */
export interface PrepareOptions {
  jobs: number;
  /** Options of the index the sketches are for (no functions: they go to other threads). */
  indexOptions: PlanIndexOptions | ResolvedIndexOptions;
  reference: boolean;
  /** The read limits of every file. */
  limits: ReadLimits;
  /** How scanned pages and images are read (no functions: they go to other threads). */
  ocr?: OcrMode | SerializableOcrOptions;
  /** Called for each source, in the sources' order. */
  onPrepared: (result: PreparedPlan, n: number) => void;
  /** Told of OCR pages queued and done, in any thread. */
  onOcrPages?: (delta: OcrPageDelta) => void;
}

export type { SerializableOcrOptions } from '../read/ocr/ocr-options.js';

/** Tasks a worker holds at once: one being read, one waiting, so that it never idles. */
const IN_FLIGHT = 2;

/** One worker and the tasks it holds, the first being read now (a worker reads one at a time). */
interface Slot {
  /** The worker's holder number in the OCR slots (-1: none free, its OCR is not tracked). */
  holder: number;
  worker: Worker;
  tasks: number[];
  timer?: NodeJS.Timeout;
}

/** A result for a source that never came back from its worker. */
function failed(source: PlanSource, code: string, message: string): PreparedPlan {
  return { ok: false, error: { file: sourceFile(source), code, message } };
}

/** Prepare every source, in worker threads when the worker script is built. */
export async function prepareAll(
  sources: readonly PlanSource[],
  options: PrepareOptions,
): Promise<void> {
  const workerCount = Math.min(options.jobs, sources.length);
  // Holders outnumber workers: a stopped worker's holder is free again only once it has ended.
  const ocrSlots = new OcrSlots(options.jobs, 2 * workerCount);
  const freeHolders = Array.from({ length: 2 * workerCount }, (_, h) => h);
  const ocr: SerializableOcrOptions =
    typeof options.ocr === 'string' ? { mode: options.ocr } : { ...options.ocr };
  const script = sources.length > 0 ? workerScript('scan-worker') : undefined;
  if (script === undefined) {
    const index = new PlanIndex(options.indexOptions);
    const read = {
      ...ocr,
      slots: ocrSlots,
      ...(options.onOcrPages ? { onPages: options.onOcrPages } : {}),
    };
    for (let n = 0; n < sources.length; n++)
      options.onPrepared(
        await preparePlan(sources[n], index, options.reference, options.limits, read),
        n,
      );
    return;
  }
  const pending = new Map<number, PreparedPlan>();
  const todo = Array.from(sources.keys());
  const slots: Slot[] = [];
  let delivered = 0;
  let finish: () => void = () => undefined;
  let fail: (error: unknown) => void = () => undefined;
  const done = new Promise<void>((resolve, reject) => {
    finish = resolve;
    fail = reject;
  });

  const settle = (n: number, result: PreparedPlan) => {
    pending.set(n, result);
    while (pending.has(delivered)) {
      const r = pending.get(delivered)!;
      pending.delete(delivered);
      try {
        options.onPrepared(r, delivered);
      } catch (error) {
        fail(error);
        return;
      }
      delivered++;
    }
    if (delivered === sources.length) finish();
  };

  /** Time the task the worker reads now. */
  const startTimer = (slot: Slot) => {
    clearTimeout(slot.timer);
    slot.timer = undefined;
    if (slot.tasks.length === 0) return;
    const n = slot.tasks[0];
    slot.timer = setTimeout(() => {
      replace(
        slot,
        limitExceeded(
          sourceFile(sources[n]),
          'timeMs',
          `reading took more than ${options.limits.timeMs} ms; the reading was stopped`,
        ),
      );
    }, options.limits.timeMs);
  };

  const send = (slot: Slot) => {
    while (slot.tasks.length < IN_FLIGHT && todo.length > 0) {
      const n = todo.shift()!;
      const task: WorkerTask = {
        n,
        source: sources[n],
        reference: options.reference,
        limits: options.limits,
      };
      try {
        slot.worker.postMessage(task);
      } catch (error) {
        // A value the structured clone cannot copy (too deep): that source alone fails.
        settle(n, failed(sources[n], 'ERR_SAOCHEP_LIMIT_EXCEEDED', (error as Error).message));
        continue;
      }
      slot.tasks.push(n);
      if (slot.tasks.length === 1) startTimer(slot);
    }
  };

  /** Stop a worker: its current task fails with `error`, the tasks it held go back to the queue. */
  const replace = (slot: Slot, error: { code?: unknown; message: string }) => {
    clearTimeout(slot.timer);
    const [current, ...held] = slot.tasks;
    slot.tasks = [];
    todo.unshift(...held);
    const old = slot.worker;
    old.removeAllListeners();
    old.on('error', () => undefined);
    // The stopped worker's OCR processes are killed and its OCR slots given back.
    const holder = slot.holder;
    void old.terminate().then(() => {
      ocrSlots.reclaim(holder);
      if (holder >= 0) freeHolders.push(holder);
    });
    if (current !== undefined)
      settle(
        current,
        failed(
          sources[current],
          typeof error.code === 'string' && error.code.startsWith('ERR_SAOCHEP_')
            ? error.code
            : 'ERR_SAOCHEP_READ_FAILED',
          error.message,
        ),
      );
    if (delivered < sources.length) {
      slot.worker = spawn(slot);
      send(slot);
    }
  };

  const spawn = (slot: Slot): Worker => {
    slot.holder = freeHolders.shift() ?? -1;
    const workerData: PoolWorkerData = {
      indexOptions: options.indexOptions,
      ocr,
      ocrSlots: ocrSlots.buffer,
      ocrHolder: slot.holder,
    };
    const worker = new Worker(script, { workerData, stdout: true });
    worker.on(
      'message',
      (message: { n: number; result: PreparedPlan } | { pages: OcrPageDelta }) => {
        if ('pages' in message) {
          options.onOcrPages?.(message.pages);
          return;
        }
        const { n, result } = message;
        if (slot.tasks[0] !== n) return;
        slot.tasks.shift();
        startTimer(slot);
        settle(n, result);
        send(slot);
      },
    );
    // Libraries' own output (pdf.js, mammoth warnings) goes to stderr: stdout is saochep's.
    worker.stdout.on('data', (chunk: Buffer) => process.stderr.write(chunk));
    const file = () => (slot.tasks[0] !== undefined ? sourceFile(sources[slot.tasks[0]]) : '');
    worker.on('error', (error: Error & { code?: string }) => {
      const memory = error.code === 'ERR_WORKER_OUT_OF_MEMORY';
      replace(slot, {
        code: memory ? 'ERR_SAOCHEP_LIMIT_EXCEEDED' : error.code,
        message: memory
          ? `${file()}: reading ran out of memory; the reading was stopped`
          : `${file()}: reading failed (${error.message})`,
      });
    });
    worker.on('exit', (code) => {
      if (slot.worker === worker && slot.tasks.length > 0)
        replace(slot, { message: `${file()}: the reading stopped (worker exit code ${code})` });
    });
    return worker;
  };

  for (let k = 0; k < workerCount; k++) {
    const slot = { tasks: [] } as unknown as Slot;
    slot.worker = spawn(slot);
    slots.push(slot);
  }
  try {
    for (const slot of slots) send(slot);
    await done;
  } finally {
    for (const slot of slots) {
      clearTimeout(slot.timer);
      slot.worker.removeAllListeners();
    }
    await Promise.all(slots.map((s) => s.worker.terminate()));
    for (const slot of slots) ocrSlots.reclaim(slot.holder);
  }
}
