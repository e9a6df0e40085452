import type { IndicatorWords } from '../pack.js';

/** How Spanish names aggregate measures, China and Latin America. */
export const indicators: IndicatorWords = {
  measures: {
    'solar-pv-capacity': ['fotovoltaic', 'solar'],
    'wind-capacity': ['eólic', 'eolic'],
    'hydropower-capacity': ['hidr'],
    'fdi-stock': ['stock\\s+de\\s+(?:la\\s+)?inversi[oó]n', 'ied\\s+acumulad'],
    fdi: ['inversi[oó]n\\s+(?:extranjera\\s+)?directa', '\\bied\\b'],
    trade: ['comercio', 'intercambio\\s+comercial', 'corriente\\s+comercial'],
    exports: ['exportaci'],
    imports: ['importaci'],
    loans: ['pr[eé]stamos?', 'financiamiento'],
    'infrastructure-projects': ['proyectos\\s+de\\s+infraestructura'],
    jobs: ['empleos?'],
    capacity: ['capacidad'],
    investment: ['inversi[oó]n'],
  },
  china: ['chin(?:o|a|as|os)\\b'],
  lac: ['am[eé]rica\\s+latina\\s+y\\s+el\\s+caribe', '\\balc\\b', 'am[eé]rica\\s+latina', 'latinoam[eé]rica'],
};
