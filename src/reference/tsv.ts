import { readFileSync } from 'node:fs';
import { PuenteError } from '../domain/errors.js';

/** Reads a tab-separated reference file with a header row; lines starting with `#` are comments. */
export function readTsv(path: string): Record<string, string>[] {
  const lines = readFileSync(path, 'utf8')
    .split(/\r?\n/)
    .filter((line) => line.trim() !== '' && !line.startsWith('#'));
  const header = lines.shift()?.split('\t');
  if (!header) throw new PuenteError('internal', `${path}: reference file has no header row`);
  return lines.map((line, i) => {
    const cells = line.split('\t');
    if (cells.length > header.length) {
      throw new PuenteError(
        'internal',
        `${path}: row ${i + 1} has ${cells.length} cells, header has ${header.length}`,
      );
    }
    return Object.fromEntries(header.map((name, j) => [name, (cells[j] ?? '').trim()]));
  });
}

/** Splits a `|`-separated list cell into its non-empty items. */
export const listCell = (cell: string | undefined): string[] =>
  (cell ?? '')
    .split('|')
    .map((s) => s.trim())
    .filter(Boolean);
