// A real `puente ingest` process is killed (SIGKILL) at random moments, many times; after each kill the
// database must hold only whole documents, and the batch run again must store the rest and change nothing
// already stored.
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { repoRoot } from '../src/reference/paths.js';
import { migrate, openStore, type Store } from '../src/store/connect.js';
import { prng } from '../src/util/random.js';
import { puente } from './helpers/cli.js';
import { checkWhole } from './helpers/store-checks.js';

const bin = join(repoRoot, 'bin', 'puente.js');
const documents = 80;
const kills = Number(process.env.PUENTE_KILL_RUNS ?? 10);

/** A folder of distinct documents made from the dev passages, each with its own figures. */
function corpus(): string {
  const dir = mkdtempSync(join(tmpdir(), 'puente-kill-docs-'));
  const docs = join(repoRoot, 'eval', 'docs');
  const passages = readdirSync(docs)
    .filter((n) => n.endsWith('.md') || n.endsWith('.txt'))
    .map((n) => readFileSync(join(docs, n), 'utf8').replace(/^---\n[\s\S]*?\n---\n/, ''));
  for (let i = 0; i < documents; i++) {
    const text = passages[i % passages.length] ?? '';
    writeFileSync(
      join(dir, `doc-${String(i).padStart(3, '0')}.txt`),
      `Copy ${i}: US$ ${i + 1} billion.\n\n${text}`,
    );
  }
  return dir;
}

interface Target {
  env: Record<string, string>;
  open: () => Store;
  /** empties the database: a fresh, migrated one */
  reset: () => Promise<void>;
  cleanup: () => Promise<void>;
}

async function migrated(open: () => Store) {
  const store = open();
  await migrate(store.db);
  await store.close();
}

async function sqliteTarget(): Promise<Target> {
  const dir = mkdtempSync(join(tmpdir(), 'puente-kill-db-'));
  const path = join(dir, 'kill.db');
  const open = () => openStore({ sqlitePath: path });
  return {
    env: { PUENTE_DB: path },
    open,
    reset: async () => {
      for (const suffix of ['', '-wal', '-shm']) rmSync(`${path}${suffix}`, { force: true });
      await migrated(open);
    },
    cleanup: async () => rmSync(dir, { recursive: true, force: true }),
  };
}

async function postgresTarget(): Promise<Target> {
  const admin = inject('postgresUrl');
  const name = `kill_${randomBytes(5).toString('hex')}`;
  const url = admin.replace(/\/postgres$/, `/${name}`);
  const open = () => openStore({ databaseUrl: url });
  const adminQuery = async (...statements: string[]) => {
    const client = new pg.Client({ connectionString: admin });
    await client.connect();
    for (const statement of statements) await client.query(statement);
    await client.end();
  };
  return {
    env: { DATABASE_URL: url },
    open,
    reset: async () => {
      await adminQuery(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`, `CREATE DATABASE ${name}`);
      await migrated(open);
    },
    cleanup: () => adminQuery(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`),
  };
}

/**
 * Starts an ingest of the folder and kills it once it has reported `after` stored documents, `delay` ms later
 * (so the kill lands inside the next document's reading, extraction or transaction); resolves when it is gone.
 */
function ingestAndKill(
  dir: string,
  env: Record<string, string>,
  after: number,
  delay: number,
): Promise<void> {
  const child = spawn(process.execPath, [bin, 'ingest', dir], {
    cwd: repoRoot,
    env: { ...process.env, DATABASE_URL: '', ...env },
    stdio: ['ignore', 'pipe', 'ignore'],
  });
  let seen = 0;
  let timer: NodeJS.Timeout | undefined;
  child.stdout.on('data', (chunk: Buffer) => {
    seen += chunk
      .toString()
      .split('\n')
      .filter((line) => line.startsWith('ingested')).length;
    if (seen >= after && !timer) timer = setTimeout(() => child.kill('SIGKILL'), delay);
  });
  return new Promise((resolve) => {
    child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
  });
}

const backends = [
  { name: 'sqlite', make: sqliteTarget, available: () => true },
  { name: 'postgres', make: postgresTarget, available: () => inject('postgresUrl') !== '' },
] as const;

for (const backend of backends) {
  const run = backend.available() ? describe : describe.skip;
  run(`[${backend.name}] ingest killed at random moments`, () => {
    let dir = '';
    let target: Target | undefined;
    beforeAll(async () => {
      dir = corpus();
      target = await backend.make();
    });
    afterAll(async () => {
      rmSync(dir, { recursive: true, force: true });
      await target?.cleanup();
    });

    it(`leaves only whole documents after each of ${kills} kills, and a rerun completes the batch`, async () => {
      if (!target) throw new Error('no target');
      const random = prng(20261123);
      let interrupted = 0;
      for (let k = 0; k < kills; k++) {
        // Each run starts on an empty database, and is killed after a random number of stored documents plus a
        // few milliseconds: inside the reading, extraction or transaction of the next one.
        await target.reset();
        await ingestAndKill(
          dir,
          target.env,
          1 + Math.floor(random() * (documents - 2)),
          Math.floor(random() * 25),
        );
        const store = target.open();
        try {
          const { sources } = await checkWhole(store);
          if (sources > 0 && sources < documents) interrupted++;
        } finally {
          await store.close();
        }
      }
      // The test is only worth something if most kills cut a batch in the middle.
      expect(interrupted).toBeGreaterThanOrEqual(Math.ceil(kills / 2));
      const finish = puente(['ingest', dir, '--json'], target.env);
      expect(finish.status, finish.stderr).toBe(0);
      const store = target.open();
      try {
        const complete = await checkWhole(store);
        expect(complete.sources).toBe(documents);
        // Once more: everything is unchanged and no row moves.
        const again = puente(['ingest', dir, '--json'], target.env);
        expect(again.status).toBe(0);
        const results = JSON.parse(again.stdout) as { results: { status: string }[] };
        expect(results.results.every((r) => r.status === 'unchanged')).toBe(true);
        expect((await checkWhole(store)).rows).toBe(complete.rows);
      } finally {
        await store.close();
      }
    });
  });
}
