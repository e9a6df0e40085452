import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import { gcdfFile } from '../../src/import/gcdf.js';
import { dataDir } from '../../src/reference/paths.js';

/** The bundled AidData GCDF 3.0 LAC records. */
export const gcdfRows = parse(readFileSync(join(dataDir, 'gcdf3-lac', gcdfFile)), {
  columns: true,
}) as Record<string, string>[];

/** A new folder holding a GCDF file of the given records (by default the first `n` bundled ones). */
export function gcdfFolder(records: Record<string, string>[]): string {
  const dir = mkdtempSync(join(tmpdir(), 'puente-gcdf-'));
  writeFileSync(
    join(dir, gcdfFile),
    stringify(records, { header: true, columns: Object.keys(gcdfRows[0] ?? {}) }),
  );
  return dir;
}
