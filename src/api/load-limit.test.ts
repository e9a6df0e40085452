import { describe, expect, it, vi } from 'vitest';
import { describeEachBackend } from '../../test/helpers/backends.js';
import { seedDocument, seedFiles } from '../../test/helpers/documents.js';
import { storeDocument } from '../pipeline/store-document.js';
import type { Store } from '../store/connect.js';
import { apiRoutes, createApp, type AppOptions } from './app.js';
import { defaultLoadLimits, heavyKind, loadLimitsFrom } from './load-limit.js';

async function seeded(store: Store, load: AppOptions['load']) {
  for (const name of seedFiles) await storeDocument(store.db, seedDocument(name));
  return createApp(store, { webRoot: '/nonexistent', load });
}

describeEachBackend('load limits', (store) => {
  it('answers 503 busy at once while the downloads are full, light routes still answering; freed slots serve again', async () => {
    const app = await seeded(store(), { downloads: 2 });
    // Two downloads whose bodies nobody has read yet: both are still being answered, and hold the two slots.
    const held = [await app.request('/api/v1/claims.csv'), await app.request('/api/v1/entities.json')];
    expect(held.map((r) => r.status)).toEqual([200, 200]);
    for (const path of ['/api/v1/projects.csv', '/api/v1/claims.xlsx', '/api/v1/projects/points']) {
      const busy = await app.request(path);
      expect(busy.status, path).toBe(503);
      expect(busy.headers.get('retry-after'), path).toBe('5');
      expect(await busy.json(), path).toMatchObject({
        ok: false,
        error: { code: 'busy', hint: 'try again in 5 s' },
      });
    }
    expect((await app.request('/api/v1/health')).status).toBe(200);
    expect((await app.request('/api/v1/claims?limit=1')).status).toBe(200);
    // A revalidation still current is answered 304 without a slot.
    const tag = held[0]?.headers.get('etag') ?? '';
    expect((await app.request('/api/v1/claims.csv', { headers: { 'If-None-Match': tag } })).status).toBe(304);
    // Searches have a pool of their own.
    expect((await app.request('/api/v1/search?q=china')).status).toBe(200);

    // A body read to its end gives its slot back, and so does a cancelled one.
    expect((await held[0]?.text())?.split('\r\n')[0]).toMatch(/^id,source_id,/);
    const again = await app.request('/api/v1/projects.csv');
    expect(again.status).toBe(200);
    expect((await app.request('/api/v1/claims.csv')).status).toBe(503);
    await held[1]?.body?.cancel();
    await again.body?.cancel();
    const both = [await app.request('/api/v1/claims.csv'), await app.request('/api/v1/projects.geojson')];
    expect(both.map((r) => r.status)).toEqual([200, 200]);
    expect(JSON.parse((await both[1]?.text()) ?? '')).toMatchObject({ type: 'FeatureCollection' });
    await both[0]?.body?.cancel();
  });

  it('runs searches under their own limit', async () => {
    const app = await seeded(store(), { searches: 0 });
    const busy = await app.request('/api/v1/search?q=china');
    expect(busy.status).toBe(503);
    expect(busy.headers.get('retry-after')).toBe('1');
    expect(await busy.json()).toMatchObject({ error: { code: 'busy' } });
    expect((await app.request('/api/v1/claims.csv')).status).toBe(200);
  });

  it('cuts a download whose client stops reading, and gives its slot back', async () => {
    const app = await seeded(store(), { downloads: 1, stallMs: 1 });
    const stalled = await app.request('/api/v1/claims.csv');
    expect(stalled.status).toBe(200);
    // Nothing reads the body: after 1 ms without the client asking for more, the stream is cut.
    await vi.waitFor(
      async () => {
        const next = await app.request('/api/v1/entities.csv');
        await next.body?.cancel();
        expect(next.status).toBe(200);
      },
      { timeout: 20_000, interval: 5 },
    );
    await expect(stalled.text()).rejects.toThrow(/download stopped: the client took nothing/);
  });

  it('cuts a download that spends more than its work limit making rows', async () => {
    const app = await seeded(store(), { workMs: 0, pageSize: 1 });
    const res = await app.request('/api/v1/claims.csv');
    expect(res.status).toBe(200);
    await expect(res.text()).rejects.toThrow(/download stopped: making it took longer/);
    expect((await app.request('/api/v1/claims.csv')).status).toBe(200);
  });

  it('puts every download route and search under a limit', () => {
    const paths = apiRoutes(store()).specs.map((s) => `/api/v1${s.path}`);
    const downloads = paths.filter(
      (p) => /\.(json|csv|xlsx|geojson)$/.test(p) && !p.endsWith('openapi.json'),
    );
    expect(downloads.length).toBeGreaterThanOrEqual(11);
    for (const path of downloads) expect(heavyKind(path), path).toBe('downloads');
    expect(heavyKind('/api/v1/search')).toBe('searches');
    for (const light of [
      '/api/v1/health',
      '/api/v1/projects',
      '/api/v1/projects/project:x',
      '/api/v1/claims',
    ])
      expect(heavyKind(light), light).toBeNull();
  });
});

describe('loadLimitsFrom', () => {
  it('reads the options, else the environment, and refuses what is not a whole number from 1', () => {
    const env = { PUENTE_MAX_DOWNLOADS: '3', PUENTE_MAX_SEARCHES: '', PUENTE_DOWNLOAD_TIME_LIMIT: '60' };
    expect(loadLimitsFrom({}, env)).toEqual({ downloads: 3, downloadTimeMs: 60_000 });
    expect(loadLimitsFrom({ maxDownloads: '9', maxSearches: '2' }, env)).toEqual({
      downloads: 9,
      searches: 2,
      downloadTimeMs: 60_000,
    });
    expect(loadLimitsFrom({}, {})).toEqual({});
    expect(defaultLoadLimits('sqlite')).toMatchObject({ downloads: 4, searches: 4 });
    expect(defaultLoadLimits('postgres')).toMatchObject({ downloads: 8, searches: 16 });
    expect(() => loadLimitsFrom({ maxDownloads: '0' }, {})).toThrow('invalid --max-downloads "0"');
    expect(() => loadLimitsFrom({}, { PUENTE_MAX_SEARCHES: 'lots' })).toThrow(
      'invalid PUENTE_MAX_SEARCHES "lots"',
    );
    expect(() => loadLimitsFrom({ downloadTimeLimit: '1.5' }, {})).toThrow(
      expect.objectContaining({ code: 'bad_request', hint: 'give a whole number from 1' }),
    );
  });
});
