/**
 * Worker thread of the service's checking replicas: loads the index from the
 * bytes of the first message, then takes the server's messages in order:
 * writes applied as the index applied them, checks answered.
 */
import { parentPort } from 'node:worker_threads';
import { PlanIndex } from '../plan-index/plan-index.js';
import type { ReplicaMessage, ReplicaReply } from './check-replicas.js';
import { toWorkerError } from './worker-errors.js';

if (parentPort) {
  const port = parentPort;
  let replica: PlanIndex | undefined;
  const ready: ReplicaReply = { ready: true };
  port.on('message', (message: ReplicaMessage) => {
    if (message.op === 'load') {
      replica = PlanIndex.deserialize(message.bytes);
      port.postMessage(ready);
      return;
    }
    // The server sends nothing else before 'load'.
    const index = replica!;
    if (message.op === 'add') index.addSketched(message.sketched);
    else if (message.op === 'remove') index.remove(message.id);
    else {
      let reply: ReplicaReply;
      try {
        reply = { id: message.id, ok: true, result: index.check(message.input, message.options) };
      } catch (error) {
        reply = { id: message.id, ok: false, error: toWorkerError(error) };
      }
      port.postMessage(reply);
    }
  });
}
