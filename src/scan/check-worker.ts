/**
 * Worker thread of a scan's checking stage: checks the plans it is sent
 * against a read-only index over the scan's shared snapshot, and sends the
 * results back with their place in the scan.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { type IndexSnapshot, PlanIndex } from '../plan-index/plan-index.js';
import type { CheckTask } from './check-pool.js';

if (parentPort) {
  const port = parentPort;
  const index = PlanIndex.fromSnapshot(workerData as IndexSnapshot);
  port.on('message', (task: CheckTask) => {
    const results = task.plans.map((plan) => index.check(plan.input, plan.options));
    port.postMessage({ first: task.first, results });
  });
}
