import type { RelationWords } from '../pack.js';

// The frame and part-of phrases that Spanish and Portuguese share are listed in both packs, as one pattern.
/** How Spanish ties a project to its parties, its place and its plan, and refers back to it. */
export const relations: RelationWords = {
  partyCues: {
    contractor: ['construid[oa]s?\\s+por', 'ejecutad[oa]s?\\s+por', 'contratista'],
    lender: [
      'financiad[oa]s?\\s+por',
      'préstamos?\\s+(?:del?|otorgados?\\s+por)',
      'créditos?\\s+(?:del?|otorgados?\\s+por)',
      'como\\s+prestamista\\s+act[uú]a',
      'prestamista',
    ],
    investor: ['propiedad\\s+de', 'controlad[oa]s?\\s+por', 'desarrollad[oa]s?\\s+por', 'inversi[oó]n\\s+de'],
    operator: ['operad[oa]s?\\s+por', 'administrad[oa]s?\\s+por', 'gestionad[oa]s?\\s+por', 'operador[a]?'],
  },
  articles: ['el', 'la', 'los', 'las', 'un', 'una'],
  describedParty: {
    articles: ['una?'],
    sizes: [],
    chinese: ['chin[oa]'],
    nouns: ['empresa', 'compañía', 'consorcio', 'banco', 'estatal'],
    nounsBefore: ['empresa', 'compañía', 'consorcio', 'banco'],
    stateOwned: [],
    stateOwnedBefore: ['estatal'],
  },
  anaphors: [
    '(?:la|esta|dicha) (?:obra|planta|represa|central|línea|terminal|fábrica|hidroeléctrica|mina|carretera)',
    '(?:el|este|dicho) (?:proyecto|puerto|parque|aeropuerto|metro|puente|tren|megapuerto|complejo)',
  ],
  located: ['\\b(?:ubicad[oa]|situad[oa]|localizad[oa])\\s+(?:en|em|no|na|cerca)\\b'],
  placeLinks: ['en', 'de', 'del'],
  placeArticles: ['el', 'la'],
  partOf: [
    '(?:en\\s+el|dentro\\s+del|no|dentro\\s+do)\\s+marco\\s+d(?:el?|[oa]s?)',
    '(?:como\\s+|(?:es|forma|faz)\\s+)?parte\\s+d(?:el?|[oa]s?)',
    'dentro\\s+de(?:l)?',
    'bajo',
    'uno\\s+de',
    'una\\s+de',
  ],
  partOfArticles: ['el', 'la', 'los', 'las'],
};
