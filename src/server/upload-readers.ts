/**
 * The service's upload readers: uploaded files are read in worker threads, a
 * few at a time, so that a reading that runs past the request's time limit
 * (a pathological PDF, a slow OCR) is stopped — its thread terminated, its
 * OCR programs killed, a fresh thread started — while the server's own thread
 * goes on answering. Without the built worker script (saochep run from its
 * sources without a build), files are read in the server's thread.
 */
import { Worker } from 'node:worker_threads';
import { SaochepError } from '../errors.js';
import type { SerializableOcrOptions } from '../read/ocr/ocr-options.js';
import { OcrSlots } from '../read/ocr/ocr-slots.js';
import { type FileText, fileTextOf } from '../read/read-file.js';
import { workerScript } from '../scan/worker-script.js';
import { ServiceError } from './errors.js';
import { type WorkerError, fromWorkerError } from './worker-errors.js';

/** What an upload worker is started with. @internal */
export interface UploadWorkerData {
  ocr: SerializableOcrOptions;
  ocrSlots: SharedArrayBuffer;
  ocrHolder: number;
}

/** A file for an upload worker to read. @internal */
export interface UploadTask {
  id: number;
  name: string;
  bytes: Uint8Array;
}

/** What an upload worker answers. @internal */
export type UploadReply =
  { id: number; ok: true; file: FileText } | { id: number; ok: false; error: WorkerError };

interface Pending {
  task: UploadTask;
  resolve: (file: FileText) => void;
  reject: (error: Error) => void;
  /** When the request's time is up (ms since the epoch). */
  deadline: number;
  timeLimit: number;
}

interface Reader {
  holder: number;
  worker: Worker;
  /** False once it is being terminated (a new reader takes its place). */
  alive: boolean;
  current?: Pending;
  timer?: NodeJS.Timeout;
}

function timeoutError(timeLimit: number): ServiceError {
  return new ServiceError(
    'ERR_SAOCHEP_TIMEOUT',
    `reading the upload took longer than the server's limit of ${timeLimit / 1000} s, and was stopped. Send a smaller document, or ask for a longer --time-limit.`,
  );
}

/** Threads that read uploaded files, each reading stopped at its request's deadline. */
export class UploadReaders {
  private readers: Reader[] = [];
  private readonly queue: Pending[] = [];
  private readonly slots: OcrSlots;
  private nextId = 0;
  private closed = false;
  private readonly script: string | undefined;

  /** `threads` readers (1–64); OCR as `ocr` says, at most one OCR program per reader at once. */
  constructor(
    readonly threads: number,
    private readonly ocr: SerializableOcrOptions,
  ) {
    this.slots = new OcrSlots(threads, threads);
    try {
      this.script = workerScript('upload-worker');
    } catch {
      this.script = undefined;
    }
    if (this.script !== undefined)
      for (let holder = 0; holder < threads; holder++) this.readers.push(this.start(holder));
  }

  /** Whether uploads are read in threads (false: in the caller's thread, without a hard stop). */
  get inThreads(): boolean {
    return this.script !== undefined;
  }

  /** Read an uploaded file; rejects with ERR_SAOCHEP_TIMEOUT when `deadline` (ms since the epoch) passes first. */
  read(name: string, bytes: Uint8Array, deadline: number, timeLimit: number): Promise<FileText> {
    if (this.script === undefined) return fileTextOf(name, bytes, { ocr: this.ocr });
    if (this.closed)
      return Promise.reject(
        new ServiceError('ERR_SAOCHEP_UNAVAILABLE', 'the server is stopping: send it again later.'),
      );
    return new Promise<FileText>((resolve, reject) => {
      this.queue.push({
        task: { id: this.nextId++, name, bytes },
        resolve,
        reject,
        deadline,
        timeLimit,
      });
      this.dispatch();
    });
  }

  /** Stop every reader; readings in progress fail. */
  async close(): Promise<void> {
    this.closed = true;
    for (const pending of this.queue.splice(0))
      pending.reject(new ServiceError('ERR_SAOCHEP_UNAVAILABLE', 'the server is stopping.'));
    const readers = this.readers;
    this.readers = [];
    for (const reader of readers) {
      clearTimeout(reader.timer);
      reader.current?.reject(
        new ServiceError('ERR_SAOCHEP_UNAVAILABLE', 'the server is stopping.'),
      );
      reader.worker.removeAllListeners();
      reader.worker.on('error', () => undefined);
    }
    await Promise.all(readers.map((r) => r.worker.terminate()));
    for (const reader of readers) this.slots.reclaim(reader.holder);
  }

  private start(holder: number): Reader {
    const data: UploadWorkerData = {
      ocr: this.ocr,
      ocrSlots: this.slots.buffer,
      ocrHolder: holder,
    };
    const worker = new Worker(this.script!, { workerData: data });
    worker.unref();
    const reader: Reader = { holder, worker, alive: true };
    worker.on('message', (reply: UploadReply) => {
      const pending = reader.current;
      if (!pending || pending.task.id !== reply.id) return;
      clearTimeout(reader.timer);
      reader.current = undefined;
      if (reply.ok) pending.resolve(reply.file);
      else pending.reject(fromWorkerError(reply.error, 'ERR_SAOCHEP_READ_FAILED'));
      this.dispatch();
    });
    const died = (message: string) => {
      const pending = reader.current;
      reader.current = undefined;
      this.replace(reader);
      pending?.reject(
        new SaochepError('ERR_SAOCHEP_READ_FAILED', `${pending.task.name}: ${message}`),
      );
    };
    worker.on('error', (error) => died(`its reader failed (${error.message}).`));
    worker.on('exit', (code) => died(`its reader stopped (exit code ${code}).`));
    return reader;
  }

  /** Terminate a reader (its OCR programs killed, its slots given back) and start another in its place. */
  private replace(reader: Reader): void {
    clearTimeout(reader.timer);
    reader.alive = false;
    reader.worker.removeAllListeners();
    reader.worker.on('error', () => undefined);
    void reader.worker.terminate().then(() => {
      this.slots.reclaim(reader.holder);
      const i = this.readers.indexOf(reader);
      if (this.closed || i < 0) return;
      this.readers[i] = this.start(reader.holder);
      this.dispatch();
    });
  }

  /** Give waiting files to idle readers; a file whose request is out of time fails without being read. */
  private dispatch(): void {
    for (const reader of this.readers) {
      if (!reader.alive || reader.current !== undefined) continue;
      let pending: Pending | undefined;
      while ((pending = this.queue.shift()) !== undefined && pending.deadline <= Date.now())
        pending.reject(timeoutError(pending.timeLimit));
      if (pending === undefined) return;
      const taken = pending;
      reader.current = taken;
      reader.timer = setTimeout(() => {
        reader.current = undefined;
        this.replace(reader);
        taken.reject(timeoutError(taken.timeLimit));
      }, taken.deadline - Date.now());
      reader.worker.postMessage(taken.task);
    }
  }
}
