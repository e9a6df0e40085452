import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { neutralizeFormula, toCsv } from './csv.js';
import { xlsxChunks } from './twins.js';

// Cells a spreadsheet would run as formulas: the ASCII starts, after leading white space (spaces, tab, newline,
// no-break and ideographic spaces, a BOM, zero-width spaces) and in their fullwidth forms.
const formulas = [
  '=HYPERLINK("x")',
  '-2+3',
  '+A1',
  '@SUM(A1)',
  '\tx',
  '\rx',
  ' =1+1',
  '  +cmd|',
  '\n@SUM(A1)',
  '\u00A0=1',
  '\u3000=1',
  '\uFEFF=1',
  '\u200B=1',
  '\uFF1D1+1',
  '\uFF0B1',
  '\uFF0D1',
  '\uFF20SUM(A1)',
  ' \uFF1DHYPERLINK("x")',
];
// Text that is left as it is: plain numbers (read as numbers, never as formulas) and ordinary text.
const plain = ['-5', '+3', '-1.25', '-.5', '1e-3', '-2E+6', 'a=b', 'x-1', 'Lima', ''];

describe('formula-safe cells', () => {
  it('neutralizes cells a spreadsheet would run as formulas, and leaves numbers and plain text', () => {
    for (const bad of formulas) expect(neutralizeFormula(bad), JSON.stringify(bad)).toBe(`'${bad}`);
    for (const good of plain) expect(neutralizeFormula(good), JSON.stringify(good)).toBe(good);
  });

  it('quotes CSV cells with commas, quotes and line breaks, neutralized first; numbers stay numbers', () => {
    const csv = toCsv(
      [{ header: 'a', value: (r: string | number) => r }],
      ['x,y', 'say "hi"', 'two\nlines', 'plain', '=1+1', ' =2', '\uFF1D3', '-5', -5, 2.5],
    );
    expect(csv).toBe(
      'a\r\n"x,y"\r\n"say ""hi"""\r\n"two\nlines"\r\nplain\r\n\'=1+1\r\n\' =2\r\n\'\uFF1D3\r\n-5\r\n-5\r\n2.5\r\n',
    );
  });

  it('neutralizes XLSX text cells the same way and writes numbers as numbers', async () => {
    const values: (string | number)[] = [...formulas, ...plain, -5, 1234.5];
    async function* pages() {
      yield values.slice(0, 10);
      yield values.slice(10);
    }
    const chunks: Uint8Array[] = [];
    for await (const chunk of xlsxChunks(
      { name: 'cells', columns: [{ header: 'v', value: (r) => r }] },
      pages(),
    ))
      chunks.push(chunk);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(new Uint8Array(Buffer.concat(chunks)).buffer);
    const sheet = book.getWorksheet('cells');
    const cells = (sheet?.getColumn(1).values ?? []).slice(2);
    // XML reads a carriage return back as a line feed (exceljs writes it unescaped).
    const kept = (v: string) => (formulas.includes(v) ? `'${v}` : v).replace(/\r/g, '\n');
    expect(cells).toEqual(values.map((v) => (typeof v === 'number' ? v : v === '' ? undefined : kept(v))));
    expect(sheet?.getCell('A1').value).toBe('v');
    expect(sheet?.getCell('A1').font?.bold).toBe(true);
  });
});
