import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { describeEachBackend } from '../../test/helpers/backends.js';
import { textDocument } from '../../test/helpers/documents.js';
import { createApp } from '../api/app.js';
import { storeDocument } from '../pipeline/store-document.js';
import { dataDir } from '../reference/paths.js';
import { projectKey } from '../pipeline/to-domain.js';

interface Project {
  id: string;
  conflicts: number;
  properties: {
    property: string;
    conflict: boolean;
    preferred: { value: { amount: number }; claims: { sourceId: string; quote: string }[] };
    alternatives: { value: { amount: number }; claims: { sourceId: string; quote: string }[] }[];
  }[];
}

it('gives one key to a project named in two languages and two word orders', () => {
  expect(projectKey('Chancay Port')).toBe('port:chancay');
  expect(projectKey('puerto de Chancay')).toBe('port:chancay');
  expect(projectKey('megapuerto de Chancay')).toBe('port:chancay');
  expect(projectKey('Port of Chancay')).toBe('port:chancay');
  expect(projectKey('Eloy Alfaro International Airport')).toBe('airport:alfaro-eloy-international');
  expect(projectKey('the project')).toBeNull();
});

describeEachBackend('reconciled projects and indicators', (store) => {
  it('shows two investment figures for Chancay from two articles, with sources and a conflict', async () => {
    const { db } = store();
    const first = await storeDocument(
      db,
      textDocument(
        'Lima, 10 oct. El puerto de Chancay, al norte de Lima, avanza. El puerto de Chancay tendrá una inversión de 1.300 millones de dólares, según el ministerio.',
        'efe.txt',
      ),
    );
    const second = await storeDocument(
      db,
      textDocument(
        'The Chancay Port opened on Thursday. The Chancay Port required an investment of US$3.5 billion, Cosco Shipping said.',
        'wire.txt',
      ),
    );
    if (first.status !== 'ingested' || second.status !== 'ingested') throw new Error('not ingested');
    const app = createApp(store(), { webRoot: '/nonexistent' });
    const project = (await (await app.request('/api/v1/projects/project:port:chancay')).json()) as Project;
    expect(project.conflicts).toBeGreaterThanOrEqual(1);
    const investment = project.properties.find((p) => p.property === 'investment');
    expect(investment?.conflict).toBe(true);
    const values = [investment?.preferred, ...(investment?.alternatives ?? [])]
      .map((v) => v?.value.amount)
      .sort();
    expect(values).toEqual([1.3e9, 3.5e9]);
    const sources = [investment?.preferred, ...(investment?.alternatives ?? [])].map(
      (v) => v?.claims[0]?.sourceId,
    );
    expect(new Set(sources)).toEqual(new Set([first.sourceId, second.sourceId]));
    const list = (await (await app.request('/api/v1/projects?q=chancay')).json()) as {
      items: { id: string; conflicts: number }[];
    };
    expect(list.items.find((p) => p.id === 'project:port:chancay')?.conflicts).toBeGreaterThanOrEqual(1);
    // Found by the name either document gives it, in either language.
    for (const name of ['puerto de Chancay', 'Chancay Port']) {
      const found = (await (await app.request(`/api/v1/projects?q=${encodeURIComponent(name)}`)).json()) as {
        items: { id: string }[];
      };
      expect(found.items.map((p) => p.id)).toContain('project:port:chancay');
    }
  });

  it('links a project named without its kind word to the stored project of the same name', async () => {
    const { db } = store();
    await storeDocument(
      db,
      textDocument(
        'The Coca Codo Sinclair Dam is a hydroelectric dam in Ecuador built by Sinohydro.',
        'en.txt',
      ),
    );
    const es = await storeDocument(
      db,
      textDocument(
        'Coca Codo Sinclair es una planta hidroeléctrica de Ecuador. Coca Codo Sinclair costó 2.245 millones de dólares.',
        'es.txt',
      ),
    );
    if (es.status !== 'ingested') throw new Error('not ingested');
    const app = createApp(store(), { webRoot: '/nonexistent' });
    const project = (await (
      await app.request('/api/v1/projects/project:dam:coca-codo-sinclair')
    ).json()) as Project;
    expect(project.id).toBe('project:dam:coca-codo-sinclair');
    const missing = await app.request('/api/v1/projects/project:work:coca-codo-sinclair');
    expect(missing.status).toBe(404);
  });

  it('makes the PV capacity of seed 000 a time series with 2019 and 2022 points', async () => {
    const text = readFileSync(join(dataDir, 'samples', '000_c73c21d3761c4f3d.txt'), 'utf8');
    await storeDocument(store().db, textDocument(text, '000.txt'));
    const app = createApp(store(), { webRoot: '/nonexistent' });
    const list = (await (await app.request('/api/v1/indicators')).json()) as {
      items: { id: string; name: string }[];
    };
    const pv = list.items.find((i) => i.id === 'indicator:solar-pv-capacity:cn:lac');
    expect(pv?.name).toBe('China-invested solar PV capacity in Latin America and the Caribbean');
    const detail = (await (await app.request(`/api/v1/indicators/${pv?.id ?? ''}`)).json()) as {
      series: {
        property: string;
        unit: string;
        points: { time: string; values: { value: { amount: number } }[] }[];
      }[];
    };
    const capacity = detail.series.find((s) => s.property === 'capacity' && s.unit === 'MW');
    expect(capacity?.points.map((p) => [p.time, p.values[0]?.value.amount])).toEqual([
      ['2019', 363],
      ['2022', 1400],
    ]);
  });
});
