import { reconcile, type ClaimInput, type ValueView } from './reconcile.js';

/** One point of a time series: a time, every value reported for it (the one preferred at that time first). */
export interface SeriesPoint {
  time: string | null;
  values: ValueView[];
  /** two sources state different values for this time */
  conflict: boolean;
}

/** The values of one property and unit over time (capacity in MW, investment in USD...). */
export interface Series {
  property: string;
  unit: string | null;
  /** how many claims the series holds (rejected ones left out) */
  claims: number;
  points: SeriesPoint[];
}

/** A series in brief, for a list: its unit, its latest value, one preferred amount per time, its conflicts. */
export interface SeriesBrief {
  unit: string | null;
  latest: { time: string | null; amount: number; unit: string; qualifier: string | null } | null;
  points: { time: string; amount: number }[];
  conflicts: number;
}

const amountOf = (v: ValueView | undefined) => (v?.value.kind === 'quantity' ? v.value.amount : null);

/**
 * The claims as time series, one per property and unit, times in order. Each time's claims are reconciled on
 * their own, so a point's first value is the one the rule of `reconcile` prefers at that time, and its conflict
 * is a disagreement at that time (values for different times are a series, not a conflict).
 */
export function timeSeries(claims: ClaimInput[]): Series[] {
  const byTime = new Map<string, ClaimInput[]>();
  for (const c of claims) byTime.set(c.time ?? '', [...(byTime.get(c.time ?? '') ?? []), c]);
  const series = new Map<string, Series>();
  for (const [time, group] of [...byTime].sort(([a], [b]) => a.localeCompare(b)))
    for (const view of reconcile(group)) {
      const key = `${view.property}\u001f${view.unit ?? ''}`;
      const values = [view.preferred, ...view.alternatives];
      const one = series.get(key) ?? { property: view.property, unit: view.unit, claims: 0, points: [] };
      one.claims += values.reduce((n, v) => n + v.claims.length, 0);
      one.points.push({ time: time || null, values, conflict: view.conflict });
      series.set(key, one);
    }
  return [...series.values()];
}

/** The main series: the quantity series with the most claims (the first of equals), or undefined. */
export const mainSeries = (series: Series[]): Series | undefined =>
  series
    .filter((s) => s.unit !== null)
    .reduce<Series | undefined>((best, s) => (!best || s.claims > best.claims ? s : best), undefined);

/**
 * The main series in brief: one point per time with the amount preferred then (points without a time left
 * out), the latest (the last time, else the value without a time), and how many times have conflicting values.
 */
export function seriesBrief(series: Series[]): SeriesBrief {
  const main = mainSeries(series);
  if (!main?.unit) return { unit: null, latest: null, points: [], conflicts: 0 };
  const points = main.points.flatMap((p) => {
    const amount = amountOf(p.values[0]);
    return p.time !== null && amount !== null ? [{ time: p.time, amount }] : [];
  });
  const last = main.points.at(-1);
  const amount = amountOf(last?.values[0]);
  return {
    unit: main.unit,
    latest:
      last && amount !== null
        ? { time: last.time, amount, unit: main.unit, qualifier: last.values[0]?.qualifier ?? null }
        : null,
    points,
    conflicts: main.points.filter((p) => p.conflict).length,
  };
}
