/**
 * Worker thread of a scan: reads, dates and sketches the documents it is
 * sent, with an index of the scan's options, and sends the sketches back.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { PlanIndex } from '../plan-index/plan-index.js';
import { OcrSlots } from '../read/ocr/ocr-slots.js';
import type { OcrPageDelta } from '../read/ocr/ocr-options.js';
import { type PlanSource, preparePlan } from './prepare-plan.js';
import type { PoolWorkerData } from './worker-pool.js';

/** A task of the pool: the n-th source of the scan. */
export interface WorkerTask {
  n: number;
  source: PlanSource;
  reference: boolean;
}

if (parentPort) {
  const port = parentPort;
  const data = workerData as PoolWorkerData;
  const index = new PlanIndex(data.indexOptions);
  // OCR pages of every worker share the pool's slots; their progress goes to the main thread.
  const read = {
    ocr: {
      ...data.ocr,
      slots: new OcrSlots(data.ocrSlots),
      onPages: (pages: OcrPageDelta) => port.postMessage({ pages }),
    },
  };
  port.on('message', (task: WorkerTask) => {
    void preparePlan(task.source, index, task.reference, read).then((result) =>
      port.postMessage({ n: task.n, result }),
    );
  });
}
