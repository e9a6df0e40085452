import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readDocument, type ReadDocument } from '../../src/ingest/read-document.js';
import { dataDir } from '../../src/reference/paths.js';

/** The two bundled seed articles' file names. */
export const seedFiles = ['000_c73c21d3761c4f3d.txt', '004_eeb6cc59b9132b08.txt'] as const;

/** The path of a bundled sample document. */
export const samplePath = (name: string) => join(dataDir, 'samples', name);

/** A bundled seed article, read and normalized. */
export const seedDocument = (name: (typeof seedFiles)[number]): ReadDocument =>
  readDocument(`data/samples/${name}`, readFileSync(samplePath(name)));

/** A document made from text, as if read from a file of that name. */
export const textDocument = (text: string, uri = 'test.txt'): ReadDocument =>
  readDocument(uri, new TextEncoder().encode(text));
