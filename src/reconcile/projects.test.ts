import { expect, it } from 'vitest';
import { describeEachBackend } from '../../test/helpers/backends.js';
import { textDocument } from '../../test/helpers/documents.js';
import { storeDocument } from '../pipeline/store-document.js';
import { seedRegistry } from '../reference/registry.js';
import type { Store } from '../store/connect.js';
import { getProject } from '../store/projects.js';
import { mergeEntities, splitEntity } from '../store/review.js';
import { batchViews, refreshDirtyProjects } from './projects.js';

const article = (port: string) =>
  `The port of ${port} in Peru will cost $3.5 billion, COSCO Shipping said in 2024.`;

const views = async (s: Store) =>
  (await s.db.selectFrom('project_view').select('id').orderBy('id').execute()).map((r) => r.id);
const marks = async (s: Store) =>
  (await s.db.selectFrom('project_dirty').select('project_id').orderBy('project_id').execute()).map(
    (r) => r.project_id,
  );

describeEachBackend('project views, recomputed by the writes that change them', (store) => {
  it('a document stored alone gets its projects’ views at once; a batch’s wait for its refresh', async () => {
    const s = store();
    await seedRegistry(s.db);
    await storeDocument(s.db, textDocument(article('Chancay'), 'a.txt'));
    expect(await views(s)).toEqual(['project:port:chancay']);
    expect(await marks(s)).toEqual([]);

    const batch = batchViews(s.db, 2);
    await storeDocument(s.db, textDocument(article('Callao'), 'b.txt'), undefined, { batch: true });
    await batch.stored(1);
    expect(await marks(s)).toEqual(['project:port:callao']);
    expect(await views(s)).toEqual(['project:port:chancay']);
    await storeDocument(s.db, textDocument(article('Paita'), 'c.txt'), undefined, { batch: true });
    // Every second stored document, and at the end, the marked views are recomputed.
    await batch.stored(1);
    expect(await marks(s)).toEqual([]);
    expect(await views(s)).toEqual(['project:port:callao', 'project:port:chancay', 'project:port:paita']);
    await storeDocument(s.db, textDocument(article('Ilo'), 'd.txt'), undefined, { batch: true });
    await batch.finish();
    expect(await marks(s)).toEqual([]);
    expect(await views(s)).toContain('project:port:ilo');
  });

  it('within a batch, leaves the projects whose views count many claims for its end', async () => {
    const s = store();
    await seedRegistry(s.db);
    await storeDocument(s.db, textDocument(article('Chancay'), 'a.txt'));
    const before = (await getProject(s.db, 'project:port:chancay'))?.claims ?? 0;
    expect(before).toBeGreaterThan(0);
    // Every document, but only projects whose view counts fewer claims than Chancay's already does.
    const batch = batchViews(s.db, 1, before);
    const again = `${article('Chancay')} The port will open in 2025, said the minister.`;
    await storeDocument(s.db, textDocument(again, 'b.txt'), undefined, { batch: true });
    await storeDocument(s.db, textDocument(article('Callao'), 'c.txt'), undefined, { batch: true });
    await batch.stored(2);
    expect(await marks(s)).toEqual(['project:port:chancay']);
    expect(await views(s)).toEqual(['project:port:callao', 'project:port:chancay']);
    expect((await getProject(s.db, 'project:port:chancay'))?.claims).toBe(before);
    await batch.finish();
    expect(await marks(s)).toEqual([]);
    expect((await getProject(s.db, 'project:port:chancay'))?.claims).toBeGreaterThan(before);
  });

  it('recomputes only the projects asked for, leaving the other marks', async () => {
    const s = store();
    await seedRegistry(s.db);
    for (const [port, file] of [
      ['Chancay', 'a.txt'],
      ['Callao', 'b.txt'],
    ])
      await storeDocument(s.db, textDocument(article(port ?? ''), file), undefined, { batch: true });
    expect(await refreshDirtyProjects(s.db, ['project:port:callao', 'project:port:nowhere'])).toBe(1);
    expect(await views(s)).toEqual(['project:port:callao']);
    expect(await marks(s)).toEqual(['project:port:chancay']);
    expect(await refreshDirtyProjects(s.db)).toBe(1);
    expect(await marks(s)).toEqual([]);
  });

  it('a merge and a split recompute the views of the projects they touch, at once', async () => {
    const s = store();
    await seedRegistry(s.db);
    await storeDocument(s.db, textDocument(article('Chancay'), 'a.txt'));
    await storeDocument(s.db, textDocument(article('Callao'), 'b.txt'));
    const version = async (id: string) =>
      (await s.db.selectFrom('entity').select('version').where('id', '=', id).executeTakeFirstOrThrow())
        .version;
    const claims = (await getProject(s.db, 'project:port:chancay'))?.claims ?? 0;
    expect(claims).toBeGreaterThan(0);
    const change = { actor: 'ed', why: 'one port' };
    await mergeEntities(s.db, 'project:port:callao', 'project:port:chancay', {
      ...change,
      version: await version('project:port:callao'),
      intoVersion: await version('project:port:chancay'),
    });
    expect(await getProject(s.db, 'project:port:callao')).toBeUndefined();
    expect((await getProject(s.db, 'project:port:chancay'))?.claims).toBeGreaterThan(claims);
    const moved = await s.db
      .selectFrom('claim')
      .select('id')
      .where('subject_id', '=', 'project:port:chancay')
      .orderBy('id')
      .limit(1)
      .execute();
    const split = await splitEntity(
      s.db,
      'project:port:chancay',
      { name: 'Chancay port, second phase', claims: moved.map((c) => c.id) },
      { ...change, version: await version('project:port:chancay') },
    );
    expect((await getProject(s.db, split.created.id))?.claims).toBe(1);
    expect(await marks(s)).toEqual([]);
  });
});
