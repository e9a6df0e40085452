import { availableParallelism } from 'node:os';
import { MessageChannel, receiveMessageOnPort, Worker, type MessagePort } from 'node:worker_threads';
import { describeError, type PuenteError } from '../domain/errors.js';
import type { ReadFailure } from '../ingest/read-document.js';
import { defaultBudget, pastTimeBudget, type Budget } from './budget.js';
import { prepareFile, type PreparedDocument, type PreparedFile } from './prepare.js';
import type { FilePath } from './file-path.js';

/** How `ingest` reads and extracts files: in worker threads that can be stopped, or in the calling thread. */
export interface Preparer {
  prepare(path: FilePath, budget: Budget): Promise<PreparedFile>;
  close(): Promise<void>;
  /** how many worker threads have answered so far (0 for reading in the calling thread) */
  threadsAnswered(): number;
}

/** Reading and extraction in the calling thread, where nothing can stop a document past its time budget. */
export const inThread: Preparer = {
  prepare: (path, budget) => prepareFile(path, budget),
  close: async () => undefined,
  threadsAnswered: () => 0,
};

/** The default number of worker threads: one per core. */
export const defaultWorkers = () => Math.max(1, availableParallelism());

/** A file the main thread gives a worker: the documents of a feed up to `after` are done already. */
export interface WorkerJob {
  id: number;
  path: FilePath;
  budget: Budget;
  after: number;
}

/** What a worker tells about the job it runs (`at`: when, in ms since the epoch, by the worker's clock). */
export type WorkerMessage =
  | { kind: 'ready' }
  | { kind: 'items'; id: number; at: number }
  | { kind: 'start'; id: number; item: number; where: string | null; at: number }
  | { kind: 'failure'; id: number; failure: ReadFailure }
  | { kind: 'document'; id: number; document: PreparedDocument }
  | { kind: 'done'; id: number }
  | { kind: 'failed'; id: number; message: string; hint: string | null };

/** The clock worker threads and the main thread share: ms since the epoch, not subject to the wall clock's jumps. */
export const sharedNow = () => performance.timeOrigin + performance.now();

// The time a step may take. Reading a feed or JSON Lines file is the work of all its documents: it gets the
// time budget or the default's, whichever is longer, so that a budget tightened for documents does not fail a
// large file of small items as a whole.
const allowed = (budget: Budget, step: { file?: boolean }) =>
  step.file ? Math.max(budget.timeBudgetMs, defaultBudget.timeBudgetMs) : budget.timeBudgetMs;

interface Job extends WorkerJob {
  documents: PreparedDocument[];
  failures: ReadFailure[];
  done: (prepared: PreparedFile) => void;
}

interface Slot {
  worker: Worker;
  port: MessagePort;
  /** the worker has loaded its modules: a job sent now starts at once */
  ready: boolean;
  /** stopped by the pool: whatever it still says is ignored */
  retired: boolean;
  answered: boolean;
  job: Job | null;
  /**
   * what the job is doing, since when: reading the file and extracting its one document (item null), reading a
   * feed or JSON Lines file before its items (`file`), or extracting one of its items
   */
  step: { item: number | null; where: string | null; since: number; file?: boolean } | null;
  timer: NodeJS.Timeout | null;
}

/**
 * A pool of `size` worker threads that read and extract files, one file at a time each, from one queue. A
 * document that passes its time budget is stopped: the worker is terminated and replaced, the document fails
 * with the budget's line, and a feed or JSON Lines file goes on in the new worker after that item (what was done
 * before it is kept). A worker that dies does the same with the reason. Each request resolves with its own
 * result, so the caller stores them in its own order. Falls back to the calling thread when workers cannot start.
 */
