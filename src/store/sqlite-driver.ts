// Kysely's own SQLite driver has one better-sqlite3 connection behind a mutex and opens transactions with a plain
// `begin`. With several processes on one file that fails three ways: a deferred transaction that read first cannot
// take the write lock later (SQLITE_BUSY at once, the busy handler cannot help), better-sqlite3's busy wait is
// synchronous (the server's event loop stops while it waits), and every read queues behind a write that is
// waiting for the lock. This driver has two connections instead: a writer, used by every transaction and every
// write under a mutex, which takes the lock up front (`BEGIN IMMEDIATE`) and waits for it asynchronously; and a
// read-only reader for plain SELECTs outside a transaction, which in WAL mode never waits for a writer.
import SQLite from 'better-sqlite3';
import {
  createQueryId,
  IdentifierNode,
  RawNode,
  SqliteAdapter,
  SqliteIntrospector,
  SqliteQueryCompiler,
  type DatabaseConnection,
  type DatabaseIntrospector,
  type CompiledQuery,
  type Dialect,
  type DialectAdapter,
  type Driver,
  type Kysely,
  type QueryCompiler,
  type QueryResult,
} from 'kysely';
import { PuenteError } from '../domain/errors.js';

/** Where the SQLite file is and how long a write waits for another process's write lock. */
export interface SqliteOptions {
  path: string;
  /** the longest a write waits for the write lock, in ms, before it fails */
  lockWaitMs: number;
}

// better-sqlite3 waits synchronously this long on a locked file before it reports SQLITE_BUSY; the rest of the
// wait is asynchronous (`whenUnlocked`), so a waiting write stops the event loop for no more than this at a time.
const syncBusyMs = 10;

/** The SQLite dialect of Puente: Kysely's compiler and introspector, this driver, and transactional migrations. */
export class PuenteSqliteDialect implements Dialect {
  readonly #options: SqliteOptions;
  constructor(options: SqliteOptions) {
    this.#options = options;
  }
  createDriver(): Driver {
    return new PuenteSqliteDriver(this.#options);
  }
  createQueryCompiler(): QueryCompiler {
    return new SqliteQueryCompiler();
  }
  createAdapter(): DialectAdapter {
    return new TransactionalSqliteAdapter();
  }
  createIntrospector(db: Kysely<unknown>): DatabaseIntrospector {
    return new SqliteIntrospector(db);
  }
}

/**
 * Migrations run in one transaction (SQLite's DDL is transactional), and that transaction takes the write lock
 * before it reads which migrations are applied: a second process waits, then finds them applied. (Kysely's
 * SQLite adapter runs them outside a transaction with a no-op lock, so two processes both applied the first.)
 */
class TransactionalSqliteAdapter extends SqliteAdapter {
  override get supportsTransactionalDdl(): boolean {
    return true;
  }
}

/** A failure that means another connection holds the lock (SQLITE_BUSY and its extended codes). */
const isBusy = (error: unknown) =>
  error instanceof SQLite.SqliteError && error.code.startsWith('SQLITE_BUSY');

const pause = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Runs `attempt` until it is not refused for a lock, waiting asynchronously between tries (growing delays, with
 * jitter so that waiting processes do not retry in step), at most `waitMs` in all; then a PuenteError.
 */
async function whenUnlocked<T>(attempt: () => T, what: string, options: SqliteOptions): Promise<T> {
  const started = Date.now();
  let delay = 2;
  for (;;) {
    try {
      return attempt();
    } catch (error) {
      if (!isBusy(error)) throw error;
      const waited = Date.now() - started;
      if (waited >= options.lockWaitMs)
        throw new PuenteError(
          'timeout',
          `the SQLite database ${options.path} stayed locked for ${(waited / 1000).toFixed(1)} s while ${what}: another process (an ingest, an import, a server) was writing to it`,
          'try again once the other process has finished, or let writes wait longer with PUENTE_LOCK_WAIT_MS (milliseconds)',
        );
      await pause(Math.min(delay * (0.5 + Math.random()), options.lockWaitMs - waited));
      delay = Math.min(delay * 2, 100);
    }
  }
}

/** Prepared statements kept by SQL text, the 256 most recently used (preparing took a tenth of an ingest). */
class StatementCache {
  readonly #db: SQLite.Database;
  readonly #statements = new Map<string, SQLite.Statement>();
  constructor(db: SQLite.Database) {
    this.#db = db;
  }
  prepare(text: string): SQLite.Statement {
    let statement = this.#statements.get(text);
    if (statement) this.#statements.delete(text);
    else statement = this.#db.prepare(text);
    this.#statements.set(text, statement);
    if (this.#statements.size > 256) this.#statements.delete(this.#statements.keys().next().value as string);
    return statement;
  }
}

/** First come, first served: one holder at a time. */
class Mutex {
  #tail: Promise<void> = Promise.resolve();
  /** Resolves, once the holders before have released, with the function that releases this hold. */
  async lock(): Promise<() => void> {
    let release = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    const before = this.#tail;
    this.#tail = before.then(() => held);
    await before;
    return release;
  }
}

// A savepoint command with its name quoted as an identifier (as Kysely's own driver does).
const savepointNode = (command: string, name: string) =>
  RawNode.createWithChildren([RawNode.createWithSql(`${command} `), IdentifierNode.create(name)]);

/** Runs a prepared statement: its rows when it returns some, else what it changed. */
function execute<R>(statement: SQLite.Statement, parameters: readonly unknown[]): QueryResult<R> {
  // better-sqlite3 cannot know the rows' type; Kysely's query builder does.
  if (statement.reader) return { rows: statement.all(parameters) as R[] };
  const { changes, lastInsertRowid } = statement.run(parameters);
  return { numAffectedRows: BigInt(changes), insertId: BigInt(lastInsertRowid), rows: [] };
}

/** The writer and reader connections of one SQLite file, shared by every connection Kysely acquires. */
class PuenteSqliteDriver implements Driver {
  readonly #options: SqliteOptions;
  readonly #writeLock = new Mutex();
  #writer: SQLite.Database | undefined;
  #reader: SQLite.Database | undefined;
  #writes: StatementCache | undefined;
  #reads: StatementCache | undefined;

