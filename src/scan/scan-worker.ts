/**
 * Worker thread of a scan: reads, dates and sketches the documents it is
 * sent, with an index of the scan's options, and sends the sketches back.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { PlanIndex } from '../plan-index/plan-index.js';
import type { PlanIndexOptions, ResolvedIndexOptions } from '../plan-index/options.js';
import { type PlanSource, preparePlan } from './prepare-plan.js';

/** A task of the pool: the n-th source of the scan. */
export interface WorkerTask {
  n: number;
  source: PlanSource;
  reference: boolean;
}

if (parentPort) {
  const port = parentPort;
  const index = new PlanIndex(workerData as PlanIndexOptions | ResolvedIndexOptions);
  port.on('message', (task: WorkerTask) => {
    void preparePlan(task.source, index, task.reference).then((result) =>
      port.postMessage({ n: task.n, result }),
    );
  });
}
