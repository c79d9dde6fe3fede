/**
 * Reading and sketching in worker threads: sources go out to `jobs` workers
 * one at a time, and come back in their original order, so that the index
 * and the report are the same whatever the number of workers. With one job
 * the work is done in this thread; a missing worker script is an error.
 */
import { Worker } from 'node:worker_threads';
import { PlanIndex } from '../plan-index/plan-index.js';
import type { PlanIndexOptions, ResolvedIndexOptions } from '../plan-index/options.js';
import { type PlanSource, type PreparedPlan, preparePlan } from './prepare-plan.js';
import type { WorkerTask } from './scan-worker.js';
import { workerScript } from './worker-script.js';

/** Options of {@link prepareAll}. */
export interface PrepareOptions {
  jobs: number;
  /** Options of the index the sketches are for (no functions: they go to other threads). */
  indexOptions: PlanIndexOptions | ResolvedIndexOptions;
  reference: boolean;
  /** Called for each source, in the sources' order. */
  onPrepared: (result: PreparedPlan, n: number) => void;
}

/** Prepare every source, in worker threads when there are several jobs. */
export async function prepareAll(
  sources: readonly PlanSource[],
  options: PrepareOptions,
): Promise<void> {
  const script = options.jobs > 1 && sources.length > 1 ? workerScript('scan-worker') : undefined;
  if (script === undefined) {
    const index = new PlanIndex(options.indexOptions);
    for (let n = 0; n < sources.length; n++)
      options.onPrepared(await preparePlan(sources[n], index, options.reference), n);
    return;
  }
  const pending = new Map<number, PreparedPlan>();
  let delivered = 0;
  let next = 0;
  const workers = Array.from(
    { length: Math.min(options.jobs, sources.length) },
    () => new Worker(script, { workerData: options.indexOptions }),
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
        worker.on('message', ({ n, result }: { n: number; result: PreparedPlan }) => {
          pending.set(n, result);
          while (pending.has(delivered)) {
            const r = pending.get(delivered)!;
            pending.delete(delivered);
            options.onPrepared(r, delivered);
            delivered++;
          }
          if (delivered === sources.length) resolve();
          else send(worker);
        });
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
