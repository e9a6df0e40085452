import type { QualifierWords } from '../pack.js';

/** Spanish qualifier phrases. */
export const qualifiers: QualifierWords = {
  cues: {
    at_least: ['más de', 'superior a', 'por lo menos', 'al menos', 'no menos de'],
    approx: [
      'casi',
      'cerca de',
      'alrededor de',
      'aproximadamente',
      'unos',
      'unas',
      'cerca de unos',
      'aproximadamente unos',
      'del orden de',
      'en el orden de',
    ],
    at_most: ['hasta', 'menos de', 'no más de'],
  },
  floor: ['según estadísticas incompletas', 'según datos incompletos'],
};
