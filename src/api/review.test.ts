import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { expect, it } from 'vitest';
import { describeEachBackend } from '../../test/helpers/backends.js';
import { textDocument } from '../../test/helpers/documents.js';
import { exportDataPackage } from '../export/datapackage.js';
import { storeDocument } from '../pipeline/store-document.js';
import { seedRegistry } from '../reference/registry.js';
import { addUser, createToken } from '../store/accounts.js';
import type { Store } from '../store/connect.js';
import { createApp } from './app.js';

interface Claim {
  id: string;
  subjectId: string | null;
  property: string;
  value: { kind: string; amount?: number };
  time: string | null;
  reviewState: string;
  version: number;
  evidence: { sourceId: string; start: number; end: number; quote: string };
}
interface Revision {
  action: string;
  actor: string;
  why: string | null;
  targetId: string;
  before: unknown;
  after: unknown;
}

const article = [
  'The port of Chancay in Peru will cost $3.5 billion, COSCO Shipping said in 2024.',
  'China Development Bank lent $2 billion to Ecuador in 2010, and the Export-Import Bank of China lent $1 billion.',
].join('\n\n');

async function setUp(s: Store) {
  await seedRegistry(s.db);
  const { sourceId } = await storeDocument(s.db, textDocument(article, 'https://example.org/chancay.txt'));
  await addUser(s.db, 'ed', 'editor', 'correct horse battery');
  await addUser(s.db, 'ada', 'admin', 'correct horse battery');
  const editor = (await createToken(s.db, 'ed', 't')).token;
  const admin = (await createToken(s.db, 'ada', 't')).token;
  const app = createApp(s, { webRoot: '/nonexistent' });
  const call = async (method: string, url: string, body?: unknown, token = editor) => {
    const res = await app.request(`/api/v1${url}`, {
      method,
      headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    return { status: res.status, body: (await res.json()) as Record<string, unknown> };
  };
  return { sourceId, app, call, admin };
}

describeEachBackend('review, releases, search and exports', (store) => {
  it('runs the review flow over HTTP: propose, accept, a stale edit gets 409, revisions are visible', async () => {
    const s = store();
    const { sourceId, call } = await setUp(s);
    const queue = await call('GET', '/review?kind=claim&limit=500');
    const proposed = (queue.body.items as { claim: Claim }[]).map((i) => i.claim);
    expect(queue.body.total).toBe(proposed.length);
    const cost = proposed.find((c) => c.value.amount === 3.5e9);
    expect(cost?.subjectId).toBe('project:port:chancay');
    if (!cost) return;
    // Propose a claim by hand, citing the exact span that states it.
    const source = await call('GET', `/sources/${sourceId}`);
    const text = String(source.body.text);
    const start = text.indexOf('COSCO Shipping');
    const made = await call('POST', '/claims', {
      sourceId,
      start,
      end: start + 'COSCO Shipping'.length,
      subjectId: 'project:port:chancay',
      property: 'operator',
      value: { kind: 'text', text: 'COSCO Shipping' },
      why: 'named as the speaker and operator',
    });
    expect(made.status).toBe(201);
    const hand = made.body as unknown as Claim;
    expect(hand).toMatchObject({
      reviewState: 'proposed',
      version: 1,
      evidence: { quote: 'COSCO Shipping' },
    });
    const badSpan = await call('POST', '/claims', {
      ...made.body,
      sourceId,
      start: 0,
      end: 10 ** 6,
      subjectId: null,
      property: 'x',
      value: { kind: 'text', text: 'x' },
    });
    expect(badSpan.status).toBe(400);
    expect(
      ((await call('GET', '/review?kind=claim&limit=500')).body.items as { claim: Claim }[]).map(
        (i) => i.claim.id,
      ),
    ).toContain(hand.id);
    // Accept it, then edit the cost twice: once from the version seen, once from a stale one.
    const accepted = await call('POST', `/claims/${hand.id}/accept`, { version: 1 });
    expect(accepted.body).toMatchObject({ reviewState: 'accepted', version: 2 });
    const first = await call('PATCH', `/claims/${cost.id}`, {
      version: 1,
      why: 'the company revised the figure',
      set: { value: { kind: 'quantity', amount: 3.6e9, unit: 'USD', currency: 'USD' } },
    });
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ version: 2, reviewState: 'accepted', value: { amount: 3.6e9 } });
    const stale = await call('PATCH', `/claims/${cost.id}`, {
      version: 1,
      set: { value: { kind: 'quantity', amount: 9e9, unit: 'USD', currency: 'USD' } },
    });
    expect(stale.status).toBe(409);
    expect(JSON.stringify(stale.body)).toMatch(/version 1.*version 2/);
    const now = await call('GET', `/claims/${cost.id}`);
    expect(now.body).toMatchObject({ version: 2, value: { amount: 3.6e9 } });
    const revisions = now.body.revisions as Revision[];
    expect(revisions.map((r) => r.action)).toEqual(['create', 'update']);
    expect(revisions[1]).toMatchObject({
      actor: 'ed',
      why: 'the company revised the figure',
      before: { value: { amount: 3.5e9 } },
      after: { value: { amount: 3.6e9 } },
    });
    // The project shows the editor's value, and its history holds both claims' revisions.
    const project = await call('GET', '/projects/project:port:chancay');
    expect(project.body).toMatchObject({ amount: { value: 3.6e9 } });
    const history = (await call('GET', '/projects/project:port:chancay/revisions')).body.items as Revision[];
    expect(history.filter((r) => r.actor === 'ed').map((r) => `${r.action} ${r.targetId}`)).toEqual(
      expect.arrayContaining([`create ${hand.id}`, `accept ${hand.id}`, `update ${cost.id}`]),
    );
  });

  it('releases freeze accepted claims; a diff shows exactly what changed; releases never change', async () => {
    const s = store();
    const { call, admin, app, sourceId } = await setUp(s);
    const claims = ((await call('GET', '/review?kind=claim&limit=500')).body.items as { claim: Claim }[]).map(
      (i) => i.claim,
    );
    expect(claims.length).toBeGreaterThanOrEqual(4);
    const [a, b, c, d] = claims as [Claim, Claim, Claim, Claim];
    for (const claim of [a, b, c])
      expect((await call('POST', `/claims/${claim.id}/accept`, { version: 1 })).status).toBe(200);
    const port = (await call('GET', '/entities/project:port:chancay')).body as { version: number };
    expect(
      (await call('POST', '/entities/project:port:chancay/accept', { version: port.version })).status,
    ).toBe(200);
    const r1 = await call('POST', '/releases', { name: 'r1', note: 'first' }, admin);
    expect(r1.status).toBe(201);
    expect(r1.body).toMatchObject({ name: 'r1', claimCount: 3 });
    const entitiesInR1 = Number(r1.body.entityCount);
    // Between the releases: one claim rejected, one edited, one accepted; one left proposed.
    await call('POST', `/claims/${a.id}/reject`, { version: 2, why: 'not in the text' });
    await call('PATCH', `/claims/${b.id}`, { version: 2, set: { time: '2023' } });
    await call('POST', `/claims/${d.id}/accept`, { version: 1 });
    expect((await call('POST', '/releases', { name: 'r1' }, admin)).status).toBe(409);
    expect((await call('POST', '/releases', { name: 'latest' }, admin)).status).toBe(400);
    expect((await call('POST', '/releases', { name: 'r2' }, admin)).status).toBe(201);
    const diff = (await call('GET', '/releases/r1/diff/r2')).body as {
      claims: { added: Claim[]; removed: Claim[]; changed: { id: string; before: Claim; after: Claim }[] };
      entities: { added: unknown[]; removed: unknown[]; changed: unknown[] };
    };
    expect(diff.claims.added.map((x) => x.id)).toEqual([d.id]);
    expect(diff.claims.removed.map((x) => x.id)).toEqual([a.id]);
    expect(diff.claims.changed.map((x) => x.id)).toEqual([b.id]);
    expect(diff.claims.changed[0]?.after.time).toBe('2023');
    expect(diff.claims.changed[0]?.before.time).not.toBe('2023');
    expect(diff.entities).toEqual({ added: [], removed: [], changed: [] });
    expect(entitiesInR1).toBeGreaterThan(100);
    expect((await call('GET', '/releases')).body.items).toMatchObject([{ name: 'r2' }, { name: 'r1' }]);
    expect((await call('GET', '/releases/nope/diff/r2')).status).toBe(404);
    // A release's rows cannot be changed or deleted, even in SQL.
    await expect(s.db.updateTable('release_item').set({ content: '{}' }).execute()).rejects.toThrow(
      /releases never change/,
    );
    await expect(s.db.deleteFrom('release').execute()).rejects.toThrow(/releases never change/);
    // Lists and downloads name a release.
    const inR1 = await call('GET', '/claims?release=r1');
    expect((inR1.body.items as Claim[]).map((x) => x.id).sort()).toEqual([a.id, b.id, c.id].sort());
    const csv = await (await app.request('/api/v1/claims.csv?release=r1')).text();
    expect(parse(csv, { columns: true })).toHaveLength(3);
    // A release's projects are reconciled from its own claims.
    const projects = await call('GET', '/projects?release=r1');
    expect(projects.body).toMatchObject({ total: 1, items: [{ id: 'project:port:chancay' }] });
    const projectCsv = await (await app.request('/api/v1/projects.csv?release=r1&country=PE')).text();
    expect((parse(projectCsv, { columns: true }) as { id: string }[]).map((r) => r.id)).toEqual([
      'project:port:chancay',
    ]);
    expect((await call('GET', '/projects?release=r1&country=EC')).body.total).toBe(0);
    // The data package of r2: three CSV resources whose columns are their schemas' fields.
    const parent = mkdtempSync(join(tmpdir(), 'puente-dp-'));
    writeFileSync(join(parent, 'notes.txt'), 'mine');
    await expect(exportDataPackage(s.db, parent, 'r2')).rejects.toThrow(/exists and is not a data package/);
    expect(readFileSync(join(parent, 'notes.txt'), 'utf8')).toBe('mine');
    const dir = join(parent, 'package');
    const done = await exportDataPackage(s.db, dir, 'r2');
    expect(done).toMatchObject({ claims: 3, sources: 1 });
    const descriptor = JSON.parse(readFileSync(join(dir, 'datapackage.json'), 'utf8')) as {
      profile: string;
      licenses: unknown[];
      resources: { name: string; path: string; schema: { fields: { name: string }[] } }[];
    };
    expect(descriptor.profile).toBe('tabular-data-package');
    expect(descriptor.licenses.length).toBeGreaterThan(0);
    for (const resource of descriptor.resources) {
      const rows = parse(readFileSync(join(dir, resource.path), 'utf8'), { columns: true }) as Record<
        string,
        string
      >[];
      expect(Object.keys(rows[0] ?? {})).toEqual(resource.schema.fields.map((f) => f.name));
      if (resource.name === 'claims') expect(rows.map((r) => r.id).sort()).toEqual([b.id, c.id, d.id].sort());
      if (resource.name === 'sources') expect(rows.map((r) => r.id)).toEqual([sourceId]);
    }
  });

  it('gives each claim of a JSON download its evidence as a W3C Web Annotation', async () => {
    const s = store();
    const { app, sourceId } = await setUp(s);
    const body = (await (await app.request(`/api/v1/claims.json?source=${sourceId}`)).json()) as {
      items: (Claim & {
        annotation: { type: string; target: { source: string; selector: Record<string, unknown>[] } };
      })[];
    };
    expect(body.items.length).toBeGreaterThan(2);
    for (const claim of body.items) {
      expect(claim.annotation.type).toBe('Annotation');
      expect(claim.annotation.target.source).toBe('https://example.org/chancay.txt');
      const [quote, position] = claim.annotation.target.selector;
      expect(quote).toMatchObject({ type: 'TextQuoteSelector', exact: claim.evidence.quote });
      expect(
        article
          .replace(/\n\n/g, '\n\n')
          .includes(`${String(quote?.prefix)}${claim.evidence.quote}${String(quote?.suffix)}`),
      ).toBe(true);
      expect(position).toEqual({
        type: 'TextPositionSelector',
        start: claim.evidence.start,
        end: claim.evidence.end,
      });
    }
  });

  it('searches sources and entities in full text, accents ignored; counts and sums projects by facet', async () => {
    const s = store();
    const { call, sourceId } = await setUp(s);
    const hits = (await call('GET', '/search?q=chancay')).body.items as {
      kind: string;
      id: string;
      snippet: string;
    }[];
    expect(hits.map((h) => `${h.kind} ${h.id}`)).toEqual(expect.arrayContaining([`source ${sourceId}`]));
    expect(hits.find((h) => h.kind === 'source')?.snippet).toMatch(/Chancay/);
    const peru = (await call('GET', '/search?q=Perú&kind=entity')).body.items as { id: string }[];
    expect(peru.map((h) => h.id)).toContain('country:PE');
    const prefix = (await call('GET', '/search?q=develop bank')).body.items as { id: string }[];
    expect(prefix.map((h) => h.id)).toContain('org:cdb');
    expect((await call('GET', '/search?q=zzzqqq')).body.items).toEqual([]);
    expect((await call('GET', '/search?q=%22OR%20*')).status).toBe(200);
    const page = await call('GET', '/projects?facets=country,sector,flow&groupBy=country');
    const facets = page.body.facets as Record<string, { value: string; count: number }[]>;
    expect(facets.country).toEqual(expect.arrayContaining([{ value: 'PER', count: 1 }]));
    const groups = page.body.groups as { key: string; count: number; amountUsd2021: number }[];
    const total = groups.reduce((n, g) => n + g.count, 0);
    expect(total).toBeGreaterThanOrEqual(Number(page.body.total));
    expect(groups.find((g) => g.key === 'PER')?.amountUsd2021).toBeGreaterThan(3e9);
    expect((await call('GET', '/projects?facets=colour')).status).toBe(400);
    const countries = (await call('GET', '/countries?lac=true')).body as {
      items: { id: string; projects: number }[];
    };
    expect(countries.items.find((x) => x.id === 'country:PE')?.projects).toBe(1);
    const profile = await call('GET', '/countries/PE');
    expect(profile.body).toMatchObject({ id: 'country:PE', projects: 1 });
    const tree = (await call('GET', '/commitments')).body.items as {
      id: string;
      children: { id: string }[];
    }[];
    expect(tree.find((n) => n.id === 'policy:five-major-projects')?.children).toHaveLength(5);
  });

  it('merges two entities and splits one, with revisions and 409 on stale versions', async () => {
    const s = store();
    const { call, sourceId } = await setUp(s);
    const text = String((await call('GET', `/sources/${sourceId}`)).body.text);
    const at = text.indexOf('Export-Import Bank of China');
    const cite = { sourceId, start: at, end: at + 'Export-Import Bank of China'.length };
    const aboutExim = String(
      (
        await call('POST', '/claims', {
          ...cite,
          subjectId: 'org:cexim',
          property: 'loan',
          value: { kind: 'quantity', amount: 1e9, unit: 'USD', currency: 'USD' },
        })
      ).body.id,
    );
    const lender = String(
      (
        await call('POST', '/claims', {
          ...cite,
          subjectId: 'project:port:chancay',
          property: 'lender',
          value: { kind: 'entity', entityId: 'org:cexim', name: 'Export-Import Bank of China' },
        })
      ).body.id,
    );
    const exim = (await call('GET', '/entities/org:cexim')).body as { version: number; sources: number };
    const cdb = (await call('GET', '/entities/org:cdb')).body as { version: number; sources: number };
    expect(exim.sources).toBe(1);
    const stale = await call('POST', '/entities/org:cexim/merge', {
      into: 'org:cdb',
      version: exim.version + 1,
      intoVersion: cdb.version,
    });
    expect(stale.status).toBe(409);
    const merged = await call('POST', '/entities/org:cexim/merge', {
      into: 'org:cdb',
      version: exim.version,
      intoVersion: cdb.version,
      why: 'test',
    });
    expect(merged.status).toBe(200);
    expect(merged.body).toMatchObject({
      from: { reviewState: 'rejected', attributes: { mergedInto: 'org:cdb' } },
    });
    const into = (await call('GET', '/entities/org:cdb')).body as {
      aliases: { name: string }[];
      sources: number;
    };
    expect(into.aliases.map((a) => a.name)).toContain('Export-Import Bank of China');
    expect((await call('GET', '/entities/org:cexim')).body).toMatchObject({ sources: 0 });
    // A claim about the merged bank and one naming it as its value now name the other, each with its revision.
    for (const [id, value] of [
      [aboutExim, null],
      [lender, 'org:cdb'],
    ] as const) {
      const now = (await call('GET', `/claims/${id}`)).body as unknown as Claim & {
        subjectName: string;
        value: { entityId?: string };
        revisions: Revision[];
      };
      if (value) expect(now.value.entityId).toBe(value);
      else expect([now.subjectId, now.subjectName]).toEqual(['org:cdb', 'China Development Bank']);
      expect(now.revisions.at(-1)).toMatchObject({ action: 'update', actor: 'ed', why: 'test' });
    }
    expect(
      ((await call('GET', '/entities/org:cexim/revisions')).body.items as Revision[]).map((r) => r.action),
    ).toEqual(['merge']);
    // Split the port project: one of its claims moves to a new proposed entity.
    const about = (await call('GET', '/claims?subject=project:port:chancay')).body.items as Claim[];
    const moved = about[0];
    if (!moved) throw new Error('no claim about the port');
    const port = (await call('GET', '/entities/project:port:chancay')).body as { version: number };
    const split = await call('POST', '/entities/project:port:chancay/split', {
      version: port.version,
      name: 'Chancay logistics park',
      claims: [moved.id],
    });
    expect(split.status).toBe(201);
    const created = split.body.created as { id: string; reviewState: string };
    expect(created.reviewState).toBe('proposed');
    expect((await call('GET', `/claims/${moved.id}`)).body).toMatchObject({
      subjectId: created.id,
      subjectName: 'Chancay logistics park',
      version: moved.version + 1,
    });
    // The version seen before the split is stale now; a claim no longer about the project cannot move again.
    const again = { name: 'x', claims: [moved.id] };
    const staleSplit = await call('POST', '/entities/project:port:chancay/split', {
      ...again,
      version: port.version,
    });
    expect(staleSplit.status).toBe(409);
    const foreign = await call('POST', '/entities/project:port:chancay/split', {
      ...again,
      version: port.version + 1,
    });
    expect(foreign.status).toBe(400);
  });
});
