import { expect, it } from 'vitest';
import { describeEachBackend } from '../../test/helpers/backends.js';
import { seedDocument, textDocument } from '../../test/helpers/documents.js';
import { storeDocument } from '../pipeline/store-document.js';
import { createApp } from './app.js';
import { IndicatorRecord, IndicatorSummary, PageOf } from './schemas.js';

const pv = 'indicator:solar-pv-capacity:cn:lac';

describeEachBackend('indicators', (store) => {
  it('lists each indicator with its main series in brief: unit, latest, sparkline points, conflicts', async () => {
    const { db } = store();
    const seed = await storeDocument(db, seedDocument('000_c73c21d3761c4f3d.txt'));
    const other = await storeDocument(
      db,
      textDocument(
        'Sun.\n\nBy 2022, the photovoltaic power capacity invested by Chinese companies in Latin America had reached 1.2 GW, the agency said.',
        'https://example.org/agency.txt',
      ),
    );
    const app = createApp(store(), { webRoot: '/nonexistent' });
    const list = PageOf(IndicatorSummary).parse(
      await (await app.request('/api/v1/indicators?limit=500')).json(),
    );
    const solar = list.items.find((i) => i.id === pv);
    // The seed's figure came first and neither source is newer: it stays preferred, and 2022 is disputed.
    expect(solar).toMatchObject({
      unit: 'MW',
      claims: 4,
      sources: 2,
      latest: { time: '2022', amount: 1400, unit: 'MW', qualifier: null },
      points: [
        { time: '2019', amount: 363 },
        { time: '2022', amount: 1400 },
      ],
      conflicts: 1,
    });
    const wind = list.items.find((i) => i.id === 'indicator:wind-capacity:cn:world');
    expect(wind).toMatchObject({ unit: 'MW', conflicts: 0, sources: 1 });
    expect(wind?.points.map((p) => p.amount)).toEqual([1600, 3200]);

    // The detail: every value reported for 2022, each with the claim and source stating it.
    const detail = IndicatorRecord.parse(await (await app.request(`/api/v1/indicators/${pv}`)).json());
    const capacity = detail.series.find((s) => s.property === 'capacity' && s.unit === 'MW');
    const y2022 = capacity?.points.find((p) => p.time === '2022');
    expect(y2022?.conflict).toBe(true);
    const bySource = (y2022?.values ?? []).map((v) => [
      v.value.kind === 'quantity' ? v.value.amount : null,
      v.claims.map((c) => [c.sourceId, c.uri, c.quote]),
    ]);
    expect(bySource).toEqual([
      [1400, [[seed.sourceId, 'data/samples/000_c73c21d3761c4f3d.txt', '1.4 GW']]],
      [1200, [[other.sourceId, 'https://example.org/agency.txt', '1.2 GW']]],
    ]);
    for (const v of y2022?.values ?? []) for (const c of v.claims) expect(c.claimId).toMatch(/^c_/);
    expect(detail).toMatchObject({ unit: 'MW', conflicts: 1, latest: { amount: 1400 } });
  });
});
