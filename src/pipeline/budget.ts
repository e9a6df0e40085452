// What one document may cost a batch: the size of its file, its text and its PDF pages, and the time its reading
// and extraction may take. A document past one of them fails with a line naming the option that raises it.
import { PuenteError } from '../domain/errors.js';

/** The budget of one document of a batch. */
export interface Budget {
  /** largest file read, in bytes */
  maxBytes: number;
  /** longest text of one document after reading, in characters */
  maxTextChars: number;
  /** most pages of a PDF */
  maxPdfPages: number;
  /** time to read and extract one document, in milliseconds (a feed's or JSON Lines file's reading gets as long) */
  timeBudgetMs: number;
}

/** The budget of a document when none is given: what `puente ingest` documents as its defaults. */
export const defaultBudget: Budget = {
  maxBytes: 20 * 1024 * 1024,
  maxTextChars: 5_000_000,
  maxPdfPages: 2_000,
  timeBudgetMs: 60_000,
};

const count = (n: number) => n.toLocaleString('en-US');
const seconds = (ms: number) => `${count(ms / 1000)} s`;

/** A file larger than the budget allows. */
export const fileTooLarge = (size: number, maxBytes: number) =>
  new PuenteError(
    'payload_too_large',
    `file is ${count(size)} bytes, larger than the limit of ${count(maxBytes)}`,
    'raise --max-bytes or split the file',
  );

/** A document whose text is longer than the budget allows. */
export const textTooLong = (length: number, maxTextChars: number) =>
  new PuenteError(
    'payload_too_large',
    `its text is ${count(length)} characters, more than the limit of ${count(maxTextChars)} for one document`,
    'raise --max-text-chars or split the document',
  );

/**
 * A document (or, with `reading`, the reading of a feed or JSON Lines file before its items) that was stopped
 * when it passed the time budget.
 */
export const pastTimeBudget = (timeBudgetMs: number, reading = false) =>
  new PuenteError(
    'timeout',
    `stopped after the time budget of ${seconds(timeBudgetMs)}${reading ? ' while reading the file, before its items' : ' for one document'}`,
    'raise --time-budget (seconds) or split the file',
  );
