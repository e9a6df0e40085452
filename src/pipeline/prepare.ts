import { posix, resolve } from 'node:path';
import { describeError } from '../domain/errors.js';
import { extract } from '../extract/extract.js';
import { defaultLexicon } from '../reference/lexicon.js';
import { storable, type Storable } from './to-domain.js';
import { readDocuments, type ReadDocument, type ReadFailure } from '../ingest/read-document.js';
import { fingerprintAhead, type FingerprintAhead } from './near-duplicates.js';
import { defaultBudget, textTooLong, type Budget } from './budget.js';
import { bytesAsText, type FilePath } from './file-path.js';
import { readRegularFile } from './regular-file.js';
import { sniffFormat, type Format } from '../ingest/sniff.js';

// The formats of files that hold one document per item.
const manyDocuments = new Set<Format>(['rss', 'atom', 'jsonl']);

/** What is made from a document before it is stored, off the writer's thread: its extraction and fingerprint. */
export interface Ahead {
  found: Storable;
  fingerprint: FingerprintAhead;
}

/** A document read and extracted, ready to be stored. */
export interface PreparedDocument extends Ahead {
  doc: ReadDocument;
}

/** A file read and extracted, ready to be stored: what a worker thread hands back to the writer. */
export type PreparedFile =
  | { path: FilePath; ok: true; documents: PreparedDocument[]; failures: ReadFailure[] }
  | { path: FilePath; ok: false; message: string; hint: string | null };

/**
 * What preparing a file tells as it goes, so that a file stopped midway keeps what was done: each failed item,
 * the start of each document of a feed or JSON Lines file (its time budget starts then), each document done.
 */
export interface PrepareEvents {
  /** the file holds items (a feed, JSON Lines): reading it is the whole file's work, not one document's */
  items?(): void;
  failure?(failure: ReadFailure): void;
  start?(item: number, where: string | null): void;
  document?(prepared: PreparedDocument): void;
}

/** Where to resume a file and what to tell on the way. */
export interface PrepareOptions {
  /** the documents of a feed or JSON Lines file up to this position are done: read the ones after it */
  after?: number;
  events?: PrepareEvents;
}

// The absolute path, so the same file has the same uri whatever folder the command ran in. A name that is not
// UTF-8 is written as its bytes' text (`\xNN` for the bytes that are not UTF-8).
function uriOf(path: FilePath): string {
  if (typeof path === 'string') return resolve(path);
  const absolute = path[0] === 0x2f ? path : Buffer.concat([Buffer.from(`${process.cwd()}/`), path]);
  // latin1 maps each byte to one character, so "." and "/" are normalized and every other byte kept.
  return bytesAsText(Buffer.from(posix.normalize(absolute.toString('latin1')), 'latin1'));
}

/**
 * Reads a regular file within the budget's sizes and extracts every document it holds (from `after` on).
 * Never throws: a whole-file problem is a failed file, a bad item a failure beside the documents.
 */
export async function prepareFile(
  path: FilePath,
  budget: Budget = defaultBudget,
  options: PrepareOptions = {},
): Promise<PreparedFile> {
  const { after = 0, events = {} } = options;
  try {
    const bytes = readRegularFile(path, budget);
    const uri = uriOf(path);
    if (manyDocuments.has(sniffFormat(uri, bytes))) events.items?.();
    const read = await readDocuments(uri, bytes, { maxPdfPages: budget.maxPdfPages });
    // A file resumed after a stopped item told its reading's failures the first time.
    const failures = after > 0 ? [] : read.failures;
    for (const failure of failures) events.failure?.(failure);
    const documents: PreparedDocument[] = [];
    for (const doc of read.documents) {
      if (doc.item !== null && doc.item <= after) continue;
      if (doc.item !== null) events.start?.(doc.item, doc.where);
      if (doc.text.length > budget.maxTextChars) {
        const { message, hint } = describeError(textTooLong(doc.text.length, budget.maxTextChars));
        if (doc.item === null) return { path, ok: false, message, hint };
        const failure = {
          where: doc.where ?? `item ${doc.item}`,
          item: doc.item,
          message,
          hint: hint ?? undefined,
        };
        failures.push(failure);
        events.failure?.(failure);
        continue;
      }
      const prepared = {
        doc,
        found: storable(doc.contentHash, extract(doc, defaultLexicon())),
        fingerprint: fingerprintAhead(doc.title, doc.text),
      };
      events.document?.(prepared);
      documents.push(prepared);
    }
    return { path, ok: true, documents, failures };
  } catch (error) {
    return { path, ok: false, ...describeError(error) };
  }
}

// A few lines in each language read, like the documents of a batch: the reference lists and language packs load
// on first use, and the first calls run unoptimized.
const sample = [
  'China Eximbank lent Ecuador US$ 1.7 billion in 2010 for the Coca Codo Sinclair dam, the ministry said.',
  'En marzo de 2023, la china CATL firmó con YLB un acuerdo de US$ 1.000 millones para el litio de Uyuni.',
  'A State Grid investiu R$ 3,2 bilhões na linha de transmissão de Belo Monte, disse o ministro em 2019.',
  '<p>Cosco Shipping will invest US$ 3.2 billion in the port of Chancay, Peru, said Li Jiabao.</p>',
];

/**
 * Reads and extracts a small sample a few times, so that a worker's first documents are not charged the loading
 * of reference data and the first, slow runs of the code against their time budget.
 */
export async function warmUp(rounds = 4): Promise<void> {
  const lines = sample.map((text, i) => JSON.stringify({ text, title: i % 2 ? null : text.slice(0, 40) }));
  const html = `<!doctype html><html><body><article>${sample.map((s) => `<p>${s}</p>`).join('')}</article></body></html>`;
  for (let round = 0; round < rounds; round++) {
    for (const [uri, text] of [
      ['warm-up.jsonl', lines.join('\n')],
      ['warm-up.html', html],
    ] as const) {
      const read = await readDocuments(uri, Buffer.from(text));
      for (const doc of read.documents) {
        storable(doc.contentHash, extract(doc, defaultLexicon()));
        fingerprintAhead(doc.title, doc.text);
      }
    }
  }
}
