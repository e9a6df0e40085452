import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import { gcdfFile } from '../../src/import/gcdf.js';
import { dataDir } from '../../src/reference/paths.js';

/** The folder of the bundled GCDF 3.0 LAC file. */
export const bundledGcdf = join(dataDir, 'gcdf3-lac');

/** The records of the bundled file, as CSV rows by column name. */
export const gcdfRows = parse(readFileSync(join(bundledGcdf, gcdfFile)), { columns: true }) as Record<
  string,
  string
>[];

/** A new folder holding a GCDF file of these records (with the bundled file's columns). */
export function gcdfFolder(records: Record<string, string>[]): string {
  const dir = mkdtempSync(join(tmpdir(), 'puente-gcdf-'));
  writeFileSync(
    join(dir, gcdfFile),
    stringify(records, { header: true, columns: Object.keys(gcdfRows[0] ?? {}) }),
  );
  return dir;
}
