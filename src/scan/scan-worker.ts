/**
 * Worker thread of a scan: reads, dates and sketches the documents it is
 * sent, one at a time and in the order sent (so that the pool knows which
 * one a time limit stops), with an index of the scan's options, and sends
 * the sketches back.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { PlanIndex } from '../plan-index/plan-index.js';
import type { PlanIndexOptions, ResolvedIndexOptions } from '../plan-index/options.js';
import type { OcrPageDelta, SerializableOcrOptions } from '../read/ocr/ocr-options.js';
import { OcrSlots } from '../read/ocr/ocr-slots.js';
import type { ReadLimits } from '../read/read-limits.js';
import { type PlanSource, preparePlan } from './prepare-plan.js';

/** What a worker of the pool is started with. */
export interface PoolWorkerData {
  indexOptions: PlanIndexOptions | ResolvedIndexOptions;
  ocr: SerializableOcrOptions;
  /** The pool's OCR slots ({@link OcrSlots.buffer}): at most `jobs` OCR processes at once. */
  ocrSlots: SharedArrayBuffer;
  /** The worker's holder number in the OCR slots (-1: none), so the pool can take its slots back. */
  ocrHolder: number;
}

/** A task of the pool: the n-th source of the scan. */
export interface WorkerTask {
  n: number;
  source: PlanSource;
  reference: boolean;
  limits: ReadLimits;
}

if (parentPort) {
  const port = parentPort;
  const data = workerData as PoolWorkerData;
  const index = new PlanIndex(data.indexOptions);
  // OCR pages of every worker share the pool's slots (this worker's holdings counted apart, so
  // that the pool can take them back if it stops the worker); progress goes to the main thread.
  const ocr = {
    ...data.ocr,
    slots: new OcrSlots(data.ocrSlots, data.ocrHolder),
    onPages: (pages: OcrPageDelta) => port.postMessage({ pages }),
  };
  let queue = Promise.resolve();
  port.on('message', (task: WorkerTask) => {
    queue = queue.then(async () => {
      const result = await preparePlan(task.source, index, task.reference, task.limits, ocr);
      port.postMessage({ n: task.n, result });
    });
  });
}
