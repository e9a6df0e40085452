import { readFileSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { describeError } from '../domain/errors.js';
import { extract } from '../extract/extract.js';
import { defaultLexicon } from '../reference/lexicon.js';
import { storable, type Storable } from './to-domain.js';
import { readDocuments, type ReadDocument, type ReadFailure } from '../ingest/read-document.js';
import { fingerprintAhead, type FingerprintAhead } from './near-duplicates.js';

/** What is made from a document before it is stored, off the writer's thread: its extraction and fingerprint. */
export interface Ahead {
  found: Storable;
  fingerprint: FingerprintAhead;
}

/** A file read and extracted, ready to be stored: what a worker thread hands back to the writer. */
export type PreparedFile =
  | {
      path: string;
      ok: true;
      documents: ({ doc: ReadDocument } & Ahead)[];
      failures: ReadFailure[];
    }
  | { path: string; ok: false; message: string; hint: string | null };

/** Reads a file (refusing one larger than `maxBytes`) and extracts every document it holds. Never throws. */
export async function prepareFile(path: string, maxBytes: number): Promise<PreparedFile> {
  try {
    const size = statSync(path).size;
    if (size > maxBytes)
      return {
        path,
        ok: false,
        message: `file is ${size} bytes, larger than the limit of ${maxBytes}`,
        hint: 'raise --max-bytes or split the file',
      };
    // The absolute path, so the same file has the same uri whatever folder the command ran in.
    const read = await readDocuments(resolve(path), readFileSync(path));
    return {
      path,
      ok: true,
      documents: read.documents.map((doc) => ({
        doc,
        found: storable(doc.contentHash, extract(doc, defaultLexicon())),
        fingerprint: fingerprintAhead(doc.title, doc.text),
      })),
      failures: read.failures,
    };
  } catch (error) {
    return { path, ok: false, ...describeError(error) };
  }
}
