/** A CSV column: its header and how to get the cell from a row. */
export interface CsvColumn<T> {
  header: string;
  value: (row: T) => string | number | null | undefined;
}

// A spreadsheet would run a cell that starts with one of these as a formula.
const formulaStart = /^[=+\-@\t\r]/;

/** Makes a text cell safe to open in a spreadsheet: a leading formula character is prefixed with `'`. */
export const neutralizeFormula = (text: string) => (formulaStart.test(text) ? `'${text}` : text);

function cell(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  const safe = neutralizeFormula(value);
  return /[",\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** The header line of a CSV file, with its CRLF. */
export const csvHeader = <T>(columns: CsvColumn<T>[]) =>
  `${columns.map((c) => cell(c.header)).join(',')}\r\n`;

/** The lines of these rows, each ending in CRLF; text cells are neutralized against formulas. */
export function csvLines<T>(columns: CsvColumn<T>[], rows: T[]): string {
  let out = '';
  for (const row of rows) out += `${columns.map((c) => cell(c.value(row))).join(',')}\r\n`;
  return out;
}

/** RFC 4180 CSV with a header row and CRLF line ends; text cells are neutralized against formulas. */
export function toCsv<T>(columns: CsvColumn<T>[], rows: T[]): string {
  return csvHeader(columns) + csvLines(columns, rows);
}
