import { describe, expect, it } from 'vitest';
import { neutralizeFormula, toCsv } from './csv.js';

describe('toCsv', () => {
  it('quotes cells with commas, quotes and line breaks', () => {
    const csv = toCsv([{ header: 'a', value: (r: string) => r }], ['x,y', 'say "hi"', 'two\nlines', 'plain']);
    expect(csv).toBe('a\r\n"x,y"\r\n"say ""hi"""\r\n"two\nlines"\r\nplain\r\n');
  });

  it('neutralizes cells a spreadsheet would run as formulas, but not numbers', () => {
    for (const bad of ['=HYPERLINK("x")', '+1', '-2+3', '@SUM(A1)', '\tx', '\rx'])
      expect(neutralizeFormula(bad)).toBe(`'${bad}`);
    const csv = toCsv([{ header: 'v', value: (r: string | number) => r }], ['=1+1', -5]);
    expect(csv).toBe("v\r\n'=1+1\r\n-5\r\n");
  });
});
