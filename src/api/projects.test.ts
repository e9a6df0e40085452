import { expect, it } from 'vitest';
import { describeEachBackend } from '../../test/helpers/backends.js';
import { textDocument } from '../../test/helpers/documents.js';
import { gcdfFolder, gcdfRows } from '../../test/helpers/gcdf.js';
import { importGcdf } from '../import/gcdf.js';
import { storeDocument } from '../pipeline/store-document.js';
import { seedRegistry } from '../reference/registry.js';
import type { Store } from '../store/connect.js';
import { createApp } from './app.js';

interface Item {
  id: string;
  name: string;
  year: number | null;
  amount: { usd2021: number | null } | null;
  conflicts: number;
  sources: number;
}
interface Page {
  items: Item[];
  total: number;
  next: string | null;
}

/** Documents that give projects conflicts, two sources, no amount or no point. */
const documents = [
  'Lima, 10 oct. El puerto de Chancay, al norte de Lima, avanza. El puerto de Chancay tendrá una inversión de 1.300 millones de dólares, según el ministerio.',
  'The Chancay Port opened on Thursday. The Chancay Port required an investment of US$3.5 billion, Cosco Shipping said.',
  'The Coca Codo Sinclair Dam is a hydroelectric dam in Ecuador built by Sinohydro.',
];

/** A store with the registry, 24 GCDF records and the documents above; the app over it. */
async function seeded(s: Store) {
  await seedRegistry(s.db);
  await importGcdf(s.db, gcdfFolder(gcdfRows.slice(0, 24)));
  for (const [i, text] of documents.entries()) await storeDocument(s.db, textDocument(text, `doc-${i}.txt`));
  const app = createApp(s, { webRoot: '/nonexistent' });
  const get = async <T>(url: string) => {
    const res = await app.request(`/api/v1${url}`);
    return { status: res.status, body: (await res.json()) as T };
  };
  return { app, get };
}

/** The sort value of an item, as the list sorts it. */
const sortValue: Record<string, (p: Item) => string | number | null> = {
  name: (p) => p.name,
  amount: (p) => p.amount?.usd2021 ?? null,
  year: (p) => p.year,
  conflicts: (p) => p.conflicts,
  sources: (p) => p.sources,
};

/** Whether `b` may follow `a` in the order of `sort`: empty values last, ties by id. */
function inOrder(sort: string, a: Item, b: Item): boolean {
  const value = sortValue[sort.replace('-', '')] ?? (() => null);
  const [x, y] = [value(a), value(b)];
  if (x === null || y === null) return y === null && (x !== null || a.id < b.id);
  if (x === y) return a.id < b.id;
  return sort.startsWith('-') ? x > y : x < y;
}

describeEachBackend('project list order, participants and points', (store) => {
  it('sorts by each field both ways, empty values last, and pages with cursors of its own sort', async () => {
    const { get } = await seeded(store());
    const all = (await get<Page>('/projects?limit=500')).body;
    expect(all.total).toBe(26);
    // The fixture has empty amounts and years, so "last" is put to the test.
    expect(all.items.some((p) => p.amount?.usd2021 == null)).toBe(true);
    expect(all.items.some((p) => p.year === null) && all.items.some((p) => p.year !== null)).toBe(true);
    expect(new Set(all.items.map((p) => p.conflicts)).size).toBeGreaterThan(1);
    for (const sort of ['name', 'amount', 'year', 'conflicts', 'sources'].flatMap((f) => [f, `-${f}`])) {
      const seen: Item[] = [];
      let next: string | null = null;
      do {
        const page: Page = (await get<Page>(`/projects?sort=${sort}&limit=5${next ? `&cursor=${next}` : ''}`))
          .body;
        expect(page.total).toBe(26);
        seen.push(...page.items);
        next = page.next;
      } while (next);
      expect(seen, sort).toHaveLength(26);
      expect(new Set(seen.map((p) => p.id)).size).toBe(26);
      for (let i = 1; i < seen.length; i++) {
        const [a, b] = [seen[i - 1], seen[i]];
        if (a && b) expect(inOrder(sort, a, b), `${sort}: ${a.id} before ${b.id}`).toBe(true);
      }
    }
    // The default order stays by id.
    const ids = all.items.map((p) => p.id);
    expect(ids).toEqual([...ids].sort());
  });

  it('refuses a cursor of another sort or of the default order with a 400 that says so', async () => {
    const { get } = await seeded(store());
    const byAmount = (await get<Page>('/projects?sort=-amount&limit=3')).body;
    const byId = (await get<Page>('/projects?limit=3')).body;
    const crossed = await get<{ error: { code: string; message: string } }>(
      `/projects?sort=year&cursor=${byAmount.next ?? ''}`,
    );
    expect(crossed.status).toBe(400);
    expect(crossed.body.error.message).toBe('this cursor was made for sort=-amount, not sort=year');
    const fromDefault = await get<{ error: { message: string } }>(
      `/projects?sort=name&cursor=${byId.next ?? ''}`,
    );
    expect(fromDefault.status).toBe(400);
    expect(fromDefault.body.error.message).toMatch(/made for another order/);
    // A sorted cursor in the default order is refused too, and so is an unknown sort.
    expect((await get(`/projects?cursor=${byAmount.next ?? ''}`)).status).toBe(400);
    expect((await get('/projects?sort=colour')).status).toBe(400);
    expect((await get('/projects?sort=name&release=latest')).status).toBe(400);
  });
});
