import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { repoRoot } from '../reference/paths.js';
import { migrate, openStore } from '../store/connect.js';
import { ingestPaths, type IngestResult } from './ingest-paths.js';
import { workerPool } from './prepare-pool.js';

const dir = mkdtempSync(join(tmpdir(), 'puente-pool-'));
const docs = join(dir, 'docs');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function ingest(workers: number): Promise<IngestResult[]> {
  const store = openStore({ sqlitePath: join(dir, `w${workers}.db`) });
  try {
    await migrate(store.db);
    return await ingestPaths(store.db, [docs], { workers });
  } finally {
    await store.close();
  }
}

describe('reading and extracting in worker threads', () => {
  it('stores the same results in the same order as one thread, bad files included', async () => {
    const { mkdirSync } = await import('node:fs');
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
    const [threaded, single] = [await ingest(2), await ingest(0)];
    expect(threaded).toHaveLength(10);
    expect(shape(threaded)).toEqual(shape(single));
    expect(threaded.filter((r) => r.status === 'ingested').length).toBe(8);
    expect(threaded.find((r) => String(r.path).endsWith('zz-empty.txt'))).toMatchObject({ status: 'failed' });
    expect(threaded.find((r) => String(r.path).endsWith('zz-copy.md'))).toMatchObject({
      status: 'unchanged',
    });
  });

  it('really runs in worker threads', async () => {
    const pool = workerPool(2);
    try {
      const file = join(dir, 'one.txt');
      writeFileSync(file, 'China lent Ecuador US$ 1.7 billion in 2010.');
      const [a, b] = await Promise.all([pool.prepare(file, 1e6), pool.prepare(file, 1e6)]);
      expect(a?.ok && a.documents[0]?.found.claims.map(({ claim }) => claim.value)).toEqual([
        { kind: 'quantity', amount: 1.7e9, unit: 'USD', currency: 'USD' },
      ]);
      expect(b?.ok).toBe(true);
      expect(pool.threadsAnswered()).toBe(2);
    } finally {
      await pool.close();
    }
  });
});
