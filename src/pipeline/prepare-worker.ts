// A worker thread of `puente ingest`: reads and extracts the files the main thread sends; the main thread stores
// the results in order, so the database stays in one thread.
import { parentPort } from 'node:worker_threads';
import { prepareFile } from './prepare.js';

parentPort?.on('message', ({ id, path, maxBytes }: { id: number; path: string; maxBytes: number }) => {
  void prepareFile(path, maxBytes).then((prepared) => parentPort?.postMessage({ id, prepared }));
});
