import { readdirSync, readFileSync, realpathSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Kysely } from 'kysely';
import { PuenteError } from '../domain/errors.js';
import { readDocuments, readable, type ReadDocument, type ReadFailure } from '../ingest/read-document.js';
import type { Database } from '../store/database.js';
import { storeDocument, type StoreOutcome } from './store-document.js';

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

const failedItem = (path: string, item: string | null, error: unknown): IngestResult => {
  if (error instanceof PuenteError)
    return { path, item, status: 'failed', message: error.message, hint: error.hint ?? null };
  return {
    path,
    item,
    status: 'failed',
    message: error instanceof Error ? error.message : String(error),
    hint: null,
  };
};

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
  const results: IngestResult[] = [];
  const report = (result: IngestResult) => {
    results.push(result);
    onResult?.(result);
  };
  let read: { documents: ReadDocument[]; failures: ReadFailure[] };
  try {
    const size = statSync(path).size;
    if (size > maxBytes) {
      report({
        path,
        item: null,
        status: 'failed',
        message: `file is ${size} bytes, larger than the limit of ${maxBytes}`,
        hint: 'raise --max-bytes or split the file',
      });
      return results;
    }
    // The absolute path, so the same file has the same uri whatever folder the command ran in.
    read = await readDocuments(resolve(path), readFileSync(path));
  } catch (error) {
    report(failedItem(path, null, error));
    return results;
  }
  // Documents and failed items in the order the file holds them.
  const steps = [
    ...read.documents.map((doc) => ({ at: doc.item ?? 0, doc })),
    ...read.failures.map((failure) => ({ at: failure.item ?? 0, failure })),
  ].sort((a, b) => a.at - b.at);
  for (const step of steps) {
    if ('failure' in step) {
      const { where, message, hint } = step.failure;
      report({ path, item: where, status: 'failed', message, hint: hint ?? null });
      continue;
    }
    const { doc } = step;
    try {
      const outcome = await storeDocument(db, doc);
      report({ path, item: doc.where, encoding: doc.encoding, note: doc.note, ...outcome });
    } catch (error) {
      report(failedItem(path, doc.where, error));
    }
  }
  return results;
}

/** Ingests files and folders one document at a time, going on past failures; returns every item's result in order. */
export async function ingestPaths(
  db: Kysely<Database>,
  paths: string[],
  options: IngestOptions = {},
): Promise<IngestResult[]> {
  const results: IngestResult[] = [];
  for (const item of planFiles(paths, options.recursive ?? false)) {
    if ('file' in item) {
      results.push(
        ...(await ingestFile(db, item.file, options.maxBytes ?? defaultMaxBytes, options.onResult)),
      );
    } else {
      results.push(item.failure);
      options.onResult?.(item.failure);
    }
  }
  return results;
}
