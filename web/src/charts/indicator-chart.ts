import * as Plot from '@observablehq/plot';
import { readyForPage } from './plot-node';
import type { IndicatorDetail } from '../api';

/** One reported value of an indicator, as a chart row: when, how much, who said it. */
export interface ReportedValue {
  date: Date;
  time: string;
  amount: number;
  source: string;
  preferred: boolean;
  conflict: boolean;
}

/** The date a time or period of the API stands at on a time axis: its start, or a period's end. */
export function timeToDate(time: string): Date | null {
  const last = time.split('/').pop() ?? '';
  const m = /^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?/.exec(last);
  if (!m) return null;
  return new Date(Date.UTC(Number(m[1]), Number(m[2] ?? 1) - 1, Number(m[3] ?? 1)));
}

/** Every reported value of a series, one row per value and source (preferred values first at each time). */
export function reportedValues(series: IndicatorDetail['series'][number]): ReportedValue[] {
  return series.points.flatMap((point) => {
    const date = timeToDate(point.time);
    if (!date) return [];
    return point.values.flatMap((v, i) =>
      v.value.amount === undefined
        ? []
        : v.claims.map((c) => ({
            date,
            time: point.time,
            amount: v.value.amount ?? 0,
            source: c.title ?? c.uri,
            preferred: i === 0,
            conflict: point.conflict,
          })),
    );
  });
}

export interface ChartOptions {
  /** the document to build the SVG in (the page's, or a server-side one for tests) */
  document?: Document;
  width?: number;
  locale?: string;
  /** the y axis label, with its unit */
  label?: string;
}

/**
 * A chart of an indicator series (Observable Plot): a line through the preferred value at each time and a dot
 * for every value any source reported, coloured by source, so disagreements show as dots off the line.
 */
export function indicatorChart(
  rows: ReportedValue[],
  options: ChartOptions = {},
): SVGSVGElement | HTMLElement {
  const preferred = rows.filter((r) => r.preferred);
  const locale = options.locale ?? 'en';
  const number = new Intl.NumberFormat(locale, { notation: 'compact', maximumFractionDigits: 1 });
  const exact = new Intl.NumberFormat(locale, { maximumFractionDigits: 2 });
  return readyForPage(
    Plot.plot({
      document: options.document,
      className: 'plot',
      width: options.width ?? 640,
      height: 280,
      marginLeft: 56,
      style: { fontSize: '12px', background: 'transparent' },
      x: { type: 'utc', label: null, ticks: 'year', tickFormat: '%Y' },
      y: {
        grid: true,
        zero: true,
        label: options.label ?? null,
        tickFormat: (d: number) => number.format(d),
      },
      color: { legend: true, type: 'categorical' },
      marks: [
        Plot.ruleY([0]),
        Plot.line(preferred, { x: 'date', y: 'amount', stroke: '#5b6475', strokeWidth: 1.5 }),
        Plot.dot(rows, {
          x: 'date',
          y: 'amount',
          fill: 'source',
          r: 5,
          stroke: 'white',
          title: (r: ReportedValue) => `${r.time}: ${exact.format(r.amount)} (${r.source})`,
        }),
        Plot.text(preferred, {
          x: 'date',
          y: 'amount',
          text: (r: ReportedValue) => number.format(r.amount),
          dy: -12,
          fill: 'currentColor',
        }),
      ],
    }),
  );
}
