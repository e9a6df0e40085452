import type { IndicatorWords } from '../pack.js';

/** How English names aggregate measures, China and Latin America. */
export const indicators: IndicatorWords = {
  measures: {
    'solar-pv-capacity': ['photovoltaic', '\\bpv\\b', 'solar'],
    'wind-capacity': ['\\bwind\\b'],
    'hydropower-capacity': ['hydro'],
    'fdi-stock': [
      '(?:direct\\s+)?investment\\s+stock',
      'stock\\s+of\\s+(?:foreign\\s+)?(?:direct\\s+)?investment',
    ],
    fdi: ['direct\\s+investment', 'foreign\\s+investment', '\\bfdi\\b'],
    trade: ['\\btrade\\b'],
    exports: ['\\bexports?\\b'],
    imports: ['\\bimports?\\b'],
    loans: ['\\bloans?\\b', 'lending', 'credit'],
    'infrastructure-projects': ['infrastructure\\s+projects'],
    jobs: ['\\bjobs?\\b'],
    capacity: ['capacity'],
    investment: ['investment'],
  },
  china: ["chin(?:a|ese|a's)\\b", 'sino-'],
  lac: ['latin\\s+america\\s+and\\s+the\\s+caribbean', '\\blac\\b', 'latin\\s+america'],
};
