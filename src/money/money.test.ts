import { describe, expect, it } from 'vitest';
import { convert, loadMoneyTables, moneyTables, yearOf } from './money.js';

describe('money', () => {
  const t = moneyTables();

  it('reads the bundled rates per USD and the CPI-U annual averages', () => {
    expect(t.rates.get('CNY')?.get(2020)).toBe(6.9042);
    expect(t.rates.get('EUR')?.get(2020)).toBe(0.8764);
    expect(t.rates.get('BRL')?.get(2021)).toBe(5.3958);
    // 2021 CPI-U annual average (BLS: 270.970)
    expect(t.cpi.get(2021)).toBeCloseTo(270.97, 1);
    // A year without twelve months is not a year's average.
    expect(t.cpi.has(2026)).toBe(false);
  });

  it('converts a yuan amount to nominal USD of its year and constant USD of the base year', () => {
    const c = convert({ amount: 6.9042e9, currency: 'CNY', year: 2020 }, 2021, t);
    expect(c.nominalUsd).toBeCloseTo(1e9, 0);
    const ratio = (t.cpi.get(2021) ?? 0) / (t.cpi.get(2020) ?? 1);
    expect(c.constantUsd).toBeCloseTo(1e9 * ratio, 0);
    expect(c.unavailable).toBeNull();
    expect(c.original).toEqual({ amount: 6.9042e9, currency: 'CNY', year: 2020, constantBase: null });
  });

  it('reads constant 2021 USD back to the nominal USD of the commitment year', () => {
    const c = convert({ amount: 100e6, currency: 'USD', year: 2010, constantBase: 2021 }, 2021, t);
    expect(c.constantUsd).toBe(100e6);
    expect(c.nominalUsd).toBeCloseTo((100e6 * (t.cpi.get(2010) ?? 0)) / (t.cpi.get(2021) ?? 1), 0);
    expect(c.nominalUsd).toBeLessThan(100e6);
    const rebased = convert({ amount: 100e6, currency: 'USD', year: null, constantBase: 2021 }, 2024, t);
    expect(rebased.constantUsd).toBeGreaterThan(100e6);
    expect(rebased.nominalUsd).toBeNull();
    expect(rebased.unavailable).toMatch(/year is not known/);
  });

  it('marks a conversion without a rate as unavailable, never guessed', () => {
    const soles = convert({ amount: 1e6, currency: 'PEN', year: 2019 }, 2021, t);
    expect(soles).toMatchObject({ nominalUsd: null, constantUsd: null });
    expect(soles.unavailable).toBe('no PEN exchange rate for 2019 in the reference data');
    // Venezuela's series is used only where its unit is clear.
    expect(convert({ amount: 1e6, currency: 'VEF', year: 2019 }, 2021, t).nominalUsd).toBeNull();
    expect(convert({ amount: 2.1446e6, currency: 'VEF', year: 2008 }, 2021, t).nominalUsd).toBeCloseTo(
      1e6,
      0,
    );
    expect(convert({ amount: 1, currency: 'USD', year: 2019 }, 1850, t).unavailable).toMatch(
      /base year 1850/,
    );
  });

  it('says which file and line is malformed', () => {
    expect(() =>
      loadMoneyTables('Date,Country,Exchange rate\n2020-01-01,China,abc\n', 'Date,Index\n'),
    ).toThrow('exchange-rates-annual.csv line 2');
  });

  it('takes the year of a claim time', () => {
    expect(yearOf('2019-03')).toBe(2019);
    expect(yearOf('2019/2022')).toBe(2022);
    expect(yearOf(null)).toBeNull();
  });
});
