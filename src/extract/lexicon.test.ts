import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { readDocument } from '../ingest/read-document.js';
import { defaultLexicon } from '../reference/lexicon.js';
import type { Place } from '../reference/types.js';
import { extract } from './extract.js';
import type { Lexicon } from './lexicon.js';

const here = fileURLToPath(new URL('.', import.meta.url));

// A lexicon of its own: Peru alone, one organization and one place that data/reference does not list.
const peru = defaultLexicon().countries.filter((c) => c.iso2 === 'PE');
const quimera: Place = {
  id: 'place:PE-villa-quimera',
  kind: 'city',
  name: 'Villa Quimera',
  country: 'PE',
  region: null,
  lat: null,
  lon: null,
  source: null,
  names: ['Villa Quimera'],
  terms: [{ term: 'Villa Quimera', needs: 'always' }],
};
const own: Lexicon = {
  countries: peru,
  blocks: [],
  bodies: [
    {
      id: 'org:xandrex',
      type: 'organization',
      name: 'Xandrex',
      aliases: ['XDX'],
      country: 'CN',
      kind: 'bank',
      partOf: null,
    },
  ],
  places: [quimera],
  personNames: { given: new Set(), chineseFamily: new Set() },
  languages: defaultLexicon().languages,
};

const entitiesOf = (text: string, lexicon: Lexicon) =>
  extract(readDocument('doc.txt', new TextEncoder().encode(text)), lexicon).entities.map((e) => [
    e.type,
    e.id,
  ]);

describe('the lexicon the caller passes in', () => {
  it('is what the extractor knows: its own organization and place are found, a country it lacks is not', () => {
    const text = 'Xandrex lent US$ 40 million for a school in Villa Quimera, Peru, and another in Chile.';
    expect(entitiesOf(text, own)).toEqual(
      expect.arrayContaining([
        ['organization', 'org:xandrex'],
        ['place', 'place:PE-villa-quimera'],
        ['country', 'country:PE'],
      ]),
    );
    expect(entitiesOf(text, own)).not.toContainEqual(['country', 'country:CL']);
    // The default lexicon knows Chile and neither of the others.
    const byDefault = entitiesOf(text, defaultLexicon());
    expect(byDefault).toContainEqual(['country', 'country:CL']);
    expect(byDefault.map(([, id]) => id)).not.toContain('org:xandrex');
  });

  it('is the only way in: no engine file reads files or imports the reference loaders', () => {
    const files = (dir: string): string[] =>
      readdirSync(dir, { withFileTypes: true }).flatMap((d) =>
        d.isDirectory() ? files(join(dir, d.name)) : d.name.endsWith('.ts') ? [join(dir, d.name)] : [],
      );
    const engine = files(here).filter((f) => !f.endsWith('.test.ts'));
    expect(engine.length).toBeGreaterThan(30);
    const offending = engine.filter((f) => {
      const source = readFileSync(f, 'utf8');
      const imports = [...source.matchAll(/from '([^']+)'/g)].map((m) => m[1] ?? '');
      return imports.some(
        (i) => i.startsWith('node:') || (i.includes('/reference/') && !i.endsWith('/types.js')),
      );
    });
    expect(offending).toEqual([]);
  });
});
