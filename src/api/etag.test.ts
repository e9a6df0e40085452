import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { describeEachBackend } from '../../test/helpers/backends.js';
import { seedDocument, seedFiles, textDocument } from '../../test/helpers/documents.js';
import { gcdfFolder, gcdfRows } from '../../test/helpers/gcdf.js';
import { importGcdf } from '../import/gcdf.js';
import { storeDocument } from '../pipeline/store-document.js';
import { seedRegistry } from '../reference/registry.js';
import { createRelease } from '../store/releases.js';
import { reviewClaim } from '../store/review.js';
import { createApp } from './app.js';
import { namesTag } from './etag.js';

// Tables that hold no served data: accounts, facts about the database, the version itself, and search indexes
// kept by triggers on tables that have the version's triggers.
const unserved = /^(meta|user_account|user_session|api_token|data_version.*|kysely_.*|\w+_fts.*|sqlite_.*)$/;

describeEachBackend('ETags', (store, backend) => {
  it('tags lists and downloads, answers 304 to a tag still current, and every kind of write changes it', async () => {
    const s = store();
    await storeDocument(s.db, seedDocument(seedFiles[0]));
    const app = createApp(s, { webRoot: '/nonexistent' });
    const paths = [
      '/api/v1/claims?limit=5',
      '/api/v1/claims.csv',
      '/api/v1/projects.json',
      '/api/v1/entities',
    ];
    const tags = async () => {
      const out: string[] = [];
      for (const path of paths) {
        const res = await app.request(path);
        expect(res.status, path).toBe(200);
        expect(res.headers.get('cache-control'), path).toBe('no-cache');
        await res.body?.cancel();
        out.push(res.headers.get('etag') ?? '');
      }
      return out;
    };
    // The first read recomputes the views of the projects the document touched: a write.
    await tags();
    const first = await tags();
    for (const tag of first) expect(tag).toMatch(/^W\/"[^"]+"$/);
    expect(new Set(first).size).toBe(paths.length);
    expect((await app.request('/api/v1/claims?limit=6')).headers.get('etag')).not.toBe(first[0]);
    // Reading again changes nothing.
    expect(await tags()).toEqual(first);
    const notModified = await app.request(paths[1] ?? '', { headers: { 'If-None-Match': first[1] ?? '' } });
    expect(notModified.status).toBe(304);
    expect(notModified.headers.get('etag')).toBe(first[1]);
    expect(await notModified.text()).toBe('');

    const claim = (
      (await (await app.request('/api/v1/claims?limit=1')).json()) as {
        items: { id: string; version: number }[];
      }
    ).items[0];
    const writes: [string, () => Promise<unknown>][] = [
      [
        'ingest',
        () => storeDocument(s.db, textDocument('China Eximbank lent $2 billion for the Lima metro.')),
      ],
      ['import', () => importGcdf(s.db, gcdfFolder(gcdfRows.slice(0, 1)))],
      [
        'review',
        () =>
          reviewClaim(s.db, claim?.id ?? '', 'accept', {
            actor: 'ed',
            version: claim?.version ?? 0,
            why: null,
          }),
      ],
      ['release', () => createRelease(s.db, 'r1', 'admin')],
      ['registry', () => seedRegistry(s.db)],
    ];
    let before = first;
    for (const [what, write] of writes) {
      await write();
      const after = await tags();
      for (const [i, tag] of after.entries()) expect(tag, `${what}: ${paths[i]}`).not.toBe(before[i]);
      const stale = await app.request(paths[0] ?? '', { headers: { 'If-None-Match': before[0] ?? '' } });
      expect(stale.status, what).toBe(200);
      // The first read after a write may recompute project views, a write too; after it, tags hold still.
      before = await tags();
      expect(await tags(), what).toEqual(before);
    }
  });

  it('raises the data version on a write to any table the API serves', async () => {
    const { db } = store();
    const tables = (await db.introspection.getTables()).map((t) => t.name).filter((t) => !unserved.test(t));
    expect(tables).toEqual(expect.arrayContaining(['claim', 'entity', 'source', 'project_view', 'release']));
    const triggered =
      backend === 'sqlite'
        ? await sql<{ t: string }>`select tbl_name as t from sqlite_master
            where type = 'trigger' and name like '%_data_version'`.execute(db)
        : await sql<{ t: string }>`select event_object_table as t from information_schema.triggers
            where trigger_name like '%_data_version'`.execute(db);
    const has = new Set(triggered.rows.map((r) => r.t));
    for (const table of tables) expect(has.has(table), table).toBe(true);
  });
});

describe('namesTag', () => {
  it('compares weakly, in lists and with *', () => {
    expect(namesTag('W/"a"', 'W/"a"')).toBe(true);
    expect(namesTag('"a"', 'W/"a"')).toBe(true);
    expect(namesTag('W/"b", W/"a"', 'W/"a"')).toBe(true);
    expect(namesTag('*', 'W/"a"')).toBe(true);
    expect(namesTag('W/"b"', 'W/"a"')).toBe(false);
    expect(namesTag(undefined, 'W/"a"')).toBe(false);
  });
});
