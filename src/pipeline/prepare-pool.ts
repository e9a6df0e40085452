import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { FilePath } from './file-path.js';
import { prepareFile, type PreparedFile } from './prepare.js';

/** How `ingest` reads and extracts files: in the calling thread, or in worker threads. */
export interface Preparer {
  prepare(path: FilePath, maxBytes: number): Promise<PreparedFile>;
  close(): Promise<void>;
  /** how many worker threads have answered so far (0 for reading in the calling thread) */
  threadsAnswered(): number;
}

/** Reading and extraction in the calling thread. */
export const inThread: Preparer = {
  prepare: prepareFile,
  close: async () => undefined,
  threadsAnswered: () => 0,
};

/** The default number of worker threads: one per core. */
export const defaultWorkers = () => Math.max(1, availableParallelism());

interface Slot {
  worker: Worker;
  pending: Map<number, { path: FilePath; maxBytes: number; done: (prepared: PreparedFile) => void }>;
  /** whether the worker has answered once: a worker that dies before that cannot start at all */
  answered: boolean;
}

/**
 * A pool of `size` worker threads that read and extract files. Each request resolves with its own result, so the
 * caller stores them in its own order. A worker that dies fails its pending files (named, with the reason) and
 * is replaced. Falls back to the calling thread when workers cannot start.
 */
export function workerPool(size: number): Preparer {
  if (size < 1) return inThread;
  const script = new URL('./prepare-worker.mjs', import.meta.url);
  let closing = false;
  // Set when workers cannot start here (no loader, no threads): everything is then read in this thread.
  let broken = false;
  const start = (): Slot => {
    const slot: Slot = { worker: new Worker(script), pending: new Map(), answered: false };
    slot.worker.on('message', ({ id, prepared }: { id: number; prepared: PreparedFile }) => {
      slot.answered = true;
      const request = slot.pending.get(id);
      // The path as this thread gave it: a Buffer comes back from a worker as a plain Uint8Array.
      request?.done({ ...prepared, path: request.path });
      slot.pending.delete(id);
    });
    const fail = (why: string) => {
      if (closing) return;
      const pending = [...slot.pending.values()];
      slot.pending.clear();
      if (!slot.answered) broken = true;
      for (const { path, maxBytes, done } of pending) {
        if (broken) void prepareFile(path, maxBytes).then(done);
        else done({ path, ok: false, message: `reading stopped: ${why}`, hint: null });
      }
      const at = slots.indexOf(slot);
      if (at >= 0 && !broken) slots[at] = start();
    };
    slot.worker.on('error', (error) => fail(error.message));
    slot.worker.on('exit', (code) => code !== 0 && fail(`worker exited with code ${code}`));
    return slot;
  };
  const slots = Array.from({ length: size }, start);
  let next = 0;
  return {
    prepare: (path, maxBytes) => {
      if (broken) return prepareFile(path, maxBytes);
      return new Promise((resolve) => {
        const id = next++;
        const slot = slots[id % slots.length] as Slot;
        slot.pending.set(id, { path, maxBytes, done: resolve });
        slot.worker.postMessage({ id, path, maxBytes });
      });
    },
    threadsAnswered: () => slots.filter((s) => s.answered).length,
    close: async () => {
      closing = true;
      await Promise.all(slots.map((s) => s.worker.terminate()));
    },
  };
}
