import { readdirSync, realpathSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Kysely } from 'kysely';
import { describeError } from '../domain/errors.js';
import { readable } from '../ingest/read-document.js';
import type { Database } from '../store/database.js';
import { prepareFile, type PreparedFile } from './prepare.js';
import { inThread, workerPool, type Preparer } from './prepare-pool.js';
import { storeDocument, type StoreOutcome } from './store-document.js';
import { batchViews, refreshMarkedViews } from '../reconcile/projects.js';

/**
 * The result of one item of a batch: what was stored, or why it failed and what to do. `item` says where in
 * the file the document is ("item 2" of a feed, "line 3" of JSON Lines), null for a file that is one document;
 * `encoding` the text encoding it was read in and `note` what reading worked around (a lying charset label).
 */
export type IngestResult =
  | ({ path: string; item: string | null; encoding: string | null; note: string | null } & StoreOutcome)
  | { path: string; item: string | null; status: 'failed'; message: string; hint: string | null };

/** Options of a batch ingest. */
export interface IngestOptions {
  recursive?: boolean;
  /** largest file read, in bytes */
  maxBytes?: number;
  onResult?: (result: IngestResult) => void;
  /** worker threads that read and extract ahead of the writer (0 or absent: all in this thread) */
  workers?: number;
  /** called once with the files the batch will read, before the first is read (for a progress bar) */
  onPlan?: (files: string[]) => void;
  /** reads and extracts files instead of the one `workers` chooses; the caller closes it */
  preparer?: Preparer;
}

const defaultMaxBytes = 20 * 1024 * 1024;

/** One step of a batch, in the order the paths were given: a file to read, or a path that already failed. */
export type PlanItem = { file: string } | { failure: IngestResult };

const fail = (path: string, message: string, hint: string | null): PlanItem => ({
  failure: { path, item: null, status: 'failed', message, hint },
});

/** The file name extensions a folder scan takes, for messages. */
const readableList = '.txt, .md, .html, .pdf, .xml/.rss/.atom or .jsonl';

const reason = (error: unknown) => {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return 'no such file or directory';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  if (code === 'ELOOP') return 'too many levels of symbolic links';
  return error instanceof Error ? error.message : String(error);
};

/**
 * Expands the given paths into the files to read, in the order given: folders give their readable files
 * (subfolders with `recursive`), symbolic links are followed, a file named twice is read once, and a path that
 * cannot be read becomes a failure in its place without stopping the others.
 */
export function planFiles(paths: string[], recursive: boolean): PlanItem[] {
  const plan: PlanItem[] = [];
  const seen = new Set<string>();
  const addFile = (path: string) => {
    const real = realpathSync(path);
    if (seen.has(real)) return false;
    seen.add(real);
    plan.push({ file: path });
    return true;
  };
  // Returns how many files the folder gave and whether it has subfolders that were not read.
  const walk = (dir: string, visited: Set<string>): { files: number; skipped: boolean } => {
    let files = 0;
    let skipped = false;
    let names: string[];
    try {
      names = readdirSync(dir).sort((a, b) => a.localeCompare(b));
    } catch (error) {
      plan.push(fail(dir, reason(error), 'check the folder and its permissions'));
      return { files: 1, skipped };
    }
    for (const name of names) {
      if (name.startsWith('.')) continue;
      const full = join(dir, name);
      try {
        const stat = statSync(full);
        if (stat.isDirectory()) {
          const real = realpathSync(full);
          if (!recursive) skipped = true;
          else if (!visited.has(real)) files += walk(full, new Set([...visited, real])).files;
        } else if (stat.isFile() && readable(full) && addFile(full)) files++;
      } catch (error) {
        plan.push(fail(full, reason(error), 'check the file and its permissions'));
        files++;
      }
    }
    return { files, skipped };
  };
  for (const path of paths) {
    try {
      const stat = statSync(path);
      if (!stat.isDirectory()) {
        addFile(path);
        continue;
      }
      const { files, skipped } = walk(path, new Set([realpathSync(path)]));
      if (files === 0) {
        plan.push(
          fail(
            path,
            `no readable documents (${readableList}) in directory${skipped ? ' (subfolders not read)' : ''}`,
            skipped ? 'add --recursive to read subfolders' : `put ${readableList} documents in it`,
          ),
        );
      }
    } catch (error) {
      plan.push(fail(path, reason(error), 'check the path'));
    }
  }
  return plan;
}

