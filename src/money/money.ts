import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from '../reference/paths.js';

/**
 * Money in original, nominal USD and constant USD.
 *
 * - Exchange rates: US Federal Reserve annual averages (data/reference/exchange-rates-annual.csv), in units of
 *   the currency per US dollar for every series of the file (the Euro, Australia and New Zealand included: their
 *   values are per dollar too, e.g. Euro 0.8764 in 2020).
 * - Prices: US CPI-U, all items, monthly (data/reference/cpi-u-monthly.csv); a year's index is the average of
 *   its twelve months, and only complete years are used.
 * A conversion that needs a rate or an index the files do not hold is reported unavailable with the reason,
 * never guessed.
 */

/** The currency each series of the exchange-rate file is quoted in. */
const seriesCurrency: Record<string, string> = {
  Australia: 'AUD',
  Brazil: 'BRL',
  Canada: 'CAD',
  China: 'CNY',
  Denmark: 'DKK',
  Euro: 'EUR',
  'Hong Kong': 'HKD',
  India: 'INR',
  Japan: 'JPY',
  Malaysia: 'MYR',
  Mexico: 'MXN',
  'New Zealand': 'NZD',
  Norway: 'NOK',
  Singapore: 'SGD',
  'South Africa': 'ZAR',
  'South Korea': 'KRW',
  Sweden: 'SEK',
  Switzerland: 'CHF',
  Taiwan: 'TWD',
  Thailand: 'THB',
  Venezuela: 'VEF',
};

/**
 * Venezuela's series changes unit without saying so: bolívares fuertes (VEF) through 2017, then figures of the
 * hyperinflation and the 2018 and 2021 redenominations mixed together, then bolívares digitales (VED) from 2022.
 * Only the years whose unit is clear are used.
 */
const venezuelaYears = (year: number) => (year <= 2017 ? 'VEF' : year >= 2022 ? 'VED' : null);

export interface MoneyTables {
  /** currency -> year -> units per USD */
  rates: Map<string, Map<number, number>>;
  /** year -> annual average CPI-U */
  cpi: Map<number, number>;
}

/** Reads the two reference files (or the given texts); throws naming the file and line of a malformed row. */
export function loadMoneyTables(
  ratesCsv = readFileSync(join(repoRoot, 'data', 'reference', 'exchange-rates-annual.csv'), 'utf8'),
  cpiCsv = readFileSync(join(repoRoot, 'data', 'reference', 'cpi-u-monthly.csv'), 'utf8'),
): MoneyTables {
  const rates = new Map<string, Map<number, number>>();
  ratesCsv
    .split(/\r?\n/)
    .slice(1)
    .forEach((line, i) => {
      if (!line.trim()) return;
      const [date, series, value] = line.split(',');
      const year = Number(date?.slice(0, 4));
      const rate = Number(value);
      if (!Number.isInteger(year) || !(rate > 0) || !series)
        throw new Error(
          `exchange-rates-annual.csv line ${i + 2}: expected Date,Country,Exchange rate, got "${line}"`,
        );
      const currency = series === 'Venezuela' ? venezuelaYears(year) : seriesCurrency[series];
      if (!currency) return;
      const byYear = rates.get(currency) ?? new Map<number, number>();
      byYear.set(year, rate);
      rates.set(currency, byYear);
    });
  const months = new Map<number, number[]>();
  cpiCsv
    .split(/\r?\n/)
    .slice(1)
    .forEach((line, i) => {
      if (!line.trim()) return;
      const [date, index] = line.split(',');
      const year = Number(date?.slice(0, 4));
      const value = Number(index);
      if (!Number.isInteger(year) || !(value > 0))
        throw new Error(`cpi-u-monthly.csv line ${i + 2}: expected Date,Index,Inflation, got "${line}"`);
      months.set(year, [...(months.get(year) ?? []), value]);
    });
  const cpi = new Map<number, number>();
  for (const [year, values] of months)
    if (values.length === 12) cpi.set(year, values.reduce((a, b) => a + b, 0) / 12);
  return { rates, cpi };
}

let tables: MoneyTables | undefined;
/** The bundled tables, read once. */
export const moneyTables = () => (tables ??= loadMoneyTables());

/** An amount as a source states it: in a currency, of a year's prices, or in constant USD of a base year. */
export interface Money {
  amount: number;
  currency: string;
  /** the year the amount is stated for (the claim's time), or null when unknown */
  year: number | null;
  /** set when the amount is already in constant USD of this year's prices (GCDF: 2021) */
  constantBase?: number | null;
}

/** An amount in original, nominal USD and constant USD, with why a conversion is unavailable. */
export interface Converted {
  original: { amount: number; currency: string; year: number | null; constantBase: number | null };
  nominalUsd: number | null;
  constantUsd: number | null;
  base: number;
  /** why nominalUsd or constantUsd is null; null when both are there */
  unavailable: string | null;
}

/** Converts an amount to nominal USD of its year and constant USD of `base` (default 2021, GCDF 3.0's base). */
export function convert(money: Money, base = 2021, t: MoneyTables = moneyTables()): Converted {
  const original = {
    amount: money.amount,
    currency: money.currency,
    year: money.year,
    constantBase: money.constantBase ?? null,
  };
  const result = (nominalUsd: number | null, constantUsd: number | null, unavailable: string | null) => ({
    original,
    nominalUsd,
    constantUsd,
    base,
    unavailable,
  });
  const cpiBase = t.cpi.get(base);
  if (cpiBase === undefined) return result(null, null, `no CPI-U for the base year ${base}`);
  if (money.constantBase != null) {
    if (money.currency !== 'USD') return result(null, null, `constant amounts are read in USD only`);
    const cpiFrom = t.cpi.get(money.constantBase);
    if (cpiFrom === undefined) return result(null, null, `no CPI-U for ${money.constantBase}`);
    const constantUsd = (money.amount * cpiBase) / cpiFrom;
    if (money.year === null)
      return result(null, constantUsd, 'the year is not known, so the nominal amount is not');
    const cpiYear = t.cpi.get(money.year);
    if (cpiYear === undefined) return result(null, constantUsd, `no CPI-U for ${money.year}`);
    return result((money.amount * cpiYear) / cpiFrom, constantUsd, null);
  }
  if (money.year === null)
    return result(
      money.currency === 'USD' ? money.amount : null,
      null,
      money.currency === 'USD'
        ? 'the year is not known, so the constant amount is not'
        : 'the year is not known, so no exchange rate applies',
    );
  let nominalUsd: number;
  if (money.currency === 'USD') nominalUsd = money.amount;
  else {
    const rate = t.rates.get(money.currency)?.get(money.year);
    if (rate === undefined)
      return result(null, null, `no ${money.currency} exchange rate for ${money.year} in the reference data`);
    nominalUsd = money.amount / rate;
  }
  const cpiYear = t.cpi.get(money.year);
  if (cpiYear === undefined) return result(nominalUsd, null, `no CPI-U for ${money.year}`);
  return result(nominalUsd, (nominalUsd * cpiBase) / cpiYear, null);
}

/** The year of a claim time ("2019-03", "2019/2022" -> its end), or null. */
export function yearOf(time: string | null): number | null {
  if (!time) return null;
  const years = time.match(/\d{4}/g);
  const last = years?.at(-1);
  return last ? Number(last) : null;
}
