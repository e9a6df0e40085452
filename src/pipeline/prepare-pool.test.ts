import {
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  unlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { repoRoot } from '../reference/paths.js';
import { migrate, openStore } from '../store/connect.js';
import { defaultBudget } from './budget.js';
import { ingestPaths, type IngestOptions, type IngestResult } from './ingest-paths.js';
import { workerPool } from './prepare-pool.js';

const dir = mkdtempSync(join(tmpdir(), 'puente-pool-'));
const docs = join(dir, 'docs');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function ingest(name: string, paths: string[], options: IngestOptions): Promise<IngestResult[]> {
  const store = openStore({ sqlitePath: join(dir, `${name}.db`) });
  try {
    await migrate(store.db);
    return await ingestPaths(store.db, paths, options);
  } finally {
    await store.close();
  }
}

const jsonLines = (...texts: string[]) => texts.map((text) => JSON.stringify({ text })).join('\n') + '\n';
// Millions of characters of figures in one paragraph: seconds of extraction on any machine, next to a budget of
// a fifth of a second; the small items around it take about a millisecond each in a warm worker.
const slowText =
  'China Eximbank lent Ecuador US$ 1.7 billion in 2010 for the dam, the ministry said. '.repeat(45_000);

describe('reading and extracting in worker threads', () => {
  it('stores the same results in the same order as one thread, bad files included', async () => {
    mkdirSync(docs);
    const passages = join(repoRoot, 'eval', 'docs');
    for (const name of readdirSync(passages).slice(0, 8))
      writeFileSync(join(docs, name), readFileSync(join(passages, name)));
    writeFileSync(join(docs, 'zz-empty.txt'), '');
    writeFileSync(join(docs, 'zz-copy.md'), readFileSync(join(passages, readdirSync(passages)[2] ?? '')));
    const shape = (results: IngestResult[]) =>
      results.map((r) => [
        r.path,
        r.status,
        r.status === 'ingested' ? [r.sourceId, r.claims, r.duplicateOf] : null,
      ]);
    const [threaded, single] = [
      await ingest('w2', [docs], { workers: 2 }),
      await ingest('w0', [docs], { workers: 0 }),
    ];
    expect(threaded).toHaveLength(10);
    expect(shape(threaded)).toEqual(shape(single));
    expect(threaded.filter((r) => r.status === 'ingested').length).toBe(8);
    expect(threaded.find((r) => String(r.path).endsWith('zz-empty.txt'))).toMatchObject({ status: 'failed' });
    expect(threaded.find((r) => String(r.path).endsWith('zz-copy.md'))).toMatchObject({
      status: 'unchanged',
    });
  });

  it('really runs in worker threads, and opens a name that is not UTF-8 by its bytes', async () => {
    const pool = workerPool(2);
    try {
      const file = join(dir, 'one.txt');
      writeFileSync(file, 'China lent Ecuador US$ 1.7 billion in 2010.');
      const latin1 = Buffer.concat([
        Buffer.from(join(dir, 'informaci')),
        Buffer.from([0xf3]),
        Buffer.from('n.txt'),
      ]);
      writeFileSync(latin1, 'China lent Peru US$ 2 billion in 2011.');
      const [a, b] = await Promise.all([
        pool.prepare(file, defaultBudget),
        pool.prepare(latin1, defaultBudget),
      ]);
      expect(a?.ok && a.documents[0]?.found.claims.map(({ claim }) => claim.value)).toEqual([
        { kind: 'quantity', amount: 1.7e9, unit: 'USD', currency: 'USD' },
      ]);
      expect(b).toMatchObject({ path: latin1, ok: true });
      expect(b?.ok && b.documents[0]?.doc.uri).toBe(`${dir}/informaci\\xf3n.txt`);
      expect(pool.threadsAnswered()).toBeGreaterThanOrEqual(1);
    } finally {
      await pool.close();
    }
  });

  it('stops an item past its time budget in a new worker: the items before and after it and the next files are read', async () => {
    const feed = join(dir, 'feed.jsonl');
    writeFileSync(
      feed,
      jsonLines(
        'Peru got US$ 2 billion from China in 2015.',
        slowText,
        'Chile got US$ 3 billion from China in 2016.',
      ),
    );
    const next = join(dir, 'next.txt');
    writeFileSync(next, 'Bolivia got US$ 4 billion from China in 2017.');
    // One worker: the file after the feed waits in the queue while the feed's worker is stopped and replaced.
    const pool = workerPool(1);
    try {
      const budget = { ...defaultBudget, timeBudgetMs: 200 };
      const [fed, after] = await Promise.all([pool.prepare(feed, budget), pool.prepare(next, budget)]);
      expect(fed.ok && fed.documents.map((d) => [d.doc.where, d.found.claims.length])).toEqual([
        ['line 1', 1],
        ['line 3', 1],
      ]);
      expect(fed.ok && fed.failures).toEqual([
        {
          where: 'line 2',
          item: 2,
          message: 'stopped after the time budget of 0.2 s for one document',
          hint: 'raise --time-budget (seconds) or split the file',
        },
      ]);
      expect(after.ok && after.documents[0]?.doc.text).toBe('Bolivia got US$ 4 billion from China in 2017.');
      // and the replaced worker goes on with what comes later
      expect(await pool.prepare(next, budget)).toMatchObject({ ok: true });
    } finally {
      await pool.close();
    }
  });

  it('says in a sentence that a file was removed after the batch started', async () => {
    const folder = join(dir, 'removed');
    mkdirSync(folder);
    writeFileSync(join(folder, 'a.txt'), 'Peru got US$ 2 billion from China in 2015.');
    writeFileSync(join(folder, 'b.txt'), 'Chile got US$ 3 billion from China in 2016.');
    const results = await ingest('removed', [folder], {
      // the plan is made: b.txt goes before it is read
      onPlan: () => unlinkSync(join(folder, 'b.txt')),
    });
    expect(results.map((r) => [String(r.path).split('/').pop(), r.status])).toEqual([
      ['a.txt', 'ingested'],
      ['b.txt', 'failed'],
    ]);
    expect(results[1]).toMatchObject({
      message: 'the file was removed or renamed after the batch started',
      hint: 'put it back, or leave it out, and run the batch again',
    });
  });
});
