import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterEach, beforeEach, describe, inject } from 'vitest';
import { migrate, openStore, type Store } from '../../src/store/connect.js';

/** The storage backends every repository test runs on. */
export const backendNames = ['sqlite', 'postgres'] as const;
export type BackendName = (typeof backendNames)[number];

/** Opens a fresh, migrated, empty store on the backend: a new SQLite file, or a new PostgreSQL database. */
export async function openTestStore(backend: BackendName): Promise<Store> {
  if (backend === 'sqlite') {
    const dir = mkdtempSync(join(tmpdir(), 'puente-sqlite-'));
    const store = openStore({ sqlitePath: join(dir, 'test.db') });
    await migrate(store.db);
    const close = store.close;
    return { ...store, close: async () => (await close(), rmSync(dir, { recursive: true, force: true })) };
  }
  const admin = inject('postgresUrl');
  const name = `t_${randomBytes(6).toString('hex')}`;
  const client = new pg.Client({ connectionString: admin });
  await client.connect();
  await client.query(`CREATE DATABASE ${name}`);
  await client.end();
  const store = openStore({ databaseUrl: admin.replace(/\/postgres$/, `/${name}`) });
  await migrate(store.db);
  const close = store.close;
  return {
    ...store,
    close: async () => {
      await close();
      const c = new pg.Client({ connectionString: admin });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name}`);
      await c.end();
    },
  };
}

/** Whether the backend can run here (PostgreSQL needs its server binaries). */
export const backendAvailable = (backend: BackendName) =>
  backend === 'sqlite' || inject('postgresUrl') !== '';

/**
 * Declares the same tests once per backend, named `[sqlite]` and `[postgres]` so the run can count them.
 * `body` gets a function returning the store of the current test: a fresh database for each test.
 */
export function describeEachBackend(name: string, body: (store: () => Store, backend: BackendName) => void) {
  for (const backend of backendNames) {
    const run = backendAvailable(backend) ? describe : describe.skip;
    run(`[${backend}] ${name}`, () => {
      let current: Store | undefined;
      beforeEach(async () => {
        current = await openTestStore(backend);
      });
      afterEach(async () => {
        await current?.close();
        current = undefined;
      });
      body(() => {
        if (!current) throw new Error('store used outside a test');
        return current;
      }, backend);
    });
  }
}
