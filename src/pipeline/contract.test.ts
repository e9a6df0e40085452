import { describe, expect, it } from 'vitest';
import type { Stage } from '../extract/document.js';
import { defaultStages } from '../extract/stages.js';
import { readDocument } from '../ingest/read-document.js';
import { defaultLexicon } from '../reference/lexicon.js';
import { toContract } from './contract.js';

const doc = readDocument(
  'doc.txt',
  new TextEncoder().encode('China lent US$ 5 billion to Peru.\n\nBOOM: Chile lent US$ 2 billion to Bolivia.'),
);

describe('the extraction contract', () => {
  it('adds the stages that failed as `errors`, still contract 1', () => {
    const stages = defaultStages.map((s): Stage =>
      s.name === 'relations'
        ? {
            name: s.name,
            run: (d, p) => {
              if (d.input.text.startsWith('BOOM', p.start)) throw new Error('no relations here');
              return s.run(d, p);
            },
          }
        : s,
    );
    const out = toContract(doc, defaultLexicon(), stages);
    const p = doc.paragraphs[1];
    expect(out.contract).toBe(1);
    expect(out.errors).toEqual([
      { stage: 'relations', paragraph: 1, start: p?.start, end: p?.end, message: 'no relations here' },
    ]);
    expect(out.claims.map((c) => c.value)).toContain(2e9);
  });

  it('has no `errors` field when every stage ran, so its JSON is what it was', () => {
    const out = toContract(doc, defaultLexicon());
    expect(Object.keys(out)).toEqual(['contract', 'source', 'entities', 'claims', 'quotes']);
  });
});
