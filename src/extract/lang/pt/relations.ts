import type { RelationWords } from '../pack.js';

// The frame and part-of phrases that Spanish and Portuguese share are listed in both packs, as one pattern.
/** How Portuguese ties a project to its parties, its place and its plan, and refers back to it. */
export const relations: RelationWords = {
  partyCues: {
    contractor: ['constru[ií]d[oa]s?\\s+pel[oa]s?', 'executad[oa]s?\\s+pel[oa]s?', 'empreiteira'],
    lender: ['financiad[oa]s?\\s+pel[oa]s?', 'empréstimos?\\s+(?:d[oa]|concedidos?\\s+pel[oa])'],
    investor: ['desenvolvid[oa]s?\\s+pel[oa]s?', 'investimento\\s+d[oa]', 'de\\s+propriedade\\s+d[oa]'],
    operator: ['operad[oa]s?\\s+pel[oa]s?', 'operador[a]?'],
  },
  articles: ['o', 'os', 'as', 'um', 'uma'],
  describedParty: {
    articles: ['uma'],
    sizes: [],
    chinese: ['chin[ae]s[ae]?'],
    nouns: ['empresa', 'companhia', 'consórcio', 'banco', 'estatal'],
    nounsBefore: ['empresa', 'companhia', 'consórcio', 'banco'],
    stateOwned: [],
    stateOwnedBefore: ['estatal'],
  },
  anaphors: [
    '(?:o|este) (?:projeto|porto|parque|aeroporto|complexo|empreendimento)',
    '(?:a|esta) (?:obra|usina|fábrica|linha|ponte|ferrovia|hidrelétrica)',
  ],
  located: ['\\b(?:situad[oa]|localizad[oa])\\s+(?:em|no|na)\\b'],
  placeLinks: ['em', 'no', 'na', 'de', 'da', 'do'],
  placeArticles: ['o', 'a'],
  partOf: [
    '(?:en\\s+el|dentro\\s+del|no|dentro\\s+do)\\s+marco\\s+d(?:el?|[oa]s?)',
    '(?:como\\s+|(?:es|forma|faz)\\s+)?parte\\s+d(?:el?|[oa]s?)',
    'no\\s+âmbito\\s+d[oa]s?',
    'sob',
    'um\\s+dos',
    'uma\\s+das',
  ],
  partOfArticles: ['o', 'a', 'os', 'as'],
};
