import { Migrator } from 'kysely';
import { expect, it } from 'vitest';
import { describeEachBackend } from '../../test/helpers/backends.js';
import { textDocument } from '../../test/helpers/documents.js';
import { gcdfFolder, gcdfRows } from '../../test/helpers/gcdf.js';
import { importGcdf } from '../import/gcdf.js';
import { storeDocument } from '../pipeline/store-document.js';
import { seedRegistry } from '../reference/registry.js';
import { migrate, type Store } from '../store/connect.js';
import { migrationProvider } from '../store/migrations/index.js';
import type { ProjectPoint } from '../store/projects.js';
import { createRelease } from '../store/releases.js';
import { ClaimProposal, proposeClaim, reviewClaim } from '../store/review.js';
import { createApp } from './app.js';

interface Item {
  id: string;
  name: string;
  sector: string | null;
  location: { latitude: number } | null;
  year: number | null;
  amount: { usd2021: number | null } | null;
  conflicts: number;
  sources: number;
}
interface Participant {
  entityId: string | null;
  name: string;
  role: string;
  chinese: boolean;
}
interface Page {
  items: (Item & { participants: Participant[] })[];
  total: number;
  next: string | null;
  facets?: Record<string, { value: string; label?: string; count: number }[]>;
  groups?: { key: string; label?: string; count: number; amountUsd2021: number }[];
}

/** Documents that give projects conflicts, two sources, no amount or no point. */
const documents = [
  'Lima, 10 oct. El puerto de Chancay, al norte de Lima, avanza. El puerto de Chancay tendrá una inversión de 1.300 millones de dólares, según el ministerio.',
  'The Chancay Port opened on Thursday. The Chancay Port required an investment of US$3.5 billion, Cosco Shipping said. The Chancay Port is operated by COSCO Shipping. The Chancay Port is owned by COSCO Shipping.',
  'The Coca Codo Sinclair Dam is a hydroelectric dam in Ecuador built by Sinohydro.',
  'The Rositas Dam in Bolivia is financed by the Inter-American Development Bank.',
];

