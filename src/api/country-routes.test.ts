import { expect, it } from 'vitest';
import { z } from 'zod';
import { describeEachBackend } from '../../test/helpers/backends.js';
import { textDocument } from '../../test/helpers/documents.js';
import { storeDocument } from '../pipeline/store-document.js';
import { seedRegistry } from '../reference/registry.js';
import { createApp } from './app.js';

const story = (date: string, paragraphs: string[]) =>
  ['---', 'title: Swap news', `date: ${date}`, '---', '', ...paragraphs.flatMap((p) => [p, ''])].join('\n');

// Written for this test: a swap renewed by Argentina's central bank, one signed by Brazil, a fund named in a
// paragraph about two countries (so it belongs to neither), and a sentence that names the swap with no country in a
// paragraph about Argentina alone.
const renewal = story('2024-06-13', [
  "The People's Bank of China and the Central Bank of Argentina renewed their currency swap line of 130 billion yuan on June 12, 2024.",
  'Brazil and China signed a currency swap worth 190 billion yuan in 2023. Both Argentina and Brazil also welcomed the China-LAC Cooperation Fund. Experts said the China-LAC Cooperation Fund was slow.',
  "Argentina's economy ministry welcomed the renewal. The swap line, first signed in 2009, supports reserves.",
]);
const earlier = story('2023-06-02', [
  'Argentina activated part of its currency swap with China to pay for imports.',
]);

const Mechanisms = z.object({
  mechanisms: z.array(
    z.object({
      id: z.string(),
      kind: z.string().nullable(),
      sources: z.number(),
      firstSeen: z.string().nullable(),
      lastSeen: z.string().nullable(),
      figures: z.array(
        z.object({ id: z.string(), value: z.object({ amount: z.number(), unit: z.string() }).partial() }),
      ),
      evidence: z.array(
        z.object({
          sourceId: z.string(),
          quote: z.string(),
          start: z.number(),
          end: z.number(),
          claimId: z.string().nullable(),
        }),
      ),
    }),
  ),
});

describeEachBackend('country mechanisms', (store) => {
  it('lists the mechanisms sources name with a country, with the sentences, figures and sources', async () => {
    const { db } = store();
    await seedRegistry(db);
    const older = await storeDocument(db, textDocument(earlier, 'https://example.org/2023/swap.md'));
    const newer = await storeDocument(db, textDocument(renewal, 'https://example.org/2024/swap.md'));
    // A copy of the newer story: it must not count as another source.
    await storeDocument(
      db,
      textDocument(renewal.replace('Swap news', 'Swap news (copy)'), 'https://example.org/copy.md'),
    );
    const app = createApp(store(), { webRoot: '/nonexistent' });
    const profile = async (code: string) =>
      Mechanisms.parse(await (await app.request(`/api/v1/countries/${code}`)).json()).mechanisms;

    const argentina = await profile('AR');
    expect(argentina.map((m) => m.id)).toEqual(['mech:swap', 'mech:china-lac-fund']);
    const swap = argentina[0];
    expect(swap).toMatchObject({
      kind: 'financial mechanism',
      sources: 2,
      firstSeen: '2023-06-02',
      lastSeen: '2024-06-13',
    });
    const newText = renewal.slice(renewal.indexOf('The People'));
    expect(swap?.evidence.map((e) => [e.sourceId, e.quote])).toEqual([
      [newer.sourceId, newText.slice(0, newText.indexOf('2024.') + 5)],
      [newer.sourceId, 'The swap line, first signed in 2009, supports reserves.'],
      [older.sourceId, 'Argentina activated part of its currency swap with China to pay for imports.'],
    ]);
    // The first sentence's figure is its claim: the link can select it.
    expect(swap?.evidence[0]?.claimId).toBe(swap?.figures[0]?.id);
    expect(swap?.figures.map((f) => [f.value.amount, f.value.unit])).toEqual([[130_000_000_000, 'CNY']]);

    // The fund: only the sentence that names Argentina; the next one is in a paragraph about two countries.
    expect(argentina[1]?.evidence.map((e) => e.quote)).toEqual([
      'Both Argentina and Brazil also welcomed the China-LAC Cooperation Fund.',
    ]);
    expect(argentina[1]).toMatchObject({ kind: 'fund', sources: 1, figures: [] });

    // Brazil: its own swap sentence with its figure, not Argentina's; the fund's sentence names it too.
    const brazil = await profile('BR');
    expect(brazil.map((m) => m.id)).toEqual(['mech:china-lac-fund', 'mech:swap']);
    expect(brazil[1]?.sources).toBe(1);
    expect(brazil[1]?.evidence.map((e) => e.quote)).toEqual([
      'Brazil and China signed a currency swap worth 190 billion yuan in 2023.',
    ]);
    expect(brazil[1]?.figures.map((f) => f.value.amount)).toEqual([190_000_000_000]);

    // A country no sentence names has none; an unknown code is a 404.
    expect(await profile('CL')).toEqual([]);
    expect((await app.request('/api/v1/countries/XX')).status).toBe(404);
  });
});
