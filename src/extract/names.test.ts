import { describe, expect, it } from 'vitest';
import { extract } from './extract.js';
import { buildText } from '../ingest/normalize.js';
import { defaultLexicon } from '../reference/lexicon.js';

const run = (paragraphs: string[], language = 'en', publishedAt: string | null = null) => {
  const doc = buildText(paragraphs);
  const out = extract({ ...doc, language, publishedAt }, defaultLexicon());
  const names = (type: string) => out.entities.filter((e) => e.type === type).map((e) => e.name);
  return { out, names, text: doc.text };
};

describe('names', () => {
  it('finds organizations by head word and by the reference list, in three languages', () => {
    const { names } = run([
      'The loan from China Eximbank and the Export-Import Bank of China was signed with Boston University and the Instituto Nacional de Estadística.',
    ]);
    // A reference body is shown as the document first writes it, with the reference name kept as canonical.
    expect(names('organization')).toEqual([
      'China Eximbank',
      'Boston University',
      'Instituto Nacional de Estadística',
    ]);
    expect(
      run(
        ['O Banco Nacional de Desenvolvimento Econômico e Social (BNDES) e a State Grid assinaram.'],
        'pt',
      ).names('organization'),
    ).toEqual(['Banco Nacional de Desenvolvimento Econômico e Social', 'State Grid']);
  });

  it('finds projects by their last or first word and merges other wordings of the same one', () => {
    const { out, names } = run([
      'The Chancay Port project is near Lima. The Port of Chancay opened, as did Eloy Alfaro International Airport.',
      'El megapuerto de Chancay y la Central Hidroeléctrica Coca Codo Sinclair; the 100 MW solar park in Jujuy.',
    ]);
    expect(names('project')).toEqual([
      'Chancay Port',
      'Eloy Alfaro International Airport',
      'Central Hidroeléctrica Coca Codo Sinclair',
      '100 MW solar park',
    ]);
    expect(out.entities.find((e) => e.name === 'Chancay Port')?.mentions).toHaveLength(3);
  });

  it('finds people after titles, before roles, next to speech verbs and in bylines, never pronouns', () => {
    const { names } = run([
      'By Ana Pérez',
      'Chinese President Xi Jinping met Brazilian President Lula da Silva. Maria Costa, an analyst at CEBC, said the deal matters.',
      '"It is a good deal," said Wang. He added that more would come.',
    ]);
    expect(names('person')).toEqual(['Ana Pérez', 'Xi Jinping', 'Lula da Silva', 'Maria Costa', 'Wang']);
  });

  it('does not take places, countries or capitalised sentence starts for names', () => {
    const { names, out } = run([
      'Latin America and the Caribbean welcomed Chinese investment. Infrastructure is key in Peru.',
    ]);
    expect(names('person')).toEqual([]);
    expect(names('organization')).toEqual([]);
    expect(out.entities.map((e) => e.id)).toEqual(['country:CN', 'country:PE']);
  });
});

