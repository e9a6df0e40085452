// A worker thread of `puente ingest`: reads and extracts the files the main thread sends; the main thread stores
// the results in order, so the database stays in one thread.
import { parentPort } from 'node:worker_threads';
import { prepareFile } from './prepare.js';

// A Buffer path (a name that is not UTF-8) arrives as a plain Uint8Array: made a Buffer again, and the main
// thread's own path is what the result carries back.
parentPort?.on(
  'message',
  ({ id, path, maxBytes }: { id: number; path: string | Uint8Array; maxBytes: number }) => {
    const own = typeof path === 'string' ? path : Buffer.from(path);
    void prepareFile(own, maxBytes).then((prepared) => parentPort?.postMessage({ id, prepared }));
  },
);
