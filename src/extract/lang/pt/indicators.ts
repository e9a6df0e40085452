import type { IndicatorWords } from '../pack.js';

/** How Portuguese names aggregate measures, China and Latin America. */
export const indicators: IndicatorWords = {
  measures: {
    'solar-pv-capacity': ['fotovoltaic', 'solar'],
    'wind-capacity': ['eólic', 'eolic'],
    'hydropower-capacity': ['hidr'],
    'fdi-stock': ['estoque\\s+de\\s+investimento', 'ide\\s+acumulad'],
    fdi: ['investimento\\s+(?:estrangeiro\\s+)?direto', '\\bide\\b'],
    trade: ['comércio', 'corrente\\s+de\\s+comércio'],
    exports: ['exporta[cç]'],
    imports: ['importa[cç]'],
    loans: ['empr[eé]stimos?', 'financiamento'],
    'infrastructure-projects': ['projetos\\s+de\\s+infraestrutura'],
    jobs: ['empregos?'],
    capacity: ['capacidade'],
    investment: ['investimento'],
  },
  china: ['chin(?:a|esas?|eses?)\\b', 'chinês', 'chinesa'],
  lac: ['am[eé]rica\\s+latina\\s+e\\s+(?:o\\s+)?caribe', '\\balc\\b', 'am[eé]rica\\s+latina'],
};
