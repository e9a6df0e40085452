import { sql, type Kysely, type Transaction } from 'kysely';
import type { Database, Db } from './database.js';

/** A lock's name: a space (what kind of thing is locked) and a key in it, both 32-bit integers. */
export type LockKey = readonly [space: number, key: number];

/** The lock spaces Puente uses; their keys are its own choice in each. */
export const lockSpaces = {
  /** one space per LSH band of the near-duplicate index (and one more for the exact key): 0x5075_0000 + band */
  nearDuplicates: 0x5075_0000,
  /** the refresh of project views: one key */
  projectViews: 0x5075_1000,
  /** the near-duplicate log's commit order: one key, held from a source's logging to its commit */
  nearDuplicateLog: 0x5075_2000,
} as const;

/**
 * What one backend does where the SQL both share cannot say it. Code that needs it asks for the capability
 * (`backendOf(db).lockKeys(...)`), never for the dialect: connect.ts is the one place that knows which it is.
 */
export interface Backend {
  /**
   * Holds each key's lock until the transaction ends, so that two transactions naming a shared key run one after
   * the other and the second sees what the first wrote. Keys are taken in sorted order, so transactions that take
   * their keys here, first, cannot deadlock on them.
   */
  lockKeys(trx: Transaction<Database>, keys: readonly LockKey[]): Promise<void>;
}

/** SQLite: every write transaction takes the file's write lock first (BEGIN IMMEDIATE), so writers already run one at a time. */
export const sqliteBackend: Backend = {
  lockKeys: async () => {},
};

const int32 = (n: number) => n | 0;

/** PostgreSQL: transaction-scoped advisory locks, in the two-integer key space (apart from Kysely's migration lock). */
export const postgresBackend: Backend = {
  lockKeys: async (trx, keys) => {
    const unique = new Map<string, { space: number; key: number }>();
    for (const [space, key] of keys) unique.set(`${space}:${key}`, { space: int32(space), key: int32(key) });
    const sorted = [...unique.values()].sort((a, b) => a.space - b.space || a.key - b.key);
    if (sorted.length === 0) return;
    // unnest keeps the arrays' order, so the locks are taken in it, one after the other.
    const spaces = sorted.map((k) => k.space);
    const ids = sorted.map((k) => k.key);
    await sql`select pg_advisory_xact_lock(k.space, k.key) from unnest(${spaces}::int4[], ${ids}::int4[]) as k(space, key)`.execute(
      trx,
    );
  },
};

const backends = new WeakMap<object, Backend>();

/** Records which backend a Kysely handle talks to (connect.ts, when it opens a store). */
export function registerBackend(db: Kysely<Database>, backend: Backend): void {
  backends.set(db.getExecutor().adapter, backend);
}

/** The backend of a handle or of a transaction on it (both share the dialect's adapter). */
export function backendOf(db: Db): Backend {
  const backend = backends.get(db.getExecutor().adapter);
  if (!backend) throw new Error('this database handle was not opened by openStore');
  return backend;
}
