import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import type { IndicatorDetail } from '../api';
import pv from './fixtures/pv-capacity.json';
import { indicatorChart, reportedValues, timeToDate } from './indicator-chart';
import { sparkline } from './sparkline';
import { totalsChart } from './totals-chart';

const { document } = parseHTML('<!doctype html><html><body></body></html>');
const series = pv as unknown as IndicatorDetail['series'][number];

describe('indicator chart', () => {
  it('has a row per value and source, the preferred value first at each time', () => {
    const rows = reportedValues(series);
    expect(rows.map((r) => [r.time, r.amount, r.preferred, r.source])).toEqual([
      ['2019', 363, true, 'Chancay Port and China-LAC cooperation'],
      ['2022', 1400, true, 'Chancay Port and China-LAC cooperation'],
      ['2022', 1350, false, 'Solar in Latin America, a review'],
    ]);
    expect(timeToDate('2019/2022')?.toISOString()).toBe('2022-01-01T00:00:00.000Z');
    expect(timeToDate('2023-09')?.toISOString()).toBe('2023-09-01T00:00:00.000Z');
    expect(timeToDate('soon')).toBeNull();
  });

  it('draws every reported value as a dot and the preferred ones as a line (SVG snapshot)', async () => {
    const chart = indicatorChart(reportedValues(series), { document, label: 'Capacity (MW)' });
    const svg = chart.outerHTML;
    expect(chart.querySelectorAll('circle')).toHaveLength(3);
    expect(chart.querySelectorAll('style')).toHaveLength(0);
    expect(svg).toContain('Solar in Latin America, a review');
    await expect(svg).toMatchFileSnapshot('./__snapshots__/pv-capacity.svg');
  });

  it('formats the axis for the locale', () => {
    const chart = indicatorChart(reportedValues(series), { document, locale: 'es' });
    expect(chart.textContent).toMatch(/1,4\s*mil/);
    expect(chart.textContent).toContain('2022: 1350 (Solar in Latin America, a review)');
  });
});

describe('totals chart', () => {
  it('draws one bar per year with projects, on an axis of every year between (SVG snapshot)', async () => {
    const rows = [
      { year: 2010, amount: 3.2e9, count: 4 },
      { year: 2011, amount: 1.1e9, count: 3 },
      { year: 2015, amount: 0.4e9, count: 1 },
    ];
    const chart = totalsChart(rows, { document });
    expect(chart.querySelectorAll('rect')).toHaveLength(3);
    // Every year from the first to the last is on the axis, each labelled (the tick labels follow each other).
    expect(chart.textContent).toContain('201020112012201320142015');
    await expect(chart.outerHTML).toMatchFileSnapshot('./__snapshots__/totals.svg');
  });
});

describe('sparkline', () => {
  it('spans the box from the lowest to the highest value', () => {
    expect(sparkline([363, 1400], 120, 32)).toEqual({ path: 'M3,29L117,3', end: [117, 3] });
    expect(sparkline([5], 120, 32)).toEqual({ path: 'M3,16', end: [3, 16] });
    expect(sparkline([], 120, 32)).toEqual({ path: '', end: null });
  });
});
