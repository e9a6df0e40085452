import { describe, expect, it } from 'vitest';
import { readDocument } from '../ingest/read-document.js';
import { defaultLexicon } from '../reference/lexicon.js';
import type { Stage } from './document.js';
import { extract } from './extract.js';
import { defaultStages } from './stages.js';

const text = [
  'China lent US$ 5 billion to Peru.',
  'BOOM: Chile lent US$ 2 billion to Bolivia.',
  'Brazil invested US$ 1 billion in Argentina.',
].join('\n\n');
const doc = readDocument('doc.txt', new TextEncoder().encode(text));

/** The default stages with one replaced by `stage`. */
const replacing = (name: string, stage: Stage) => defaultStages.map((s) => (s.name === name ? stage : s));

describe('the stages of the extraction', () => {
  it('run in a fixed, named order', () => {
    expect(defaultStages.map((s) => s.name)).toEqual([
      'entities',
      'sentences',
      'times',
      'relations',
      'funders',
      'figures',
      'quotes',
    ]);
  });

  it('lose only the failing stage output of the failing paragraph, taking back what it recorded, and say so', () => {
    const entities = defaultStages.find((s) => s.name === 'entities');
    if (!entities) throw new Error('no entities stage');
    // The real entity stage, which records Chile and Bolivia in the document's index before it throws.
    const failing: Stage = {
      name: 'entities',
      run(d, paragraph) {
        const found = entities.run(d, paragraph);
        if (d.input.text.slice(paragraph.start, paragraph.end).startsWith('BOOM')) throw new Error('boom');
        return found;
      },
    };
    const out = extract(doc, defaultLexicon(), replacing('entities', failing));
    const countries = out.entities.filter((e) => e.type === 'country').map((e) => e.id);
    expect(countries).toEqual(['country:CN', 'country:PE', 'country:BR', 'country:AR']);
    // The later stages still read the paragraph: its figure is there, without the entities that were dropped.
    expect(out.claims.filter((c) => typeof c.value === 'number').map((c) => c.value)).toEqual([
      5e9, 2e9, 1e9,
    ]);
    const p = doc.paragraphs[1];
    expect(out.errors).toEqual([
      { stage: 'entities', paragraph: 1, start: p?.start, end: p?.end, message: 'boom' },
    ]);
    // Without the failure the same document names Chile and Bolivia, and reports nothing.
    const whole = extract(doc, defaultLexicon());
    expect(whole.entities.filter((e) => e.type === 'country').map((e) => e.id)).toEqual([
      'country:CN',
      'country:PE',
      'country:CL',
      'country:BO',
      'country:BR',
      'country:AR',
    ]);
    expect(whole.errors).toEqual([]);
  });

  it('take a stage inserted between two others, which reads what the earlier ones found', () => {
    const counted: Stage = {
      name: 'sentence-count',
      run: (_d, paragraph) => ({
        claims: paragraph.sentences.map((s, i) => [
          {
            subject: null,
            subjectType: null,
            subjectId: null,
            property: 'mentions',
            value: paragraph.inSentence[i]?.length ?? 0,
            unit: 'count',
            currency: null,
            qualifier: null,
            time: null,
            quote: text.slice(s.start, s.end),
            start: s.start,
            end: s.end,
            rule: 'test:sentence-count',
          },
        ]),
      }),
    };
    const stages = [...defaultStages];
    stages.splice(
      stages.findIndex((s) => s.name === 'figures'),
      0,
      counted,
    );
    const claims = extract(doc, defaultLexicon(), stages).claims;
    // In each sentence the inserted stage's claim comes before the figures; it counted the mentions the entity
    // and sentence stages found there (two countries each).
    expect(claims.map((c) => [c.rule, c.value])).toEqual([
      ['test:sentence-count', 2],
      ['money:prefix', 5e9],
      ['test:sentence-count', 2],
      ['money:prefix', 2e9],
      ['test:sentence-count', 2],
      ['money:prefix', 1e9],
    ]);
  });
});
