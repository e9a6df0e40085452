import { expect, it } from 'vitest';
import { z } from 'zod';
import { describeEachBackend } from '../../test/helpers/backends.js';
import { seedDocument, textDocument } from '../../test/helpers/documents.js';
import { storeDocument } from '../pipeline/store-document.js';
import { seedRegistry } from '../reference/registry.js';
import { proposeClaim } from '../store/review.js';
import type { Store } from '../store/connect.js';
import { createApp } from './app.js';
import { CommitmentNodeSchema } from './commitment-routes.js';

const article = [
  'Five programmes.',
  'The Chancay Port in Peru is part of the Five Major Projects. The Coca Codo Sinclair Dam is part of the Five Major Projects. The Belo Monte Dam is part of the Five Major Projects.',
  'El puerto de Chancay se construyó en el marco del Plan de Acción Conjunto China-CELAC.',
].join('\n\n');

/** The registry, seed 004, the article above, and two status claims about the Joint Action Plan. */
async function setUp(s: Store) {
  await seedRegistry(s.db);
  const seed = await storeDocument(s.db, seedDocument('004_eeb6cc59b9132b08.txt'));
  const other = await storeDocument(s.db, textDocument(article, 'https://example.org/programmes.txt'));
  const text = seedDocument('004_eeb6cc59b9132b08.txt').text;
  const at = text.indexOf('adopted the');
  const status = (value: string, time: string) =>
    proposeClaim(
      s.db,
      {
        sourceId: seed.sourceId,
        start: at,
        end: at + 'adopted'.length,
        subjectId: 'policy:jap-2025-2027',
        property: 'status',
        value: { kind: 'text', text: value },
        qualifier: null,
        time,
        why: null,
      },
      'ed',
    );
  await status('adopted', '2025-05');
  await status('drafted', '2024');
  return { seed, other, app: createApp(s, { webRoot: '/nonexistent' }) };
}

const Tree = z.object({ items: z.array(CommitmentNodeSchema) });

describeEachBackend('commitments', (store) => {
  it('gives each node of the tree its latest status, the projects part of it and a few quotes', async () => {
    const { seed, other, app } = await setUp(store());
    const tree = Tree.parse(await (await app.request('/api/v1/commitments')).json());
    const plan = tree.items.find((n) => n.id === 'policy:jap-2025-2027');
    expect(plan?.status).toBe('adopted');
    expect(plan?.projects).toEqual([{ id: 'project:port:chancay', name: 'Chancay Port' }]);
    expect(plan?.evidence.map((e) => [e.sourceId, e.quote])).toEqual([
      [other.sourceId, 'puerto de Chancay se construyó en el marco del Plan de Acción Conjunto China-CELAC'],
    ]);
    const five = tree.items.find((n) => n.id === 'policy:five-major-projects');
    expect(five?.status).toBeNull();
    expect(five?.children).toHaveLength(5);
    expect(five?.projects.map((p) => p.id).sort()).toEqual([
      'project:dam:belo-monte',
      'project:dam:coca-codo-sinclair',
      'project:port:chancay',
    ]);
    // Three quotes in the tree: the seed's count of the programmes comes first (it was stored first).
    expect(five?.evidence).toHaveLength(3);
    expect(five?.evidence[0]).toMatchObject({ sourceId: seed.sourceId, quote: 'five major projects' });
    for (const e of five?.evidence ?? []) {
      expect(e.claimId).toMatch(/^c_/);
      expect(e.end - e.start).toBe(e.quote.length);
    }
  });

  it('shows one commitment with every project and quote, and 404 for anything else', async () => {
    const { other, app } = await setUp(store());
    const res = await app.request('/api/v1/commitments/policy:five-major-projects');
    expect(res.status).toBe(200);
    const five = CommitmentNodeSchema.parse(await res.json());
    expect(five.projects).toHaveLength(3);
    expect(five.evidence).toHaveLength(4);
    expect(five.evidence.filter((e) => e.sourceId === other.sourceId).map((e) => e.quote)).toEqual([
      'Chancay Port in Peru is part of the Five Major Projects',
      'Coca Codo Sinclair Dam is part of the Five Major Projects',
      'Belo Monte Dam is part of the Five Major Projects',
    ]);
    expect(five.children.map((c) => c.id)).toContain('policy:five-major-projects:peace');
    // The Belt and Road Initiative is a mechanism, not a commitment; an unknown id is not one either.
    for (const id of ['mech:bri', 'policy:nothing'])
      expect((await app.request(`/api/v1/commitments/${id}`)).status).toBe(404);
  });
});
