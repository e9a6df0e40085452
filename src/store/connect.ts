import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { Kysely, Migrator, PostgresDialect } from 'kysely';
import pg from 'pg';
import { PuenteError } from '../domain/errors.js';
import { refreshMarkedViews } from '../reconcile/projects.js';
import { postgresBackend, registerBackend, sqliteBackend } from './backend.js';
import type { Database } from './database.js';
import { migrationProvider } from './migrations/index.js';
import { PuenteSqliteDialect } from './sqlite-driver.js';

/** Where the store lives: a PostgreSQL URL, or else a SQLite file. */
export interface StoreConfig {
  databaseUrl?: string | undefined;
  sqlitePath?: string | undefined;
  /** SQLite: the longest a write waits for another process's write lock, in ms (default 30,000) */
  lockWaitMs?: number | undefined;
}

/** The longest one PostgreSQL statement may run (SQLite statements are bounded by indexes and row caps instead). */
export const statementTimeoutMs = 20_000;

/** An open store: the Kysely handle, which backend it is, and how to close it. */
export interface Store {
  db: Kysely<Database>;
  backend: 'sqlite' | 'postgres';
  /** the SQLite file or the PostgreSQL URL without its password, for messages */
  location: string;
  close(): Promise<void>;
}

/** How long a SQLite write waits for the write lock another process holds, unless told otherwise. */
export const defaultLockWaitMs = 30_000;

/**
 * The configuration from the environment: `DATABASE_URL` (postgres://) wins, else `PUENTE_DB`, else
 * ./data/puente.db; `PUENTE_LOCK_WAIT_MS` for how long a SQLite write waits for the lock.
 */
export function configFromEnv(env: NodeJS.ProcessEnv = process.env): StoreConfig {
  const wait = env.PUENTE_LOCK_WAIT_MS;
  if (wait !== undefined && wait !== '' && !(Number.isInteger(Number(wait)) && Number(wait) >= 0))
    throw new PuenteError(
      'bad_request',
      `PUENTE_LOCK_WAIT_MS must be a whole number of milliseconds, got "${wait.slice(0, 20)}"`,
      `unset it to wait ${defaultLockWaitMs / 1000} s`,
    );
  return {
    databaseUrl: env.DATABASE_URL,
    sqlitePath: env.PUENTE_DB,
    lockWaitMs: wait ? Number(wait) : undefined,
  };
}

const isPostgresUrl = (url: string | undefined): boolean => !!url && /^postgres(?:ql)?:\/\//.test(url);

/** Opens the store. This is the one place that chooses the SQL dialect. */
export function openStore(config: StoreConfig = configFromEnv()): Store {
  if (config.databaseUrl && !isPostgresUrl(config.databaseUrl)) {
    throw new PuenteError(
      'bad_request',
      `DATABASE_URL must be a postgres:// URL, got "${config.databaseUrl.split(':')[0]}:..."`,
      'unset DATABASE_URL to use SQLite, or set PUENTE_DB to choose the SQLite file',
    );
  }
  if (config.databaseUrl && isPostgresUrl(config.databaseUrl)) {
    // COUNT(*) and other bigints arrive as strings unless parsed; our counts fit in a double.
    pg.types.setTypeParser(pg.types.builtins.INT8, (v) => Number(v));
    // No statement runs longer than this; the API answers 503 when one is cancelled.
    const pool = new pg.Pool({
      connectionString: config.databaseUrl,
      max: 10,
      statement_timeout: statementTimeoutMs,
    });
    const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
    registerBackend(db, postgresBackend);
    const location = config.databaseUrl.replace(/\/\/([^:@/]+):[^@/]*@/, '//$1:***@');
    return { db, backend: 'postgres', location, close: () => db.destroy() };
  }
  const path = resolve(config.sqlitePath ?? 'data/puente.db');
  mkdirSync(dirname(path), { recursive: true });
  // Two connections: a writer whose transactions take the lock up front and wait for it without blocking, and a
  // reader for plain SELECTs that never waits for a writer (sqlite-driver.ts).
  const dialect = new PuenteSqliteDialect({ path, lockWaitMs: config.lockWaitMs ?? defaultLockWaitMs });
  const db = new Kysely<Database>({ dialect });
  registerBackend(db, sqliteBackend);
  return { db, backend: 'sqlite', location: path, close: () => db.destroy() };
}

/** Brings the schema up to date; returns the names of the migrations it applied. */
export async function migrate(db: Kysely<Database>): Promise<string[]> {
  const migrator = new Migrator({ db, provider: migrationProvider });
  const { error, results } = await migrator.migrateToLatest();
  if (error) {
    // A lock waited for too long says so itself.
    if (error instanceof PuenteError) throw error;
    const failed = results?.find((r) => r.status === 'Error')?.migrationName ?? 'unknown';
    throw new PuenteError('internal', `migration ${failed} failed: ${String(error)}`);
  }
  const applied = (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
  // A migration that changes what a project's view holds marks every project; pages never recompute views, so
  // they are recomputed here, before the store is used.
  if (applied.length > 0) await refreshMarkedViews(db);
  return applied;
}
