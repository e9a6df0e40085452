/** A CSV column: its header and how to get the cell from a row. */
export interface CsvColumn<T> {
  header: string;
  value: (row: T) => string | number | null | undefined;
}

// A spreadsheet runs a cell as a formula when it starts with one of these, also after leading white space (which
// some spreadsheets trim on import) and in their fullwidth forms (which some convert to ASCII): = + - @, and tab
// or carriage return. White space here is JavaScript's \s (which holds U+3000 and U+FEFF) and the zero-width
// characters U+200B to U+200D and U+2060.
const formulaStart = /^[\s\u200B-\u200D\u2060]*[=+\-@\uFF1D\uFF0B\uFF0D\uFF20]|^[\t\r]/;

// Text that is a plain number ("-5", "+3.25", "1e-3") is read as that number, never as a formula; prefixing it
// would turn an ordinary negative figure into the text "'-5".
const plainNumber = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;

/**
 * Makes a text cell safe to open in a spreadsheet: a cell that would start a formula (see `formulaStart`) gets
 * a leading `'`; text that is a plain number is left as it is.
 */
export const neutralizeFormula = (text: string) =>
  formulaStart.test(text) && !plainNumber.test(text) ? `'${text}` : text;

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
