import { copyFileSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { describeEachBackend } from '../../test/helpers/backends.js';
import { reportPdf } from '../../test/helpers/pdf-fixtures.js';
import { createApp } from '../api/app.js';
import { resultLine } from '../cli/ingest-command.js';
import type { Stage } from '../extract/document.js';
import { extract } from '../extract/extract.js';
import { defaultStages } from '../extract/stages.js';
import { defaultLexicon } from '../reference/lexicon.js';
import { repoRoot } from '../reference/paths.js';
import { ingestPaths, type IngestResult } from './ingest-paths.js';
import { inThread, workerPool, type Preparer } from './prepare-pool.js';
import { storable } from './to-domain.js';

const fixture = (name: string) => join(repoRoot, 'test', 'fixtures', 'documents', name);

interface SourceBody {
  mediaType: string;
  title: string;
  text: string;
  paragraphs: { index: number; start: number; end: number; page: number | null }[];
  claims: { evidence: { quote: string; start: number } }[];
}

describeEachBackend('ingest of PDF, feeds and JSON Lines', (store) => {
  it('stores a PDF with the page of each paragraph, and the API returns it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'puente-pdf-'));
    writeFileSync(join(dir, 'informe.pdf'), await reportPdf());
    const [result] = await ingestPaths(store().db, [join(dir, 'informe.pdf')]);
    expect(result).toMatchObject({ status: 'ingested', item: null, paragraphs: 6 });
    const app = createApp(store(), { webRoot: '/nonexistent' });
    const body = (await (
      await app.request(`/api/v1/sources/${result?.status === 'ingested' ? result.sourceId : ''}`)
    ).json()) as SourceBody;
    expect(body.mediaType).toBe('application/pdf');
    expect(body.paragraphs.map((p) => p.page)).toEqual([1, 1, 1, 1, 2, 2]);
    // Evidence can cite its page: the paragraph around the quote says which.
    const claim = body.claims.find((c) => c.evidence.quote === 'US$ 1.400 millones');
    const paragraph = body.paragraphs.find(
      (p) => p.start <= (claim?.evidence.start ?? -1) && (claim?.evidence.start ?? -1) < p.end,
    );
    expect(paragraph?.page).toBe(2);
  });

  it('stores each feed item and JSON line in its own transaction and goes on past bad items', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'puente-feed-'));
    copyFileSync(fixture('inversiones.rss'), join(dir, 'a.rss'));
    copyFileSync(fixture('registros.jsonl'), join(dir, 'b.jsonl'));
    const seen: IngestResult[] = [];
    const results = await ingestPaths(store().db, [dir], { onResult: (r) => seen.push(r) });
    expect(seen).toEqual(results);
    expect(results.map((r) => [String(r.path).split('/').pop(), r.item, r.status])).toEqual([
      ['a.rss', 'item 1', 'ingested'],
      ['a.rss', 'item 2', 'ingested'],
      ['a.rss', 'item 3', 'ingested'],
      ['a.rss', 'item 4', 'failed'],
      ['b.jsonl', 'line 1', 'ingested'],
      ['b.jsonl', 'line 2', 'failed'],
      ['b.jsonl', 'line 3', 'ingested'],
      ['b.jsonl', 'line 5', 'failed'],
      ['b.jsonl', 'line 6', 'ingested'],
    ]);
    const app = createApp(store(), { webRoot: '/nonexistent' });
    const list = (await (await app.request('/api/v1/sources?limit=50')).json()) as {
      total: number;
      items: { uri: string; publishedAt: string | null }[];
    };
    expect(list.total).toBe(6);
    expect(
      list.items.find((s) => s.uri === 'https://observatorio.example/2024/10/byd-camacari')?.publishedAt,
    ).toBe('2024-10-09');
    const again = await ingestPaths(store().db, [dir]);
    expect(again.filter((r) => r.status === 'unchanged')).toHaveLength(6);
  });
});