  constructor(options: SqliteOptions) {
    this.#options = options;
  }

  async init(): Promise<void> {
    const writer = new SQLite(this.#options.path, { timeout: syncBusyMs });
    try {
      // Turning WAL on needs the lock when the file is new, and every process opening it asks at once.
      await whenUnlocked(() => writer.pragma('journal_mode = WAL'), 'opening it', this.#options);
      writer.pragma('foreign_keys = ON');
      writer.pragma('synchronous = NORMAL');
      // Checkpoint the WAL every ~40 MB instead of every 4 MB: each checkpoint syncs the disk, and a batch
      // ingest committing a document at a time spent a fifth of its writer's time there (bench/README.md).
      writer.pragma('wal_autocheckpoint = 10000');
      this.#reader = new SQLite(this.#options.path, { readonly: true, timeout: syncBusyMs });
    } catch (error) {
      writer.close();
      throw error;
    }
    this.#writer = writer;
    this.#writes = new StatementCache(writer);
    this.#reads = new StatementCache(this.#reader);
  }

  async acquireConnection(): Promise<DatabaseConnection> {
    return new RoutedConnection(this);
  }

  async beginTransaction(connection: DatabaseConnection): Promise<void> {
    await this.#routed(connection).begin();
  }
  async commitTransaction(connection: DatabaseConnection): Promise<void> {
    await this.#routed(connection).end('commit');
  }
  async rollbackTransaction(connection: DatabaseConnection): Promise<void> {
    await this.#routed(connection).end('rollback');
  }
  async savepoint(connection: DatabaseConnection, name: string, compile: QueryCompiler['compileQuery']) {
    await connection.executeQuery(compile(savepointNode('savepoint', name), createQueryId()));
  }
  async rollbackToSavepoint(
    connection: DatabaseConnection,
    name: string,
    compile: QueryCompiler['compileQuery'],
  ) {
    await connection.executeQuery(compile(savepointNode('rollback to', name), createQueryId()));
  }
  async releaseSavepoint(
    connection: DatabaseConnection,
    name: string,
    compile: QueryCompiler['compileQuery'],
  ) {
    await connection.executeQuery(compile(savepointNode('release', name), createQueryId()));
  }
  async releaseConnection(connection: DatabaseConnection): Promise<void> {
    // A transaction Kysely did not end (it always does) must not keep the writer from the others.
    await this.#routed(connection).end('rollback');
  }
  async destroy(): Promise<void> {
    this.#reader?.close();
    this.#writer?.close();
  }

  #routed(connection: DatabaseConnection): RoutedConnection {
    if (!(connection instanceof RoutedConnection)) throw new Error('not a connection of this driver');
    return connection;
  }

  /** The statement on the reader when it only reads, else null. */
  readStatement(text: string): SQLite.Statement | null {
    const statement = this.#cache('reads').prepare(text);
    return statement.reader && statement.readonly ? statement : null;
  }
  writeStatement(text: string): SQLite.Statement {
    return this.#cache('writes').prepare(text);
  }
  #cache(which: 'reads' | 'writes'): StatementCache {
    const cache = which === 'reads' ? this.#reads : this.#writes;
    if (!cache) throw new Error('the SQLite driver is not open');
    return cache;
  }
  writerInTransaction(): boolean {
    return this.#writer?.inTransaction ?? false;
  }
  lockWriter(): Promise<() => void> {
    return this.#writeLock.lock();
  }
  waitUnlocked<T>(attempt: () => T, what: string): Promise<T> {
    return whenUnlocked(attempt, what, this.#options);
  }
}

/**
 * What Kysely gets for each query or transaction: inside a transaction every statement runs on the writer, which
 * the transaction holds; outside one, a statement that only reads runs on the reader, and any other waits for the
 * writer and for the file's write lock.
 */
class RoutedConnection implements DatabaseConnection {
  readonly #driver: PuenteSqliteDriver;
  #release: (() => void) | null = null;