// Of the first 24 GCDF records, these name China Eximbank as lender: all in their titles ("China Eximbank provides
// $554.2 million buyer's credit loan"), two in their prose too.
const eximProjects = [
  'project:gcdf-34840',
  'project:gcdf-35818',
  'project:gcdf-35847',
  'project:gcdf-35977',
  'project:gcdf-35982',
  'project:gcdf-36064',
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
    expect(all.total).toBe(27);
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
        expect(page.total).toBe(27);
        seen.push(...page.items);
        next = page.next;
      } while (next);
      expect(seen, sort).toHaveLength(27);
      expect(new Set(seen.map((p) => p.id)).size).toBe(27);
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

  it('refuses a sort with a release on the downloads too, as the list does, and serves either alone', async () => {
    const { app } = await seeded(store());
    await createRelease(store().db, 'r1', 'ada', null, 'not-rejected');
    for (const format of ['csv', 'xlsx', 'json', 'geojson']) {
      // A download's body is not read here: cancelling it gives its load-limit slot back.
      const status = async (query: string) => {
        const res = await app.request(`/api/v1/projects.${format}?${query}`);
        await res.body?.cancel();
        return res.status;
      };
      expect([await status('release=r1'), await status('sort=-amount')], format).toEqual([200, 200]);
      const refused = await app.request(`/api/v1/projects.${format}?release=r1&sort=-amount`);
      expect(refused.status, format).toBe(400);
      expect(await refused.json(), format).toEqual({
        ok: false,
        error: {
          code: 'bad_request',
          message: 'sort is for the current data',
          hint: 'leave out release, or the sort',
        },
      });
    }
  });

  it('fills participants from documents and imported records, resolved to registry entities', async () => {
    const { get } = await seeded(store());
    const project = async (id: string) =>
      (await get<{ participants: Participant[] }>(`/projects/${id}`)).body;
    expect((await project('project:dam:coca-codo-sinclair')).participants).toEqual([
      { entityId: 'org:sinohydro', name: 'Sinohydro', role: 'contractor', chinese: true },
    ]);
    // The document writes "Cosco Shipping" and "COSCO Shipping": one entity, in two roles.
    expect((await project('project:port:chancay')).participants).toEqual([
      { entityId: 'org:cosco', name: 'COSCO Shipping', role: 'investor', chinese: true },
      { entityId: 'org:cosco', name: 'COSCO Shipping', role: 'operator', chinese: true },
    ]);
    expect((await project('project:dam:rositas')).participants).toEqual([
      {
        entityId: 'org:idb',
        name: 'Inter-American Development Bank',
        role: 'lender',
        chinese: false,
      },
    ]);
    // From a GCDF record's title and prose ("China Eximbank provides $554.2 million buyer's credit loan"): the
    // canonical name.
    expect((await project(eximProjects[1] ?? '')).participants).toContainEqual({
      entityId: 'org:cexim',
      name: 'Export-Import Bank of China',
      role: 'lender',
      chinese: true,
    });
    // List items carry them too.
    const list = (await get<Page>('/projects?q=rositas')).body;
    expect(list.items[0]?.participants.map((p) => p.entityId)).toEqual(['org:idb']);
  });

  it('filters by a participant entity or any Chinese participant, and counts by participant', async () => {
    const { get } = await seeded(store());
    const ids = async (query: string) =>
      (await get<Page>(`/projects?limit=500&${query}`)).body.items.map((p) => p.id);
    expect(await ids('participant=org:cexim')).toEqual(eximProjects);
    expect(await ids('participant=org:idb')).toEqual(['project:dam:rositas']);
    expect(await ids('participant=org:nobody')).toEqual([]);
    const chinese = await ids('participant=chinese');
    expect(chinese).toEqual(expect.arrayContaining([...eximProjects, 'project:dam:coca-codo-sinclair']));
    expect(chinese).toContain('project:port:chancay');
    expect(chinese).not.toContain('project:dam:rositas');
    // Every project listed as Chinese has a Chinese participant, and every other has none.
    const all = (await get<Page>('/projects?limit=500')).body.items;
    for (const p of all) expect(chinese.includes(p.id), p.id).toBe(p.participants.some((x) => x.chinese));
    const page = (await get<Page>('/projects?facets=participant&groupBy=participant')).body;
    const facet = page.facets?.participant ?? [];
    // First "any Chinese participant", as many as the chinese filter lists; then the parties, each said Chinese or not.
    expect(facet[0]).toEqual({
      value: 'chinese',
      label: 'any Chinese participant',
      chinese: true,
      count: chinese.length,
    });
    expect(facet).toContainEqual({
      value: 'org:cexim',
      label: 'Export-Import Bank of China',
      chinese: true,
      count: 6,
    });
    expect(facet).toContainEqual({
      value: 'org:idb',
      label: 'Inter-American Development Bank',
      chinese: false,
      count: 1,
    });
    // COSCO is investor and operator of Chancay: the project counts once, its amount is summed once.
    expect(facet).toContainEqual({ value: 'org:cosco', label: 'COSCO Shipping', chinese: true, count: 1 });
    const cosco = page.groups?.find((g) => g.key === 'org:cosco');
    const chancay = all.find((p) => p.id === 'project:port:chancay');
    expect(cosco?.amountUsd2021).toBe(chancay?.amount?.usd2021 ?? 0);
    // A release's projects are filtered the same way.
    await createRelease(store().db, 'r1', 'ada', null, 'not-rejected');
    const frozen = (await get<Page>('/projects?release=r1&participant=org:cexim')).body;
    expect(frozen.items.map((p) => p.id)).toEqual(eximProjects);
    // Filters and facets combine: within Bolivia, only the IDB's project.
    const bolivia = (await get<Page>('/projects?country=BO&facets=participant&participant=org:idb')).body;
    // The "any Chinese" count is taken under the other filters (Bolivia), not under participant=org:idb.
    const boliviaChinese = (await get<Page>('/projects?country=BO&participant=chinese')).body.total;
    expect(bolivia.facets?.participant).toEqual([
      { value: 'chinese', label: 'any Chinese participant', chinese: true, count: boliviaChinese },
      { value: 'org:idb', label: 'Inter-American Development Bank', chinese: false, count: 1 },
    ]);
  });

  it('recomputes participants with the view: a rejected claim drops one, an entity value adds one', async () => {
    const s = store();
    const { get } = await seeded(s);
    const contractor = await s.db
      .selectFrom('claim')
      .select(['id', 'version', 'source_id', 'span_start', 'span_end'])
      .where('subject_id', '=', 'project:dam:coca-codo-sinclair')
      .where('property', '=', 'contractor')
      .executeTakeFirstOrThrow();
    await reviewClaim(s.db, contractor.id, 'reject', { actor: 'ed', why: null, version: contractor.version });
    const rejected = (await get<Page>('/projects?participant=org:sinohydro')).body;
    expect(rejected.total).toBe(0);
    await proposeClaim(
      s.db,
      ClaimProposal.parse({
        sourceId: contractor.source_id,
        start: contractor.span_start,
        end: contractor.span_end,
        subjectId: 'project:dam:coca-codo-sinclair',
        property: 'lender',
        value: { kind: 'entity', entityId: 'org:cdb', name: 'CDB' },
      }),
      'ed',
    );
    const after = (await get<{ participants: Participant[] }>('/projects/project:dam:coca-codo-sinclair'))
      .body;
    expect(after.participants).toEqual([
      { entityId: 'org:cdb', name: 'China Development Bank', role: 'lender', chinese: true },
    ]);
    const rows = await s.db
      .selectFrom('project_participant')
      .select(['entity_id', 'role', 'chinese'])
      .where('project_id', '=', 'project:dam:coca-codo-sinclair')
      .execute();
    expect(rows).toEqual([{ entity_id: 'org:cdb', role: 'lender', chinese: 1 }]);
  });

  it('migrates down and up again: the new table comes back and every stored view is recomputed', async () => {
    const s = store();
    const { get } = await seeded(s);
    expect((await get<Page>('/projects?participant=org:sinohydro')).body.total).toBe(1);
    const migrator = new Migrator({ db: s.db, provider: migrationProvider });
    // Down to the one before it (later migrations are undone first).
    const down = await migrator.migrateTo('20261125T0900-accounts-review-releases');
    expect(down.error).toBeUndefined();
    expect(down.results?.at(-1)?.migrationName).toBe('20261127T0900-project-participants');
    expect(await s.db.selectFrom('project_dirty').select('project_id').execute()).toEqual([]);
    await migrate(s.db);
    const dirty = await s.db
      .selectFrom('project_dirty')
      .select((eb) => eb.fn.countAll().as('n'))
      .executeTakeFirst();
    expect(Number(dirty?.n)).toBe(27);
    expect((await get<Page>('/projects?participant=org:sinohydro')).body.total).toBe(1);
  });

  it('gives every located matching project as a point in one answer, and counts the unlocated', async () => {
    const { get } = await seeded(store());
    type Points = { items: ProjectPoint[]; total: number; unlocated: number };
    const all = (await get<Page>('/projects?limit=500')).body.items;
    const located = all.filter((p) => p.location !== null);
    const points = (await get<Points>('/projects/points')).body;
    expect(points.total).toBe(located.length);
    expect(points.items.map((p) => p.id)).toEqual(located.map((p) => p.id));
    expect(points.unlocated).toBe(all.length - located.length);
    // The documents' projects have no point (Chancay's is only "in Peru"), so both counts are tested.
    expect(points.unlocated).toBeGreaterThan(0);
    // The file's second record: its first, 34840, is left unlocated (its point lies in the wrong country).
    const first = gcdfRows[1] ?? {};
    expect(points.items.find((p) => p.id === `project:gcdf-${first.aiddata_record_id}`)).toEqual({
      id: `project:gcdf-${first.aiddata_record_id}`,
      name: first.title,
      latitude: Number(first.latitude),
      longitude: Number(first.longitude),
      precision: 'adm1',
      sector: first.sector_name,
      amountUsd2021: expect.closeTo(Number(first.amount_constant_usd_2021), 1) as unknown as number,
      country: first.recipient_iso3?.split('|')[0],
    });
    // The filters of the list apply: a sector, a participant.
    const sector = first.sector_name ?? '';
    const inSector = (await get<Points>(`/projects/points?sector=${encodeURIComponent(sector)}`)).body;
    expect(inSector.items.map((p) => p.id)).toEqual(
      located.filter((p) => p.sector === sector).map((p) => p.id),
    );
    const rositas = (await get<Points>('/projects/points?participant=org:idb')).body;
    expect(rositas).toEqual({ items: [], total: 0, unlocated: 1 });
    const exim = (await get<Points>('/projects/points?participant=org:cexim')).body;
    expect([exim.items.map((p) => p.id), exim.unlocated]).toEqual([
      eximProjects.filter((id) => id !== 'project:gcdf-34840'),
      1,
    ]);
    // It is not taken for a project id: the list's filters are checked.
    expect((await get('/projects/points?country=XX')).status).toBe(400);
    await createRelease(store().db, 'r1', 'ada', null, 'not-rejected');
    const frozen = (await get<Points>('/projects/points?release=r1&participant=org:cexim')).body;
    expect(frozen).toEqual(exim);
  });
});
