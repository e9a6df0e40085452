import { describe, expect, it } from 'vitest';
import { buildText } from '../ingest/normalize.js';
import { claimFromExtraction } from '../pipeline/to-domain.js';
import { extract } from './extract.js';
import { defaultLexicon } from '../reference/lexicon.js';

/**
 * The lender and donor claims of a one-paragraph document about one project (as a dataset record is), each
 * checked to quote its exact span.
 */
const funders = (text: string, language = 'en', about: string | null = 'the record') => {
  const doc = buildText([text]);
  return extract({ ...doc, language, publishedAt: null, about }, defaultLexicon())
    .claims.filter((c) => c.property === 'lender' || c.property === 'donor')
    .map((c) => {
      expect(c.quote).toBe(doc.text.slice(c.start, c.end));
      return { role: c.property, value: c.value, id: c.valueId ?? null, quote: c.quote, subject: c.subject };
    });
};

describe('lenders and donors', () => {
  it('reads a bank that provides a loan as its lender, to the words that say it is a loan', () => {
    expect(
      funders(
        'China Eximbank provides $62.187 million buyer’s credit loan for construction and equipping of secondary schools in Huambo Province',
      ),
    ).toEqual([
      {
        role: 'lender',
        value: 'China Eximbank',
        id: 'org:cexim',
        quote: 'China Eximbank provides $62.187 million buyer’s credit',
        subject: 'the record',
      },
    ]);
    expect(funders('ICBC provides $297.7 million loan for Phase 2 of 104MW Patuca III Dam Project')).toEqual([
      {
        role: 'lender',
        value: 'ICBC',
        id: 'org:icbc',
        quote: 'ICBC provides $297.7 million loan',
        subject: 'Patuca III Dam Project',
      },
    ]);
    // A bank that contributes money, lends it or takes part in a syndicated loan lends.
    expect(
      funders('CDB contributes $75 million to $150 million syndicated loan for a cement plant')[0],
    ).toMatchObject({
      role: 'lender',
      id: 'org:cdb',
    });
    expect(
      funders('China Development Bank loans $34,780,000 to State Grid Brazil Holding S.A.')[0],
    ).toMatchObject({ role: 'lender', id: 'org:cdb', quote: 'China Development Bank loans $34,780,000' });
    expect(funders('O Banco da China emprestou US$ 300 milhões à Petrobras.', 'pt')).toEqual([
      expect.objectContaining({ role: 'lender', value: 'Banco da China', id: 'org:boc' }),
    ]);
  });

  it('reads a state, its government, embassy or ambassador, or a city government that gives as a donor', () => {
    const cases: [string, string, string, string][] = [
      [
        'Chinese Government provides RMB 420 million grant for Police Academy Construction Project',
        'Chinese Government',
        'country:CN',
        'Chinese Government provides RMB 420 million grant',
      ],
      [
        'Chinese Embassy in Peru grants 56 boxes of medical supplementary materials to Peruvian Ministry of Health',
        'Chinese Embassy in Peru',
        'country:CN',
        'Chinese Embassy in Peru grants 56 boxes of medical supplementary materials',
      ],
      [
        'China donates 63 vehicles to Peru for 16th APEC summit',
        'China',
        'country:CN',
        'China donates 63 vehicles',
      ],
      [
        'Government of China donates 20 computers to the Ministry of Education',
        'Government of China',
        'country:CN',
        'Government of China donates 20 computers',
      ],
      [
        'The Chinese Embassy in Trinidad and Tobago provides $10,000 in aid to a food bank',
        'Chinese Embassy in Trinidad and Tobago',
        'country:CN',
        'Chinese Embassy in Trinidad and Tobago provides $10,000 in aid',
      ],
      [
        'Shanghai Municipal Government donates 10 ambulances to Lima',
        'Shanghai Municipal Government',
        'place:CN-shanghai',
        'Shanghai Municipal Government donates 10 ambulances',
      ],
      ['China Sends 8th Medical Team to Guyana', 'China', 'country:CN', 'China Sends 8th Medical Team'],
    ];
    for (const [text, value, id, quote] of cases)
      expect(funders(text), text).toEqual([expect.objectContaining({ role: 'donor', value, id, quote })]);
    expect(funders('El Gobierno chino donó 500 computadoras al Ministerio de Educación.', 'es')).toEqual([
      expect.objectContaining({ role: 'donor', value: 'Gobierno chino', id: 'country:CN' }),
    ]);
    expect(funders('La Embajada de China en Bolivia entregó una donación de insumos médicos.', 'es')).toEqual(
      [expect.objectContaining({ role: 'donor', value: 'Embajada de China en Bolivia', id: 'country:CN' })],
    );
    // A loan from a government is a loan.
    expect(
      funders('Chinese Government provides RMB 32.5 million loan for container scanners')[0],
    ).toMatchObject({
      role: 'lender',
      id: 'country:CN',
    });
  });

  it('reads every party given together, and an unlisted one by its name alone', () => {
    expect(
      funders("CDB and China CITIC Bank provide $273.2 million buyer's credit loan for locomotives").map(
        (c) => [c.role, c.value, c.id],
      ),
    ).toEqual([
      ['lender', 'CDB', 'org:cdb'],
      ['lender', 'China CITIC Bank', null],
    ]);
    expect(
      funders('Hanban and the Chinese government offer a Chinese language programme to the police').map(
        (c) => [c.value, c.id],
      ),
    ).toEqual([
      ['Hanban', 'org:hanban'],
      ['Chinese government', 'country:CN'],
    ]);
  });

  it('leaves alone what is no lending nor giving by the party before the verb', () => {
    for (const text of [
      // a concession is no aid; a guarantor and an insurer are no lenders
      'Peru grants a concession to Cosco Shipping for the Chancay Port.',
      'China Molybdenum issued a corporate guarantee in support of the loan.',
      'Sinosure provided insurance for 95% of the buyer’s credit.',
      // the borrower of a loan, a noun that looks like a verb, a demonym
      'The IDB approved a loan to the Government of Paraguay to finance the Rural Roads Program.',
      'The MOFCOM grant will pay for the stadium.',
      'Chinese loans to Venezuela reached $60 billion.',
      // a company that provides money or goods may be an investor or a seller
      'Huawei provides equipment to Claro for its 5G network.',
      'The loan that China Eximbank provided was repaid in 2020.',
    ])
      expect(funders(text), text).toEqual([]);
  });

  it('claims a funder only for a project: one the sentence names, else the one the document is about', () => {
    expect(funders('China Development Bank lent $2 billion to Ecuador in 2010.', 'en', null)).toEqual([]);
    expect(funders('China Development Bank lent $2 billion to Ecuador in 2010.')).toEqual([
      expect.objectContaining({ role: 'lender', id: 'org:cdb', subject: 'the record' }),
    ]);
    expect(
      funders('China Development Bank lent $2 billion for the Coca Codo Sinclair Dam.', 'en', null)[0],
    ).toMatchObject({ role: 'lender', id: 'org:cdb', subject: 'Coca Codo Sinclair Dam' });
  });

  it('stores the party as an entity value when the registry knows it, else as text', () => {
    const doc = buildText(['Chinese Embassy in Peru grants 56 boxes of medical supplies to Peru']);
    const [found] = extract(
      { ...doc, language: 'en', publishedAt: null, about: 'a grant' },
      defaultLexicon(),
    ).claims.filter((c) => c.property === 'donor');
    expect(found && claimFromExtraction('s_0123456789abcdef0123', found).value).toEqual({
      kind: 'entity',
      entityId: 'country:CN',
      name: 'Chinese Embassy in Peru',
    });
  });
});
