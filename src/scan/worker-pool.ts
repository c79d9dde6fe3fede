/**
 * Reading and sketching in worker threads: sources go out to `jobs` workers
 * one at a time, and come back in their original order, so that the index
 * and the report are the same whatever the number of workers. With one job,
 * or where the worker script is not built (running from the sources), the
 * work is done in this thread.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { PlanIndex } from '../plan-index/plan-index.js';
import type { OcrMode, OcrOptions, OcrPageDelta } from '../read/ocr/ocr-options.js';
import { OcrSlots } from '../read/ocr/ocr-slots.js';
import type { PlanIndexOptions, ResolvedIndexOptions } from '../plan-index/options.js';
import { type PlanSource, type PreparedPlan, preparePlan } from './prepare-plan.js';
import type { WorkerTask } from './scan-worker.js';

/** The built worker script next to this module, if there is one. */
function workerScript(): string | undefined {
  try {
    const path = fileURLToPath(new URL('./scan-worker.js', import.meta.url));
    return existsSync(path) ? path : undefined;
  } catch {
    return undefined;
  }
}

/** Options of {@link prepareAll}. */
export interface PrepareOptions {
  jobs: number;
  /** Options of the index the sketches are for (no functions: they go to other threads). */
  indexOptions: PlanIndexOptions | ResolvedIndexOptions;
  reference: boolean;
  /** How scanned pages and images are read (no functions: they go to other threads). */
  ocr?: OcrMode | SerializableOcrOptions;
  /** Called for each source, in the sources' order. */
  onPrepared: (result: PreparedPlan, n: number) => void;
  /** Told of OCR pages queued and done, in any thread. */
  onOcrPages?: (delta: OcrPageDelta) => void;
}

/** OCR options that can be sent to a worker thread. */
export type SerializableOcrOptions = Omit<OcrOptions, 'slots' | 'onPages' | 'jobs'>;

/** What a worker of the pool is started with. */
export interface PoolWorkerData {
  indexOptions: PlanIndexOptions | ResolvedIndexOptions;
  ocr: SerializableOcrOptions;
  /** The pool's OCR slots ({@link OcrSlots.buffer}): at most `jobs` OCR processes at once. */
  ocrSlots: SharedArrayBuffer;
}

/** Prepare every source, in worker threads when there are several jobs. */
export async function prepareAll(
  sources: readonly PlanSource[],
  options: PrepareOptions,
): Promise<void> {
  const slots = new OcrSlots(options.jobs);
  const ocr: SerializableOcrOptions =
    typeof options.ocr === 'string' ? { mode: options.ocr } : { ...options.ocr };
  const script = options.jobs > 1 && sources.length > 1 ? workerScript() : undefined;
  if (script === undefined) {
    const index = new PlanIndex(options.indexOptions);
    const read = { ocr: { ...ocr, slots, onPages: options.onOcrPages } };
    for (let n = 0; n < sources.length; n++)
      options.onPrepared(await preparePlan(sources[n], index, options.reference, read), n);
    return;
  }
  const workerData: PoolWorkerData = {
    indexOptions: options.indexOptions,
    ocr,
    ocrSlots: slots.buffer,
  };
  const pending = new Map<number, PreparedPlan>();
  let delivered = 0;
  let next = 0;
  const workers = Array.from(
    { length: Math.min(options.jobs, sources.length) },
    () => new Worker(script, { workerData }),
  );
  try {
    await new Promise<void>((resolve, reject) => {
      const send = (worker: Worker) => {
        if (next >= sources.length) return;
        const task: WorkerTask = { n: next, source: sources[next], reference: options.reference };
        next++;
        worker.postMessage(task);
      };
      for (const worker of workers) {
        worker.on(
          'message',
          (message: { n: number; result: PreparedPlan } | { pages: OcrPageDelta }) => {
            if ('pages' in message) {
              options.onOcrPages?.(message.pages);
              return;
            }
            const { n, result } = message;
            pending.set(n, result);
            while (pending.has(delivered)) {
              const r = pending.get(delivered)!;
              pending.delete(delivered);
              options.onPrepared(r, delivered);
              delivered++;
            }
            if (delivered === sources.length) resolve();
            else send(worker);
          },
        );
        worker.on('error', reject);
        // Two tasks in flight per worker keep it busy while the main thread takes results.
        send(worker);
        send(worker);
      }
    });
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
}
