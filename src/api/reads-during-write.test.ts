// While another process holds the SQLite file's write lock (an ingest storing a document), every GET route of the
// API answers, and answers without waiting for the lock; a review write started meanwhile waits for the lock,
// then goes through once it is released, and recomputes the views of the projects it changed.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import SQLite from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { textDocument } from '../../test/helpers/documents.js';
import { storeDocument } from '../pipeline/store-document.js';
import { seedRegistry } from '../reference/registry.js';
import { addUser, createToken } from '../store/accounts.js';
import { migrate, openStore, type Store } from '../store/connect.js';
import { apiRoutes, createApp } from './app.js';

const article = [
  'The port of Chancay in Peru will cost $3.5 billion, COSCO Shipping said in 2024.',
  'China Development Bank lent $2 billion to Ecuador in 2010 for the Coca Codo Sinclair hydropower plant.',
].join('\n\n');

/** Settles with the promise, and says meanwhile whether it has. */
function watched<T>(promise: Promise<T>) {
  const state = { settled: false, promise };
  promise.then(
    () => (state.settled = true),
    () => (state.settled = true),
  );
  return state;
}

describe('[sqlite] reads while another process holds the write lock', () => {
  let dir = '';
  let store: Store;
  let other: SQLite.Database;
  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'puente-reads-'));
    // Writes may wait as long as the test takes: the lock is released by the test, never by a timeout.
    store = openStore({ sqlitePath: join(dir, 'reads.db'), lockWaitMs: 3_600_000 });
    await migrate(store.db);
    await seedRegistry(store.db);
    other = new SQLite(store.location);
  });
  afterEach(async () => {
    if (other.inTransaction) other.exec('rollback');
    other.close();
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('answers every GET route, and a review write waits for the lock, then goes through', async () => {
    const { sourceId } = await storeDocument(store.db, textDocument(article, 'https://example.org/a.txt'));
    await addUser(store.db, 'ed', 'editor', 'correct horse battery');
    const token = (await createToken(store.db, 'ed', 't')).token;
    const app = createApp(store, { webRoot: '/nonexistent' });
    const get = (url: string) => app.request(`/api/v1${url}`);
    const project = ((await (await get('/projects')).json()) as { items: { id: string }[] }).items[0];
    const claim = (
      (await (await get(`/claims?source=${sourceId}`)).json()) as {
        items: { id: string; version: number; subjectId: string | null }[];
      }
    ).items.find((c) => c.subjectId?.startsWith('project:'));
    if (!project || !claim?.subjectId) throw new Error('the article gives no project claim');
    // An ingest in another process stored documents about these projects, marked them, and holds the lock now.
    const marked = [...new Set([project.id, claim.subjectId])];
    await store.db
      .insertInto('project_dirty')
      .values(marked.map((project_id) => ({ project_id })))
      .execute();
    other.exec('begin immediate');

    const write = watched(
      Promise.resolve(
        app.request(`/api/v1/claims/${claim.id}/accept`, {
          method: 'POST',
          headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
          body: JSON.stringify({ version: claim.version, why: 'checked' }),
        }),
      ),
    );
    // Each route with its parameters filled by an id of the data, so that it reaches the database.
    const ids: Record<string, string> = {
      projects: project.id,
      sources: sourceId,
      claims: claim.id,
      entities: 'country:PE',
      countries: 'PE',
    };
    const concrete = (path: string) =>
      path
        .replace(
          /\/([a-z]+)\/:([A-Za-z_]+)/g,
          (_, group: string) => `/${group}/${encodeURIComponent(ids[group] ?? 'x1')}`,
        )
        .replace(/:([A-Za-z_]+)/g, 'x1');
    const routes = apiRoutes(store).app.routes.filter((r) => r.method === 'GET');
    expect(routes.length).toBeGreaterThanOrEqual(20);
    const answers: string[] = [];
    for (const route of routes) {
      const url = concrete(route.path);
      const res = await get(url);
      await res.arrayBuffer();
      answers.push(`${url} ${res.status < 500 ? 'answered' : res.status}`);
    }
    expect(answers).toEqual(routes.map((r) => `${concrete(r.path)} answered`));
    // No read recomputed the marked views (a read never writes), and the write is still waiting for the lock.
    expect(await store.db.selectFrom('project_dirty').select('project_id').execute()).toHaveLength(
      marked.length,
    );
    expect(write.settled).toBe(false);

    other.exec('commit');
    const accepted = await write.promise;
    expect(accepted.status).toBe(200);
    expect(((await accepted.json()) as { reviewState: string }).reviewState).toBe('accepted');
    // The write recomputed the views of the projects it changed, and left the other marks to their writer.
    const left = await store.db.selectFrom('project_dirty').select('project_id').execute();
    expect(left.map((r) => r.project_id)).not.toContain(claim.subjectId);
    expect((await get(`/projects/${encodeURIComponent(claim.subjectId)}`)).status).toBe(200);
  });
});
