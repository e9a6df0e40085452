import * as Plot from '@observablehq/plot';
import { readyForPage } from './plot-node';
import type { ChartOptions } from './indicator-chart';

/** A year's total: how many projects and their amount in constant 2021 USD. */
export interface YearTotal {
  year: number;
  amount: number;
  count: number;
}

/** The years from the first to the last, those without projects as zero, so the axis keeps time's spacing. */
export function everyYear(rows: YearTotal[]): YearTotal[] {
  if (rows.length === 0) return [];
  const byYear = new Map(rows.map((r) => [r.year, r]));
  const years = rows.map((r) => r.year);
  const filled: YearTotal[] = [];
  for (let year = Math.min(...years); year <= Math.max(...years); year++)
    filled.push(byYear.get(year) ?? { year, amount: 0, count: 0 });
  return filled;
}

/** Bars of a country's project amounts by commitment year (Observable Plot); every year labelled up to 12. */
export function totalsChart(given: YearTotal[], options: ChartOptions = {}): SVGSVGElement | HTMLElement {
  const rows = everyYear(given);
  const labelEvery = rows.length <= 12 ? 1 : rows.length <= 30 ? 5 : 10;
  const number = new Intl.NumberFormat(options.locale ?? 'en', {
    notation: 'compact',
    maximumFractionDigits: 1,
  });
  return readyForPage(
    Plot.plot({
      document: options.document,
      className: 'plot',
      width: options.width ?? 640,
      height: 240,
      marginLeft: 56,
      style: { fontSize: '12px', background: 'transparent' },
      x: {
        label: null,
        type: 'band',
        domain: rows.map((r) => r.year),
        tickFormat: (d: number) => (d % labelEvery === 0 ? String(d) : ''),
      },
      y: { grid: true, label: options.label ?? null, tickFormat: (d: number) => number.format(d) },
      marks: [
        Plot.barY(
          rows.filter((r) => r.count > 0),
          {
            x: 'year',
            y: 'amount',
            fill: '#0b5cad',
            title: (r: YearTotal) => `${r.year}: ${number.format(r.amount)} USD (${r.count})`,
          },
        ),
        Plot.ruleY([0]),
      ],
    }),
  );
}