describe('quotes', () => {
  it('attributes direct and reported speech, across appositives and pronouns, linking surnames to full names', () => {
    const { out, text } = run(
      [
        'Yuan Dongzhen, deputy director of the Institute of Latin America, noted that cooperation is growing fast.',
        '"The two sides complement each other," said Yuan. He added that trade would keep expanding.',
        'La ministra Ana López afirmó que el proyecto avanzará este año.',
        'O presidente do BNDES, Aloizio Mercadante, disse que o banco vai financiar a obra.',
      ],
      'en',
    );
    expect(out.quotes.map((q) => q.speaker)).toEqual([
      'Yuan Dongzhen',
      'Yuan Dongzhen',
      'Yuan Dongzhen',
      'Ana López',
      'Aloizio Mercadante',
    ]);
    for (const q of out.quotes) expect(text.slice(q.start, q.end)).toBe(q.text);
    expect(out.quotes[1]?.text).toBe('The two sides complement each other,');
  });

  it('finds people by a known first name or a Chinese name shape, and not phrases that only start like one', () => {
    const { names } = run([
      'Michel Temer met Andrés Manuel López Obrador and Xi Jinping; Yi Gang and Wang Chuanfu were there. The Marco de Cooperación was signed on Calle Simón Street.',
    ]);
    expect(names('person')).toEqual([
      'Michel Temer',
      'Andrés Manuel López Obrador',
      'Xi Jinping',
      'Yi Gang',
      'Wang Chuanfu',
    ]);
    expect(run(['The ceremony saw Secretary of Energy Gustavo Lopetegui.']).names('person')).toEqual([
      'Gustavo Lopetegui',
    ]);
  });

  it('finds the speaker named after the verb across a role, in three languages', () => {
    const speakers = (text: string, lang: string) => run([text], lang).out.quotes.map((q) => q.speaker);
    expect(
      speakers('“Procedimos a adjudicar el contrato”, dijo el gerente del metro, Andrés Escobar.', 'es'),
    ).toEqual(['Andrés Escobar']);
    expect(
      speakers(
        '"Hoy presentamos el segundo contrato", afirmó el presidente Luis Arce durante la firma.',
        'es',
      ),
    ).toEqual(['Luis Arce']);
    expect(
      speakers(
        '“This will bring many benefits to our users,” assured the president of Huawei Cloud and AI Chile, Jason Jin.',
        'en',
      ),
    ).toEqual(['Jason Jin']);
    expect(speakers('Esto, agregó, incrementará la demanda portuaria y reducirá costos.', 'es')).toEqual([]);
  });

  it('finds facilities named after a lower-case facility word or an organization, one per coordinated name', () => {
    const { names } = run(
      [
        'Faltan fondos para las represas Néstor Kirchner y Jorge Cepernic; la llamada Jorge Cepernic avanza. La compañía MG Motor construirá una planta en México y la fábrica de pneus Bridgestone crecerá.',
      ],
      'es',
    );
    expect(names('project')).toEqual([
      'represa Néstor Kirchner',
      'represa Jorge Cepernic',
      'planta en México',
      'fábrica de pneus Bridgestone',
    ]);
    expect(names('person')).toEqual([]);
    const en = run([
      'The Huawei data center in Chile opened, unlike the largest dam in Ecuador. Shanghai Port and Chancay Port are linked.',
    ]);
    expect(en.names('project')).toEqual(['Huawei data center in Chile', 'Shanghai Port', 'Chancay Port']);
  });

  it('finds a project defined as a facility, a line between two places, and local government offices', () => {
    const { names } = run(
      [
        'Coca Codo Sinclair es una planta hidroeléctrica construida en Ecuador. La linha de ultra-alta tensão entre Maranhão e Goiás avanza y la alcaldía de Guayaquil opina.',
      ],
      'es',
    );
    expect(names('project')).toEqual([
      'Coca Codo Sinclair',
      'linha de ultra-alta tensão entre Maranhão e Goiás',
    ]);
    expect(names('organization')).toEqual(['alcaldía de Guayaquil']);
    expect(names('place')).toContain('Guayaquil');
  });

  it('finds the numbered phases of a project already named, but not regnal numbers', () => {
    const { names } = run([
      'Cauchari Solar Park opened. Two of its parks, Cauchari II and III, run; Cauchari I is 75 percent complete. King Carlos III visited.',
    ]);
    expect(names('project')).toEqual(['Cauchari Solar Park', 'Cauchari II', 'Cauchari III', 'Cauchari I']);
  });

  it('finds people after lower-case titles, given-name-first Chinese names and accented first names', () => {
    const { names } = run([
      "The company's president Jianrong Huang met ambassador Sabino Vaca Narvaja. Trade minister Édgar Vásquez came.",
    ]);
    expect(names('person')).toEqual(['Jianrong Huang', 'Sabino Vaca Narvaja', 'Édgar Vásquez']);
  });

  it('finds organizations described by the words around them, and events by their head word', () => {
    const pt = run(
      [
        'A Meituan, plataforma chinesa de delivery, investirá. Asimismo, a empresa Yutong, líder global, avalia. O Fórum Empresarial Brasil-China reuniu a montadora chinesa Chery.',
      ],
      'pt',
    );
    expect(pt.names('organization')).toEqual(['Meituan', 'Yutong', 'Chery']);
    expect(pt.names('event')).toEqual(['Fórum Empresarial Brasil-China']);
    const es = run(
      [
        'Un crédito por 400 millones de dólares de Goldman Sachs y 2.000 millones de dólares de Estados Unidos.',
      ],
      'es',
    );
    expect(es.names('organization')).toEqual(['Goldman Sachs']);
  });

  it('starts reported speech after "that"', () => {
    const { out } = run([
      'Michel Temer said on Thursday (Oct. 9) that the inauguration marks a new era for Brazil.',
    ]);
    expect(out.quotes.map((q) => q.text)).toEqual(['the inauguration marks a new era for Brazil']);
  });

  it('finds transit systems named after their kind, without the full stop', () => {
    const { names } = run(['El metro complementará el actual sistema de autobuses TransMilenio.'], 'es');
    expect(names('project')).toEqual(['sistema de autobuses TransMilenio']);
  });

  it('gives a quote to the person who holds the role that speaks ("the ambassador said")', () => {
    const { out } = run([
      'The company\'s president Jianrong Huang met ambassador Sabino Vaca Narvaja. "It is a great step for Argentina and its people," the Argentine ambassador said. The president said that Huang was pleased.',
    ]);
    expect(out.quotes.map((q) => q.speaker)).toEqual(['Sabino Vaca Narvaja', 'Jianrong Huang']);
    const es = run(
      ['El mandatario Martín Vizcarra llegó. Luego, el mandatario recordó que el puerto será clave.'],
      'es',
    );
    expect(es.out.quotes.map((q) => [q.speaker, q.text])).toEqual([
      ['Martín Vizcarra', 'el puerto será clave'],
    ]);
  });
});
