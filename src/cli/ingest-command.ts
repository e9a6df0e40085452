import { readyStore } from './ready.js';
import { isAbsolute, relative } from 'node:path';
import { InvalidArgumentError, type Command } from 'commander';
import { ingestPaths, type IngestResult } from '../pipeline/ingest-paths.js';
import { openStore } from '../store/connect.js';
import { say, warn } from './output.js';
import { defaultWorkers } from '../pipeline/prepare-pool.js';
import { defaultBudget } from '../pipeline/budget.js';
import { ProgressBar } from './progress.js';
import { escapeControls, pathText, type FilePath } from '../pipeline/file-path.js';
import { stageErrorsNote } from './stage-errors.js';

// A path as a batch's lines show it: relative to the current folder, bytes that are not UTF-8 written \xNN.
const shown = (path: FilePath) => {
  const text = pathText(path);
  return isAbsolute(text) ? relative(process.cwd(), text) || text : text;
};

/** Parses a whole number of zero or more, for commander. */
export function nonNegativeInteger(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0)
    throw new InvalidArgumentError(`"${value}" is not a whole number of 0 or more`);
  return n;
}

/** Parses a number of seconds above 0 (decimals allowed: 0.5), for commander. */
export function positiveSeconds(value: string): number {
  const n = Number(value);
  if (!/^\s*\d*\.?\d+\s*$/.test(value) || !Number.isFinite(n) || n <= 0)
    throw new InvalidArgumentError(`"${value}" is not a number of seconds above 0`);
  return n;
}

/** Parses an option that must be a whole number above 0. */
export function positiveInteger(value: string): number {
  const n = Number(value);
  if (!/^\d+$/.test(value.trim()) || !Number.isSafeInteger(n) || n <= 0) {
    throw new InvalidArgumentError(`"${value}" is not a whole number above 0`);
  }
  return n;
}

// ", a near-duplicate (0.93) of s_…": the original a stored document copies.
const copyOf = (r: Extract<IngestResult, { status: 'ingested' }>) =>
  r.duplicateOf
    ? `, ${r.duplicateKind === 'exact' ? 'a copy' : `a near-duplicate (${r.similarity})`} of ${r.duplicateOf}`
    : '';

/**
 * One line for one result of a batch, naming the file as relative to the current folder. Control characters (in a
 * file's name, or in a message quoting the file's content) are escaped, so a line is one line and a terminal acts
 * on none of it.
 */
export function resultLine(r: IngestResult): string {
  return escapeControls(unescapedLine(r));
}

function unescapedLine(r: IngestResult): string {
  const path = shown(r.path);
  switch (r.status) {
    case 'ingested': {
      const where = r.item ? ` ${r.item}` : '';
      const encoding = r.encoding && r.encoding !== 'utf-8' ? `, read as ${r.encoding}` : '';
      const note = [r.note, stageErrorsNote(r.extractionErrors)].map((n) => (n ? `; ${n}` : '')).join('');
      return `ingested  ${path}${where} -> ${r.sourceId} (${r.paragraphs} paragraphs, ${r.duplicateParagraphs} duplicate${r.repeatedParagraphs ? ` (${r.repeatedParagraphs} from other sources)` : ''}, ${r.claims} claims, ${r.entities} entities${encoding}${note})${copyOf(r)}`;
    }
    case 'unchanged':
      return `unchanged ${path}${r.item ? ` ${r.item}` : ''} (already stored as ${r.sourceId})`;
    case 'failed':
      return `puente: ${path}: ${r.item ? `${r.item}: ` : ''}${r.message}${r.hint ? ` (${r.hint})` : ''}`;
    case 'skipped':
      return `skipped   ${path}: ${r.reason}${r.hint ? ` (${r.hint})` : ''}`;
  }
}

/** The counts of a batch by outcome. */
export function summarize(results: IngestResult[]) {
  const count = (s: IngestResult['status']) => results.filter((r) => r.status === s).length;
  const copies = results.filter((r) => r.status === 'ingested' && r.duplicateOf !== null).length;
  return {
    ingested: count('ingested'),
    nearDuplicates: copies,
    unchanged: count('unchanged'),
    failed: count('failed'),
    skipped: count('skipped'),
  };
}

