/**
 * Worker thread of a scan: reads, dates and sketches the documents it is
 * sent, one at a time and in the order sent (so that the pool knows which
 * one a time limit stops), with an index of the scan's options, and sends
 * the sketches back.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { PlanIndex } from '../plan-index/plan-index.js';
import type { PlanIndexOptions, ResolvedIndexOptions } from '../plan-index/options.js';
import type { ReadLimits } from '../read/read-limits.js';
import { type PlanSource, preparePlan } from './prepare-plan.js';

/** A task of the pool: the n-th source of the scan. */
export interface WorkerTask {
  n: number;
  source: PlanSource;
  reference: boolean;
  limits: ReadLimits;
}

if (parentPort) {
  const port = parentPort;
  const index = new PlanIndex(workerData as PlanIndexOptions | ResolvedIndexOptions);
  let queue = Promise.resolve();
  port.on('message', (task: WorkerTask) => {
    queue = queue.then(async () => {
      const result = await preparePlan(task.source, index, task.reference, task.limits);
      port.postMessage({ n: task.n, result });
    });
  });
}
