import { describe, expect, it } from 'vitest';
import { extractMoney } from './money.js';

const money = (text: string, language: string | null = 'en') =>
  extractMoney(text, 0, text.length, language).map((c) => ({
    value: c.value,
    unit: c.unit,
    qualifier: c.qualifier,
    quote: c.quote,
    sliced: text.slice(c.start, c.end),
  }));

describe('extractMoney', () => {
  it.each([
    ['investment reached $596.2 billion by 2022', 596.2e9, 'USD', '$596.2 billion'],
    ['a US$1.3bn port', 1.3e9, 'USD', 'US$1.3bn'],
    ['worth USD 3.7 billion', 3.7e9, 'USD', 'USD 3.7 billion'],
    ['um investimento de US$ 3,7 bilhões', 3.7e9, 'USD', 'US$ 3,7 bilhões'],
    ['una inversión de 1.300 millones de dólares', 1.3e9, 'USD', '1.300 millones de dólares'],
    ['a loan of 66bn yuan', 66e9, 'CNY', '66bn yuan'],
    ['o BNDES aprovou R$ 5 bilhões', 5e9, 'BRL', 'R$ 5 bilhões'],
    ['costó S/ 1.500 millones', 1.5e9, 'PEN', 'S/ 1.500 millones'],
    ['a $5m grant', 5e6, 'USD', '$5m'],
  ])('finds %j', (text, value, unit, quote) => {
    const [claim, ...rest] = money(text, null);
    expect(rest).toHaveLength(0);
    expect(claim).toMatchObject({ value, unit, quote, sliced: quote });
  });

  it('reads a figure given in two currencies as two claims', () => {
    const found = money('a contract of 35 billion yuan ($4.76 billion) was signed');
    expect(found.map((f) => [f.value, f.unit])).toEqual([
      [35e9, 'CNY'],
      [4.76e9, 'USD'],
    ]);
  });

  it('takes the qualifier from the words before the figure and includes them in the evidence', () => {
    expect(money('loans of more than $10 billion')[0]).toMatchObject({
      qualifier: 'at_least',
      quote: 'more than $10 billion',
    });
    expect(money('nearly $2 billion')[0]).toMatchObject({ qualifier: 'approx', quote: 'nearly $2 billion' });
    expect(money('up to $300 million')[0]).toMatchObject({ qualifier: 'at_most' });
    expect(money('casi 1.300 millones de dólares', 'es')[0]).toMatchObject({ qualifier: 'approx' });
  });

  it('ignores numbers without a currency and words that only start like a scale', () => {
    expect(money('over 200 infrastructure projects and 1.4 GW of capacity')).toEqual([]);
    expect(money('$5 more')[0]).toMatchObject({ value: 5, quote: '$5' });
  });

  it('stays inside the given range', () => {
    const text = 'first $1 billion. second $2 billion.';
    const found = extractMoney(text, 18, text.length, 'en');
    expect(found.map((c) => c.value)).toEqual([2e9]);
  });
});
