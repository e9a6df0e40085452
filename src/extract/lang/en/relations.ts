import type { RelationWords } from '../pack.js';

/** How English ties a project to its parties, its place and its plan, and refers back to it. */
export const relations: RelationWords = {
  partyCues: {
    contractor: ['\\b(?:built|constructed|being built|executed|carried out)\\s+by', '\\bcontractor'],
    lender: ['\\b(?:financed|funded|bankrolled)\\s+by', '\\bloans?\\s+(?:from|by)', '\\bcredit\\s+from'],
    investor: [
      '\\b(?:invested in by|developed and invested in by|owned by|controlled by|developed by|investment (?:from|by))',
    ],
    operator: ['\\b(?:operated|run|managed)\\s+by', '\\boperator'],
  },
  articles: ['the', 'a', 'an'],
  describedParty: {
    articles: ['an?'],
    sizes: ['state-owned', 'large', 'major'],
    chinese: ['Chinese'],
    nouns: ['company', 'firm', 'consortium', 'bank', 'group', 'enterprise', 'contractor'],
    nounsBefore: [],
    stateOwned: ['state-owned'],
    stateOwnedBefore: [],
  },
  anaphors: [
    'the (?:project|port|plant|dam|line|work|works|terminal|factory|park|railway|bridge|airport|metro)',
  ],
  located: ['\\b(?:located|situated|sited|based)\\s+(?:in|within|at|near|on)\\b'],
  placeLinks: ['in'],
  placeArticles: ['the'],
  partOf: [
    '(?:as\\s+|is\\s+)?(?:a\\s+|one\\s+)?part\\s+of',
    '(?:under|within|in)\\s+the\\s+(?:framework|context)\\s+of',
    'under',
    'one\\s+of',
  ],
  partOfArticles: ['the'],
};
