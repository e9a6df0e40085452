import { expect, it } from 'vitest';
import { describeEachBackend } from '../../test/helpers/backends.js';
import { seedDocument, textDocument } from '../../test/helpers/documents.js';
import { storeDocument } from '../pipeline/store-document.js';
import { listClaims } from './claims.js';
import { entitiesInSource } from './entities.js';
import { getMeta, setMeta } from './meta.js';
import { revisionsOf } from './revisions.js';
import { getSource, listSources } from './sources.js';

describeEachBackend('store', (store) => {
  it('stores a document with its paragraphs, duplicates, entities, claims and revisions', async () => {
    const { db } = store();
    const doc = seedDocument('000_c73c21d3761c4f3d.txt');
    const outcome = await storeDocument(db, doc);
    expect(outcome).toMatchObject({ status: 'ingested' });
    if (outcome.status !== 'ingested') return;
    expect(outcome.claims).toBeGreaterThan(10);
    expect(outcome.duplicateParagraphs).toBeGreaterThan(10);

    const source = await getSource(db, outcome.sourceId);
    expect(source?.text).toBe(doc.text);
    expect(source?.paragraphs).toEqual(doc.paragraphs.map((p) => ({ ...p, repeats: null })));
    expect(source?.duplicateParagraphs).toBe(outcome.duplicateParagraphs);

    const claims = await listClaims(db, { sourceId: outcome.sourceId }, { limit: 500 });
    expect(claims.total).toBe(outcome.claims);
    for (const c of claims.items)
      expect(doc.text.slice(c.evidence.start, c.evidence.end)).toBe(c.evidence.quote);
    const usd = await listClaims(db, { sourceId: outcome.sourceId, unit: 'USD' });
    expect(usd.total).toBe(1);
    const [claim] = usd.items;
    expect(claim?.value).toEqual({ kind: 'quantity', amount: 596.2e9, unit: 'USD', currency: 'USD' });
    expect(claim?.evidence.quote).toBe('$596.2 billion');
    expect(claim?.time).toBe('2022');

    const entities = await entitiesInSource(db, outcome.sourceId);
    expect(entities.map((e) => e.id)).toContain('country:PE');
    for (const e of entities)
      for (const m of e.mentions) expect(doc.text.slice(m.start, m.end).length).toBeGreaterThan(2);

    const history = await revisionsOf(db, 'claim', claim?.id ?? '');
    expect(history).toMatchObject([
      { action: 'create', actor: 'ingest', before: null, after: { id: claim?.id } },
    ]);
  });

  it('treats the same bytes again as unchanged and stores nothing twice', async () => {
    const { db } = store();
    const first = await storeDocument(db, seedDocument('004_eeb6cc59b9132b08.txt'));
    const again = await storeDocument(db, seedDocument('004_eeb6cc59b9132b08.txt'));
    expect(again).toEqual({ status: 'unchanged', sourceId: first.sourceId });
    expect((await listSources(db)).total).toBe(1);
  });

  it('stores all of a document or none of it', async () => {
    const { db } = store();
    const doc = textDocument('Peru got $5 billion.\n\nChile got $2 billion.');
    // Two paragraphs with the same index break the paragraph key after the source row is written.
    const broken = { ...doc, paragraphs: doc.paragraphs.map((p) => ({ ...p, index: 0 })) };
    await expect(storeDocument(db, broken)).rejects.toThrow();
    expect((await listSources(db)).total).toBe(0);
    expect((await listClaims(db, {})).total).toBe(0);
    expect(await db.selectFrom('entity').select('id').execute()).toEqual([]);
    expect(await db.selectFrom('revision').select('id').execute()).toEqual([]);
    expect(await storeDocument(db, doc)).toMatchObject({ status: 'ingested', claims: 2 });
  });

  it('pages sources and claims with cursors and filters', async () => {
    const { db } = store();
    for (let i = 0; i < 5; i++) {
      await storeDocument(
        db,
        textDocument(`Report ${i}: Brazil got $${i + 1} billion and more than R$ ${i + 2} bilhões.`),
      );
    }
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page = await listSources(db, { limit: 2, cursor });
      expect(page.total).toBe(5);
      seen.push(...page.items.map((s) => s.id));
      cursor = page.next;
    } while (cursor);
    expect(new Set(seen).size).toBe(5);

    const usd = await listClaims(db, { unit: 'USD' }, { limit: 3 });
    expect(usd.total).toBe(5);
    expect(usd.items).toHaveLength(3);
    const rest = await listClaims(db, { unit: 'USD' }, { limit: 3, cursor: usd.next });
    expect(rest.items).toHaveLength(2);
    expect(rest.next).toBeNull();
    expect(new Set([...usd.items, ...rest.items].map((c) => c.id)).size).toBe(5);

    const atLeast = await listClaims(db, { qualifier: 'at_least' });
    expect(atLeast.items.every((c) => c.value.kind === 'quantity' && c.value.unit === 'BRL')).toBe(true);
    expect(atLeast.total).toBe(5);
    expect((await listClaims(db, { q: 'bilhões' })).total).toBe(5);
    expect((await listClaims(db, { q: '100%_' })).total).toBe(0);
  });

  it('keeps small facts in meta', async () => {
    const { db } = store();
    expect(await getMeta(db, 'samples_loaded')).toBeNull();
    await setMeta(db, 'samples_loaded', 'a');
    await setMeta(db, 'samples_loaded', 'b');
    expect(await getMeta(db, 'samples_loaded')).toBe('b');
  });
});
