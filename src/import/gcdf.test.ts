import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { expect, it } from 'vitest';
import { describeEachBackend } from '../../test/helpers/backends.js';
import { bundledGcdf as bundled, gcdfFolder, gcdfRows as rows } from '../../test/helpers/gcdf.js';
import { createApp } from '../api/app.js';
import { importGcdf } from './gcdf.js';

/** A folder with the first `n` records of the bundled file, and optionally one broken record. */
function subset(n: number, broken = false) {
  const chosen = rows.slice(0, n);
  if (broken)
    chosen.splice(2, 0, { ...rows[0], aiddata_record_id: 'x12', amount_constant_usd_2021: 'lots' } as never);
  return gcdfFolder(chosen);
}

interface ProjectList {
  total: number;
  amountUsd2021: number;
  datasetAmountUsd2021: number;
  items: { id: string; countries: string[]; amount: { value: number } | null; location: unknown }[];
  next: string | null;
}

describeEachBackend('GCDF 3.0 import', (store) => {
  it('imports records as projects with dataset claims, goes on past a bad record, and is idempotent', async () => {
    const dir = subset(40, true);
    const results = await importGcdf(store().db, dir);
    expect(results).toHaveLength(41);
    const failed = results.filter((r) => r.status === 'failed');
    expect(failed).toHaveLength(1);
    expect(failed[0]).toMatchObject({ row: 4, record: 'x12' });
    expect(failed[0]?.status === 'failed' && failed[0].message).toMatch(/aiddata_record_id "x12"/);
    const app = createApp(store(), { webRoot: '/nonexistent' });
    const list = (await (await app.request('/api/v1/projects?limit=500')).json()) as ProjectList;
    expect(list.total).toBe(40);
    // The second record: the first, 34840, is left unlocated (its point is in the wrong country, see below).
    const first = rows[1] as Record<string, string>;
    const detail = (await (
      await app.request(`/api/v1/projects/project:gcdf-${first.aiddata_record_id}`)
    ).json()) as {
      amount: { value: number; constantBase: number } | null;
      sector: string;
      location: { precision: string; latitude: number };
      properties: {
        property: string;
        preferred: { claims: { quote: string; origin: string; uri: string }[] };
      }[];
    };
    expect(detail.sector).toBe(first.sector_name);
    expect(detail.location).toMatchObject({ precision: 'adm1', latitude: Number(first.latitude) });
    expect(detail.amount?.value).toBeCloseTo(Number(first.amount_constant_usd_2021), 1);
    expect(detail.amount?.constantBase).toBe(2021);
    const commitment = detail.properties.find((p) => p.property === 'commitment');
    expect(commitment?.preferred.claims[0]).toMatchObject({
      origin: 'import:gcdf-3.0',
      uri: `https://china.aiddata.org/projects/${first.aiddata_record_id}/`,
    });
    expect(commitment?.preferred.claims[0]?.quote).toMatch(/^Amount: USD [\d,.]+ \(constant 2021 USD\)\.$/);
    // Constant dollars in another year's prices on request.
    const in2024 = (await (
      await app.request(`/api/v1/projects/project:gcdf-${first.aiddata_record_id}?base=2024`)
    ).json()) as {
      properties: { property: string; preferred: { money: { base: number; constantUsd: number } } }[];
    };
    const money = in2024.properties.find((p) => p.property === 'commitment')?.preferred.money;
    expect(money?.base).toBe(2024);
    expect(money?.constantUsd).toBeGreaterThan(Number(first.amount_constant_usd_2021) * 1.1);
    expect(
      (await app.request(`/api/v1/projects/project:gcdf-${first.aiddata_record_id}?base=1800`)).status,
    ).toBe(400);
    // Records are sources of their own kind, listed apart from documents.
    const count = async (query: string) =>
      ((await (await app.request(`/api/v1/sources${query}`)).json()) as { total: number }).total;
    expect([await count('?kind=dataset'), await count('?kind=document'), await count('')]).toEqual([
      40, 0, 40,
    ]);
    expect((await app.request('/api/v1/sources?kind=other')).status).toBe(400);
    const again = await importGcdf(store().db, dir);
    expect(again.filter((r) => r.status === 'unchanged')).toHaveLength(40);
  });

  it('leaves a project unlocated when its point lies outside the region its record is for, and says why', async () => {
    const record = (id: string) => {
      const row = rows.find((r) => r.aiddata_record_id === id);
      if (!row) throw new Error(`no bundled record ${id}`);
      return row;
    };
    const [peru, another] = rows.filter((r) => r.recipient_iso3 === 'PER');
    if (!peru || !another) throw new Error('no two Peruvian records');
    const chosen = [
      // Schools in Angola's Huíla province, which AidData's geocoding put on Huila, Colombia (AGO|COL).
      record('34840'),
      // Masks for cities in the Philippines, its point there; Santiago City also matched Chile's capital region.
      record('96211'),
      // Cameras for La Paz, Bolivia, with a namesake in Spain too (BOL|ESP): its text names Bolivia, so it stays.
      record('36121'),
      peru,
      // A Peruvian record whose point is in Madrid: outside Peru, its only recipient.
      { ...another, latitude: '40.4168', longitude: '-3.7038' },
    ];
    const results = await importGcdf(store().db, gcdfFolder(chosen));
    const leftOut = new Map(
      results.map((r) => [r.record, r.status === 'failed' ? r.message : r.pointLeftOut]),
    );
    expect(leftOut.get('34840')).toBe(
      'its places lie in Angola and Colombia, and its text never names Colombia, where its point (2.571, -75.58578) lies',
    );
    expect(leftOut.get('96211')).toBe(
      'its point (17.35536, 121.03897) lies outside Chile, its recipient in Latin America and the Caribbean',
    );
    expect(leftOut.get(another.aiddata_record_id ?? '')).toMatch(
      /^its point \(40\.4168, -3\.7038\) lies outside Peru,/,
    );
    expect(leftOut.get('36121')).toBeNull();
    expect(leftOut.get(peru.aiddata_record_id ?? '')).toBeNull();
    const app = createApp(store(), { webRoot: '/nonexistent' });
    const points = (await (await app.request('/api/v1/projects/points')).json()) as {
      items: { id: string }[];
      unlocated: number;
    };
    expect(points.items.map((p) => p.id).sort()).toEqual(
      ['project:gcdf-36121', `project:gcdf-${peru.aiddata_record_id}`].sort(),
    );
    expect(points.unlocated).toBe(3);
    const angola = (await (await app.request('/api/v1/projects/project:gcdf-34840')).json()) as {
      location: unknown;
    };
    expect(angola.location).toBeNull();
  });

  it('reads the funder a title names as the lender or donor of its project, resolved to the registry', async () => {
    const first = (pattern: RegExp) => {
      const row = rows.find((r) => pattern.test(r.title ?? ''));
      if (!row) throw new Error(`no bundled record titled ${String(pattern)}`);
      return row;
    };
    const chosen = {
      exim: first(/^China Eximbank provides \$[\d.]+ million buyer's credit loan/),
      icbc: first(/^ICBC contributes \$/),
      grant: first(/^Chinese Government provides RMB [\d.]+ million grant/),
      embassy: first(/^Chinese Embassy in [A-Z][a-z]+ (?:grants|donates)/),
      china: first(/^China donates \d+ vehicles/),
    };
    await importGcdf(store().db, gcdfFolder(Object.values(chosen)));
    const app = createApp(store(), { webRoot: '/nonexistent' });
    interface Detail {
      participants: { entityId: string | null; name: string; role: string; chinese: boolean }[];
      properties: {
        property: string;
        preferred: { claims: { quote: string; start: number; origin: string }[] };
      }[];
    }
    const detail = async (row: Record<string, string>) =>
      (await (await app.request(`/api/v1/projects/project:gcdf-${row.aiddata_record_id}`)).json()) as Detail;
    const expected: [keyof typeof chosen, string, string, string][] = [
      ['exim', 'lender', 'org:cexim', 'Export-Import Bank of China'],
      ['icbc', 'lender', 'org:icbc', 'Industrial and Commercial Bank of China'],
      ['grant', 'donor', 'country:CN', 'China'],
      ['embassy', 'donor', 'country:CN', 'China'],
      ['china', 'donor', 'country:CN', 'China'],
    ];
    for (const [key, role, entityId, name] of expected) {
      const row = chosen[key];
      const got = await detail(row);
      expect(got.participants, key).toContainEqual({ entityId, name, role, chinese: true });
      // The evidence is the title's own words, from its first character (the title is the record's paragraph 0).
      const quote = got.properties
        .find((p) => p.property === role)
        ?.preferred.claims.find((c) => c.start === 0);
      expect(quote?.origin, key).toMatch(new RegExp(`^extractor:relation:${role}:`));
      expect(row.title?.startsWith(quote?.quote ?? '-'), key).toBe(true);
      expect(quote?.quote.length, key).toBeGreaterThan(10);
    }
    // Every one of them has a Chinese participant, and the facet names the registry entities.
    const list = (await (
      await app.request('/api/v1/projects?participant=chinese&facets=participant')
    ).json()) as {
      total: number;
      facets: { participant: { value: string; label?: string; count: number }[] };
    };
    expect(list.total).toBe(5);
    expect(list.facets.participant[0]).toMatchObject({ value: 'chinese', count: 5 });
    expect(list.facets.participant).toContainEqual({
      value: 'country:CN',
      label: 'China',
      chinese: true,
      count: 3,
    });
    expect(list.facets.participant).toContainEqual(
      expect.objectContaining({ value: 'org:cexim', label: 'Export-Import Bank of China' }),
    );
    const donors = (await (await app.request('/api/v1/projects?participant=country:CN')).json()) as {
      items: { id: string }[];
    };
    expect(donors.items.map((p) => p.id).sort()).toEqual(
      [chosen.grant, chosen.embassy, chosen.china].map((r) => `project:gcdf-${r.aiddata_record_id}`).sort(),
    );
  });
});

it('per-country sums of the whole bundled file match the source file within 0.1%', async () => {
  const { openTestStore } = await import('../../test/helpers/backends.js');
  const s = await openTestStore('sqlite');
  try {
    const results = await importGcdf(s.db, bundled);
    expect(results.filter((r) => r.status === 'failed')).toEqual([]);
    const app = createApp(s, { webRoot: '/nonexistent' });
    const all = (await (await app.request('/api/v1/projects?limit=1')).json()) as ProjectList;
    expect(all.total).toBe(rows.length);
    const expected = new Map<string, number>();
    for (const r of rows)
      for (const code of (r.recipient_iso3 ?? '').split('|'))
        expected.set(code, (expected.get(code) ?? 0) + Number(r.amount_constant_usd_2021 || 0));
    let checked = 0;
    for (const [code, sum] of expected) {
      const got = (await (
        await app.request(`/api/v1/projects?country=${code}&limit=1`)
      ).json()) as ProjectList;
      if (sum === 0) expect(got.datasetAmountUsd2021).toBe(0);
      else expect(Math.abs(got.datasetAmountUsd2021 - sum) / sum).toBeLessThan(0.001);
      checked++;
    }
    expect(checked).toBeGreaterThan(25);
    // Every record keeps its point but two, which lie outside the region they are recorded for.
    const points = (await (await app.request('/api/v1/projects/points')).json()) as { total: number };
    expect(points.total).toBe(rows.length - 2);
    expect(
      results.flatMap((r) => (r.status === 'ingested' && r.pointLeftOut ? [r.record] : [])).sort(),
    ).toEqual(['34840', '96211']);
    // alpha-2 codes work too, and an unknown code is a clear 400.
    const peru = (await (await app.request('/api/v1/projects?country=pe&limit=1')).json()) as ProjectList;
    expect(peru.datasetAmountUsd2021).toBeCloseTo(expected.get('PER') ?? -1, 0);
    const bad = await app.request('/api/v1/projects?country=XX');
    expect(bad.status).toBe(400);
    // How many records got a commitment year from their prose (reported in the note).
    expect(results.filter((r) => r.status === 'ingested' && r.commitmentYear).length).toBeGreaterThan(400);
    // Most records name their funder in the title ("China Eximbank provides", "Chinese Government grants"):
    // 971 of the 1,179 have a Chinese participant (49 did when only the descriptions' cue words gave them).
    const chinese = (await (
      await app.request('/api/v1/projects?participant=chinese&limit=1')
    ).json()) as ProjectList;
    expect(chinese.total).toBeGreaterThan(900);
  } finally {
    await s.close();
  }
});

describeEachBackend('project downloads', (store) => {
  it('gives the project list as CSV, XLSX and GeoJSON that parse back, with formulas neutralized', async () => {
    const chosen = rows
      .slice(0, 12)
      .map((r, i) => (i === 0 ? { ...r, title: `=HYPERLINK("http://x.example","y") ${r.title}` } : r));
    const dir = gcdfFolder(chosen);
    await importGcdf(store().db, dir);
    const app = createApp(store(), { webRoot: '/nonexistent' });
    const json = (await (await app.request('/api/v1/projects.json')).json()) as {
      items: { id: string }[];
      total: number;
    };
    expect(json.total).toBe(12);

    const csvResponse = await app.request(
      '/api/v1/projects.csv?sector=' + encodeURIComponent(chosen[0]?.sector_name ?? ''),
    );
    expect(csvResponse.headers.get('content-type')).toMatch(/^text\/csv/);
    const csv = parse(await csvResponse.text(), { columns: true }) as Record<string, string>[];
    expect(csv.length).toBe(chosen.filter((r) => r.sector_name === chosen[0]?.sector_name).length);
    const hostile = csv.find((r) => r.id === `project:gcdf-${chosen[0]?.aiddata_record_id}`);
    expect(hostile?.name?.startsWith(`'=HYPERLINK`)).toBe(true);

    const xlsxResponse = await app.request('/api/v1/projects.xlsx');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await xlsxResponse.arrayBuffer());
    const sheet = workbook.getWorksheet('projects');
    expect(sheet?.getRow(1).getCell(1).value).toBe('id');
    expect(sheet?.rowCount).toBe(13);
    const names = (sheet?.getColumn(2).values ?? []).map(String);
    expect(names.some((n) => n.startsWith(`'=HYPERLINK`))).toBe(true);
    // A number stays a number.
    const amountColumn = (sheet?.getRow(1).values as unknown[]).indexOf('amount_usd_2021');
    expect(sheet?.getColumn(amountColumn).values.some((v) => typeof v === 'number')).toBe(true);

    const geo = (await (await app.request('/api/v1/projects.geojson')).json()) as {
      type: string;
      features: { geometry: { type: string; coordinates: [number, number] }; properties: { id: string } }[];
    };
    expect(geo.type).toBe('FeatureCollection');
    // The file's first record, 34840, has a point but is left unlocated: it lies outside the region (see above).
    const located = chosen.filter((r) => r.latitude !== '' && r.aiddata_record_id !== '34840');
    expect(located).toHaveLength(11);
    expect(geo.features).toHaveLength(located.length);
    const firstPoint = geo.features.find(
      (f) => f.properties.id === `project:gcdf-${located[0]?.aiddata_record_id}`,
    );
    // RFC 7946: [longitude, latitude].
    expect(firstPoint?.geometry).toEqual({
      type: 'Point',
      coordinates: [Number(located[0]?.longitude), Number(located[0]?.latitude)],
    });
  });
});
