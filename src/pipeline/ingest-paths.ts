import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { Kysely } from 'kysely';
import { PuenteError } from '../domain/errors.js';
import { readDocument, readable } from '../ingest/read-document.js';
import type { Database } from '../store/database.js';
import { storeDocument, type StoreOutcome } from './store-document.js';

/** The result of one item of a batch: what was stored, or why it failed and what to do. */
export type IngestResult =
  | ({ path: string } & StoreOutcome)
  | { path: string; status: 'failed'; message: string; hint: string | null };

/** Options of a batch ingest. */
export interface IngestOptions {
  recursive?: boolean;
  /** largest file read, in bytes */
  maxBytes?: number;
  onResult?: (result: IngestResult) => void;
}

const defaultMaxBytes = 20 * 1024 * 1024;

/** Expands the given paths into the files to ingest; paths that cannot be expanded become failures. */
export function collectFiles(
  paths: string[],
  recursive: boolean,
): { files: string[]; failures: IngestResult[] } {
  const files: string[] = [];
  const failures: IngestResult[] = [];
  const walk = (dir: string, top: string): number => {
    let count = 0;
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) =>
      a.name.localeCompare(b.name),
    )) {
      const full = join(dir, entry.name);
      if (entry.name.startsWith('.')) continue;
      if (entry.isDirectory() && recursive) count += walk(full, top);
      else if (entry.isFile() && readable(full)) {
        files.push(full);
        count++;
      }
    }
    return count;
  };
  for (const path of paths) {
    let stat;
    try {
      stat = statSync(path);
    } catch {
      failures.push({ path, status: 'failed', message: 'no such file or directory', hint: 'check the path' });
      continue;
    }
    if (stat.isDirectory()) {
      if (walk(path, path) === 0) {
        failures.push({
          path,
          status: 'failed',
          message: `no readable .txt or .md files in directory${recursive ? '' : ' (subfolders not read)'}`,
          hint: recursive ? 'put .txt or .md documents in it' : 'add --recursive to read subfolders',
        });
      }
    } else files.push(path);
  }
  return { files, failures };
}

/** Reads and stores one file; a failure is returned as a result, never thrown. */
export async function ingestFile(
  db: Kysely<Database>,
  path: string,
  maxBytes = defaultMaxBytes,
): Promise<IngestResult> {
  try {
    const size = statSync(path).size;
    if (size > maxBytes) {
      return {
        path,
        status: 'failed',
        message: `file is ${size} bytes, larger than the limit of ${maxBytes}`,
        hint: 'raise --max-bytes or split the file',
      };
    }
    const doc = readDocument(relative(process.cwd(), path) || path, readFileSync(path));
    return { path, ...(await storeDocument(db, doc)) };
  } catch (error) {
    if (error instanceof PuenteError)
      return { path, status: 'failed', message: error.message, hint: error.hint ?? null };
    const message = error instanceof Error ? error.message : String(error);
    return { path, status: 'failed', message, hint: null };
  }
}

/** Ingests files and folders one document at a time, going on past failures; returns every item's result. */
export async function ingestPaths(
  db: Kysely<Database>,
  paths: string[],
  options: IngestOptions = {},
): Promise<IngestResult[]> {
  const { files, failures } = collectFiles(paths, options.recursive ?? false);
  const results: IngestResult[] = [];
  const report = (r: IngestResult) => {
    results.push(r);
    options.onResult?.(r);
  };
  failures.forEach(report);
  for (const file of files) report(await ingestFile(db, file, options.maxBytes ?? defaultMaxBytes));
  return results;
}
