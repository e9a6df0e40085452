import { describe, expect, it } from 'vitest';
import { buildText } from '../ingest/normalize.js';
import { extract } from './extract.js';

const relations = (paragraphs: string[], language = 'en') => {
  const doc = buildText(paragraphs);
  return extract({ ...doc, language, publishedAt: null })
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
});
