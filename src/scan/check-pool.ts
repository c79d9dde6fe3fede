/**
 * The checking stage of a scan on every core: `jobs` worker threads check
 * plans against one read-only snapshot of the index in shared memory (not a
 * copy each), a batch at a time, and the results come back in the plans'
 * order, so that the report is byte-identical for any number of jobs.
 */
import { Worker } from 'node:worker_threads';
import { SaochepError } from '../errors.js';
import type { PlanIndex } from '../plan-index/plan-index.js';
import type { SharedPlanIndex } from '../shared-index/shared-plan-index.js';
import type { CheckInput, CheckOptions, CheckResult } from '../plan-index/types.js';
import { workerScript } from './worker-script.js';

/** One plan to check. */
export interface PlanCheck {
  input: CheckInput;
  options: CheckOptions;
}

/** A batch of plans for a worker: plans[k] is the scan's plan first + k. */
export interface CheckTask {
  first: number;
  plans: PlanCheck[];
}

/** Plans per message: enough to make messaging cheap, few enough to keep workers evenly busy. */
const BATCH = 32;
/** Below this many plans per job, threads cost more than they save. */
const MIN_PLANS_PER_JOB = 64;

/**
 * Check every plan against `index`, in `jobs` threads when there are enough
 * plans; `onResult` is called for each plan in order.
 */
export async function checkAll(
  index: PlanIndex,
  plans: readonly PlanCheck[],
  jobs: number,
  onResult: (result: CheckResult, n: number) => void,
): Promise<void> {
  const workers = Math.min(jobs, Math.floor(plans.length / MIN_PLANS_PER_JOB));
  if (workers <= 1) {
    for (const [n, plan] of plans.entries()) onResult(index.check(plan.input, plan.options), n);
    return;
  }
  const script = workerScript('check-worker');
  const snapshot = index.snapshot();
  const pool = Array.from({ length: workers }, () => new Worker(script, { workerData: snapshot }));
  const pending = new Map<number, CheckResult[]>();
  let delivered = 0;
  let next = 0;
  try {
    await new Promise<void>((resolve, reject) => {
      const send = (worker: Worker) => {
        if (next >= plans.length) return;
        const task: CheckTask = { first: next, plans: plans.slice(next, next + BATCH) };
        next += task.plans.length;
        worker.postMessage(task);
      };
      for (const worker of pool) {
        worker.on('message', ({ first, results }: { first: number; results: CheckResult[] }) => {
          pending.set(first, results);
          while (pending.has(delivered)) {
            const batch = pending.get(delivered)!;
            pending.delete(delivered);
            for (const [k, result] of batch.entries()) onResult(result, delivered + k);
            delivered += batch.length;
          }
          if (delivered === plans.length) resolve();
          else send(worker);
        });
        worker.on('error', (cause) =>
          reject(
            new SaochepError(
              'ERR_SAOCHEP_IO',
              `saochep: a checking thread failed (${String(cause)}).`,
              {
                cause,
              },
            ),
          ),
        );
        worker.on('exit', (code) => {
          if (delivered < plans.length && code !== 0)
            reject(
              new SaochepError(
                'ERR_SAOCHEP_IO',
                `saochep: a checking thread exited with code ${code}.`,
              ),
            );
        });
        // Two batches in flight per worker keep it busy while the main thread takes results.
        send(worker);
        send(worker);
      }
    });
  } finally {
    await Promise.all(pool.map((w) => w.terminate()));
  }
}

/** Checks in flight per job against a shared index: Redis answers while the others wait. */
const SHARED_IN_FLIGHT_PER_JOB = 4;

/**
 * Check every plan against a shared index, several at once (each check waits
 * on Redis most of its time); `onResult` is called for each plan in order.
 */
export async function checkAllShared(
  index: SharedPlanIndex,
  plans: readonly PlanCheck[],
  jobs: number,
  onResult: (result: CheckResult, n: number) => void,
): Promise<void> {
  const results = new Map<number, CheckResult>();
  let next = 0;
  let delivered = 0;
  let failed = false;
  const run = async () => {
    while (next < plans.length && !failed) {
      const n = next++;
      results.set(n, await index.check(plans[n].input, plans[n].options));
      while (results.has(delivered)) {
        const result = results.get(delivered)!;
        results.delete(delivered);
        onResult(result, delivered++);
      }
    }
  };
  const lanes = Math.min(plans.length, jobs * SHARED_IN_FLIGHT_PER_JOB);
  // Once one check fails the scan fails: the other lanes stop asking Redis.
  await Promise.all(
    Array.from({ length: lanes }, () =>
      run().catch((error: unknown) => {
        failed = true;
        throw error;
      }),
    ),
  );
}
