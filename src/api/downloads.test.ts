import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { describeEachBackend } from '../../test/helpers/backends.js';
import { seedDocument, seedFiles } from '../../test/helpers/documents.js';
import { storeDocument } from '../pipeline/store-document.js';
import { createApp } from './app.js';
import { downloadPages, downloadRowCap } from './downloads.js';

/** The body's chunks as they arrive, decoded. */
async function chunksOf(res: Response): Promise<string[]> {
  const chunks: string[] = [];
  const decoder = new TextDecoder();
  const reader = res.body?.getReader();
  for (;;) {
    const got = await reader?.read();
    if (!got || got.done) return chunks;
    chunks.push(decoder.decode(got.value, { stream: true }));
  }
}

describeEachBackend('downloads', (store) => {
  it('streams the same rows as the paged JSON list, a page at a time', async () => {
    const s = store();
    for (const name of seedFiles) await storeDocument(s.db, seedDocument(name));
    const app = createApp(s, { webRoot: '/nonexistent', load: { pageSize: 3 } });
    const paged: { id: string }[] = [];
    let cursor: string | null = null;
    do {
      const page = (await (
        await app.request(`/api/v1/claims?limit=7${cursor ? `&cursor=${cursor}` : ''}`)
      ).json()) as { items: { id: string }[]; next: string | null };
      paged.push(...page.items);
      cursor = page.next;
    } while (cursor);
    expect(paged.length).toBeGreaterThan(10);
    const ids = paged.map((c) => c.id);

    const jsonChunks = await chunksOf(await app.request('/api/v1/claims.json'));
    // An opening, a chunk per page of 3, and a closing.
    expect(jsonChunks.length).toBeGreaterThanOrEqual(Math.ceil(ids.length / 3) + 2);
    const json = JSON.parse(jsonChunks.join('')) as {
      items: { id: string; annotation: unknown }[];
      total: number;
    };
    expect(json.items.map((c) => c.id)).toEqual(ids);
    expect(json.total).toBe(ids.length);
    expect(json.items[0]?.annotation).toMatchObject({ type: 'Annotation' });

    const csvChunks = await chunksOf(await app.request('/api/v1/claims.csv'));
    expect(csvChunks.length).toBeGreaterThanOrEqual(Math.ceil(ids.length / 3) + 1);
    const lines = csvChunks.join('').trim().split('\r\n');
    expect(lines.slice(1).map((l) => l.split(',')[0])).toEqual(ids);

    const book = new ExcelJS.Workbook();
    await book.xlsx.load(await (await app.request('/api/v1/claims.xlsx')).arrayBuffer());
    expect(book.getWorksheet('claims')?.getColumn(1).values.slice(2)).toEqual(ids);

    // From a page's cursor, the rest of the list.
    const { next } = (await (await app.request('/api/v1/claims?limit=5')).json()) as { next: string };
    const rest = JSON.parse(await (await app.request(`/api/v1/claims.json?cursor=${next}`)).text()) as {
      items: { id: string }[];
    };
    expect(rest.items.map((c) => c.id)).toEqual(ids.slice(5));
    // A bad cursor is still an error with a status, not a broken stream.
    expect((await app.request('/api/v1/claims.csv?cursor=garbage')).status).toBe(400);
  });
});

describe('downloadPages', () => {
  it('stops at the download cap, asking the last page for no more than is left', async () => {
    const asked: number[] = [];
    const pages = await downloadPages(
      async (cursor, limit) => {
        asked.push(limit);
        const start = Number(cursor ?? 0);
        return {
          items: Array.from({ length: limit }, (_, i) => start + i),
          total: 1e9,
          next: String(start + limit),
        };
      },
      null,
      30_000,
    );
    let count = 0;
    let last = -1;
    for await (const rows of pages) {
      count += rows.length;
      last = rows[rows.length - 1] ?? last;
    }
    expect(count).toBe(downloadRowCap);
    expect(last).toBe(downloadRowCap - 1);
    expect(asked).toEqual([30_000, 30_000, 30_000, 10_000]);
  });
});
