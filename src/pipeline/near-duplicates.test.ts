import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, inject, it } from 'vitest';
import { describeEachBackend } from '../../test/helpers/backends.js';
import { textDocument } from '../../test/helpers/documents.js';
import { createApp } from '../api/app.js';
import { repoRoot } from '../reference/paths.js';
import { listClaims } from '../store/claims.js';
import { getSource, listSources } from '../store/sources.js';
import { openStore } from '../store/connect.js';
import { dedupeConfig } from './near-duplicates.js';
import { storeDocument } from './store-document.js';

const passage = (id: string) =>
  readFileSync(join(repoRoot, 'eval', 'docs', `${id}.md`), 'utf8').replace(/^---\n[\s\S]*?\n---\n/, '');
const original = passage('107');
// The same wire story on another site: a new headline and byline, one sentence edited, a line of boilerplate.
const republished = `Perú: el megapuerto avanza\n\nPor Redacción\n\n${original.replace('Lima, 10 oct.', 'LIMA, 10 de octubre.')}\n\nSuscríbase a nuestro boletín.`;
const other = passage('110');

describeEachBackend('near-duplicate sources', (store) => {
  it('links a republished story to the original, a copy of the copy to the root, and leaves others alone', async () => {
    const { db } = store();
    const first = await storeDocument(db, textDocument(original, 'a.txt'));
    const second = await storeDocument(db, textDocument(republished, 'b.txt'));
    const third = await storeDocument(db, textDocument(`${republished}\n\nFoto: archivo.`, 'c.txt'));
    const fourth = await storeDocument(db, textDocument(other, 'd.txt'));
    if (first.status !== 'ingested' || second.status !== 'ingested' || third.status !== 'ingested')
      throw new Error('not ingested');
    if (fourth.status !== 'ingested') throw new Error('not ingested');
    expect(first.duplicateOf).toBeNull();
    expect(second).toMatchObject({ duplicateOf: first.sourceId, duplicateKind: 'near' });
    expect(second.similarity).toBeGreaterThanOrEqual(dedupeConfig().threshold);
    expect(third.duplicateOf).toBe(first.sourceId);
    expect(fourth.duplicateOf).toBeNull();
    const listed = await listSources(db);
    expect(listed.items.find((s) => s.id === second.sourceId)).toMatchObject({
      duplicateOf: first.sourceId,
      duplicateKind: 'near',
    });
  });

  it("lists a source's copies on its page, and none on a copy's or an unrelated source's", async () => {
    const s = store();
    const first = await storeDocument(s.db, textDocument(original, 'a.txt'));
    const second = await storeDocument(s.db, textDocument(republished, 'https://example.org/b.txt'));
    const third = await storeDocument(s.db, textDocument(`${republished}\n\nFoto: archivo.`, 'c.txt'));
    const fourth = await storeDocument(s.db, textDocument(other, 'd.txt'));
    const app = createApp(s, { webRoot: '/nonexistent' });
    const copies = async (id: string) =>
      ((await (await app.request(`/api/v1/sources/${id}`)).json()) as { copies: unknown[] }).copies;
    expect(await copies(first.sourceId)).toEqual([
      {
        id: second.sourceId,
        title: 'Perú: el megapuerto avanza',
        uri: 'https://example.org/b.txt',
        publishedAt: null,
      },
      { id: third.sourceId, title: 'Perú: el megapuerto avanza', uri: 'c.txt', publishedAt: null },
    ]);
    expect(await copies(second.sourceId)).toEqual([]);
    expect(await copies(fourth.sourceId)).toEqual([]);
  });

  it('counts the claims of a copy once: left out of claim lists and totals unless asked for', async () => {
    const { db } = store();
    const first = await storeDocument(db, textDocument(original, 'a.txt'));
    const copy = await storeDocument(db, textDocument(republished, 'b.txt'));
    if (first.status !== 'ingested' || copy.status !== 'ingested') throw new Error('not ingested');
    expect(copy.claims).toBeGreaterThan(0);
    expect((await listClaims(db, {})).total).toBe(first.claims);
    expect((await listClaims(db, { duplicates: 'include' })).total).toBe(first.claims + copy.claims);
    // One source asked for by id shows its own claims.
    expect((await listClaims(db, { sourceId: copy.sourceId })).total).toBe(copy.claims);
  });

  it('marks a paragraph repeated word for word from another source and counts its claims once', async () => {
    const { db } = store();
    const shared = original.split('\n\n').find((p) => p.includes('1.300 millones')) ?? '';
    expect(shared).not.toBe('');
    const first = await storeDocument(db, textDocument(original, 'a.txt'));
    // Another story that quotes the paragraph: not a near-duplicate, one paragraph in common.
    const quoting = await storeDocument(db, textDocument(`${other}\n\n${shared}`, 'b.txt'));
    if (first.status !== 'ingested' || quoting.status !== 'ingested') throw new Error('not ingested');
    expect(quoting.duplicateOf).toBeNull();
    expect(quoting.repeatedParagraphs).toBe(1);
    expect(first.repeatedParagraphs).toBe(0);
    const source = await getSource(db, quoting.sourceId);
    const last = source?.paragraphs.at(-1);
    const index = original.split('\n\n').indexOf(shared);
    expect(last?.repeats).toEqual({ sourceId: first.sourceId, index });
    expect(source?.paragraphs.slice(0, -1).every((p) => p.repeats === null)).toBe(true);
    expect(source?.duplicateParagraphs).toBe(1);
    // Its claims name the first source; lists and totals count them once.
    const own = await listClaims(db, { sourceId: quoting.sourceId });
    const repeated = own.items.filter((c) => c.repeatsSource === first.sourceId);
    expect(repeated.map((c) => c.evidence.quote)).toContain('1.300 millones de dólares');
    expect(own.items.filter((c) => c.evidence.start >= (last?.start ?? 0))).toEqual(repeated);
    expect((await listClaims(db, {})).total).toBe(first.claims + quoting.claims - repeated.length);
    expect((await listClaims(db, { duplicates: 'include' })).total).toBe(first.claims + quoting.claims);
  });

  it('finds an original that another process stored, before or after this one began', async () => {
    const s = store();
    // Two more handles on the database, as two more processes would have: one busy storing before the original
    // exists, one opened only after it is stored.
    const reopen = () =>
      s.backend === 'sqlite'
        ? openStore({ sqlitePath: s.location })
        : openStore({
            databaseUrl: inject('postgresUrl').replace(
              /\/postgres$/,
              `/${s.location.split('/').at(-1) ?? ''}`,
            ),
          });
    const early = reopen();
    try {
      await storeDocument(early.db, textDocument(other, 'd.txt'));
      const first = await storeDocument(s.db, textDocument(original, 'a.txt'));
      const copy = await storeDocument(early.db, textDocument(republished, 'b.txt'));
      expect(copy).toMatchObject({ duplicateOf: first.sourceId, duplicateKind: 'near' });
      const late = reopen();
      try {
        const again = await storeDocument(late.db, textDocument(`${republished}\n\nFoto: archivo.`, 'c.txt'));
        expect(again).toMatchObject({ duplicateOf: first.sourceId, duplicateKind: 'near' });
        const exact = await storeDocument(late.db, textDocument(`${original}\n`, 'e.txt'));
        expect(exact).toMatchObject({ duplicateOf: first.sourceId, duplicateKind: 'exact', similarity: 1 });
      } finally {
        await late.close();
      }
    } finally {
      await early.close();
    }
  });
});

it('refuses a threshold outside (0, 1]', () => {
  expect(() => dedupeConfig({ PUENTE_NEAR_DUPLICATE_THRESHOLD: '1.5' })).toThrow(
    /PUENTE_NEAR_DUPLICATE_THRESHOLD/,
  );
  expect(dedupeConfig({ PUENTE_NEAR_DUPLICATE_THRESHOLD: '0.9' }).threshold).toBe(0.9);
});