/** The last line of a batch: its counts (skipped ones when there are), and where it was stored. */
export function summaryLine(summary: ReturnType<typeof summarize>, location: string): string {
  const skipped = summary.skipped > 0 ? `, ${summary.skipped} skipped` : '';
  return escapeControls(
    `${summary.ingested} ingested, ${summary.unchanged} unchanged, ${summary.failed} failed${skipped}; ${summary.nearDuplicates} of the ingested copy earlier documents (${location})`,
  );
}

// A result for --json: a path that is not UTF-8 as text with its odd bytes written \xNN (JSON has no bytes).
const jsonResult = (r: IngestResult) => ({ ...r, path: pathText(r.path) });

/**
 * `puente ingest PATH...`: stores documents, goes on past bad ones, exits 1 if any failed (a skipped entry of a
 * folder is a line, not a failure).
 */
export function registerIngest(program: Command, setExit: (code: number) => void) {
  program
    .command('ingest')
    .description(
      'read documents (files or folders) into the store, one transaction per document: plain text, Markdown, HTML, PDF, RSS/Atom feeds (one document per item) and JSON Lines (one per line); the format is told from the content',
    )
    .argument('<paths...>', 'files or folders to ingest')
    .option('-r, --recursive', 'also read the subfolders of the given folders')
    .option(
      '--follow-symlinks',
      'follow symbolic links that lead out of the given folders (without it they are skipped, with a line)',
    )
    .option('--json', 'print the results as one JSON object instead of lines')
    .option('--max-bytes <n>', 'largest file to read, in bytes', positiveInteger, defaultBudget.maxBytes)
    .option(
      '--max-text-chars <n>',
      'longest text of one document, in characters, after reading',
      positiveInteger,
      defaultBudget.maxTextChars,
    )
    .option('--max-pdf-pages <n>', 'most pages of a PDF', positiveInteger, defaultBudget.maxPdfPages)
    .option(
      '--time-budget <seconds>',
      "time to read and extract one document (a feed's or JSON Lines file's reading gets as long); a document past it is stopped and fails, the batch goes on",
      positiveSeconds,
      defaultBudget.timeBudgetMs / 1000,
    )
    .option(
      '--workers <n>',
      'threads that read and extract files while the main thread stores them in order (at least 1)',
      positiveInteger,
      defaultWorkers(),
    )
    .action(
      async (
        paths: string[],
        opts: {
          recursive?: boolean;
          followSymlinks?: boolean;
          json?: boolean;
          maxBytes: number;
          maxTextChars: number;
          maxPdfPages: number;
          timeBudget: number;
          workers: number;
        },
      ) => {
        const store = openStore();
        try {
          await readyStore(store);
          // On a terminal a progress bar runs under the result lines; elsewhere the lines are the log.
          const bar = process.stderr.isTTY && !opts.json ? new ProgressBar() : null;
          const print = (r: IngestResult) => (r.status === 'failed' ? warn : say)(resultLine(r));
          const results = await ingestPaths(store.db, paths, {
            recursive: opts.recursive ?? false,
            followSymlinks: opts.followSymlinks ?? false,
            budget: {
              maxBytes: opts.maxBytes,
              maxTextChars: opts.maxTextChars,
              maxPdfPages: opts.maxPdfPages,
              timeBudgetMs: opts.timeBudget * 1000,
            },
            workers: opts.workers,
            onPlan: bar ? (files) => bar.plan(files) : undefined,
            onResult: opts.json
              ? undefined
              : bar
                ? (r) => {
                    bar.log(() => print(r));
                    // A skipped entry is no file of the plan: it does not move the bar.
                    if (r.status !== 'skipped') bar.advance(r.path);
                  }
                : print,
          });
          bar?.done();
          const summary = summarize(results);
          if (opts.json) say(JSON.stringify({ ...summary, results: results.map(jsonResult) }, null, 2));
          else say(summaryLine(summary, store.location));
          setExit(summary.failed > 0 ? 1 : 0);
        } finally {
          await store.close();
        }
      },
    );
}
