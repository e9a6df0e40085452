import * as Plot from '@observablehq/plot';
import { readyForPage } from './plot-node';
import type { ChartOptions } from './indicator-chart';

/** A year's total: how many projects and their amount in constant 2021 USD. */
export interface YearTotal {
  year: number;
  amount: number;
  count: number;
}

/** Bars of a country's project amounts by commitment year (Observable Plot). */
export function totalsChart(rows: YearTotal[], options: ChartOptions = {}): SVGSVGElement | HTMLElement {
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
      x: { label: null, type: 'band', tickFormat: (d: number) => (d % 5 === 0 ? String(d) : '') },
      y: { grid: true, label: options.label ?? null, tickFormat: (d: number) => number.format(d) },
      marks: [
        Plot.barY(rows, {
          x: 'year',
          y: 'amount',
          fill: '#0b5cad',
          title: (r: YearTotal) => `${r.year}: ${number.format(r.amount)} USD (${r.count})`,
        }),
        Plot.ruleY([0]),
      ],
    }),
  );
}
