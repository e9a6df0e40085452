// Several real `puente ingest` processes store one folder into one database at once: every document is stored
// exactly once, no process fails or dies, and the near-duplicate links are those a sequential ingest makes.
// And several `puente db migrate` processes on one fresh SQLite file all succeed.
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { ingestPaths } from '../src/pipeline/ingest-paths.js';
import { repoRoot } from '../src/reference/paths.js';
import { migrate, openStore, type Store } from '../src/store/connect.js';
import { migrations } from '../src/store/migrations/index.js';
import { checkWhole } from './helpers/store-checks.js';

const bin = join(repoRoot, 'bin', 'puente.js');
const processes = 4;
// Six, because with fewer the processes' start-up times often keep them apart (on the old code four raced rarely).
const migrators = 6;
const summaryLine = /^(\d+) ingested, (\d+) unchanged, (\d+) failed;/;

/**
 * The documents, made from the dev passages: a folder of originals (a-NN) that every process ingests, and for each
 * process a document of its own, stored first, and a folder of near-copies of some originals under another first
 * line (b-NN) and copies of those copies (c-NN). A process stores its copies after it has passed every original,
 * so each copy's original is stored by then, by this process or another.
 */
function corpus(): Corpus {
  const dir = mkdtempSync(join(tmpdir(), 'puente-concurrent-docs-'));
  const docs = join(repoRoot, 'eval', 'docs');
  const passages = readdirSync(docs)
    .filter((n) => n.endsWith('.md') || n.endsWith('.txt'))
    .sort()
    .map((n) =>
      readFileSync(join(docs, n), 'utf8')
        .replace(/^---\n[\s\S]*?\n---\n/, '')
        .trim(),
    )
    // The longest passages only make the run slower, and a few dozen documents make the processes overlap.
    .filter((text) => text.split(/\s+/).length < 1000)
    .slice(0, 36);
  const originals = join(dir, 'originals');
  mkdirSync(originals);
  const own: string[] = [];
  const copies: string[] = [];
  for (let k = 0; k < processes; k++) {
    own.push(join(dir, `own-${k}.txt`));
    writeFileSync(own[k] ?? '', `${passages[passages.length - 1 - k] ?? ''}\n`);
    copies.push(join(dir, `copies-${k}`));
    mkdirSync(copies[k] ?? '');
  }
  const file = (folder: string, prefix: string, i: number) =>
    join(folder, `${prefix}-${String(i).padStart(2, '0')}.txt`);
  passages.slice(0, passages.length - processes).forEach((text, i) => {
    writeFileSync(file(originals, 'a', i), `${text}\n`);
    const mine = copies[i % processes] ?? '';
    if (i < 12) writeFileSync(file(mine, 'b', i), `Republished by a news agency, item ${i}.\n${text}\n`);
    if (i < 6) writeFileSync(file(mine, 'c', i), `Seen again on a third site, story ${i}.\n${text}\n`);
  });
  const paths = (k: number) => [own[k] ?? '', originals, copies[k] ?? ''];
  const count = (folder: string) => readdirSync(folder).length;
  return {
    dir,
    paths,
    planned: (k) => 1 + count(originals) + count(copies[k] ?? ''),
    everything: [...own, originals, ...copies],
    documents: own.length + count(originals) + copies.reduce((n, c) => n + count(c), 0),
  };
}

interface Corpus {
  dir: string;
  /** what process k ingests, in order */
  paths: (k: number) => string[];
  /** how many documents process k is given */
  planned: (k: number) => number;
  /** every path, in the order a sequential ingest takes them */
  everything: string[];
  documents: number;
}

interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Runs `puente ARGS` in the background; resolves when the process has exited. */
function run(args: string[], env: Record<string, string>): Promise<Run> {
  const child = spawn(process.execPath, [bin, ...args], {
    cwd: repoRoot,
    env: { ...process.env, DATABASE_URL: '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise((resolve) => child.once('close', (status) => resolve({ status, stdout, stderr })));
}

/** The near-duplicate links of a database, as `copy file -> original file`, sorted. */
async function links(store: Store): Promise<string[]> {
  const rows = await store.db.selectFrom('source').select(['id', 'uri', 'duplicate_of']).execute();
  const file = new Map(rows.map((r) => [r.id, r.uri.split('/').at(-1) ?? r.uri]));
  return rows
    .filter((r) => r.duplicate_of !== null)
    .map((r) => `${file.get(r.id)} -> ${file.get(r.duplicate_of ?? '') ?? r.duplicate_of}`)
    .sort();
}

interface Target {
  env: Record<string, string>;
  open: () => Store;
  cleanup: () => Promise<void>;
}

function sqliteTarget(): Target {
  const dir = mkdtempSync(join(tmpdir(), 'puente-concurrent-db-'));
  const path = join(dir, 'concurrent.db');
  return {
    env: { PUENTE_DB: path },
    open: () => openStore({ sqlitePath: path }),
    cleanup: async () => rmSync(dir, { recursive: true, force: true }),
  };
}

async function postgresTarget(): Promise<Target> {
  const admin = inject('postgresUrl');
  const name = `concurrent_${randomBytes(5).toString('hex')}`;
  const query = async (statement: string) => {
    const client = new pg.Client({ connectionString: admin });
    await client.connect();
    await client.query(statement);
    await client.end();
  };
  await query(`CREATE DATABASE ${name}`);
  const url = admin.replace(/\/postgres$/, `/${name}`);
  return {
    env: { DATABASE_URL: url },
    open: () => openStore({ databaseUrl: url }),
    cleanup: () => query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`),
  };
}

const backends = [
  { name: 'sqlite', make: async () => sqliteTarget(), available: () => true },
  { name: 'postgres', make: postgresTarget, available: () => inject('postgresUrl') !== '' },
] as const;

let folder: Corpus = { dir: '', paths: () => [], planned: () => 0, everything: [], documents: 0 };
let sequential: string[] = [];

beforeAll(async () => {
  folder = corpus();
  // What one ingest of the folder, alone, links.
  const target = sqliteTarget();
  const store = target.open();
  try {
    await migrate(store.db);
    const results = await ingestPaths(store.db, folder.everything);
    expect(results.filter((r) => r.status === 'ingested')).toHaveLength(folder.documents);
    sequential = await links(store);
  } finally {
    await store.close();
    await target.cleanup();
  }
  // The corpus must hold near-duplicate families: every b- and c- file is a copy of its a- file.
  expect(sequential).toHaveLength(18);
  for (const link of sequential) expect(link).toMatch(/^[bc]-(\d\d)\.txt -> a-\1\.txt$/);
}, 120_000);

afterAll(() => rmSync(folder.dir, { recursive: true, force: true }));

for (const backend of backends) {
  const describeIt = backend.available() ? describe : describe.skip;
  describeIt(`[${backend.name}] ${processes} puente ingest processes on one database`, () => {
    let target: Target | undefined;
    beforeAll(async () => {
      target = await backend.make();
      const store = target.open();
      await migrate(store.db);
      await store.close();
    });
    afterAll(() => target?.cleanup());

    it('store every document once, each process finishing with its summary and no failure, linking every copy', async () => {
      if (!target) throw new Error('no target');
      const env = target.env;
      const runs = await Promise.all(
        Array.from({ length: processes }, (_, k) =>
          run(['ingest', '--workers', '1', ...folder.paths(k)], env),
        ),
      );
      const outcome = runs.map((r, k) => {
        const summary = new RegExp(summaryLine.source, 'm').exec(r.stdout);
        return {
          exit: r.status,
          problems: `${r.stdout}\n${r.stderr}`
            .split('\n')
            .filter((l) => /failed|locked|error/i.test(l) && !summaryLine.test(l)),
          // ingested + unchanged, failed: of the documents it was given
          seen: summary ? Number(summary[1]) + Number(summary[2]) : null,
          failed: summary ? Number(summary[3]) : null,
          ingested: summary ? Number(summary[1]) : 0,
          planned: folder.planned(k),
        };
      });
      const told = JSON.stringify(outcome, null, 1);
      for (const o of outcome) {
        expect(o.problems, told).toEqual([]);
        expect([o.exit, o.seen, o.failed], told).toEqual([0, o.planned, 0]);
      }
      // Each document was stored by exactly one of the processes.
      expect(outcome.reduce((n, o) => n + o.ingested, 0)).toBe(folder.documents);
      const store = target.open();
      try {
        expect((await checkWhole(store)).sources).toBe(folder.documents);
        const linked = await links(store);
        expect(linked, `${linked.length} of ${sequential.length} copies linked`).toEqual(sequential);
      } finally {
        await store.close();
      }
    }, 180_000);
  });
}

describe('[sqlite] puente db migrate in several processes at once', () => {
  it('migrates a fresh file once, every process succeeding', async () => {
    const target = sqliteTarget();
    try {
      const runs = await Promise.all(
        Array.from({ length: migrators }, () => run(['db', 'migrate'], target.env)),
      );
      for (const r of runs) {
        expect(r.stderr).toBe('');
        expect(r.status).toBe(0);
        expect(r.stdout).toMatch(/^(applied .+|up to date) \(/m);
      }
      // Each migration was applied once.
      const store = target.open();
      try {
        const { rows } = await sql<{ name: string }>`select name from kysely_migration`.execute(store.db);
        expect(rows.map((r) => r.name).sort()).toEqual(Object.keys(migrations).sort());
      } finally {
        await store.close();
      }
    } finally {
      await target.cleanup();
    }
  }, 120_000);
});
