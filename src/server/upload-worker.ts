/**
 * Worker thread of the service's upload readers: reads the uploaded files it
 * is sent, one at a time, as the scan reads files, and sends back their text
 * or the error that stopped it. Run in a thread so that the request's time
 * limit can stop a reading that runs away (the thread is terminated), which a
 * reading in the server's own thread could not be.
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { SerializableOcrOptions } from '../read/ocr/ocr-options.js';
import { OcrSlots } from '../read/ocr/ocr-slots.js';
import { fileTextOf } from '../read/read-file.js';
import type { UploadTask, UploadWorkerData, UploadReply } from './upload-readers.js';
import { toWorkerError } from './worker-errors.js';

if (parentPort) {
  const port = parentPort;
  const data = workerData as UploadWorkerData;
  const ocr: SerializableOcrOptions & { slots: OcrSlots } = {
    ...data.ocr,
    slots: new OcrSlots(data.ocrSlots, data.ocrHolder),
  };
  let queue = Promise.resolve();
  port.on('message', (task: UploadTask) => {
    queue = queue.then(async () => {
      let reply: UploadReply;
      try {
        const file = await fileTextOf(task.name, task.bytes, { ocr });
        reply = {
          id: task.id,
          ok: true,
          file: {
            text: file.text,
            format: file.format,
            readBy: file.readBy,
            ...(file.byteEncoding ? { byteEncoding: file.byteEncoding } : {}),
            ...(file.ocrPages ? { ocrPages: file.ocrPages } : {}),
          },
        };
      } catch (error) {
        reply = { id: task.id, ok: false, error: toWorkerError(error) };
      }
      port.postMessage(reply);
    });
  });
}