const failedItem = (path: string, item: string | null, error: unknown): IngestResult => ({
  path,
  item,
  status: 'failed',
  ...describeError(error),
});

/**
 * Reads one file and stores each document it holds in its own transaction (a feed or JSON Lines file holds
 * several): a bad item is a failed result and the others are still stored. Never throws.
 */
export async function ingestFile(
  db: Kysely<Database>,
  path: string,
  maxBytes = defaultMaxBytes,
  onResult?: (result: IngestResult) => void,
): Promise<IngestResult[]> {
  const results = await storePrepared(db, await prepareFile(path, maxBytes), onResult);
  await refreshMarkedViews(db);
  return results;
}

/** Stores a file read and extracted (here or in a worker thread), document by document, in the file's order. */
async function storePrepared(
  db: Kysely<Database>,
  prepared: PreparedFile,
  onResult?: (result: IngestResult) => void,
): Promise<IngestResult[]> {
  const { path } = prepared;
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
      const outcome = await storeDocument(db, doc, { found, fingerprint }, { batch: true });
      report({ path, item: doc.where, encoding: doc.encoding, note: doc.note, ...outcome });
    } catch (error) {
      report(failedItem(path, doc.where, error));
    }
  }
  return results;
}

/**
 * Ingests files and folders one document at a time, going on past failures; returns every item's result in
 * order. With `workers`, files are read and extracted in that many worker threads, a few files ahead, while
 * this thread stores them strictly in order (so results, ids and near-duplicate links do not depend on timing).
 */
export async function ingestPaths(
  db: Kysely<Database>,
  paths: string[],
  options: IngestOptions = {},
): Promise<IngestResult[]> {
  const results: IngestResult[] = [];
  const plan = planFiles(paths, options.recursive ?? false);
  options.onPlan?.(plan.flatMap((item) => ('file' in item ? [item.file] : [])));
  const maxBytes = options.maxBytes ?? defaultMaxBytes;
  const files = plan.filter((item) => 'file' in item).length;
  // Threads take a fraction of a second to start: a handful of files is read faster in this thread.
  const own =
    !options.preparer && (options.workers ?? 0) > 0 && files >= 8
      ? workerPool(options.workers ?? 0)
      : inThread;
  const preparer = options.preparer ?? own;
  const ahead = preparer === inThread ? 1 : Math.max(2, (options.workers ?? 2) * 16);
  const pending = new Map<number, Promise<PreparedFile>>();
  const views = batchViews(db);
  // Plan items below `dispatched` have been handed to the preparer (each file exactly once).
  let dispatched = 0;
  const dispatch = (upTo: number) => {
    for (; dispatched < plan.length && dispatched <= upTo; dispatched++) {
      const item = plan[dispatched];
      if (item && 'file' in item) pending.set(dispatched, preparer.prepare(item.file, maxBytes));
    }
  };
  try {
    for (const [i, item] of plan.entries()) {
      if ('file' in item) {
        dispatch(i + ahead);
        const prepared = await (pending.get(i) ?? preparer.prepare(item.file, maxBytes));
        pending.delete(i);
        const stored = await storePrepared(db, prepared, options.onResult);
        results.push(...stored);
        await views.stored(stored.filter((r) => r.status === 'ingested').length);
      } else {
        results.push(item.failure);
        options.onResult?.(item.failure);
      }
    }
  } finally {
    await own.close();
  }
  // The projects the batch touched get their views every few hundred documents and at the end, not once per
  // document.
  await views.finish();
  return results;
}