  constructor(driver: PuenteSqliteDriver) {
    this.#driver = driver;
  }

  async begin(): Promise<void> {
    const release = await this.#driver.lockWriter();
    try {
      const begin = this.#driver.writeStatement('begin immediate');
      await this.#driver.waitUnlocked(() => begin.run(), 'starting a write');
    } catch (error) {
      release();
      throw error;
    }
    this.#release = release;
  }

  async end(how: 'commit' | 'rollback'): Promise<void> {
    const release = this.#release;
    if (!release) return;
    // A failed COMMIT leaves the transaction open and Kysely rolls it back next: the writer stays held till then.
    if (how === 'commit') this.#driver.writeStatement('commit').run();
    try {
      // SQLite has already rolled back a transaction that some errors (a full disk) ended.
      if (how === 'rollback' && this.#driver.writerInTransaction())
        this.#driver.writeStatement('rollback').run();
    } finally {
      this.#release = null;
      release();
    }
  }

  async executeQuery<R>(query: CompiledQuery): Promise<QueryResult<R>> {
    const { sql, parameters } = query;
    if (this.#release) return execute<R>(this.#driver.writeStatement(sql), parameters);
    const read = this.#driver.readStatement(sql);
    if (read) return this.#driver.waitUnlocked(() => execute<R>(read, parameters), 'reading');
    const release = await this.#driver.lockWriter();
    try {
      const statement = this.#driver.writeStatement(sql);
      return await this.#driver.waitUnlocked(() => execute<R>(statement, parameters), 'writing');
    } finally {
      release();
    }
  }

  // Nothing streams today; the rows are read at once so that no statement stays open on a shared connection.
  async *streamQuery<R>(query: CompiledQuery): AsyncIterableIterator<QueryResult<R>> {
    const { rows } = await this.executeQuery<R>(query);
    for (const row of rows) yield { rows: [row] };
  }
}
