// A worker thread of `puente ingest`: reads and extracts the files the main thread sends, one at a time, and tells
// each step as it goes (a feed's item started, a document done), so that the main thread can stop it past a
// document's time budget without losing what was done. The main thread stores the results in order, so the
// database stays in one thread.
import { workerData, type MessagePort } from 'node:worker_threads';
import { prepareFile, warmUp } from './prepare.js';
import { sharedNow, type WorkerJob, type WorkerMessage } from './prepare-pool.js';

const { port } = workerData as { port: MessagePort };
const tell = (message: WorkerMessage) => port.postMessage(message);

port.on('message', (job: WorkerJob) => {
  // A Buffer arrives as a plain Uint8Array: fs opens a Buffer path byte for byte.
  const path = typeof job.path === 'string' ? job.path : Buffer.from(job.path);
  const { id } = job;
  void prepareFile(path, job.budget, {
    after: job.after,
    events: {
      items: () => tell({ kind: 'items', id, at: sharedNow() }),
      failure: (failure) => tell({ kind: 'failure', id, failure }),
      start: (item, where) => tell({ kind: 'start', id, item, where, at: sharedNow() }),
      document: (document) => tell({ kind: 'document', id, document }),
    },
  }).then((prepared) =>
    tell(
      prepared.ok
        ? { kind: 'done', id }
        : { kind: 'failed', id, message: prepared.message, hint: prepared.hint },
    ),
  );
});
// Ready once warm: a document's time budget starts when it is sent, and should not pay for the loading.
await warmUp();
tell({ kind: 'ready' });