describeEachBackend('ingest reads each file once', (store) => {
  const counted = (inner: Preparer) => {
    const calls: string[] = [];
    const preparer: Preparer = {
      prepare: (path, budget) => {
        calls.push(String(path).split('/').pop() ?? '');
        return inner.prepare(path, budget);
      },
      close: () => inner.close(),
      threadsAnswered: () => inner.threadsAnswered(),
    };
    return { calls, preparer };
  };
  const folder = () => {
    const dir = mkdtempSync(join(tmpdir(), 'puente-once-'));
    for (let i = 0; i < 12; i++)
      writeFileSync(
        join(dir, `doc-${String(i).padStart(2, '0')}.txt`),
        `Document ${i}. China Eximbank lent US$ ${100 + i} million to Peru in 20${10 + i}.`,
      );
    return dir;
  };
  const names = Array.from({ length: 12 }, (_, i) => `doc-${String(i).padStart(2, '0')}.txt`);

  it('in this thread: every file prepared exactly once, stored in order', async () => {
    const { calls, preparer } = counted(inThread);
    const results = await ingestPaths(store().db, [folder()], { preparer });
    expect(calls).toEqual(names);
    expect(results.map((r) => [String(r.path).split('/').pop(), r.status])).toEqual(
      names.map((n) => [n, 'ingested']),
    );
  });

  it('in worker threads: every file prepared exactly once, stored in order', async () => {
    const pool = workerPool(2);
    const { calls, preparer } = counted(pool);
    try {
      const results = await ingestPaths(store().db, [folder()], { preparer, workers: 2 });
      expect([...calls].sort()).toEqual(names);
      expect(calls).toHaveLength(12);
      expect(results.map((r) => String(r.path).split('/').pop())).toEqual(names);
      expect(results.every((r) => r.status === 'ingested')).toBe(true);
    } finally {
      await pool.close();
    }
  });
});

describeEachBackend('ingest of a document on which an extraction stage fails', (store) => {
  // The default stages, the figures stage throwing on a paragraph that starts with BOOM.
  const stages = defaultStages.map((s): Stage =>
    s.name === 'figures'
      ? {
          name: s.name,
          run: (d, p) => {
            if (d.input.text.startsWith('BOOM', p.start)) throw new Error('figures exploded');
            return s.run(d, p);
          },
        }
      : s,
  );
  // Reads in this thread, then extracts with those stages, as a worker would hand the result to the writer.
  const failing: Preparer = {
    prepare: async (path, budget) => {
      const prepared = await inThread.prepare(path, budget);
      if (!prepared.ok) return prepared;
      const documents = prepared.documents.map((d) => ({
        ...d,
        found: storable(d.doc.contentHash, extract(d.doc, defaultLexicon(), stages)),
      }));
      return { ...prepared, documents };
    },
    close: async () => undefined,
    threadsAnswered: () => 0,
  };

  it('stores the rest of the document and says which stage failed on which paragraph', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'puente-stage-'));
    const file = join(dir, 'boom.txt');
    writeFileSync(
      file,
      'China Eximbank lent Peru US$ 1.3 billion in 2021.\n\nBOOM. Cosco Shipping invested US$ 3.5 billion in 2022.',
    );
    const [result] = await ingestPaths(store().db, [file], { preparer: failing });
    if (result?.status !== 'ingested') throw new Error(`not ingested: ${JSON.stringify(result)}`);
    expect(result.extractionErrors).toMatchObject([
      { stage: 'figures', paragraph: 1, message: 'figures exploded' },
    ]);
    expect(resultLine(result)).toMatch(
      /entities; 1 extraction stage failed on paragraph 2: figures: figures exploded\)$/,
    );
    const app = createApp(store(), { webRoot: '/nonexistent' });
    const body = (await (await app.request(`/api/v1/sources/${result.sourceId}`)).json()) as SourceBody;
    const quotes = body.claims.map((c) => c.evidence.quote);
    expect(quotes).toContain('US$ 1.3 billion');
    expect(quotes).not.toContain('US$ 3.5 billion');
  });

  it('notes nothing when every stage ran', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'puente-stage-'));
    writeFileSync(join(dir, 'fine.txt'), 'China Eximbank lent Peru US$ 1.3 billion in 2021.');
    const [result] = await ingestPaths(store().db, [join(dir, 'fine.txt')]);
    if (result?.status !== 'ingested') throw new Error(`not ingested: ${JSON.stringify(result)}`);
    expect(result.extractionErrors).toEqual([]);
    expect(resultLine(result)).not.toMatch(/extraction stage/);
  });
});
