import ExcelJS from 'exceljs';
import { expect, it } from 'vitest';
import { describeEachBackend } from '../../test/helpers/backends.js';
import { seedDocument, seedFiles, textDocument } from '../../test/helpers/documents.js';
import { storeDocument } from '../pipeline/store-document.js';
import type { Store } from '../store/connect.js';
import { createApp } from './app.js';

interface Json {
  [key: string]: unknown;
}

async function seeded(store: Store) {
  for (const name of seedFiles) await storeDocument(store.db, seedDocument(name));
  return createApp(store, { webRoot: '/nonexistent' });
}

const json = async (res: Response) => (await res.json()) as Json & { items: Json[] };

describeEachBackend('api', (store) => {
  it('lists sources with the contract fields, seed 000 showing its duplicate paragraphs', async () => {
    const app = await seeded(store());
    const res = await app.request('/api/v1/sources');
    expect(res.status).toBe(200);
    const body = await json(res);
    expect(body).toMatchObject({ total: 2, next: null });
    for (const item of body.items) {
      for (const key of ['id', 'title', 'language', 'paragraphs', 'duplicateParagraphs'])
        expect(item).toHaveProperty(key);
    }
    const seed000 = body.items.find((s) => String(s.uri).includes('000_'));
    expect(seed000?.duplicateParagraphs).toBeGreaterThan(0);
    expect(seed000?.language).toBe('en');
  });

  it('shows one source with text, flagged paragraphs, entities and claims whose quotes are their spans', async () => {
    const app = await seeded(store());
    const list = await json(await app.request('/api/v1/sources'));
    const id = String(list.items.find((s) => String(s.uri).includes('000_'))?.id);
    const body = (await (await app.request(`/api/v1/sources/${id}`)).json()) as {
      text: string;
      paragraphs: { start: number; end: number; duplicate: boolean; duplicateOf: number | null }[];
      entities: { id: string; mentions: { start: number; end: number }[] }[];
      claims: { evidence: { start: number; end: number; quote: string } }[];
    };
    expect(body.paragraphs.filter((p) => p.duplicate).length).toBeGreaterThan(0);
    expect(body.paragraphs.every((p) => p.duplicate === (p.duplicateOf !== null))).toBe(true);
    expect(body.claims.map((c) => c.evidence.quote)).toContain('$596.2 billion');
    for (const c of body.claims)
      expect(body.text.slice(c.evidence.start, c.evidence.end)).toBe(c.evidence.quote);
    expect(body.entities.map((e) => e.id)).toEqual(
      expect.arrayContaining(['country:CN', 'country:PE', 'country:EC']),
    );
  });

  it('pages and filters claims, and its CSV twin holds the same rows', async () => {
    const s = store();
    const app = await seeded(s);
    const { sourceId } = await storeDocument(
      s.db,
      textDocument('A loan of $2 billion and R$ 5 bilhões.\n\nAnd =1+2 or $3 billion for the port.'),
    );
    const all = await json(await app.request('/api/v1/claims?limit=500'));
    expect(all.total).toBeGreaterThan(10);
    expect(all.items).toHaveLength(Number(all.total));
    const first = await json(await app.request(`/api/v1/claims?source=${sourceId}&limit=2`));
    expect(first.total).toBe(3);
    expect(first.items).toHaveLength(2);
    const second = await json(
      await app.request(`/api/v1/claims?source=${sourceId}&limit=2&cursor=${String(first.next)}`),
    );
    expect(second.items).toHaveLength(1);
    expect(second.next).toBeNull();
    expect([...first.items, ...second.items].map((c) => c.property)).toEqual(['loan', 'loan', 'amount']);
    // % and _ in q are searched for literally, on both backends.
    await storeDocument(s.db, textDocument('Growth was 50% of $8 billion, said_the report.'));
    const percent = await json(await app.request('/api/v1/claims?q=50%25'));
    expect(percent.total).toBe(1);
    expect((await json(await app.request('/api/v1/claims?q=_'))).total).toBe(0);
    const brl = await json(await app.request('/api/v1/claims?unit=BRL'));
    expect(brl.items.map((c) => c.evidence)).toMatchObject([{ quote: 'R$ 5 bilhões' }]);

    const csv = await app.request('/api/v1/claims.csv?unit=USD');
    expect(csv.headers.get('content-type')).toMatch(/^text\/csv/);
    const lines = (await csv.text()).trim().split('\r\n');
    expect(lines[0]).toMatch(
      /^id,source_id,subject_id,subject,property,value,unit,currency,qualifier,time,quote,start,end/,
    );
    expect(lines).toHaveLength(5);
    expect(lines.some((l) => l.includes(',596200000000,USD,USD,'))).toBe(true);

    // The same rows as an XLSX sheet and as JSON.
    const claimBook = new ExcelJS.Workbook();
    await claimBook.xlsx.load(await (await app.request('/api/v1/claims.xlsx?unit=USD')).arrayBuffer());
    const claimSheet = claimBook.getWorksheet('claims');
    expect(claimSheet?.rowCount).toBe(5);
    expect((claimSheet?.getColumn(6).values ?? []).includes(596200000000)).toBe(true);
    const claimJson = (await (await app.request('/api/v1/claims.json?unit=USD')).json()) as { total: number };
    expect(claimJson.total).toBe(4);
  });

  it('answers every error with the one JSON shape', async () => {
    const app = await seeded(store());
    const cases: [string, number, string][] = [
      ['/api/v1/sources/s_missing', 404, 'not_found'],
      ['/api/v1/nothing-here', 404, 'not_found'],
      ['/api/v1/claims?limit=0', 400, 'bad_request'],
      ['/api/v1/claims?cursor=garbage', 400, 'bad_request'],
      ['/api/v1/claims?qualifier=maybe', 400, 'bad_request'],
      ['/api/v1/sources?limit=x', 400, 'bad_request'],
      // Well-formed cursors whose parts have the wrong kind must not reach the database (PostgreSQL would 500).
      ...[
        ['a', 'abc', 'c'],
        ['a', 1.5, 'c'],
        ['a', 1e300, 'c'],
      ].map((key): [string, number, string] => [
        `/api/v1/claims?cursor=${Buffer.from(JSON.stringify(key)).toString('base64url')}`,
        400,
        'bad_request',
      ]),
      ['/api/v1/claims?source=%00', 400, 'bad_request'],
      ['/api/v1/claims?q=%00', 400, 'bad_request'],
      ['/api/v1/sources/%00', 404, 'not_found'],
    ];
    for (const [path, status, code] of cases) {
      const res = await app.request(path);
      expect(res.status, path).toBe(status);
      const body = await json(res);
      expect(body, path).toMatchObject({ ok: false, error: { code } });
      expect(typeof (body.error as Json).message).toBe('string');
    }
  });

  it('sends security headers and reports its backend', async () => {
    const s = store();
    const app = await seeded(s);
    const res = await app.request('/api/v1/health');
    expect(await res.json()).toEqual({ ok: true, backend: s.backend });
    expect(res.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(res.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('referrer-policy')).toBe('strict-origin-when-cross-origin');
  });
});
