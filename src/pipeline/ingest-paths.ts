import type { Kysely } from 'kysely';
import { describeError } from '../domain/errors.js';
import type { Database } from '../store/database.js';
import { defaultBudget, type Budget } from './budget.js';
import { showPath, type FilePath } from './file-path.js';
import { planFiles, type PlanFailure, type Skipped } from './plan-files.js';
import type { PreparedFile } from './prepare.js';
import { inThread, workerPool, type Preparer } from './prepare-pool.js';
import { storeDocument, type StoreOutcome } from './store-document.js';
import { refreshDirtyProjects } from '../reconcile/projects.js';

/**
 * The result of one item of a batch: what was stored, or why it failed and what to do. `item` says where in
 * the file the document is ("item 2" of a feed, "line 3" of JSON Lines), null for a file that is one document;
 * `encoding` the text encoding it was read in and `note` what reading worked around (a lying charset label).
 * A path of a folder the batch passed over (a link out of the folder, a hidden or unread file) is `skipped`.
 */
export type IngestResult =
  | ({ path: FilePath; item: string | null; encoding: string | null; note: string | null } & StoreOutcome)
  | PlanFailure
  | Skipped;

/** Options of a batch ingest. */
export interface IngestOptions {
  recursive?: boolean;
  /** follow symbolic links out of the folders given (off: they are skipped) */
  followSymlinks?: boolean;
  /** what one document may cost (file size, text, PDF pages, time); what is not given is the default's */
  budget?: Partial<Budget>;
  /** largest file read, in bytes (the budget's `maxBytes`, which wins when both are given) */
  maxBytes?: number;
  onResult?: (result: IngestResult) => void;
  /**
   * worker threads that read and extract ahead of the writer (default 1); 0 reads in this thread, where nothing
   * stops a document past its time budget (for benchmarks)
   */
  workers?: number;
  /** called once with the files the batch will read, before the first is read (for a progress bar) */
  onPlan?: (files: FilePath[]) => void;
  /** reads and extracts files instead of the one `workers` chooses; the caller closes it */
  preparer?: Preparer;
}

const failedItem = (path: FilePath, item: string | null, error: unknown): IngestResult => ({
  path,
  item,
  status: 'failed',
  ...describeError(error),
});

// A result names its file as text: a name that is not UTF-8 as its bytes' text (`\xNN`), controls escaped.
const pathText = (path: FilePath) => (typeof path === 'string' ? path : showPath(path));

/**
 * Reads one file in a worker thread, within the budget (the defaults for what is not given), and stores each
 * document it holds in its own transaction (a feed or JSON Lines file holds several): a bad item is a failed
 * result and the others are still stored. Never throws.
 */
export async function ingestFile(
  db: Kysely<Database>,
  path: FilePath,
  budget: Partial<Budget> = {},
  onResult?: (result: IngestResult) => void,
): Promise<IngestResult[]> {
  const pool = workerPool(1);
  try {
    return await storePrepared(db, await pool.prepare(path, { ...defaultBudget, ...budget }), onResult);
  } finally {
    await pool.close();
  }
}

/** Stores a file read and extracted (here or in a worker thread), document by document, in the file's order. */
async function storePrepared(
  db: Kysely<Database>,
  prepared: PreparedFile,
  onResult?: (result: IngestResult) => void,
): Promise<IngestResult[]> {
  const path = pathText(prepared.path);
  const results: IngestResult[] = [];
  const report = (result: IngestResult) => {
    results.push(result);
    onResult?.(result);
  };
  if (!prepared.ok) {
    report({ path, item: null, status: 'failed', message: prepared.message, hint: prepared.hint });
    return results;
  }
  // Documents and failed items in the order the file holds them.
  const steps = [
    ...prepared.documents.map((d) => ({ at: d.doc.item ?? 0, ...d })),
    ...prepared.failures.map((failure) => ({ at: failure.item ?? 0, failure })),
  ].sort((a, b) => a.at - b.at);
  for (const step of steps) {
    if ('failure' in step) {
      const { where, message, hint } = step.failure;
      report({ path, item: where, status: 'failed', message, hint: hint ?? null });
      continue;
    }
    const { doc, found, fingerprint } = step;
    try {
      const outcome = await storeDocument(db, doc, { found, fingerprint });
      report({ path, item: doc.where, encoding: doc.encoding, note: doc.note, ...outcome });
    } catch (error) {
      report(failedItem(path, doc.where, error));
    }
  }
  return results;
}

/**
 * Ingests files and folders one document at a time, going on past failures; returns every item's result in
 * order. Files are read and extracted in worker threads (`workers`, default 1), a few files ahead, each document
 * within its budget, while this thread stores them strictly in order (so results, ids and near-duplicate links do
 * not depend on timing).
 */
export async function ingestPaths(
  db: Kysely<Database>,
  paths: string[],
  options: IngestOptions = {},
): Promise<IngestResult[]> {
  const results: IngestResult[] = [];
  const plan = planFiles(paths, {
    recursive: options.recursive ?? false,
    followSymlinks: options.followSymlinks ?? false,
  });
  options.onPlan?.(plan.flatMap((item) => ('file' in item ? [item.file] : [])));
  const budget: Budget = {
    ...defaultBudget,
    ...(options.maxBytes === undefined ? {} : { maxBytes: options.maxBytes }),
    ...options.budget,
  };
  const files = plan.filter((item) => 'file' in item).length;
  const workers = options.workers ?? 1;
  // No more threads than files: each takes a fraction of a second to start.
  const own =
    options.preparer || workers === 0 ? inThread : workerPool(Math.min(workers, Math.max(1, files)));
  const preparer = options.preparer ?? own;
  const ahead = preparer === inThread ? 1 : Math.max(2, workers * 16);
  const pending = new Map<number, Promise<PreparedFile>>();
  // Plan items below `dispatched` have been handed to the preparer (each file exactly once).
  let dispatched = 0;
  const dispatch = (upTo: number) => {
    for (; dispatched < plan.length && dispatched <= upTo; dispatched++) {
      const item = plan[dispatched];
      if (item && 'file' in item) pending.set(dispatched, preparer.prepare(item.file, budget));
    }
  };
  try {
    for (const [i, item] of plan.entries()) {
      if ('file' in item) {
        dispatch(i + ahead);
        const prepared = await (pending.get(i) ?? preparer.prepare(item.file, budget));
        pending.delete(i);
        results.push(...(await storePrepared(db, prepared, options.onResult)));
      } else {
        const result = 'failure' in item ? item.failure : item.skipped;
        results.push(result);
        options.onResult?.(result);
      }
    }
  } finally {
    await own.close();
  }
  // The projects the batch touched get their views once, not once per document.
  await refreshDirtyProjects(db);
  return results;
}
