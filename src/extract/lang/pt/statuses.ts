import type { StatusWords } from '../pack.js';

/** How Portuguese says what stage a project is at. */
export const statuses: StatusWords = {
  words: {
    cancelled: ['cancelad[oa]s?', 'desistid[oa]', 'abandonad[oa]', 'descartad[oa]'],
    suspended: ['suspendid[oa]s?', 'paralisad[oa]s?', 'suspens[oa]s?'],
    operational: [
      'inaugur(?:ou|aram|ado|ada)',
      'entr(?:ou|aram)\\s+em\\s+opera[cç][aã]o',
      'em\\s+opera[cç][aã]o',
      'começou\\s+a\\s+operar',
    ],
    completed: [
      'conclu[ií]d[oa]s?',
      'conclu[ií]u',
      'terminad[oa]s?',
      'finalizad[oa]s?',
      'complet(?:ou|ado|ada)',
    ],
    expanded: [
      'ampliad[oa]',
      'amplia[cç][aã]o',
      'expans[aã]o',
      'renovad[oa]',
      'restaurad[oa]',
      'moderniza(?:d[oa]|[cç][aã]o)',
    ],
    under_construction: ['em\\s+constru[cç][aã]o', 'pedra\\s+fundamental', 'in[ií]cio\\s+das\\s+obras'],
    signed: ['assin(?:ou|aram|ado|ada|atura)'],
    announced: ['anunci(?:ou|aram|ado|ada)', 'previst[oa]', 'planejad[oa]', 'construir[aá]'],
  },
};
