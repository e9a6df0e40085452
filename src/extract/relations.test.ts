import { describe, expect, it } from 'vitest';
import { buildText } from '../ingest/normalize.js';
import { seedDocument } from '../../test/helpers/documents.js';
import { extract } from './extract.js';
import { defaultLexicon } from '../reference/lexicon.js';

const relations = (paragraphs: string[], language = 'en') => {
  const doc = buildText(paragraphs);
  return extract({ ...doc, language, publishedAt: null }, defaultLexicon())
    .claims.filter((c) => typeof c.value === 'string')
    .map((c) => {
      expect(c.quote).toBe(doc.text.slice(c.start, c.end));
      return [c.subject, c.property, c.value, c.time];
    });
};

describe('relations and statuses', () => {
  it('reads investor, contractor, lender, operator and place from cue words, in three languages', () => {
    expect(
      relations([
        "The Chancay Port project, developed and invested in by a Chinese company, is located within Chancay Bay, north of Peru's capital, Lima.",
      ]),
    ).toEqual([
      ['Chancay Port', 'investor', 'a Chinese company', null],
      ['Chancay Port', 'located_in', 'Chancay', null],
    ]);
    expect(
      relations(
        [
          'La hidroeléctrica Coca Codo Sinclair tiene 1.500 megavatios. La obra fue construida por la empresa china Sinohydro, financiada por el banco chino Eximbank y es operada por la Corporación Eléctrica del Ecuador.',
        ],
        'es',
      ),
    ).toEqual([
      ['hidroeléctrica Coca Codo Sinclair', 'contractor', 'Sinohydro', null],
      ['hidroeléctrica Coca Codo Sinclair', 'lender', 'Eximbank', null],
      ['hidroeléctrica Coca Codo Sinclair', 'operator', 'Corporación Eléctrica del Ecuador', null],
    ]);
  });

  it('maps status words to the lifecycle, with the sentence time, and needs a project to speak of', () => {
    expect(
      relations([
        'Mexico City Metro Line 1 has been renovated. In November 2024 the Chancay Port was inaugurated.',
      ]),
    ).toEqual([
      ['Mexico City Metro Line 1', 'located_in', 'Mexico', null],
      ['Mexico City Metro Line 1', 'status', 'expanded', null],
      ['Chancay Port', 'located_in', 'Chancay', null],
      ['Chancay Port', 'status', 'operational', '2024-11'],
    ]);
    expect(relations(['A usina de Belo Monte está em construção.'], 'pt')).toEqual([
      ['usina de Belo Monte', 'status', 'under_construction', null],
    ]);
    expect(relations(['The agreement was signed and the talks were suspended.'])).toEqual([]);
  });

  it('ties an organization that invests in or lends for a project named after the figure, once per document', () => {
    const found = relations(
      [
        'Cosco Shipping firmó un convenio para invertir unos 3.200 millones de dólares en la construcción del puerto de Chancay.',
        'El puerto de Chancay está en Perú.',
      ],
      'es',
    );
    expect(found).toContainEqual(['puerto de Chancay', 'investor', 'Cosco Shipping', null]);
    expect(found.filter((c) => c[1] === 'located_in' && c[2] === 'Chancay')).toHaveLength(1);
  });
  it('ties a project to the plan, programme or mechanism it is part of, in three languages', () => {
    const partOf = (paragraphs: string[], language = 'en') =>
      relations(paragraphs, language).filter((c) => c[1] === 'part_of');
    expect(
      partOf([
        'The Chancay Port was built as part of the Belt and Road Initiative.',
        'The Chancay Port is one of the "Five Major Projects".',
        'Peru joined the Belt and Road Initiative in 2019, and the Chancay Port opened in 2024.',
      ]),
    ).toEqual([
      ['Chancay Port', 'part_of', 'Belt and Road Initiative', null],
      ['Chancay Port', 'part_of', 'Five Major Projects', null],
    ]);
    expect(
      partOf(
        [
          'El puerto de Chancay se construyó en el marco del Plan de Acción Conjunto China-CELAC.',
          'La hidroeléctrica Coca Codo Sinclair forma parte de la Iniciativa de la Franja y la Ruta.',
        ],
        'es',
      ),
    ).toEqual([
      ['puerto de Chancay', 'part_of', 'Plan de Acción Conjunto China-CELAC', null],
      ['hidroeléctrica Coca Codo Sinclair', 'part_of', 'Iniciativa de la Franja y la Ruta', null],
    ]);
    expect(
      partOf(['A usina de Belo Monte foi construída no âmbito da Iniciativa Cinturão e Rota.'], 'pt'),
    ).toEqual([['usina de Belo Monte', 'part_of', 'Iniciativa Cinturão e Rota', null]]);
  });

  it("reads the seed's Uruguayan grid project as part of the Belt and Road Initiative", () => {
    const doc = seedDocument('004_eeb6cc59b9132b08.txt');
    const found = extract(doc, defaultLexicon()).claims.filter((c) => c.property === 'part_of');
    expect(found.map((c) => [c.subject, c.value])).toEqual([
      ['500 kV transmission and transformation ring network closure project', 'Belt and Road Initiative'],
    ]);
    expect(found[0]?.quote).toMatch(/^500 kV .* under the framework of the Belt and Road Initiative$/);
    expect(found[0]?.quote).toBe(doc.text.slice(found[0]?.start, found[0]?.end));
  });
});
