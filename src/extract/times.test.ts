import { describe, expect, it } from 'vitest';
import { registeredLanguages as languages } from './lang/index.js';
import { findTimes } from './times.js';

const times = (text: string, published: string | null = null) =>
  findTimes(languages, text, 0, text.length, published).map((t) => [t.value, text.slice(t.start, t.end)]);

describe('findTimes', () => {
  it('reads years, months, dates and periods in three languages', () => {
    expect(times('as of September 2023, by the end of 2022, between 2019 and 2022')).toEqual([
      ['2023-09', 'September 2023'],
      ['2022', '2022'],
      ['2019/2022', 'between 2019 and 2022'],
    ]);
    expect(times('el 14 de noviembre de 2024, en septiembre de 2023, entre 2019 y 2022')).toEqual([
      ['2024-11-14', '14 de noviembre de 2024'],
      ['2023-09', 'septiembre de 2023'],
      ['2019/2022', 'entre 2019 y 2022'],
    ]);
    expect(times('em setembro de 2023 e no Plano 2025-2027')).toEqual([
      ['2023-09', 'setembro de 2023'],
      ['2025/2027', '2025-2027'],
    ]);
    expect(times('On November 14, 2024 it opened.')).toEqual([['2024-11-14', 'November 14, 2024']]);
  });

  it('resolves relative times against the publication date, or leaves them out', () => {
    expect(times('Last May and this year, el año pasado', '2025-11-20')).toEqual([
      ['2025-05', 'Last May'],
      ['2025', 'this year'],
      ['2024', 'el año pasado'],
    ]);
    expect(times('last May', '2025-03-01')).toEqual([['2024-05', 'last May']]);
    expect(times('Last May and this year')).toEqual([]);
    expect(times('en enero Cosco anunció y em dezembro; it may rise in May', '2019-05-14')).toEqual([
      ['2019-01', 'en enero'],
      ['2018-12', 'em dezembro'],
      ['2019-05', 'in May'],
    ]);
  });

  it('does not take figures or units for years', () => {
    expect(times('$2019 million, 2020 MW, 2,021 jobs and 1.2022')).toEqual([]);
  });
});
