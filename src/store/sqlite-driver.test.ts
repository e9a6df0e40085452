import SQLite from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openTestStore } from '../../test/helpers/backends.js';
import { PuenteError } from '../domain/errors.js';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { migrate, openStore, type Store } from './connect.js';
import { getMeta, setMeta } from './meta.js';
import { migrations } from './migrations/index.js';

/** Settles with the promise, and says meanwhile whether it has. */
function watched<T>(promise: Promise<T>) {
  const state = { settled: false, promise };
  promise.then(
    () => (state.settled = true),
    () => (state.settled = true),
  );
  return state;
}

// Another process's write lock, held by a connection of the test's own.
describe('[sqlite] writes that wait for another connection’s write lock', () => {
  let store: Store;
  let other: SQLite.Database;
  beforeEach(async () => {
    store = await openTestStore('sqlite');
    await setMeta(store.db, 'before', 'yes');
    other = new SQLite(store.location);
    other.exec('begin immediate');
  });
  afterEach(async () => {
    if (other.inTransaction) other.exec('rollback');
    other.close();
    await store.close();
  });

  it('wait without keeping reads or the event loop waiting, then go through once the lock is released', async () => {
    const write = watched(setMeta(store.db, 'autocommit', '1'));
    const transaction = watched(
      store.db.transaction().execute(async (trx) => {
        // A read first, then a write: a deferred transaction could not upgrade its lock here.
        const seen = await getMeta(trx, 'before');
        await setMeta(trx, 'in-transaction', seen ?? 'no');
      }),
    );
    // Reads answer while both writes wait: from the reader connection, and with the event loop free.
    expect(await getMeta(store.db, 'before')).toBe('yes');
    expect(await getMeta(store.db, 'autocommit')).toBeNull();
    await new Promise((resolve) => setImmediate(resolve));
    expect([write.settled, transaction.settled]).toEqual([false, false]);
    other.exec('commit');
    await Promise.all([write.promise, transaction.promise]);
    expect(await getMeta(store.db, 'autocommit')).toBe('1');
    expect(await getMeta(store.db, 'in-transaction')).toBe('yes');
  });

  it('fail past the wait they are given, saying which file was locked and what to do', async () => {
    const impatient = openStore({ sqlitePath: store.location, lockWaitMs: 0 });
    try {
      const failure = await setMeta(impatient.db, 'k', 'v').catch((error: unknown) => error);
      expect(failure).toBeInstanceOf(PuenteError);
      expect(failure).toMatchObject({ code: 'timeout', hint: expect.stringMatching(/PUENTE_LOCK_WAIT_MS/) });
      expect(String((failure as PuenteError).message)).toContain(`${store.location} stayed locked`);
      const transaction = await impatient.db
        .transaction()
        .execute((trx) => setMeta(trx, 'k', 'v'))
        .catch((error: unknown) => error);
      expect(transaction).toMatchObject({ code: 'timeout' });
      // Nothing was written, and the store still works once the lock is free.
      other.exec('commit');
      expect(await getMeta(impatient.db, 'k')).toBeNull();
      await setMeta(impatient.db, 'k', 'v');
      expect(await getMeta(store.db, 'k')).toBe('v');
    } finally {
      await impatient.close();
    }
  });
});

describe('[sqlite] migrations from two connections at once', () => {
  it('apply each migration once: the second waits for the first, then finds them applied', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'puente-migrate-'));
    // Two handles, as two processes would have; each may wait as long as the other takes.
    const [a, b] = [0, 1].map(() => openStore({ sqlitePath: join(dir, 'fresh.db'), lockWaitMs: 3_600_000 }));
    try {
      if (!a || !b) throw new Error('no store');
      const [first, second] = await Promise.all([migrate(a.db), migrate(b.db)]);
      expect([...(first ?? []), ...(second ?? [])].sort()).toEqual(Object.keys(migrations).sort());
      const { rows } = await sql<{ name: string }>`select name from kysely_migration`.execute(a.db);
      expect(rows.map((r) => r.name).sort()).toEqual(Object.keys(migrations).sort());
    } finally {
      await a?.close();
      await b?.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