export function workerPool(size: number): Preparer {
  const script = new URL('./prepare-worker.mjs', import.meta.url);
  const queue: Job[] = [];
  let closing = false;
  // Set when workers cannot start here (no loader, no threads): everything is then read in this thread.
  let broken = false;
  let nextId = 0;
  // Worker threads that answered a job, those replaced since included.
  let answered = 0;

  const finish = (slot: Slot, prepared: PreparedFile) => {
    const job = slot.job;
    if (slot.timer) clearTimeout(slot.timer);
    if (!slot.answered) answered++;
    Object.assign(slot, { job: null, step: null, timer: null, answered: true });
    job?.done(prepared);
    pump();
  };
  const collected = (job: Job): PreparedFile => ({
    path: job.path,
    ok: true,
    documents: job.documents,
    failures: job.failures,
  });

  const onMessage = (slot: Slot, m: WorkerMessage) => {
    if (slot.retired) return;
    if (m.kind === 'ready') {
      slot.ready = true;
      pump();
      return;
    }
    const job = slot.job;
    if (!job || m.id !== job.id) return;
    if (m.kind === 'items') {
      slot.step = { item: null, where: null, since: m.at, file: true };
      arm(slot);
    } else if (m.kind === 'start') {
      slot.step = { item: m.item, where: m.where, since: m.at };
      arm(slot);
    } else if (m.kind === 'failure') job.failures.push(m.failure);
    else if (m.kind === 'document') job.documents.push(m.document);
    else if (m.kind === 'done') finish(slot, collected(job));
    else finish(slot, { path: job.path, ok: false, message: m.message, hint: m.hint });
  };

  const arm = (slot: Slot) => {
    if (slot.timer) clearTimeout(slot.timer);
    const { job, step } = slot;
    slot.timer = null;
    if (!job || !step) return;
    const left = step.since + allowed(job.budget, step) - sharedNow();
    // setTimeout takes at most 2^31 - 1 ms (and fires at once past it); check() arms again for what is left.
    slot.timer = setTimeout(() => check(slot), Math.min(2 ** 31 - 1, Math.max(0, Math.ceil(left))));
  };
  // The budget's time is up, by this thread's timer: what the worker said before may still wait in the port
  // (the step it started since, the job done), so that is read first.
  const check = (slot: Slot) => {
    slot.timer = null;
    for (let m = receiveMessageOnPort(slot.port); m; m = receiveMessageOnPort(slot.port))
      onMessage(slot, m.message as WorkerMessage);
    if (slot.timer || !slot.job || !slot.step) return;
    const ms = allowed(slot.job.budget, slot.step);
    if (sharedNow() < slot.step.since + ms) arm(slot);
    else stop(slot, pastTimeBudget(ms, slot.step.file));
  };

  // Terminates the slot's worker and starts another; the job it ran fails where it stood and goes on after that.
  const stop = (slot: Slot, why: PuenteError | string) => {
    const { job, step } = slot;
    retire(slot);
    if (!job) return;
    const { message, hint } =
      typeof why === 'string' ? { message: `reading stopped: ${why}`, hint: null } : describeError(why);
    const item = step?.item ?? null;
    if (item === null) {
      // The file's reading (or its one document) was stopped.
      failFile(job, message, hint);
    } else {
      job.failures.push({ where: step?.where ?? `item ${item}`, item, message, hint: hint ?? undefined });
      job.after = item;
      queue.unshift(job);
    }
    pump();
  };
  // A file that failed as a whole; one resumed after a stopped item keeps the items it had before.
  const failFile = (job: Job, message: string, hint: string | null) => {
    if (job.after === 0) job.done({ path: job.path, ok: false, message, hint });
    else {
      job.failures.push({ where: `the items after ${job.after}`, message, hint: hint ?? undefined });
      job.done(collected(job));
    }
  };
  const retire = (slot: Slot) => {
    slot.retired = true;
    if (slot.timer) clearTimeout(slot.timer);
    void slot.worker.terminate();
    const at = slots.indexOf(slot);
    if (at >= 0 && !closing && !broken) slots[at] = start();
  };

  const start = (): Slot => {
    const { port1, port2 } = new MessageChannel();
    const worker = new Worker(script, { workerData: { port: port2 }, transferList: [port2] });
    const slot: Slot = {
      worker,
      port: port1,
      ready: false,
      retired: false,
      answered: false,
      job: null,
      step: null,
      timer: null,
    };
    port1.on('message', (m: WorkerMessage) => onMessage(slot, m));
    const died = (why: string) => {
      if (closing || slot.retired) return;
      if (!slot.ready) {
        // It could not start at all: neither can the others.
        broken = true;
        retire(slot);
        pump();
      } else stop(slot, why);
    };
    worker.on('error', (error) => died(error.message));
    worker.on('exit', (code) => died(`the worker thread exited with code ${code}`));
    return slot;
  };

  const inThisThread = (job: Job) => {
    void prepareFile(job.path, job.budget, { after: job.after }).then((prepared) => {
      if (job.after === 0) job.done(prepared);
      else if (!prepared.ok) failFile(job, prepared.message, prepared.hint);
      else
        job.done({
          ...prepared,
          documents: [...job.documents, ...prepared.documents],
          failures: [...job.failures, ...prepared.failures],
        });
    });
  };
  const pump = () => {
    if (broken) {
      for (let job = queue.shift(); job; job = queue.shift()) inThisThread(job);
      return;
    }
    for (const slot of slots) {
      if (!slot.ready || slot.job || slot.retired) continue;
      const job = queue.shift();
      if (!job) return;
      slot.job = job;
      slot.step = { item: null, where: null, since: sharedNow() };
      const message: WorkerJob = { id: job.id, path: job.path, budget: job.budget, after: job.after };
      slot.port.postMessage(message);
      arm(slot);
    }
  };

  const slots = Array.from({ length: Math.max(1, size) }, start);
  return {
    prepare: (path, budget) =>
      new Promise((done) => {
        queue.push({ id: nextId++, path, budget, after: 0, documents: [], failures: [], done });
        pump();
      }),
    threadsAnswered: () => answered,
    close: async () => {
      closing = true;
      for (const slot of slots) if (slot.timer) clearTimeout(slot.timer);
      await Promise.all(slots.map((s) => s.worker.terminate()));
    },
  };
}
