import { describe, expect, it } from 'vitest';
import type { ClaimInput } from './reconcile.js';
import { seriesBrief, timeSeries } from './series.js';

let n = 0;
/** A claim of `amount` in `unit` for `time`, from source `sourceId` published on `publishedAt`. */
const claim = (
  amount: number,
  unit: string,
  time: string | null,
  sourceId: string,
  publishedAt = '2024-01-01',
  property = 'capacity',
): ClaimInput => ({
  id: `c${++n}`,
  property,
  value: { kind: 'quantity', amount, unit, currency: null },
  qualifier: null,
  time,
  quote: `${amount} ${unit}`,
  start: 0,
  end: 5,
  originKind: 'extractor',
  originName: 'test',
  reviewState: 'proposed',
  source: {
    id: sourceId,
    title: sourceId,
    uri: `${sourceId}.txt`,
    publishedAt,
    ingestedAt: '2024-06-01T00:00:00Z',
  },
});

describe('time series', () => {
  it('reconciles each time on its own: the newer source wins at 2022, and 2022 alone is a conflict', () => {
    const series = timeSeries([
      claim(363, 'MW', '2019', 's1'),
      claim(1400, 'MW', '2022', 's1'),
      claim(1200, 'MW', '2022', 's2', '2025-03-01'),
      claim(4, 'multiple', '2019/2022', 's1', '2024-01-01', 'growth_multiple'),
    ]);
    const capacity = series.find((s) => s.unit === 'MW');
    expect(capacity?.claims).toBe(3);
    expect(capacity?.points.map((p) => [p.time, p.values.map((v) => v.value), p.conflict])).toEqual([
      ['2019', [{ kind: 'quantity', amount: 363, unit: 'MW', currency: null }], false],
      [
        '2022',
        [
          { kind: 'quantity', amount: 1200, unit: 'MW', currency: null },
          { kind: 'quantity', amount: 1400, unit: 'MW', currency: null },
        ],
        true,
      ],
    ]);
    expect(seriesBrief(series)).toEqual({
      unit: 'MW',
      latest: { time: '2022', amount: 1200, unit: 'MW', qualifier: null },
      points: [
        { time: '2019', amount: 363 },
        { time: '2022', amount: 1200 },
      ],
      conflicts: 1,
    });
  });

  it('takes the series with the most claims as the main one, and has no brief without a quantity', () => {
    const series = timeSeries([
      claim(5, 'count', null, 's1'),
      claim(7, 'percent', '2020', 's1', '2024-01-01', 'share'),
      claim(8, 'percent', '2021', 's2', '2024-01-01', 'share'),
    ]);
    // The value without a time is kept in the series but left out of the sparkline.
    expect(seriesBrief(series)).toMatchObject({ unit: 'percent', latest: { time: '2021', amount: 8 } });
    expect(seriesBrief(timeSeries([claim(5, 'count', null, 's1')]))).toMatchObject({
      unit: 'count',
      latest: { time: null, amount: 5 },
      points: [],
    });
    expect(seriesBrief([])).toEqual({ unit: null, latest: null, points: [], conflicts: 0 });
  });
});
