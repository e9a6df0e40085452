import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, Migrator, PostgresDialect, SqliteDialect, type SqliteDatabase } from 'kysely';
import pg from 'pg';
import { PuenteError } from '../domain/errors.js';
import type { Database } from './database.js';
import { migrationProvider } from './migrations/index.js';

/** Where the store lives: a PostgreSQL URL, or else a SQLite file. */
export interface StoreConfig {
  databaseUrl?: string | undefined;
  sqlitePath?: string | undefined;
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

/** The configuration from the environment: `DATABASE_URL` (postgres://) wins, else `PUENTE_DB`, else ./data/puente.db. */
export function configFromEnv(env: NodeJS.ProcessEnv = process.env): StoreConfig {
  return { databaseUrl: env.DATABASE_URL, sqlitePath: env.PUENTE_DB };
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
    const location = config.databaseUrl.replace(/\/\/([^:@/]+):[^@/]*@/, '//$1:***@');
    return { db, backend: 'postgres', location, close: () => db.destroy() };
  }
  const path = resolve(config.sqlitePath ?? 'data/puente.db');
  mkdirSync(dirname(path), { recursive: true });
  const sqlite = new SQLite(path);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  sqlite.pragma('synchronous = NORMAL');
  // Checkpoint the WAL every ~40 MB instead of every 4 MB: each checkpoint syncs the disk, and a batch ingest
  // committing a document at a time spent a fifth of its writer's time there (bench/README.md).
  sqlite.pragma('wal_autocheckpoint = 10000');
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: withStatementCache(sqlite) }) });
  return { db, backend: 'sqlite', location: path, close: () => db.destroy() };
}

/** Brings the schema up to date; returns the names of the migrations it applied. */
export async function migrate(db: Kysely<Database>): Promise<string[]> {
  const migrator = new Migrator({ db, provider: migrationProvider });
  const { error, results } = await migrator.migrateToLatest();
  if (error) {
    const failed = results?.find((r) => r.status === 'Error')?.migrationName ?? 'unknown';
    throw new PuenteError('internal', `migration ${failed} failed: ${String(error)}`);
  }
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}

/**
 * better-sqlite3 with its prepared statements kept by SQL text (the 256 most recently used): Kysely asks for a
 * new statement for every query, and preparing took a tenth of a batch ingest's writer thread. A statement is
 * reused only after its previous run has finished (Kysely runs one query at a time on the connection).
 */
function withStatementCache(sqlite: SQLite.Database): SqliteDatabase {
  const statements = new Map<string, SQLite.Statement>();
  return {
    close: () => sqlite.close(),
    prepare: (text: string) => {
      let statement = statements.get(text);
      if (statement) statements.delete(text);
      else statement = sqlite.prepare(text);
      statements.set(text, statement);
      if (statements.size > 256) statements.delete(statements.keys().next().value as string);
      return statement;
    },
  };
}
